#pragma once
/// How `newssearch serve` runs the service. The HTTP server (cpp-httplib, which loads OpenSSL and
/// Brotli when the process starts) lives in its own program, newssearch-serve, so that every other
/// command starts without loading it: that was half of a one-shot search's start-up
/// (docs/BENCHMARKS.md, "Start-up"). `newssearch serve ...` checks its options, then replaces
/// itself (exec, same process id) with newssearch-serve given the same command line;
/// newssearch-serve is this same program with the server linked in.
///
/// newssearch-serve is also the program for long runs: it alone allocates with jemalloc
/// (cmake/Allocator.cmake), which indexing needs (docs/INDEXING.md) and the service gains from,
/// but which costs a one-shot search about a millisecond to start. So `newssearch index` hands its
/// command line on too, and indexes itself only when the other program cannot be started.

#include <cstddef>
#include <string>

namespace newssearch::app {

/// The options of `serve` (cmd_serve.cpp defines them and their help).
struct ServeCommandOptions {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::size_t threads = 0;
    std::string cors_origin;
    std::string log_format = "text";
    std::size_t max_connections = 8192;        ///< waiting for their next request, in all
    std::size_t max_client_connections = 2048; ///< the same, from one address
};

/// Keeps the command line as the program was given it, for run_serve and
/// run_in_long_run_program to hand on.
void remember_command_line(int argc, char** argv);

/// Runs the service until SIGINT or SIGTERM and returns the exit code. In newssearch this execs
/// newssearch-serve (returning only when that fails); in newssearch-serve it serves.
int run_serve(const ServeCommandOptions& options);

/// In newssearch, execs newssearch-serve with the same command line, and returns only when that
/// fails (the caller then does the work itself); in newssearch-serve, returns at once.
void run_in_long_run_program();

} // namespace newssearch::app
