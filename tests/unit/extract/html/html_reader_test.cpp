// The HTML reader on the hand-written pages of tests/data/html, one page per rule.

#include "extract/html/html_reader.hpp"

#include "common/errors.hpp"
#include "extract/input_files.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::extract::html;

namespace {

const std::string pages = std::string(NEWSSEARCH_TEST_DATA) + "/html/";

HtmlExtraction page(const std::string& name) { return extract_html(read_page_file(pages + name), name); }

std::string body(const Article& article) {
    std::string text;
    for (const Paragraph& paragraph : article.paragraphs) text += paragraph.text + "\n";
    return text;
}

} // namespace

TEST_CASE("navigation, header and footer are dropped", "[html][reader]") {
    const Article article = page("nav_footer.html").article;
    CHECK(article.paragraphs.size() == 4);
    CHECK_THAT(body(article), Catch::StartsWith("The harbour authority of Kelvingrove"));
    for (const char* junk : {"Home", "Subscribe", "Copyright", "Harbour Times"}) CHECK(body(article).find(junk) == std::string::npos);
}

TEST_CASE("cookie banners are dropped, as a box and as a line", "[html][reader]") {
    const std::string text = body(page("cookie_banner.html").article);
    CHECK(text.find("cookies") == std::string::npos);
    CHECK(text.find("Accept all") == std::string::npos);
    CHECK(text.find("herring season") != std::string::npos);
}

TEST_CASE("related and most-read lists are dropped", "[html][reader]") {
    const std::string text = body(page("related_list.html").article);
    for (const char* junk : {"Related stories", "Ferry fares", "Storm closes", "Most read", "bus routes"})
        CHECK(text.find(junk) == std::string::npos);
    CHECK(text.find("tender next month") != std::string::npos);
}

TEST_CASE("a box holding most of the page's prose is the article, whatever its widget-like name", "[html][reader]") {
    const HtmlExtraction extraction = page("widget_named_article.html");
    const std::string text = body(extraction.article);
    CHECK(extraction.article.paragraphs.size() == 6);
    CHECK_THAT(text, Catch::StartsWith("The harbour authority of Kelvingrove"));
    CHECK(text.find("public meeting") != std::string::npos);
    // The share bar inside it and the sidebar's "about" box are still not the article.
    CHECK(text.find("Email this story") == std::string::npos);
    CHECK(text.find("ferry captain") == std::string::npos);
}

TEST_CASE("paragraphs each wrapped in a box named like a widget are still the article", "[html][reader]") {
    // An editor wrapped every paragraph in the byline's <span class="byline-author">: no single
    // box holds half the prose, so the class rules drop them all and the page is chosen again
    // without them.
    const std::string text = body(page("widget_named_paragraphs.html").article);
    CHECK(text.find("From Monday the morning ferry") != std::string::npos);
    CHECK(text.find("public meeting about the new timetable") != std::string::npos);
    CHECK(text.find("retired ferry captain") == std::string::npos);
}

TEST_CASE("the readers' comments after a comments heading inside the story's box are dropped", "[html][reader]") {
    const std::string text = body(page("comments_heading.html").article);
    CHECK(text.find("These arm warmers were knit") != std::string::npos);
    CHECK(text.find("Permalink") == std::string::npos); // the post's footer line
    CHECK(text.find("Sixty degrees for a low") == std::string::npos);
    CHECK(text.find("holiday presents") == std::string::npos);
}

TEST_CASE("a lead paragraph beside the box that wraps the story is part of it", "[html][reader]") {
    const std::string text = body(page("lead_beside_box.html").article);
    CHECK_THAT(text, Catch::StartsWith("Kelvingrove will get a new north pier"));
    CHECK(text.find("tender next month") != std::string::npos);
    CHECK(text.find("Show the full text") == std::string::npos);
}

