#include "render/render_html.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::render;

TEST_CASE("html_escape replaces the five markup characters and nothing else") {
    CHECK(html_escape("") == "");
    CHECK(html_escape("plain text, ünïcödé, «quotes»") == "plain text, ünïcödé, «quotes»");
    CHECK(html_escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    CHECK(html_escape("&amp;") == "&amp;amp;");
}

TEST_CASE("html_marked wraps ranges in <mark> and escapes everything") {
    struct Case {
        std::string text;
        std::vector<ByteRange> ranges;
        std::string html;
    };
    const std::vector<Case> cases = {
        {"Lavrov met Rubio", {{0, 6}, {11, 16}}, "<mark>Lavrov</mark> met <mark>Rubio</mark>"},
        {"no marks", {}, "no marks"},
        {"", {}, ""},
        {"a <b> c", {{2, 5}}, "a <mark>&lt;b&gt;</mark> c"},
        // Overlapping, empty and out-of-range ranges never duplicate or drop text.
        {"abcdef", {{0, 3}, {2, 4}, {5, 5}, {4, 100}}, "<mark>abc</mark>d<mark>ef</mark>"},
        {"Сергей Лавров", {{13, 25}}, "Сергей <mark>Лавров</mark>"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(html_marked(c.text, c.ranges) == c.html);
    }
}

TEST_CASE("An article's markup reaches HTML only as text") {
    // The page inserts these fragments as HTML: a <script> or an event handler in an article must
    // come out inert.
    const std::string text =
        "Before <script>document.title='pwned'</script> <img src=x onerror=\"alert(1)\"> after";
    const std::string html = html_marked(text, {{7, 15}});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find('"') == std::string::npos);
    CHECK(html == "Before <mark>&lt;script&gt;</mark>document.title=&#39;pwned&#39;&lt;/script&gt; "
                  "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; after");
}

TEST_CASE("snippet_html adds ellipses where the passage goes on") {
    Hit hit;
    hit.snippet = "talks in <Riyadh>";
    hit.highlights = {{0, 5}};
    hit.snippet_starts_mid_text = true;
    hit.snippet_ends_mid_text = true;
    CHECK(snippet_html(hit) == "\u2026<mark>talks</mark> in &lt;Riyadh&gt;\u2026");
    hit.snippet_starts_mid_text = false;
    hit.snippet_ends_mid_text = false;
    CHECK(snippet_html(hit) == "<mark>talks</mark> in &lt;Riyadh&gt;");
}

TEST_CASE("title_html marks the title's highlights") {
    Hit hit;
    hit.article.title = "Frozen assets & \"agreements\"";
    hit.title_highlights = {{7, 13}};
    CHECK(title_html(hit) == "Frozen <mark>assets</mark> &amp; &quot;agreements&quot;");
}
