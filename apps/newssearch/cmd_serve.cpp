// `newssearch serve`: its options and help; run_serve (serve_program.hpp) runs the service.

#include "commands.hpp"
#include "serve_program.hpp"

#include <memory>

namespace newssearch::app {

void add_serve_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeCommandOptions>();
    CLI::App* command =
        app.add_subcommand("serve", "Serve the search page and an HTTP/JSON search API");
    // Settings come from the command line, then the environment, then the --config file's
    // [serve] section (keys are these long options), then the defaults. CLI11 reads the file
    // after the command line and, for a subcommand, the environment before the file once the
    // subcommand's own parse is complete (parse_complete_callback).
    command->parse_complete_callback([] {});
    command->add_option("--db", options->db,
                        "Index folder (default: ~/.local/share/newssearch/db)")
        ->envname("NEWSSEARCH_DB");
    command
        ->add_option("--host", options->host,
                     "Address to listen on (other hosts reach it only if you say so)")
        ->capture_default_str();
    command->add_option("--port", options->port, "Port to listen on")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    command->add_option("--threads", options->threads, "Searches run at once (default: two per CPU core); clients that are slow to send do not hold them")
        ->check(CLI::Range(1, 256));
    command
        ->add_option("--max-connections", options->max_connections,
                     "Open connections (idle or sending their request) kept at once; more are answered 503")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command
        ->add_option("--max-client-connections", options->max_client_connections,
                     "The same, from one client address (behind a proxy, every client has its address)")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command->add_option("--cors-origin", options->cors_origin,
                        "Let pages from this origin call the API (Access-Control-Allow-Origin), "
                        "e.g. http://intranet");
    command->add_option("--log-format", options->log_format,
                        "Log lines on stderr: text, or one JSON object per line")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command->callback([options, &exit_code] { exit_code = run_serve(*options); });
}

} // namespace newssearch::app