TEST_CASE("a sentence with much of it linked is prose; a linked teaser is not", "[html][reader]") {
    const std::string text = body(page("linked_sentence.html").article);
    CHECK(text.find("published online by the harbour authority") != std::string::npos);
    CHECK(text.find("Storm closes") == std::string::npos);
}

TEST_CASE("a list of links inside the story, with words of its own, is part of it; a list after it is not", "[html][reader]") {
    const std::string text = body(page("links_in_story.html").article);
    CHECK(text.find("Tides and currents at the north pier by Ana Ruiz") != std::string::npos);
    CHECK(text.find("Herring stocks in the firth by Mairi Shaw") != std::string::npos);
    CHECK(text.find("spares the herring season") != std::string::npos);
    // A label and a run of links is a taxonomy line; the list after the last paragraph is other stories.
    CHECK(text.find("Categories") == std::string::npos);
    CHECK(text.find("Storm closes") == std::string::npos);
}

TEST_CASE("short lines that go on with a bulleted list are not dropped as trailing widgets", "[html][reader]") {
    const std::string text = body(page("bulleted_lines.html").article);
    CHECK(text.find("• Phones and tablets") != std::string::npos);
    CHECK(text.find("• Kobo eReader") != std::string::npos);
    CHECK(text.find("• Cybook Opus") != std::string::npos);
    CHECK(text.find("Tweet") == std::string::npos);
    CHECK(text.find("recs") == std::string::npos);
}

TEST_CASE("a post's category and tag class words do not name its box", "[html][reader]") {
    // "tag-cookies" on the post's box is a tag of the story, not a cookie banner.
    const Article article = page("taxonomy_class.html").article;
    CHECK(article.paragraphs.size() == 4);
    CHECK_THAT(body(article), Catch::StartsWith("The crossing to the islands"));
    CHECK(body(article).find("Two bakers") == std::string::npos);
}

TEST_CASE("a short post is not traded for a sidebar's text widget", "[html][reader]") {
    const std::string text = body(page("sidebar_text_widget.html").article);
    CHECK_THAT(text, Catch::StartsWith("The new lights on the north pier"));
    CHECK(text.find("thirty years") == std::string::npos);
}

TEST_CASE("of two near-tied containers, the one beside the title heading is the article", "[html][reader]") {
    const std::string text = body(page("title_heading_tie.html").article);
    CHECK_THAT(text, Catch::StartsWith("However long I look at it"));
    CHECK(text.find("pencils") != std::string::npos);
    CHECK(text.find("Prints are for sale") == std::string::npos);
}

TEST_CASE("the JSON-LD articleBody is used when the page shows only a teaser", "[html][reader]") {
    const HtmlExtraction extraction = page("json_ld_body.html");
    const Article& article = extraction.article;
    CHECK(extraction.body_source == "JSON-LD articleBody");
    REQUIRE(article.paragraphs.size() == 3);
    CHECK_THAT(article.paragraphs[0].text, Catch::StartsWith("The harbour authority of Kelvingrove"));
    CHECK(article.title == "Pier to be rebuilt after storm");
    CHECK(article.subtitle == "Ferry keeps running from a temporary landing");
    CHECK(article.author == "Mairi Campbell");
    CHECK(article.date == "2024-03-05");
    CHECK(article.source == "Harbour Times");
    CHECK(article.category == "Local");
}

TEST_CASE("og:title, site name, canonical URL, language and standfirst", "[html][reader]") {
    const Article article = page("og_title.html").article;
    CHECK(article.title == "Pier to be rebuilt after storm");
    CHECK(article.subtitle == "Ferry keeps running from a temporary landing during the works");
    CHECK(article.source == "Harbour Times");
    CHECK(article.url == "https://harbour.example/local/pier-rebuilt");
    CHECK(article.language == "en-gb");
    CHECK(article.author == "Mairi Campbell");
    CHECK(article.date == "2024-03-05");
    REQUIRE(article.paragraphs.size() == 4); // the h1 repeats the title, the h2 is the subtitle
    CHECK_FALSE(article.paragraphs[0].heading);
}

