#include "common/utf8.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;

TEST_CASE("find_invalid_utf8 accepts valid text and points at the first bad byte", "[utf8]") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII"));
    CHECK_FALSE(find_invalid_utf8("Zürich, Лавров, 日本, 😀"));
    CHECK(find_invalid_utf8("caf\xE9 au lait") == std::optional<std::size_t>(3));  // Latin-1 é
    CHECK(find_invalid_utf8("ok \xC0\xAF") == std::optional<std::size_t>(3));       // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == std::optional<std::size_t>(0));      // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));  // > U+10FFFF
    CHECK(find_invalid_utf8("cut \xE2\x82") == std::optional<std::size_t>(4));      // truncated
}

TEST_CASE("repair_utf8 replaces each bad byte with U+FFFD and keeps the rest", "[utf8]") {
    CHECK(repair_utf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
    CHECK(repair_utf8("Zürich") == "Zürich");
    CHECK_FALSE(find_invalid_utf8(repair_utf8("\xFF\xFE\xC3")));
}

TEST_CASE("looks_binary tells binary data from text", "[utf8]") {
    CHECK(looks_binary(std::string("PK\x03\x04\0\0", 6)));
    CHECK_FALSE(looks_binary("Line one\r\nLine two\tTabbed\f"));
    std::string noisy(100, 'a');
    noisy += "\x01\x02";
    CHECK_FALSE(looks_binary(noisy));
    CHECK(looks_binary(std::string(50, '\x01')));
}

TEST_CASE("is_ascii tells plain ASCII from any other byte", "[utf8]") {
    CHECK(is_ascii("Lavrov, U.S. 2025"));
    CHECK(is_ascii(""));
    CHECK_FALSE(is_ascii("Лавров"));
    CHECK_FALSE(is_ascii("Zürich"));
}
