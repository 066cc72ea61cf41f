#include "common/article_document.hpp"

#include "common/article_document_reader.hpp"
#include "common/article_json.hpp"
#include "newssearch/errors.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;

namespace {

Article sample() {
    Article article;
    article.id = "a1";
    article.title = "Rubio meets Lavrov";
    article.paragraphs = {{"The talks began.", false}, {"They ended late.", false}};
    article.captions = {{"", "AP"}, {"Rubio in Riyadh", "Reuters"}};
    return article;
}

} // namespace

TEST_CASE("an article document gives back the article, its passages and their mentions", "[article_document]") {
    const Article article = sample();
    const std::vector<PassageSpan> spans{{"body", 0, 16, 0, 3}, {"body", 18, 34, 0, 3}, {"caption", 0, 15, 1, 3}};
    const std::vector<PassageMention> mentions{{2, "marco_rubio", "Marco Rubio", "person", 0, 5}};
    const std::string data = format_article_document(article, spans, mentions);
    CHECK(data.find("The talks began.\n\nThey ended late.") == std::string::npos); // texts kept raw, one after another
    CHECK(data.find("The talks began.They ended late.Rubio in Riyadh") != std::string::npos);
    const ArticleDocument stored = parse_article_document(data);
    CHECK(stored.article.id == "a1");
    CHECK(stored.article.captions.size() == 2);
    REQUIRE(stored.passages.size() == 3);
    CHECK(stored.passages[2].kind == "caption");
    CHECK(stored.passages[2].caption == 1);
    CHECK(stored.passages[2].words == 3);
    REQUIRE(stored.mentions.size() == 1);
    CHECK(stored.mentions[0].canonical == "Marco Rubio");
    CHECK(stored.mentions[0].passage == 2);

    const std::string body = article_body_text(stored.article);
    CHECK(body == "The talks began.\n\nThey ended late.");
    CHECK(passage_text(stored.article, body, stored.passages[0]) == "The talks began.");
    CHECK(passage_text(stored.article, body, stored.passages[1]) == "They ended late.");
    CHECK(passage_text(stored.article, body, stored.passages[2]) == "Rubio in Riyadh");
    CHECK(passage_text(stored.article, body, {"title", 0, 0, 0, {}}) == "Rubio meets Lavrov");
}

TEST_CASE("an entity mentioned twice is stored once; mentions keep their own offsets", "[article_document]") {
    const std::vector<PassageSpan> spans{{"body", 0, 16, 0, {}}, {"body", 18, 34, 0, {}}};
    const std::vector<PassageMention> mentions{{0, "marco_rubio", "Marco Rubio", "person", 0, 5},
                                               {1, "sergey_lavrov", "Sergey Lavrov", "person", 2, 8},
                                               {1, "marco_rubio", "Marco Rubio", "person", 9, 14}};
    const std::string data = format_article_document(sample(), spans, mentions);
    CHECK(data.find("Marco Rubio") == data.rfind("Marco Rubio"));
    const ArticleDocument stored = parse_article_document(data);
    REQUIRE(stored.mentions.size() == 3);
    CHECK(stored.mentions[2].key == "marco_rubio");
    CHECK(stored.mentions[2].canonical == "Marco Rubio");
    CHECK(stored.mentions[2].type == "person");
    CHECK(stored.mentions[2].passage == 1);
    CHECK(stored.mentions[2].begin == 9);
    CHECK(stored.mentions[2].end == 14);
    CHECK(stored.mentions[1].canonical == "Sergey Lavrov");
}

TEST_CASE("document data of indexes built before compact passages and mentions is still read", "[article_document]") {
    const std::string data =
        R"({"id":"a1","title":"T","paragraphs":[{"heading":false,"bytes":16}],"captions":[],)"
        R"("passages":[{"kind":"body","begin":0,"end":16}],)"
        R"("mentions":[{"passage":0,"key":"marco_rubio","canonical":"Marco Rubio","type":"person","begin":4,"end":9}]})"
        "\nThe talks began.";
    const ArticleDocument stored = parse_article_document(data);
    REQUIRE(stored.passages.size() == 1);
    CHECK(stored.passages[0].end == 16);
    CHECK_FALSE(stored.passages[0].words.has_value()); // their passages are cut into words when searched
    REQUIRE(stored.mentions.size() == 1);
    CHECK(stored.mentions[0].canonical == "Marco Rubio");
    CHECK(stored.mentions[0].begin == 4);
}

