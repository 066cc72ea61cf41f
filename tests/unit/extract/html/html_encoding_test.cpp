#include "extract/html/html_encoding.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::extract::html;

TEST_CASE("declared charsets are found in meta tags", "[html][encoding]") {
    CHECK(declared_charset(R"(<html><head><meta charset="ISO-8859-1"></head>)") == "iso-8859-1");
    CHECK(declared_charset(R"(<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">)") ==
          "windows-1251");
    CHECK(declared_charset("<meta charset=utf-8>") == "utf-8");
    CHECK(declared_charset("<p>charset=koi8-r is text, not a declaration</p>").empty());
    CHECK(declared_charset("").empty());
}

TEST_CASE("pages are decoded to UTF-8 by BOM, declaration or content", "[html][encoding]") {
    SECTION("UTF-8 BOM wins and is removed") {
        const auto page = decode_page("\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
        CHECK(page.encoding == "UTF-8");
        CHECK(page.text == "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
    }
    SECTION("UTF-16LE BOM") {
        const std::string bytes("\xFF\xFE<\0p\0>\0\xE9\0", 10);
        const auto page = decode_page(bytes);
        CHECK(page.encoding == "UTF-16LE");
        CHECK(page.text == "<p>\xC3\xA9");
    }
    SECTION("declared windows-1252") {
        const auto page = decode_page("<meta charset=\"windows-1252\"><p>caf\xE9 \x96 \x80</p>");
        CHECK(page.text == "<meta charset=\"windows-1252\"><p>caf\xC3\xA9 \xE2\x80\x93 \xE2\x82\xAC</p>");
        CHECK_FALSE(page.corrected);
    }
    SECTION("ISO-8859-1 is read as windows-1252, as browsers do") {
        const auto page = decode_page("<meta charset=\"iso-8859-1\"><p>\x93quoted\x94</p>");
        CHECK(page.text.find("\xE2\x80\x9Cquoted\xE2\x80\x9D") != std::string::npos);
    }
    SECTION("UTF-8 content declared ISO-8859-1 is detected and read as UTF-8") {
        const auto page = decode_page("<meta charset=\"iso-8859-1\"><p>Z\xC3\xBCrich caf\xC3\xA9</p>");
        CHECK(page.corrected);
        CHECK(page.encoding == "UTF-8");
        CHECK(page.text.find("Z\xC3\xBCrich caf\xC3\xA9") != std::string::npos);
    }
    SECTION("Latin-1 bytes declared UTF-8 are read as windows-1252") {
        const auto page = decode_page("<meta charset=\"utf-8\"><p>caf\xE9 cr\xE8me br\xFBl\xE9" "e</p>");
        CHECK(page.corrected);
        CHECK(page.text.find("caf\xC3\xA9 cr\xC3\xA8me") != std::string::npos);
    }
    SECTION("no declaration: valid UTF-8 stays UTF-8, anything else is windows-1252") {
        CHECK(decode_page("<p>\xC3\xA9</p>").text == "<p>\xC3\xA9</p>");
        CHECK(decode_page("<p>\xE9</p>").text == "<p>\xC3\xA9</p>");
    }
    SECTION("an unknown charset name is ignored") {
        CHECK(decode_page("<meta charset=\"no-such-charset\"><p>\xC3\xA9</p>").encoding == "UTF-8");
    }
    SECTION("other declared encodings are converted with ICU") {
        const auto page = decode_page("<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>");
        CHECK(page.text.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") != std::string::npos); // Привет
    }
}
