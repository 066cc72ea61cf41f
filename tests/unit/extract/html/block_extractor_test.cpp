#include "extract/html/block_extractor.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::extract::html;

namespace {

const std::string story = R"(
<p>The harbour authority approved a plan on Tuesday to rebuild the old north pier, officials said.</p>
<p>The work will take two years, cost about 40 million euros, and keep the ferry running meanwhile.</p>
<p>Fishermen, who have used the south quay for three winters, welcomed the decision on Tuesday.</p>)";

std::vector<std::string> kept(const std::string& html, const std::string& title = "") {
    const HtmlDocument document(html);
    std::vector<std::string> texts;
    for (const Block& block : extract_blocks(document, title).blocks)
        if (block.kept) texts.push_back(block.text);
    return texts;
}

bool has(const std::vector<std::string>& texts, const std::string& part) {
    for (const auto& text : texts)
        if (text.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("the article container is chosen by its text, not its position", "[html][blocks]") {
    const auto texts = kept("<body><div id=side><p>Short teaser one.</p><p>Another teaser.</p></div>"
                            "<div id=main>" + story + "</div></body>");
    CHECK(texts.size() == 3);
    CHECK(has(texts, "north pier"));
    CHECK_FALSE(has(texts, "teaser"));
}

TEST_CASE("furniture elements and classes are dropped with their reason", "[html][blocks]") {
    const HtmlDocument document("<body><nav><a href=/>Home</a> <a href=/w>World</a></nav><article>" + story +
                                "<div class=\"share-bar\"><a href=#>Facebook</a> <a href=#>Twitter</a></div>"
                                "<section id=comments><p>I disagree with all of this, frankly.</p></section>"
                                "</article><footer>Copyright 2024, all rights reserved.</footer></body>");
    const BlockExtraction result = extract_blocks(document, "");
    std::string reasons;
    for (const Block& block : result.blocks)
        if (!block.kept) reasons += block.reason + "\n";
    CHECK_THAT(reasons, Catch::Contains("<nav> is page furniture"));
    CHECK_THAT(reasons, Catch::Contains("<footer> is page furniture"));
    CHECK_THAT(reasons, Catch::Contains("class/id 'share'"));
    CHECK_THAT(reasons, Catch::Contains("class/id 'comment'"));
    CHECK(kept_words(result) > 40);
}

TEST_CASE("an <aside> named as a post that holds most of the prose is the article", "[html][blocks]") {
    std::string teasers = "<div id=side><ul>";
    for (const char* link : {"Ferry timetable for the coming winter season", "Herring quota cut for the third year",
                             "Lighthouse keeper retires after forty years", "Quay Street shops to close on Sundays",
                             "Council votes on the new bus routes", "Harbour festival returns in August",
                             "Storm damages the sea wall at the south beach", "New ferry to enter service in the spring",
                             "Fish market moves to the old rope works", "Lifeboat crew rescues two sailors off the point"})
        teasers += "<li><a href=/x>" + std::string(link) + "</a></li>";
    teasers += "</ul></div>";
    CHECK(has(kept("<body><aside class=blog-post>" + story + "</aside>" + teasers + "</body>"), "north pier"));
    // Without a content name, or with little of the prose, an <aside> stays furniture.
    CHECK_FALSE(has(kept("<body><aside class=box>" + story + "</aside>" + teasers + "</body>"), "north pier"));
    CHECK_FALSE(has(kept("<body><aside class=blog-post><p>A short aside on the ferry timetable, with a few words.</p></aside>" +
                         story + story + "</body>"), "ferry timetable"));
}

TEST_CASE("link lists inside the article are dropped, prose with links is kept", "[html][blocks]") {
    const auto texts = kept("<body><article>" + story +
                            "<p>The plan, <a href=/p>published online</a>, runs to three hundred pages in all.</p>"
                            "<ul><li><a href=/1>Storm closes the north pier</a></li>"
                            "<li><a href=/2>Herring season opens early this year</a></li></ul></article></body>");
    CHECK(has(texts, "published online"));
    CHECK_FALSE(has(texts, "Storm closes"));
}

TEST_CASE("a trailing list marker ends the article", "[html][blocks]") {
    const auto texts = kept("<body><article>" + story + story +
                            "<h3>Related stories</h3><p>Ferry fares to rise in the autumn, its owners say.</p></article></body>");
    CHECK(has(texts, "Fishermen"));
    CHECK_FALSE(has(texts, "Related stories"));
    CHECK_FALSE(has(texts, "Ferry fares"));
}

TEST_CASE("shared line rules drop cookie, share and advertisement lines", "[html][blocks]") {
    CHECK(boilerplate_reason("We use cookies to improve your experience on our website. Accept all") == "cookie banner");
    CHECK(boilerplate_reason("Share on Facebook") == "share widget");
    CHECK(boilerplate_reason("Advertisement") == "advertisement");
    CHECK(boilerplate_reason("The harbour authority approved a plan on Tuesday.").empty());
    const auto texts = kept("<body><article>" + story + "<p>Advertisement</p><p>Share this</p></article></body>");
    CHECK_FALSE(has(texts, "Advertisement"));
    CHECK_FALSE(has(texts, "Share this"));
}

TEST_CASE("hidden elements, scripts and styles are never text", "[html][blocks]") {
    const auto texts = kept("<body><article>" + story +
                            "<p style=\"display:none\">Invisible words here.</p><p hidden>Hidden words.</p>"
                            "<script>var secret = 1;</script><style>.x{}</style></article></body>");
    CHECK_FALSE(has(texts, "Invisible"));
    CHECK_FALSE(has(texts, "Hidden words"));
    CHECK_FALSE(has(texts, "secret"));
}

TEST_CASE("headings, list items, quotes, table rows and captions keep their kind", "[html][blocks]") {
    const HtmlDocument document("<body><article><h1>Pier to be rebuilt</h1><h2>What happens next</h2>" + story +
                                "<ul><li>Tickets stay valid on every crossing of the year.</li></ul>"
                                "<blockquote>We will keep the islands connected every day.</blockquote>"
                                "<table><tr><th>Route</th><th>Departs</th></tr><tr><td>Arran</td><td>07:15</td></tr></table>"
                                "<figure><figcaption>The pier after the storm.</figcaption></figure></article></body>");
    std::vector<std::pair<BlockKind, std::string>> kinds;
    for (const Block& block : extract_blocks(document, "Pier to be rebuilt").blocks)
        if (block.kept) kinds.emplace_back(block.kind, block.text);
    using K = BlockKind;
    const std::vector<std::pair<BlockKind, std::string>> expected_tail = {
        {K::list_item, "Tickets stay valid on every crossing of the year."},
        {K::quote, "We will keep the islands connected every day."},
        {K::table_row, "Route | Departs"},
        {K::table_row, "Arran | 07:15"},
        {K::caption, "The pier after the storm."}};
    REQUIRE(kinds.size() == 1 + 3 + expected_tail.size()); // the h1 repeats the title
    CHECK(kinds[0] == std::pair{K::heading, std::string("What happens next")});
    CHECK(std::vector(kinds.end() - static_cast<long>(expected_tail.size()), kinds.end()) == expected_tail);
}

TEST_CASE("layout tables are not flattened into rows", "[html][blocks]") {
    const auto texts = kept("<body><table><tr><td><a href=/>Home</a><br><a href=/n>News</a></td><td>" + story +
                            "</td></tr></table></body>");
    CHECK(has(texts, "north pier"));
    CHECK_FALSE(has(texts, " | "));
}

TEST_CASE("a page without paragraphs still yields its text", "[html][blocks]") {
    CHECK(kept("<body>Just one line of text.</body>") == std::vector<std::string>{"Just one line of text."});
    CHECK(kept("<body></body>").empty());
    CHECK(kept("").empty());
}