TEST_CASE("a mention of an entity the document does not list is dropped, never a crash", "[article_document]") {
    const std::string data = R"({"id":"a1","paragraphs":[],"passages":[["body",0,0]],"entities":[["k","K","other"]],)"
                             R"("mentions":[[0,0,1,2],[0,7,1,2],[0,"x",1,2],[0],"junk"]})"
                             "\n";
    const ArticleDocument stored = parse_article_document(data);
    REQUIRE(stored.mentions.size() == 1);
    CHECK(stored.mentions[0].key == "k");
}

TEST_CASE("a passage outside its article's text gives what lies inside, never a crash", "[article_document]") {
    const Article article = sample();
    const std::string body = article_body_text(article);
    CHECK(passage_text(article, body, {"body", 29, 500, 0, {}}) == "late.");
    CHECK(passage_text(article, body, {"body", 500, 600, 0, {}}).empty());
    CHECK(passage_text(article, body, {"caption", 0, 5, 9, {}}).empty());
}

TEST_CASE("damaged document data is a DataError", "[article_document]") {
    CHECK_THROWS_AS(parse_article_document("not json"), DataError);
    CHECK_THROWS_AS(parse_article_document(std::string("\x01\xFF\x00\x00\x00\x80", 6)), DataError); // header longer than the data
    CHECK_THROWS_AS(parse_article_document(std::string("\x01\x01\x00\x00\x00\xC1", 6)), DataError); // not MessagePack
    CHECK_THROWS_AS(parse_article_document(std::string("\x01\x01", 2)), DataError);
    CHECK_THROWS_AS(parse_article_document("[1, 2]\ntext"), DataError);
    const std::string data = format_article_document(sample(), {}, {});
    CHECK_THROWS_AS(parse_article_document(data.substr(0, data.size() - 3)), DataError); // texts cut short
    CHECK_THROWS_AS(parse_article_document(R"({"paragraphs":[1]})" "\n"), DataError);
    CHECK(article_json_of_document("").empty());
    CHECK(nlohmann::json::parse(article_json_of_document(data)) == nlohmann::json::parse(to_json(sample()).dump()));
}

TEST_CASE("an article's content string is the same for the same article and differs with any field", "[article_document]") {
    // What the indexer hashes to skip unchanged articles: a change it missed would leave an
    // edited article unindexed.
    const Article base = sample();
    CHECK(article_content(base) == article_content(sample()));
    std::vector<Article> changed(14, base);
    changed[0].id = "a2";
    changed[1].title += "!";
    changed[2].subtitle = "A standfirst";
    changed[3].author = "A. Writer";
    changed[4].date = "2025-02-18";
    changed[5].source = "Example";
    changed[6].category = "World";
    changed[7].url = "https://example.test/a1";
    changed[8].language = "en";
    changed[9].paragraphs[0].text = "The talks began!";
    changed[10].paragraphs[1].heading = true;
    changed[11].paragraphs = {{"The talks began. They", false}, {"ended late.", false}}; // same letters, split elsewhere
    changed[12].captions[1].credit = "AFP";
    changed[13].captions[1].text = "Lavrov in Riyadh";
    for (std::size_t i = 0; i < changed.size(); ++i) {
        INFO(i);
        CHECK(article_content(changed[i]) != article_content(base));
    }
}

namespace {

/// The reader of the current form and the tree reader give the same document for `data`.
void check_both_readers_agree(const std::string& data) {
    const std::optional<detail::StoredDocumentParts> parts = detail::split_article_document(data);
    REQUIRE(parts.has_value());
    const std::optional<ArticleDocument> streamed = detail::read_current_article_document(*parts);
    REQUIRE(streamed.has_value());
    CHECK(*streamed == detail::read_article_document_tree(data));
}

} // namespace

TEST_CASE("the form written now is read without a JSON tree, and reads as the tree reader reads it",
          "[article_document]") {
    Article article = sample();
    article.title = "\"Rubio\" meets\nLavrov \xE2\x80\x94 in Riyadh"; // quotes, a newline, a dash
    article.subtitle = "A standfirst";
    article.date = "2025-02-18";
    article.paragraphs[1].heading = true;
    const std::vector<PassageSpan> spans{{"lede", 0, 12, 0, 2}, {"body", 0, 16, 0, 3}, {"caption", 0, 15, 1, 3}};
    const std::vector<PassageMention> mentions{{2, "marco_rubio", "Marco Rubio", "person", 0, 5},
                                               {1, "sergey_lavrov", "Sergey Lavrov", "person", 2, 8},
                                               {2, "marco_rubio", "Marco Rubio", "person", 9, 14}};
    check_both_readers_agree(format_article_document(article, spans, mentions));
    check_both_readers_agree(format_article_document(sample(), {}, {}));            // undated, nothing found
    check_both_readers_agree(format_article_document(Article{}, {{"title", 0, 0, 0, {}}}, {})); // no word counts
    const ArticleDocument stored = parse_article_document(format_article_document(article, spans, mentions));
    CHECK(stored.article == article);
    CHECK(stored.passages == spans);
    CHECK(stored.mentions == mentions);
}

