#pragma once
/// Manual pages and shell completion generated from the program's own CLI11 definitions, so that
/// they list exactly the options the program accepts. The build runs the hidden command
///   newssearch generate-docs --man-dir DIR --bash FILE --zsh FILE
/// and installs what it writes (share/man/man1, bash-completion, zsh site-functions).

#include <CLI/CLI.hpp>

#include <string>

namespace newssearch::app {

/// The roff source of the manual page of `command` (the program itself or one subcommand):
/// NAME, SYNOPSIS, DESCRIPTION, OPTIONS, and for the program COMMANDS, ENVIRONMENT, EXIT STATUS.
[[nodiscard]] std::string man_page(const CLI::App& program, const CLI::App& command,
                                   const std::string& version);

/// A bash completion script (complete -F) for the program: subcommands, their long options, the
/// choices of options that take one of a set, files for the rest.
[[nodiscard]] std::string bash_completion(const CLI::App& program);

/// The same for zsh (#compdef newssearch, _arguments).
[[nodiscard]] std::string zsh_completion(const CLI::App& program);

/// Registers the hidden generate-docs command on `program`.
void add_generate_docs_command(CLI::App& program, const std::string& version);

} // namespace newssearch::app
