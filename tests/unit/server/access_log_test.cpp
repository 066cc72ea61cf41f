#include "server/access_log.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::server;

TEST_CASE("access_log_line: method, path, status, bytes, milliseconds on one line") {
    CHECK(access_log_line("GET", "/api/search", 200, 5123, 2.44) ==
          "GET /api/search 200 5123 2.4ms");
    CHECK(access_log_line("POST", "/x", 405, 0, 0) == "POST /x 405 0 0.0ms");
}

TEST_CASE("access_log_line never breaks the line") {
    const std::string line = access_log_line("GET", "/a b\nforged 200\r", 404, 10, 1);
    CHECK(line == "GET /a%20b%0Aforged%20200%0D 404 10 1.0ms");
    CHECK(line.find('\n') == std::string::npos);
}