TEST_CASE("older and damaged forms are left to the tree reader", "[article_document]") {
    const auto streamed = [](std::string_view header, std::string_view texts = "") {
        return detail::read_current_article_document({header, texts, false}).has_value();
    };
    CHECK(streamed(R"({"id":"a1","paragraphs":[{"heading":false,"bytes":3}],"passages":[["body",0,3]]})", "abc"));
    CHECK_FALSE(streamed(R"({"id":"a1","passages":[{"kind":"body","begin":0,"end":16}]})"));  // object passages
    CHECK_FALSE(streamed(R"({"id":"a1","mentions":[{"passage":0,"key":"k"}]})"));              // object mentions
    CHECK_FALSE(streamed(R"({"id":"a1","paragraphs":[{"heading":false,"bytes":3}]})", "ab")); // texts cut short
    CHECK_FALSE(streamed(R"({"id":"a1","mentions":[[0,0,1]]})"));                             // a short mention
    CHECK_FALSE(streamed(R"({"id":1})"));
    CHECK_FALSE(streamed(R"([1, 2])"));
    CHECK_FALSE(streamed(R"({"id":"a1")"));
    CHECK_FALSE(streamed(R"({"id":"a1","later":"field"})")); // a field this version does not know
    // A key twice: the last one counts, as the tree reader has it; a list twice is left to it.
    check_both_readers_agree(R"({"id":"a1","id":"a2","date":"2025-02-18","date":null})" "\n");
    CHECK(parse_article_document(R"({"id":"a1","id":"a2"})" "\n").article.id == "a2");
    CHECK_FALSE(streamed(R"({"id":"a1","passages":[["body",0,1]],"passages":[["body",0,2]]})"));
}

TEST_CASE("the header is written as MessagePack, and the JSON header of indexes built before is read as fast",
          "[article_document]") {
    const std::vector<PassageSpan> spans{{"body", 0, 16, 0, 3}, {"body", 18, 34, 0, 3}};
    const std::vector<PassageMention> mentions{{1, "marco_rubio", "Marco Rubio", "person", 0, 5}};
    const std::string data = format_article_document(sample(), spans, mentions);
    const std::optional<detail::StoredDocumentParts> parts = detail::split_article_document(data);
    REQUIRE(parts.has_value());
    CHECK(parts->packed);
    CHECK(parts->texts == "The talks began.They ended late.Rubio in Riyadh");
    const nlohmann::json header = nlohmann::json::from_msgpack(parts->header);
    CHECK(header.at("title") == "Rubio meets Lavrov");
    CHECK(header.at("mentions") == nlohmann::json::parse("[[1,0,0,5]]"));

    // The same document as indexes built before 2026-12-08 hold it: one line of JSON, then the texts.
    const std::string json_form = header.dump() + "\n" + std::string(parts->texts);
    const std::optional<detail::StoredDocumentParts> json_parts = detail::split_article_document(json_form);
    REQUIRE(json_parts.has_value());
    CHECK_FALSE(json_parts->packed);
    const std::optional<ArticleDocument> streamed = detail::read_current_article_document(*json_parts);
    REQUIRE(streamed.has_value());
    CHECK(*streamed == parse_article_document(data));
    CHECK(parse_article_document(json_form) == parse_article_document(data));
    check_both_readers_agree(json_form);
}

TEST_CASE("a stored document whose texts are not UTF-8 gives the article's JSON, never an exception",
          "[article_document]") {
    // Neither the raw texts nor a MessagePack header's strings are checked for UTF-8 when read.
    Article article = sample();
    article.title = "Rubio \xFF meets";
    article.paragraphs[0].text = "The talks \xC3 began.";
    const std::string json = article_json_of_document(format_article_document(article, {}, {}));
    const nlohmann::json parsed = nlohmann::json::parse(json);
    CHECK(parsed.at("title") == "Rubio \xEF\xBF\xBD meets");
    CHECK(parsed.at("paragraphs").at(0).at("text") == "The talks \xEF\xBF\xBD began.");
}
