#include "commands.hpp"
#include "db_location.hpp"

#include "common/errors.hpp"
#include "server/service.hpp"

#include <httplib.h>

#include <algorithm>
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
};

/// Serves until SIGINT or SIGTERM. The signals are blocked in every thread and taken by one
/// waiting thread, which stops the server cleanly (no work in a signal handler).
void serve(httplib::Server& server, const std::string& host, int port) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread stopper([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    if (!server.bind_to_port(host, port)) {
        // Wake the waiting thread so it can end.
        ::kill(::getpid(), SIGTERM);
        stopper.join();
        throw Error("cannot listen on " + host + ":" + std::to_string(port) +
                    " (in use, or not an address of this host)");
    }
    std::cerr << "newssearch: serving http://" << host << ":" << port << "/\n" << std::flush;
    server.listen_after_bind();
    if (stopper.joinable()) {
        ::kill(::getpid(), SIGTERM); // listen ended on its own: release the waiting thread
        stopper.join();
    }
}

} // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeCommandOptions>();
    CLI::App* command =
        app.add_subcommand("serve", "Serve the search page and an HTTP/JSON search API");
    command->add_option("--db", options->db,
                        "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command
        ->add_option("--host", options->host,
                     "Address to listen on (other hosts reach it only if you say so)")
        ->capture_default_str();
    command->add_option("--port", options->port, "Port to listen on")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    command->add_option("--threads", options->threads, "Worker threads (default: one per CPU core)")
        ->check(CLI::Range(1, 256));
    command->add_option("--cors-origin", options->cors_origin,
                        "Let pages from this origin call the API (Access-Control-Allow-Origin), "
                        "e.g. http://intranet");
    command->callback([options, &exit_code] {
        server::ServiceSettings settings;
        settings.db = database_location(options->db).path;
        settings.cors_origin = options->cors_origin;
        settings.threads = options->threads != 0
                               ? options->threads
                               : std::max(1u, std::thread::hardware_concurrency());
        settings.log = &std::cerr;
        httplib::Server server;
        server::install_service(server, settings);
        std::cerr << "newssearch: index " << settings.db << ", " << settings.threads
                  << " worker threads\n";
        serve(server, options->host, options->port);
        exit_code = exit_ok;
    });
}

} // namespace newssearch::app
