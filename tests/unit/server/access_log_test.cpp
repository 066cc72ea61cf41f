#include "server/access_log.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace newssearch::server;

namespace {

// 2026-12-07T10:40:59.123Z
const std::chrono::system_clock::time_point when{std::chrono::milliseconds(1796640059123)};

AccessLogEntry entry(std::string_view target, int status = 200) {
    return {when, "127.0.0.1", "GET", target, status, 5123, 2.44};
}

} // namespace

TEST_CASE("access_log_line: time, client, method, path with query, status, bytes, milliseconds") {
    CHECK(access_log_line(entry("/api/search?q=Lavrov&limit=5"), LogFormat::text) ==
          "2026-12-07T10:40:59.123Z 127.0.0.1 GET /api/search?q=Lavrov&limit=5 200 5123 2.4ms");
}

TEST_CASE("access_log_line never breaks the line, and caps the path") {
    const std::string line = access_log_line(entry("/a b\nforged 200\r", 404), LogFormat::text);
    CHECK(line == "2026-12-07T10:40:59.123Z 127.0.0.1 GET /a%20b%0Aforged%20200%0D 404 5123 2.4ms");
    const std::string target = "/api/search?q=" + std::string(5000, 'x');
    const std::string long_line = access_log_line(entry(target), LogFormat::text);
    CHECK(long_line.size() < max_logged_target + 100);
    CHECK(long_line.find("xxx... 200 ") != std::string::npos);
}

TEST_CASE("access_log_line as JSON: one object per line, whatever the bytes") {
    const std::string line = access_log_line(entry("/x?q=\"\n\xff"), LogFormat::json);
    CHECK(line.find('\n') == std::string::npos);
    const nlohmann::json json = nlohmann::json::parse(line);
    CHECK(json["time"] == "2026-12-07T10:40:59.123Z");
    CHECK(json["level"] == "info");
    CHECK(json["client"] == "127.0.0.1");
    CHECK(json["method"] == "GET");
    CHECK(json["status"] == 200);
    CHECK(json["bytes"] == 5123);
    CHECK(json["ms"] == Approx(2.4));
    CHECK(json["path"].get<std::string>().starts_with("/x?q=\"\n"));
}

TEST_CASE("event_log_line: start, stop and errors with a level") {
    CHECK(event_log_line(when, "info", "serving http://127.0.0.1:8080/", LogFormat::text) ==
          "2026-12-07T10:40:59.123Z newssearch: info: serving http://127.0.0.1:8080/");
    CHECK(event_log_line(when, "error", "two\nlines", LogFormat::text).find('\n') == std::string::npos);
    const nlohmann::json json = nlohmann::json::parse(event_log_line(when, "warning", "slow", LogFormat::json));
    CHECK(json["level"] == "warning");
    CHECK(json["message"] == "slow");
}

TEST_CASE("parse_log_format knows text and json") {
    CHECK(parse_log_format("json") == LogFormat::json);
    CHECK(parse_log_format("text") == LogFormat::text);
    CHECK_THROWS_AS(parse_log_format("xml"), newssearch::UsageError);
}
