#include "indexer/passage_splitter.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::indexer;

namespace {

std::string sentence(int n) {
    return "Sentence number " + std::to_string(n) + " has exactly seven words.";
}

Article article_with(int paragraphs, int sentences_each) {
    Article article;
    article.id = "a";
    int n = 0;
    for (int p = 0; p < paragraphs; ++p) {
        std::string text;
        for (int s = 0; s < sentences_each; ++s) text += (s ? " " : "") + sentence(++n);
        article.paragraphs.push_back({text, false});
    }
    return article;
}

} // namespace

TEST_CASE("passages are consecutive windows of sentences, each sentence in one of them", "[passages]") {
    const Analyzer analyzer;
    const Article article = article_with(1, 12);
    const auto passages = split_passages(article, analyzer, PassageOptions{20, 5});
    // 7 words per sentence: a window takes 3 sentences (21 words), the next starts after it.
    REQUIRE(passages.size() == 4);
    CHECK(passages[0].text == sentence(1) + " " + sentence(2) + " " + sentence(3));
    CHECK(passages[1].text == sentence(4) + " " + sentence(5) + " " + sentence(6));
    CHECK(passages.back().text.ends_with(sentence(12)));
    for (std::size_t i = 1; i < passages.size(); ++i) CHECK(passages[i].begin > passages[i - 1].end);
    const std::string body = article_body_text(article);
    for (const Passage& passage : passages) {
        CHECK(body.substr(passage.begin, passage.end - passage.begin) == passage.text);
        CHECK(passage.kind == PassageKind::body);
    }
    for (std::size_t i = 0; i < passages.size(); ++i) CHECK(passages[i].ordinal == i);
}

TEST_CASE("every sentence of the body is in some passage", "[passages]") {
    const Analyzer analyzer;
    const Article article = article_with(4, 3);
    const auto passages = split_passages(article, analyzer, PassageOptions{15, 5});
    for (int n = 1; n <= 12; ++n) {
        bool found = false;
        for (const Passage& passage : passages) found = found || passage.text.find(sentence(n)) != std::string::npos;
        CAPTURE(n);
        CHECK(found);
    }
}

TEST_CASE("passage tokens have offsets into the passage and positions from 1", "[passages]") {
    const Analyzer analyzer;
    const auto passages = split_passages(article_with(1, 6), analyzer, PassageOptions{14, 5});
    REQUIRE(passages.size() >= 2);
    const Passage& second = passages[1];
    REQUIRE_FALSE(second.tokens.empty());
    CHECK(second.tokens.front().position == 1);
    CHECK(second.text.substr(second.tokens.front().begin, 8) == "Sentence");
}

TEST_CASE("a heading opens the passage with the text it heads", "[passages]") {
    const Analyzer analyzer;
    Article article;
    article.paragraphs = {{sentence(1) + " " + sentence(2), false}, {"Recent Diplomatic Track", true},
                          {sentence(3) + " " + sentence(4), false}};
    const auto passages = split_passages(article, analyzer, PassageOptions{20, 5});
    // The first window has 14 words (over half the target) when it meets the heading: it stops.
    bool heading_opens = false;
    for (const Passage& passage : passages) {
        CHECK_FALSE(passage.text.ends_with("Recent Diplomatic Track"));
        heading_opens = heading_opens || passage.text.starts_with("Recent Diplomatic Track\n\n" + sentence(3));
    }
    CHECK(heading_opens);
}

TEST_CASE("captions are passages of their own, after the body", "[passages]") {
    const Analyzer analyzer;
    Article article = article_with(1, 2);
    article.captions = {{"Lavrov greets Trump in Hamburg.", "AP"}, {"", "Shutterstock"}};
    const auto passages = split_passages(article, analyzer);
    REQUIRE(passages.size() == 2);
    CHECK(passages[1].kind == PassageKind::caption);
    CHECK(passages[1].text == "Lavrov greets Trump in Hamburg.");
    CHECK(passages[1].ordinal == 1);
}

TEST_CASE("a headline-only article is one passage and an empty one has none", "[passages]") {
    const Analyzer analyzer;
    Article article;
    article.paragraphs = {{"  ", false}};
    CHECK(split_passages(article, analyzer).empty());
    article.title = "Only a headline";
    const auto passages = split_passages(article, analyzer);
    REQUIRE(passages.size() == 1);
    CHECK(passages[0].text == "Only a headline");
}

TEST_CASE("the standfirst is a passage of its own, unless the body opens with it", "[passages]") {
    const Analyzer analyzer;
    Article article = article_with(2, 2);
    article.subtitle = "Wales record cap holder will retire at the end of the season.";
    const auto passages = split_passages(article, analyzer);
    REQUIRE(passages.size() == 2);
    CHECK(passages[1].kind == PassageKind::lede);
    CHECK(passages[1].text == article.subtitle);
    CHECK(passages[1].ordinal == 1);
    CHECK(passages[1].tokens.front().term == "wales");

    article.paragraphs.insert(article.paragraphs.begin(), {article.subtitle, false});
    for (const Passage& passage : split_passages(article, analyzer)) CHECK(passage.kind == PassageKind::body);

    Article headline_and_lede;
    headline_and_lede.id = "h";
    headline_and_lede.title = "Talks end";
    headline_and_lede.subtitle = "The meeting created frustration in Europe.";
    const auto only = split_passages(headline_and_lede, analyzer);
    REQUIRE(only.size() == 1);
    CHECK(only[0].kind == PassageKind::lede);
}

TEST_CASE("the body cut once gives each paragraph the words and sentences it has alone", "[passages]") {
    const Analyzer analyzer;
    Article article;
    article.paragraphs = {{"U.S. officials met at 10:30. Mr. Smith said: \u201Cno\u201D (see x@y.com).", false},
                          {"A heading", true},
                          {"", false},
                          {"Jos\u00E9 Mar\u00EDa's caf\u00E9 \u2014 3.5% of online.ua\u2019s \u5317\u4EAC\u5927\u5B66 "
                           "readers. Second sentence here!",
                           false},
                          {"ends with an abbreviation, Inc.", false}};
    const BodyCuts body = cut_body(article, analyzer);
    REQUIRE(body.text == article_body_text(article));
    CHECK(body.tokens == analyzer.tokenize(body.text));
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        const std::string& text = article.paragraphs[p].text;
        CAPTURE(text);
        CHECK(body.text.substr(body.paragraph_begin[p], text.size()) == text);
        const TextCuts cuts = body.paragraph(p);
        CHECK(cuts.offset == body.paragraph_begin[p]);
        const std::vector<Token> alone = analyzer.tokenize(text);
        REQUIRE(cuts.tokens.size() == alone.size());
        for (std::size_t t = 0; t < alone.size(); ++t) {
            CHECK(cuts.tokens[t].term == alone[t].term);
            CHECK(cuts.tokens[t].begin - cuts.offset == alone[t].begin);
            CHECK(cuts.tokens[t].end - cuts.offset == alone[t].end);
        }
        CHECK(std::vector<ByteRange>(cuts.sentences.begin(), cuts.sentences.end()) == analyzer.sentences(text));
    }
    const auto shared = split_passages(article, body, analyzer, PassageOptions{4, 1});
    const auto alone = split_passages(article, analyzer, PassageOptions{4, 1});
    REQUIRE(shared.size() == alone.size());
    for (std::size_t i = 0; i < shared.size(); ++i) {
        CHECK(shared[i].text == alone[i].text);
        CHECK(shared[i].begin == alone[i].begin);
        CHECK(shared[i].tokens == alone[i].tokens);
    }
}
