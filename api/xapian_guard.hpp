#pragma once
// The library API's boundary: Xapian's exceptions never reach the caller, they become
// newssearch::IndexError with the index's path.

#include "common/errors.hpp"

#include <xapian.h>

#include <string>
#include <utility>

namespace newssearch::api {

/// Runs `work`; a Xapian::Error it throws is rethrown as IndexError naming the index at `path`.
template <typename Work>
auto guard_xapian(const std::string& path, Work&& work) -> decltype(std::forward<Work>(work)()) {
    try {
        return std::forward<Work>(work)();
    } catch (const Xapian::DatabaseLockError& e) {
        throw IndexError("the index at " + path + " is being written by another program (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw IndexError("the index at " + path + " could not be used: " + e.get_description());
    }
}

} // namespace newssearch::api
