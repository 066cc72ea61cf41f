#pragma once
// Runs the real newssearch binary for end-to-end tests and captures what it printed.

#include <map>
#include <string>
#include <vector>

namespace newssearch::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs NEWSSEARCH_BINARY with `args` (no shell involved in their meaning: each is quoted) and
/// extra environment variables; stdin is empty.
CommandResult run_newssearch(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& environment = {});

} // namespace newssearch::test