TEST_CASE("a <title> loses its site suffix", "[html][reader]") {
    const Article article = page("title_suffix.html").article;
    CHECK(article.title == "Pier to be rebuilt after storm");
    CHECK(article.source == "harbour.example");
}

TEST_CASE("dates from <time datetime> and from a byline line", "[html][reader]") {
    const Article timed = page("date_time.html").article;
    CHECK(timed.date == "2024-03-05");
    CHECK(timed.author == "Mairi Campbell");
    CHECK(body(timed).find("2024") == std::string::npos);
    CHECK(body(timed).find("By Mairi") == std::string::npos);
    CHECK(page("date_byline.html").article.date == "2024-03-05");
}

TEST_CASE("a wrong charset declaration is corrected; a right one is honoured", "[html][reader]") {
    const HtmlExtraction wrong = page("wrong_charset.html");
    CHECK(wrong.encoding_corrected);
    CHECK_THAT(body(wrong.article), Catch::Contains("Z\xC3\xBCrich, Gda\xC5\x84sk and Malm\xC3\xB6"));
    const HtmlExtraction latin = page("windows1252.html");
    CHECK_FALSE(latin.encoding_corrected);
    CHECK_THAT(body(latin.article), Catch::Contains("The caf\xC3\xA9 on the quay reopened \xE2\x80\x93 for \xC2\xA3" "5"));
}

TEST_CASE("gzip-compressed pages read like plain ones", "[html][reader]") {
    CHECK(page("og_title.html.gz").article.paragraphs == page("og_title.html").article.paragraphs);
    CHECK(is_html_path("a/page.html.gz"));
    CHECK(is_html_path("page.HTM"));
    CHECK_FALSE(is_html_path("notes.txt.gz"));
    CHECK(html_stem("a/page.html.gz") == "page");
}

TEST_CASE("tables become readable rows; lists and quotes stay text", "[html][reader]") {
    const std::string text = body(page("table.html").article);
    CHECK_THAT(text, Catch::Contains("Route | Departs | Arrives\nKelvingrove to Arran | 07:15 | 08:10\n"));
    CHECK_THAT(text, Catch::Contains("Tickets bought before May stay valid"));
    CHECK_THAT(text, Catch::Contains("We will keep the islands connected"));
    const Article article = page("table.html").article;
    bool heading = false;
    for (const Paragraph& paragraph : article.paragraphs)
        if (paragraph.text == "What changes for passengers") heading = paragraph.heading;
    CHECK(heading);
}

TEST_CASE("hidden elements are dropped", "[html][reader]") {
    const std::string text = body(page("hidden.html").article);
    CHECK(text.find("hidden") == std::string::npos);
    CHECK(text.find("decorative") == std::string::npos);
    CHECK(page("hidden.html").article.paragraphs.size() == 4);
}

TEST_CASE("scripts, styles and noscript are dropped; figure captions go to captions", "[html][reader]") {
    const Article article = page("script.html").article;
    for (const char* junk : {"tracking", "injected", "color", "JavaScript", "north pier after"})
        CHECK(body(article).find(junk) == std::string::npos);
    REQUIRE(article.captions.size() == 1);
    CHECK(article.captions[0].text == "The north pier after the storm.");
    CHECK(article.captions[0].credit == "Photo: Harbour Authority");
}

TEST_CASE("bad pages are errors, not crashes", "[html][reader]") {
    CHECK_THROWS_WITH(extract_html("   \n", "x"), "empty file");
    CHECK_THROWS_AS(extract_html(std::string("\x1f\x8b\x08\x00garbage", 12), "x"), DataError);
    CHECK_THROWS_AS(extract_html("<html><head><title></title></head><body></body></html>", "x"), DataError);
}

