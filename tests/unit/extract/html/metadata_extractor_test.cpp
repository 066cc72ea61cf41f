#include "extract/html/metadata_extractor.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::extract::html;

namespace {

PageMetadata meta(const std::string& html) { return extract_metadata(HtmlDocument(html)); }

} // namespace

TEST_CASE("title: og:title, JSON-LD headline, a single h1, then <title> without its site", "[html][metadata]") {
    CHECK(meta(R"(<head><meta property="og:title" content="From OG"><title>From title | Site</title></head>
                 <body><h1>From h1</h1></body>)").title == "From OG");
    CHECK(meta(R"(<head><title>From title | Site</title></head><body><h1>From h1</h1></body>)").title == "From h1");
    CHECK(meta(R"(<head><title>Pier to be rebuilt | Local | harbour.example</title></head><body><h1>a</h1><h1>b</h1></body>)")
              .title == "Pier to be rebuilt");
    CHECK(meta(R"(<head><title>Pier to be rebuilt - harbour.example</title></head>)").source == "harbour.example");
    CHECK(meta(R"(<head><meta property="og:site_name" content="Harbour Times">
                 <meta property="og:title" content="Pier to be rebuilt - Harbour Times"></head>)").title ==
          "Pier to be rebuilt");
}

TEST_CASE("dates from every source, most explicit first", "[html][metadata]") {
    CHECK(meta(R"(<meta property="article:published_time" content="2024-03-05T09:30:00Z"><time datetime="2020-01-01">x</time>)")
              .date == "2024-03-05");
    CHECK(meta(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-06"}</script>)")
              .date == "2024-03-06");
    CHECK(meta(R"(<body><span itemprop="datePublished" content="2024-03-07">7 March</span></body>)").date ==
          "2024-03-07");
    CHECK(meta(R"(<body><time datetime="2024-03-08T10:00">yesterday</time></body>)").date == "2024-03-08");
    CHECK(meta(R"(<body><div class="byline">Published March 9, 2024</div></body>)").date == "2024-03-09");
    CHECK(meta(R"(<body><time datetime="not a date">soon</time></body>)").date.empty());
}

TEST_CASE("author, source, section, URL and language", "[html][metadata]") {
    const auto m = meta(R"(<html lang="en-GB"><head>
        <meta name="author" content="Mairi Campbell"><meta property="og:site_name" content="Harbour Times">
        <meta property="article:section" content="Local"><link rel="canonical" href="https://h.example/a">
        <meta property="og:url" content="https://h.example/og"></head><body></body></html>)");
    CHECK(m.author == "Mairi Campbell");
    CHECK(m.source == "Harbour Times");
    CHECK(m.category == "Local");
    CHECK(m.url == "https://h.example/a");
    CHECK(m.language == "en-gb");
    CHECK(meta(R"(<meta http-equiv="content-language" content="de">)").language == "de");
    CHECK(meta(R"(<meta name="author" content="https://facebook.com/someone"><body><a rel="author" href="/m">Mairi Campbell</a></body>)")
              .author == "Mairi Campbell");
    CHECK(meta(R"(<body><p class="byline">By Mairi Campbell, Reuters</p></body>)").author == "Mairi Campbell");
    CHECK(normalize_language("en_US") == "en-us");
    CHECK(normalize_language("<script>").empty());
}

TEST_CASE("JSON-LD: article objects in @graph and lists; malformed JSON is ignored", "[html][metadata]") {
    const auto m = meta(R"(<script type="application/ld+json">[{"@type":"WebSite","name":"x"},
        {"@graph":[{"@type":["NewsArticle"],"headline":"Head","alternativeHeadline":"Dek",
         "author":[{"name":"A One"},{"name":"B Two"}],"publisher":{"name":"Pub"},"articleSection":"World",
         "articleBody":"Body text."}]}]</script><script type="application/ld+json">{broken</script>)");
    CHECK(m.title == "Head");
    CHECK(m.subtitle == "Dek");
    CHECK(m.author == "A One, B Two");
    CHECK(m.source == "Pub");
    CHECK(m.category == "World");
    CHECK(m.json_ld_body == "Body text.");
    CHECK(meta(R"(<script type="application/ld+json">{"@type":"Recipe","articleBody":"no"}</script>)").json_ld_body.empty());
}
