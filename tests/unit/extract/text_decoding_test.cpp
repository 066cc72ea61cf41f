#include "extract/text_decoding.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newssearch::extract;

TEST_CASE("UTF-8 passes through, other bytes are read as Windows-1252", "[indexer][encoding]") {
    CHECK(decode_text("Caf\xC3\xA9").text == "Caf\xC3\xA9");
    CHECK_FALSE(decode_text("Caf\xC3\xA9").converted);
    CHECK(decode_text("\xEF\xBB\xBFHello").text == "Hello");

    // Latin-1 é, the Windows-1252 euro sign and pound sign (bbc/sport/199.txt has a raw 0xA3).
    const DecodedText latin = decode_text("Caf\xE9 \x80 5 \xA3 3");
    CHECK(latin.converted);
    CHECK(latin.text == "Caf\xC3\xA9 \xE2\x82\xAC 5 \xC2\xA3 3");
    // 0x81 has no character in Windows-1252: replaced, never dropped silently or left invalid.
    CHECK(decode_text("a\x81z").text == "a\xEF\xBF\xBDz");
}

TEST_CASE("lines are read in bounded memory", "[indexer][encoding]") {
    std::istringstream in("short\n\n" + std::string(200000, 'x') + "\nlast without newline");
    std::string line;
    bool too_long = false;
    REQUIRE(read_bounded_line(in, line, 1000, too_long));
    CHECK(line == "short");
    REQUIRE(read_bounded_line(in, line, 1000, too_long));
    CHECK(line.empty());
    CHECK_FALSE(too_long);
    REQUIRE(read_bounded_line(in, line, 1000, too_long));
    CHECK(too_long);
    CHECK(line.empty());
    REQUIRE(read_bounded_line(in, line, 1000, too_long));
    CHECK(line == "last without newline");
    CHECK_FALSE(read_bounded_line(in, line, 1000, too_long));
}