TEST_CASE("a deeply nested 5 MB page is read without crashing", "[html][reader]") {
    std::string html = "<html><head><title>Deep</title></head><body>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "<p>The text at the bottom of a very deep page, which is still found.</p>";
    while (html.size() < (5u << 20)) html += "<div><span>x</span>";
    const HtmlExtraction extraction = extract_html(html, "deep");
    CHECK(extraction.article.title == "Deep");
}

TEST_CASE("input collection picks up web pages and reads them as articles", "[html][reader]") {
    std::vector<extract::InputProblem> problems;
    const auto files = extract::collect_input_files({pages}, problems);
    CHECK(problems.empty());
    std::size_t html_files = 0;
    for (const auto& file : files) html_files += file.format == extract::InputFormat::html;
    CHECK(html_files == files.size());
    CHECK(html_files >= 14);
    bool gz_found = false;
    for (const auto& file : files) gz_found = gz_found || (std::filesystem::path(file.path).extension() == ".gz" && file.id == "og_title");
    CHECK(gz_found);
}

TEST_CASE("class rules match whole words of a name and skip modifier compounds", "[html][reader]") {
    // "field-label-hidden" (the label is hidden), "layoutPageRow" (not "pager"), "story_meta_field"
    // and "theme_with_sidebar" once dropped the story's boxes: the page came out empty.
    const std::string text = body(page("name_modifiers.html").article);
    CHECK_THAT(text, Catch::StartsWith("The harbour authority of Kelvingrove"));
    CHECK(text.find("public meeting in the town hall") != std::string::npos);
    CHECK(text.find("covered waiting room") != std::string::npos);
}

TEST_CASE("scores pass through table rows: a paragraph per row is one story", "[html][reader]") {
    // Only one row was kept: each cell scored alone, the rows were not siblings of it.
    const std::string text = body(page("table_rows.html").article);
    CHECK(text.find("The harbour authority of Kelvingrove") != std::string::npos);
    CHECK(text.find("public meeting in the town hall") != std::string::npos);
    CHECK(text.find("Sport") == std::string::npos);
}

TEST_CASE("a list marker inside the story does not end it when prose follows", "[html][reader]") {
    // "Related stories" in the middle of the story once dropped the three paragraphs after it.
    const std::string text = body(page("list_inside_story.html").article);
    CHECK(text.find("spares the herring season") != std::string::npos);
    CHECK(text.find("public meeting in the town hall") != std::string::npos);
    CHECK(text.find("Related stories") == std::string::npos);
    CHECK(text.find("Ferry fares") == std::string::npos);
}

TEST_CASE("HTML inside a JSON-LD articleBody is read as text", "[html][reader]") {
    // The entity-escaped markup ("&lt;p&gt;...") was once the article's one paragraph.
    const HtmlExtraction extraction = page("json_ld_html_body.html");
    CHECK(extraction.body_source == "JSON-LD articleBody");
    REQUIRE(extraction.article.paragraphs.size() == 6);
    CHECK_THAT(extraction.article.paragraphs[0].text, Catch::StartsWith("The harbour authority of Kelvingrove"));
    CHECK(body(extraction.article).find('<') == std::string::npos);
    CHECK(body(extraction.article).find("&lt;") == std::string::npos);
}

TEST_CASE("a <title> left open does not swallow the page", "[html][reader]") {
    // The page's markup became the title and the body was empty.
    const Article article = page("open_title.html").article;
    CHECK(article.title == "Pier to be rebuilt");
    CHECK(article.paragraphs.size() == 6);
}

TEST_CASE("an attribute quote left open does not swallow the paragraphs after it", "[html][reader]") {
    const std::string text = body(page("open_quote.html").article);
    CHECK(text.find("cost about 40 million euros, and keep the ferry") != std::string::npos);
    CHECK(text.find("spares the herring season") != std::string::npos);
    CHECK(text.find("public meeting in the town hall") != std::string::npos);
}

