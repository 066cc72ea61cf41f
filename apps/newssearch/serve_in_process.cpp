// run_serve and run_in_long_run_program for newssearch-serve: the work in this process
// (serve_program.hpp).

#include "commands.hpp"
#include "db_location.hpp"
#include "serve_program.hpp"

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
#include <sys/resource.h>
#include <unistd.h>

namespace newssearch::app {
namespace {

void log_event(server::LogFormat format, std::string_view level, const std::string& message) {
    std::cerr << server::event_log_line(std::chrono::system_clock::now(), level, message, format) << '\n'
              << std::flush;
}

/// Serves until SIGINT or SIGTERM. The signals are blocked in every thread and taken by one
/// waiting thread, which stops the server cleanly (no work in a signal handler). False when the
/// address cannot be bound.
bool serve(server::HttpServer& server, const std::string& host, int port, server::LogFormat format) {
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
    if (!server.bind(host, port)) {
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

void remember_command_line(int, char**) {}

void run_in_long_run_program() {}

int run_serve(const ServeCommandOptions& options) {
    server::ServiceSettings settings;
    settings.db = database_location(options.db).path;
    settings.cors_origin = options.cors_origin;
    settings.threads = options.threads != 0
                           ? options.threads
                           // Two per core: a slot freed waits for its next holder to be
                           // woken, and with one per core the processor idled that long (200
                           // connections: 0.7-0.8x the requests/s of 2; two per core, 0.9x).
                           : 2 * std::max(1u, std::thread::hardware_concurrency());
    settings.log = &std::cerr;
    settings.log_format = server::parse_log_format(options.log_format);
    // Every connection waiting for its next request holds a file descriptor: allow as many as
    // the system lets this process have (the server keeps below the limit, server/http_server.hpp).
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    server::ConnectionLimits limits;
    limits.max_connections = options.max_connections;
    limits.max_per_client = options.max_client_connections;
    server::HttpServer server(limits);
    server::install_service(server, settings);
    log_event(settings.log_format, "info",
              "index " + settings.db + ", " + std::to_string(settings.threads) + " search threads");
    return serve(server, options.host, options.port, settings.log_format) ? exit_ok : exit_error;
}

} // namespace newssearch::app
