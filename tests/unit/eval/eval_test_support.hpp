#pragma once
/// Helpers shared by the evaluation tests: fixture paths and exception-message capture.

#include <filesystem>
#include <string>

namespace newssearch::eval::test {

/// A fixture under tests/data/eval/.
inline std::filesystem::path fixture(const std::string& name) {
#ifdef NEWSSEARCH_TEST_DATA
    return std::filesystem::path(NEWSSEARCH_TEST_DATA) / "eval" / name;
#else
    // Built outside CMake (the module compiled on its own): tests/unit/eval/ -> tests/data/.
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "data" /
           "eval" / name;
#endif
}

/// The shared research collections (shared/data/), which users may not have.
inline std::filesystem::path shared_data() {
    return std::filesystem::path(NEWSSEARCH_SHARED_DATA);
}

/// The message of the `Exception` that `action` throws, or "<nothing thrown>".
template <class Exception, class Action> std::string message_of(Action action) {
    try {
        action();
    } catch (const Exception& error) {
        return error.what();
    }
    return "<nothing thrown>";
}

} // namespace newssearch::eval::test