TEST_CASE("the lede stays in the body when it is also the standfirst", "[html][reader]") {
    // It was dropped as "repeats the subtitle".
    const Article article = page("lede_standfirst.html").article;
    CHECK_THAT(article.subtitle, Catch::StartsWith("The harbour authority of Kelvingrove"));
    REQUIRE(article.paragraphs.size() == 6);
    CHECK_THAT(article.paragraphs[0].text, Catch::StartsWith("The harbour authority of Kelvingrove"));
}

TEST_CASE("a poll inside the story is dropped by its structure", "[html][reader]") {
    const std::string text = body(page("poll.html").article);
    CHECK(text.find("public meeting in the town hall") != std::string::npos);
    CHECK(text.find("monument") == std::string::npos);
    CHECK(text.find("keep the old pier") == std::string::npos);
}

TEST_CASE("a page of story teasers is no article", "[html][reader]") {
    // A section front (linked headlines, a summary line under each) came out as a story made
    // of the other stories' summaries.
    const HtmlExtraction front = page("section_front.html");
    CHECK(front.article.paragraphs.empty());
    CHECK(front.blocks.container.find("a page of story teasers") != std::string::npos);
    bool explained = false;
    for (const Block& block : front.blocks.blocks)
        explained = explained || block.reason.starts_with("a page of story teasers (4 linked headlines");
    CHECK(explained);
    // An article with an introduction, then linked headlines with short text, is an article.
    const std::string text = body(page("linked_headline_list.html").article);
    CHECK(text.find("five of the best") != std::string::npos);
    CHECK(text.find("herons at low tide") != std::string::npos);
}

TEST_CASE("a link list box that opens with the post's paragraph keeps the paragraph", "[html][reader]") {
    // The box holding the post's only paragraph and its "Related posts" list is mostly links:
    // the paragraph was dropped with the list.
    const std::string text = body(page("lead_before_links.html").article);
    CHECK(text.find("here are some more taken by readers") != std::string::npos);
    CHECK(text.find("Related posts") == std::string::npos);
    CHECK(text.find("Ferry moves to a temporary landing") == std::string::npos);
}

TEST_CASE("a box of prose beside the story joins it; a box of teasers does not", "[html][reader]") {
    // The note on how the survey was done, in a box of its own after the story, scored under
    // the siblings' threshold and was left out.
    const std::string text = body(page("split_story_box.html").article);
    CHECK(text.find("public meeting, where the plans") != std::string::npos);
    CHECK(text.find("chosen at random from the electoral roll") != std::string::npos);
    CHECK(text.find("margin of error is about three points") != std::string::npos);
    CHECK(text.find("summer timetable") == std::string::npos);
    CHECK(text.find("Herring season opens early") == std::string::npos);
}

TEST_CASE("a box named for the comments is dropped even when it holds most of the page", "[html][reader]") {
    // A one-line video post under six comments: the comments box held over 80% of the page's
    // text, escaped its name, and one comment was taken for the article.
    const HtmlExtraction extraction = page("comments_outweigh_post.html");
    const std::string text = body(extraction.article);
    CHECK(text.find("Watch the first lamp go on at dusk.") != std::string::npos);
    CHECK(text.find("Morag") == std::string::npos);
    CHECK(text.find("lighthouse") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "dropped subtree: class/id 'comment'" && block.text.starts_with("Morag"));
    CHECK(explained);
}

TEST_CASE("a post made only of annotated links keeps them", "[html][reader]") {
    // A week's roundup ("Headline - a few words") is all the post holds: every item was dropped
    // as a link list and the page came out empty.
    const Article article = page("link_roundup.html").article;
    REQUIRE(article.paragraphs.size() == 4);
    CHECK_THAT(article.paragraphs[0].text, Catch::StartsWith("Harbour authority votes to rebuild"));
    CHECK(body(article).find("Archive") == std::string::npos);
}

