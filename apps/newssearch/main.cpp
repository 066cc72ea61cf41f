// newssearch: the command-line program. A thin shell over the libraries: it parses the command
// line, runs one subcommand, and turns errors into one clear line on stderr and an exit code.

#include "cli_docs.hpp"
#include "commands.hpp"
#include "serve_program.hpp"

#include "common/data_dir.hpp"
#include "common/errors.hpp"

#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

bool is_program_option(const std::string& arg) { return arg == "-h" || arg == "--help" || arg == "--version"; }

/// The names of the subcommands, and the options of any command that take a value (so that the
/// word after them is not mistaken for the query), from the definitions themselves.
struct CommandWords {
    std::set<std::string> subcommands;
    std::set<std::string> value_options;
    std::set<std::string> program_value_options; ///< the program's own (--config), not a command's
};

std::set<std::string> value_option_names(const CLI::App& command) {
    std::set<std::string> names;
    for (const CLI::Option* option : command.get_options())
        if (!option->get_positional() && option->get_expected_max() > 0) {
            for (const std::string& name : option->get_lnames()) names.insert("--" + name);
            for (const std::string& name : option->get_snames()) names.insert("-" + name);
        }
    return names;
}

CommandWords command_words(const CLI::App& program) {
    CommandWords words;
    words.program_value_options = value_option_names(program);
    words.value_options = words.program_value_options;
    for (const CLI::App* command : program.get_subcommands([](const CLI::App*) { return true; })) {
        words.subcommands.insert(command->get_name());
        words.value_options.merge(value_option_names(*command));
    }
    return words;
}

/// The option's name without an attached value: "--config=x.toml" -> "--config".
std::string option_name(const std::string& arg) { return arg.substr(0, arg.find('=')); }

/// A bare query is a search: "newssearch Anchorage agreements" == "newssearch search Anchorage
/// agreements". Options may come before the subcommand: "newssearch --db X index DIR" works too.
/// The command goes after the program's own options (--config FILE), which only the program
/// knows, and before every other option.
std::vector<std::string> with_default_subcommand(int argc, char** argv, const CommandWords& words) {
    std::vector<std::string> args(argv, argv + argc);
    if (argc < 2 || is_program_option(args[1])) return args;
    std::vector<std::string> program_part{args[0]};
    std::vector<std::string> command_part;
    std::string command = "search";
    std::size_t i = 1;
    for (; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (!args[i].starts_with("-")) {
            if (words.subcommands.contains(args[i])) {
                command = args[i];
                ++i;
            }
            break;
        }
        const bool own = words.program_value_options.contains(option_name(args[i]));
        std::vector<std::string>& part = own ? program_part : command_part;
        part.push_back(args[i]);
        if (words.value_options.contains(args[i]) && i + 1 < args.size()) part.push_back(args[++i]);
    }
    program_part.push_back(command);
    program_part.insert(program_part.end(), command_part.begin(), command_part.end());
    program_part.insert(program_part.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
    return program_part;
}

/// A subcommand, and what registers its options and callback.
struct Command {
    std::string name;
    std::function<void(CLI::App&, int&)> add;
};

/// The one command this command line can run, when that is certain without the others' options:
/// the first word names it ("newssearch index DIR"), or no word names any command, which is a
/// search ("newssearch Anchorage agreements", "newssearch --db X lavrov"). Empty when every
/// command must be built: help, version, a command named after options, a query word that is a
/// command's name, and generate-docs, which documents them all. Building all nine costs a one-shot
/// search a tenth of its work.
std::string only_command_needed(int argc, char** argv, const std::vector<Command>& commands) {
    const auto is_command = [&](const std::string& word) {
        return std::any_of(commands.begin(), commands.end(), [&](const Command& command) { return command.name == word; });
    };
    if (argc < 2) return {};
    const std::string first = argv[1];
    if (is_command(first)) return first == "generate-docs" ? std::string() : first;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (is_program_option(arg) || is_command(arg)) return {};
    }
    return "search";
}

std::string version_text() {
    char icu[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, icu);
    return std::string("newssearch ") + NEWSSEARCH_VERSION + " (Xapian " + Xapian::version_string() + ", ICU " + icu +
           ")\ndata: " + newssearch::data_dir();
}

} // namespace

int main(int argc, char** argv) {
    using namespace newssearch;
    int exit_code = app::exit_ok;
    app::remember_command_line(argc, argv);
    CLI::App cli{"newssearch: full-text search for news articles, with highlighted passages.\n"
                 "A bare query searches: newssearch \"Anchorage agreements\"",
                 "newssearch"};
    cli.set_version_flag("--version", version_text());
    cli.footer("Exit codes: 0 success (also when nothing matched); 1 the index is missing, locked, damaged or\n"
               "incompatible, or another error; 2 bad command line or query; 3 finished, but some inputs were\n"
               "skipped, or a search answered without some remote shards (--allow-partial).\n"
               "NO_COLOR=1 turns colour off (--color turns it on again).");
    cli.require_subcommand(1);
    // serve reads its settings from the file's [serve] section (keys: its long options).
    cli.set_config("--config", "", "Settings file (TOML or INI), e.g. [serve] port = 8080; "
                                   "the command line and the environment take precedence")
        ->type_name("FILE");
    cli.allow_config_extras(CLI::config_extras_mode::error);
    // Every command takes the program's own options after its name too ("search --config FILE").
    cli.fallthrough();
    const std::vector<Command> commands{
        {"search", app::add_search_command},     {"index", app::add_index_command},
        {"clean", app::add_clean_command},       {"entities", app::add_entities_command},
        {"batch", app::add_batch_command},       {"eval", app::add_eval_command},
        {"serve", app::add_serve_command},       {"stats", app::add_stats_command},
        {"generate-docs", [](CLI::App& program, int&) { app::add_generate_docs_command(program, NEWSSEARCH_VERSION); }}};
    const std::string only = only_command_needed(argc, argv, commands);
    for (const Command& command : commands)
        if (only.empty() || command.name == only) command.add(cli, exit_code);

    std::vector<std::string> args = with_default_subcommand(argc, argv, command_words(cli));
    std::vector<char*> arg_pointers;
    for (std::string& arg : args) arg_pointers.push_back(arg.data());
    try {
        cli.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? app::exit_ok : app::exit_usage;
    } catch (const UsageError& e) {
        std::cerr << "newssearch: " << e.what() << '\n';
        return app::exit_usage;
    } catch (const Error& e) {
        std::cerr << "newssearch: " << e.what() << '\n';
        return app::exit_error;
    } catch (const Xapian::Error& e) {
        std::cerr << "newssearch: index error: " << e.get_description() << '\n';
        return app::exit_error;
    } catch (const std::exception& e) {
        std::cerr << "newssearch: " << e.what() << '\n';
        return app::exit_error;
    }
    return exit_code;
}
