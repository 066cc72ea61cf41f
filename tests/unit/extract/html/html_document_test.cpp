#include "extract/html/html_document.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::extract::html;

namespace {

std::size_t max_depth(const HtmlDocument& document) {
    std::size_t deepest = 0;
    for (const GumboNode* node : document.elements()) {
        std::size_t depth = 0;
        for (const GumboNode* up = node; up; up = up->parent) ++depth;
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

} // namespace

TEST_CASE("nesting beyond the limit is flattened, text is kept", "[html][document]") {
    CHECK(limit_nesting("<div><div><p>a</p><p>b</p></div></div>", 2) == "<div><div> a  b </div></div>");
    CHECK(limit_nesting("<div><div><p>a</p></div></div>", 5) == "<div><div><p>a</p></div></div>");
    // Void elements, comments and raw text do not count or get cut.
    CHECK(limit_nesting("<div><br><img src=x><!-- <div> --><script>if (a<b) x='<div>';</script></div>", 1) ==
          "<div><br><img src=x><!-- <div> --><script>if (a<b) x='<div>';</script></div>");
    CHECK(limit_nesting("a < b and <3", 1) == "a < b and <3");
}

TEST_CASE("a 5 MB page of 100,000 nested divs parses quickly and safely", "[html][document]") {
    std::string page = "<html><body>";
    for (int i = 0; i < 100000; ++i) page += "<div class=\"x\">";
    page += "deep text";
    for (int i = 0; i < 100000; ++i) page += "</div>";
    while (page.size() < (5u << 20)) page += "<p>filler paragraph of text</p>";
    const HtmlDocument document(page);
    CHECK(max_depth(document) <= max_nesting_depth + 8);
    CHECK(text_content(document.root()).find("deep text") != std::string::npos);
}

TEST_CASE("unclosed nesting is bounded too", "[html][document]") {
    std::string page = "<html><body>";
    for (int i = 0; i < 50000; ++i) page += "<span><b><div>";
    page += "end";
    const HtmlDocument document(page);
    CHECK(max_depth(document) <= max_nesting_depth + 8);
}

TEST_CASE("attributes, tags and text content", "[html][document]") {
    const HtmlDocument document(R"(<html lang="en"><body><p id="a">One <b>two</b><br>three</p><p>four</p>
        <script>var x = "no";</script><custom-tag data-x="1">five</custom-tag></body></html>)");
    CHECK(attribute(document.root(), "lang") == "en");
    CHECK(attribute(document.root(), "missing").empty());
    CHECK(text_content(document.root()) == "One two three four five");
    bool found_custom = false;
    for (const GumboNode* node : document.elements())
        if (tag_name(node) == "custom-tag") found_custom = attribute(node, "data-x") == "1";
    CHECK(found_custom);
    CHECK(collapse_whitespace("  a \xC2\xA0 b\n\tc  ") == "a b c");
}

TEST_CASE("document order puts holders before what they hold, earlier subtrees before later ones",
          "[html][document]") {
    const HtmlDocument document(
        "<html><body><div id=a><p id=b>x</p><p id=c>y <em id=e>z</em></p></div><div id=d></div></body></html>");
    const auto by_id = [&](std::string_view id) {
        for (const GumboNode* node : document.elements())
            if (attribute(node, "id") == id) return node;
        FAIL("no element with id " << id);
        return static_cast<const GumboNode*>(nullptr);
    };
    const GumboNode* a = by_id("a");
    const GumboNode* b = by_id("b");
    const GumboNode* c = by_id("c");
    const GumboNode* d = by_id("d");
    const GumboNode* e = by_id("e");
    CHECK(precedes(a, b));
    CHECK_FALSE(precedes(b, a));
    CHECK(precedes(b, c));
    CHECK_FALSE(precedes(c, b));
    CHECK(precedes(e, d)); // deeper, but in an earlier subtree
    CHECK_FALSE(precedes(d, e));
    CHECK(precedes(b, e));
    CHECK_FALSE(precedes(a, a));
    // The same order as the pre-order walk of elements().
    const auto& elements = document.elements();
    for (std::size_t i = 0; i + 1 < elements.size(); ++i) CHECK(precedes(elements[i], elements[i + 1]));
}

TEST_CASE("text_lines gives a line per block and per <br>", "[html][document]") {
    const HtmlDocument document("<body><p>One, <b>two</b></p>three<br>four<div>five</div></body>");
    CHECK(text_lines(document.root()) == "One, two\nthree\nfour\nfive\n");
}

TEST_CASE("limit_nesting closes a <title> left open and reads an unclosed quote unquoted", "[html][document]") {
    CHECK(limit_nesting("<title>A page\n<body><p>Text</p>") == "<title>A page\n</title><body><p>Text</p>");
    CHECK(limit_nesting("<title>A page</title>") == "<title>A page</title>");
    CHECK(limit_nesting("<a href=\"/x>link</a> text\n<p>more</p> <a href=\"/y\">y</a>") ==
          "<a href=/x>link</a> text\n<p>more</p> <a href=\"/y\">y</a>");
    CHECK(limit_nesting("<a title=\"a > b\">x</a>") == "<a title=\"a > b\">x</a>");
}