TEST_CASE("a sidebar that outweighs a short post with its archive links is still the sidebar", "[html][reader]") {
    // The sidebar holds over 80% of the page's text, nearly all of it links (archives, previous
    // posts); its one prose paragraph, a profile full of commas, outscored the post's lines.
    const HtmlExtraction extraction = page("sidebar_outweighs_post.html");
    const std::string text = body(extraction.article);
    CHECK_THAT(text, Catch::StartsWith("• A seal asleep on the slipway"));
    CHECK(text.find("Harbour watcher") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "dropped subtree: class/id 'sidebar'" && block.text.starts_with("harbourwatch"));
    CHECK(explained);
}

TEST_CASE("the author's profile after the post is not the article", "[html][reader]") {
    const HtmlExtraction extraction = page("author_profile.html");
    const std::string text = body(extraction.article);
    CHECK_THAT(text, Catch::StartsWith("The lamps on the north pier"));
    CHECK(text.find("mooring fees") != std::string::npos);
    CHECK(text.find("About the author") == std::string::npos);
    CHECK(text.find("Morag") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "starts the author's profile" && block.text == "About the author");
    CHECK(explained);
}

TEST_CASE("the blog engine's sentence about the post is not the article", "[html][reader]") {
    const std::string text = body(page("post_footer_sentence.html").article);
    CHECK_THAT(text, Catch::StartsWith("A grey seal slept on the slipway"));
    CHECK(text.find("dogs on a lead") != std::string::npos);
    CHECK(text.find("filed under") == std::string::npos);
}

TEST_CASE("the labels of page controls and reblog notes are not the article", "[html][reader]") {
    // "Text Size: A | A | A", "HIDE CAPTION", "Follow us!" label the page's controls; "x liked
    // this", "y reblogged this from z" are the notes a reblogging platform sets under a post.
    const HtmlExtraction extraction = page("page_controls.html");
    const std::string text = body(extraction.article);
    CHECK(text.find("Twelve grey herons") != std::string::npos);
    CHECK(text.find("A grey heron on the mud flats") != std::string::npos);
    for (const char* label : {"Text Size", "A | A", "HIDE CAPTION", "Follow us", "posted this", "liked this", "reblogged"})
        CHECK(text.find(label) == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "page control label" && block.text == "HIDE CAPTION");
    CHECK(explained);
}

