#include "commands.hpp"
#include "db_location.hpp"

#include "common/errors.hpp"
#include "server/access_log.hpp"
#include "server/http_server.hpp"
#include "server/service.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

namespace newssearch::app {
namespace {

struct ServeCommandOptions {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::size_t threads = 0;
    std::string cors_origin;
    std::string log_format = "text";
};

void log_event(server::LogFormat format, std::string_view level, const std::string& message) {
    std::cerr << server::event_log_line(std::chrono::system_clock::now(), level, message, format) << '\n'
              << std::flush;
}

/// Serves until SIGINT or SIGTERM. The signals are blocked in every thread and taken by one
/// waiting thread, which stops the server cleanly (no work in a signal handler). False when the
/// address cannot be bound.
bool serve(httplib::Server& server, const std::string& host, int port, server::LogFormat format) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    int received = 0;
    std::thread stopper([&server, &received, signals] {
        sigwait(&signals, &received);
        server.stop();
    });
    if (!server.bind_to_port(host, port)) {
        // Wake the waiting thread so it can end.
        ::kill(::getpid(), SIGTERM);
        stopper.join();
        log_event(format, "error",
                  "cannot listen on " + host + ":" + std::to_string(port) +
                      " (in use, or not an address of this host)");
        return false;
    }
    log_event(format, "info", "serving http://" + host + ":" + std::to_string(port) + "/");
    server.listen_after_bind();
    if (stopper.joinable()) {
        ::kill(::getpid(), SIGTERM); // listen ended on its own: release the waiting thread
        stopper.join();
    }
    log_event(format, "info", std::string("stopped (") + (received == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    return true;
}

} // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeCommandOptions>();
    CLI::App* command =
        app.add_subcommand("serve", "Serve the search page and an HTTP/JSON search API");
    // Settings come from the command line, then the environment, then the --config file's
    // [serve] section (keys are these long options), then the defaults. CLI11 reads the file
    // after the command line and, for a subcommand, the environment before the file once the
    // subcommand's own parse is complete (parse_complete_callback).
    command->fallthrough(); // --config given after "serve"
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
    command->add_option("--threads", options->threads, "Searches run at once (default: one per CPU core); clients that are slow to send do not hold them")
        ->check(CLI::Range(1, 256));
    command->add_option("--cors-origin", options->cors_origin,
                        "Let pages from this origin call the API (Access-Control-Allow-Origin), "
                        "e.g. http://intranet");
    command->add_option("--log-format", options->log_format,
                        "Log lines on stderr: text, or one JSON object per line")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command->callback([options, &exit_code] {
        server::ServiceSettings settings;
        settings.db = database_location(options->db).path;
        settings.cors_origin = options->cors_origin;
        settings.threads = options->threads != 0
                               ? options->threads
                               : std::max(1u, std::thread::hardware_concurrency());
        settings.log = &std::cerr;
        settings.log_format = server::parse_log_format(options->log_format);
        server::HttpServer server;
        server::install_service(server, settings);
        log_event(settings.log_format, "info",
                  "index " + settings.db + ", " + std::to_string(settings.threads) + " search threads");
        if (!serve(server, options->host, options->port, settings.log_format)) {
            exit_code = exit_error;
            return;
        }
        exit_code = exit_ok;
    });
}

} // namespace newssearch::app