TEST_CASE("a photo post with no text is not its sidebar's text widget", "[html][reader]") {
    // The post is a heading and a picture; the best-scoring box was the sidebar's "about this
    // blog" widget, which came out as the post's text.
    const HtmlExtraction extraction = page("photo_post_widget.html");
    CHECK(extraction.article.title.find("Gulls at dawn") != std::string::npos);
    CHECK(extraction.article.paragraphs.empty());
    CHECK(extraction.blocks.container.find("a widget beside the post's heading: no article text") != std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || block.reason.starts_with("the best box is a widget (div#Text1.widget)");
    CHECK(explained);
    // A post with text of its own beside the same widget keeps its text (sidebar_text_widget.html).
    CHECK_THAT(body(page("sidebar_text_widget.html").article), Catch::StartsWith("The new lights on the north pier"));
}

TEST_CASE("a box named as the author's profile is dropped, and what follows it in the post", "[html][reader]") {
    const HtmlExtraction extraction = page("author_box.html");
    const std::string text = body(extraction.article);
    CHECK_THAT(text, Catch::StartsWith("The island ferry will leave"));
    CHECK(text.find("winter fares") != std::string::npos);
    CHECK(text.find("Morag") == std::string::npos);
    CHECK(text.find("harbour froze over") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "dropped subtree: class/id names the author's profile" &&
                                  block.text.starts_with("Morag Lindsay"));
    CHECK(explained);
}

TEST_CASE("a box named as content is not dropped for a furniture word hooked on it", "[html][reader]") {
    const HtmlExtraction extraction = page("content_box_with_hook.html");
    const std::string text = body(extraction.article);
    // "entry-content handle-adSlot2" and "print-this-content": the names say what the boxes are.
    CHECK_THAT(text, Catch::StartsWith("When the boats come in late in November"));
    CHECK(text.find("poach them for five minutes") != std::string::npos);
    CHECK(text.find("Kelvingrove Kitchen is written") == std::string::npos);
    // A furniture word with no content word at the end of a name still drops its box
    // ("entry-meta"), so does one in the content-headed name itself ("ad_content": the ad's
    // content), and a hidden box stays hidden whatever it is named.
    CHECK(text.find("Posted in Recipes") == std::string::npos);
    CHECK(text.find("Our sponsor") == std::string::npos);
    CHECK(text.find("Transcript of the video") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "dropped subtree: class/id 'hidden'" && block.text.starts_with("Transcript"));
    CHECK(explained);
}

TEST_CASE("a link named after the author's profile is a name in a sentence, not the profile box", "[html][reader]") {
    const HtmlExtraction extraction = page("author_profile_link.html");
    const std::string text = body(extraction.article);
    CHECK(text.find("The photographs are by Ines Duarte, who spent the week on deck") != std::string::npos);
    CHECK(text.find("the boat came home a little later") != std::string::npos);
    for (const Block& block : extraction.blocks.blocks) CHECK(block.reason.find("author's profile") == std::string::npos);
}

TEST_CASE("a link inside a sentence stays in it whatever its class says", "[html][reader]") {
    const HtmlExtraction extraction = page("links_in_sentences.html");
    const std::string text = body(extraction.article);
    // "meta-loc", "meta-per", "tools-tip": a style or a hook on the link, not furniture.
    CHECK_THAT(text, Catch::StartsWith("Ministers from Norway and the European Union agreed on Tuesday"));
    CHECK(text.find("announced by Ingrid Dahl, the Norwegian fisheries minister") != std::string::npos);
    CHECK(text.find("would let the smaller boats keep fishing") != std::string::npos);
    // Text no reader sees stays out, in a sentence or not.
    CHECK(text.find("opens in a new window") == std::string::npos);
    bool explained = false;
    for (const Block& block : extraction.blocks.blocks)
        explained = explained || (block.reason == "dropped subtree: class/id 'hidden'" && block.text.starts_with("(a PDF"));
    CHECK(explained);
}

TEST_CASE("a page that holds the story twice gives it once", "[html][reader]") {
    const HtmlExtraction extraction = page("story_twice.html");
    const std::string text = body(extraction.article);
    const std::string opening = "The harbour board voted on Wednesday";
    CHECK_THAT(text, Catch::StartsWith(opening));
    CHECK(text.find(opening, 1) == std::string::npos);
    CHECK(text.find("Fishing boats registered") == text.rfind("Fishing boats registered"));
    CHECK(text.find("new pontoons on the east side") != std::string::npos);
    CHECK(text.find("steep but fair") != std::string::npos);
    std::size_t explained = 0;
    for (const Block& block : extraction.blocks.blocks)
        explained += block.reason == "repeats the article from its first paragraph (a second copy)";
    CHECK(explained == 2);
}

TEST_CASE("a photo credit set as a line of its own goes with the captions, not the body", "[html][reader]") {
    const HtmlExtraction extraction = page("photo_credit_line.html");
    const std::string text = body(extraction.article);
    CHECK_THAT(text, Catch::StartsWith("The harbour authority closed the north pier"));
    CHECK(text.find("Getty Images") == std::string::npos);
    CHECK(text.find("Associated Press") == std::string::npos);
    CHECK(text.find("worst they had seen since the winter of 1987") != std::string::npos);
    REQUIRE(extraction.article.captions.size() == 2);
    CHECK(extraction.article.captions[0].text.empty());
    CHECK(extraction.article.captions[0].credit == "Ailsa Gunn / AFP - Getty Images");
    CHECK(extraction.article.captions[1].credit == "Ruaridh Mackay/Associated Press");
    std::size_t explained = 0;
    for (const Block& block : extraction.blocks.blocks) explained += block.reason == "photo credit (kept with the captions)";
    CHECK(explained == 2);
}
