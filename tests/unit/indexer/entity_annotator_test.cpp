#include "indexer/entity_annotator.hpp"

#include "common/entities/gazetteer.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::indexer;

namespace {

entities::EntityRecognizer recognizer() {
    auto gazetteer = std::make_shared<const entities::Gazetteer>(entities::Gazetteer::parse(
        "Sergey Lavrov\tperson\tSergei Lavrov|Lavrov\nAnchorage\tplace\nMarco Rubio\tperson\tRubio\n", "test"));
    return entities::EntityRecognizer(gazetteer);
}

} // namespace

TEST_CASE("entity mentions are assigned to the passages that contain them", "[entities][annotate]") {
    const Analyzer analyzer;
    Article article;
    article.title = "Lavrov meets Rubio";
    article.paragraphs = {{"Sergei Lavrov spoke first. He talked for an hour about many things.", false},
                          {"The Anchorage agreements remain in force, Rubio said.", false}};
    const auto passages = split_passages(article, analyzer, PassageOptions{5, 1});
    const auto found = annotate_entities(article, passages, recognizer());
    REQUIRE(found.passages.size() == passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i)
        for (const PassageEntity& mention : found.passages[i]) {
            CAPTURE(passages[i].text, mention.canonical);
            // Offsets are into the passage's own text.
            const std::string surface = passages[i].text.substr(mention.begin, mention.end - mention.begin);
            CHECK((surface == "Sergei Lavrov" || surface == "Anchorage" || surface == "Rubio"));
        }
    std::vector<std::string> names;
    for (const ArticleEntity& entity : found.article) names.push_back(entity.canonical);
    CHECK(std::find(names.begin(), names.end(), "Sergey Lavrov") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Anchorage") != names.end());
    // Title mentions count for the article: Lavrov (title + body) is mentioned twice.
    for (const ArticleEntity& entity : found.article)
        if (entity.canonical == "Sergey Lavrov") CHECK(entity.mentions == 2);
}

TEST_CASE("caption passages carry their caption's mentions", "[entities][annotate]") {
    const Analyzer analyzer;
    Article article;
    article.title = "A title";
    article.paragraphs = {{"Nothing to see in this paragraph at all.", false}};
    article.captions = {{"Lavrov arrives in Anchorage.", "AP"}};
    const auto passages = split_passages(article, analyzer);
    REQUIRE(passages.back().kind == PassageKind::caption);
    const auto found = annotate_entities(article, passages, recognizer());
    CHECK(found.passages.back().size() == 2);
    CHECK(found.passages.front().empty());
}

TEST_CASE("entities read from the body cut once are the entities of each paragraph cut again", "[entities][annotate]") {
    const Analyzer analyzer;
    Article article;
    article.title = "Lavrov meets Rubio in Anchorage";
    article.subtitle = "Talks: the U.S. and Russia";
    article.paragraphs = {{"Sergei Lavrov spoke first. He talked for an hour with Marco Rubio.", false},
                          {"Talks in Anchorage", true},
                          {"\u201CWe agreed,\u201D Mr. Rubio said in Anchorage (Alaska) on Friday. Lavrov's aide, "
                           "Yuri Ushakov, said: \u00ABnothing\u00BB was signed at the U.S. base.",
                           false},
                          {"", false},
                          {"\u0421\u0435\u0440\u0433\u0435\u0439 \u041B\u0430\u0432\u0440\u043E\u0432 and Jos\u00E9 "
                           "Mar\u00EDa Aznar met at 10:30 in St. Petersburg.",
                           false}};
    article.captions = {{"Lavrov arrives in Anchorage.", "AP"}};
    const auto passages = split_passages(article, analyzer, PassageOptions{8, 1});
    const auto alone = annotate_entities(article, passages, recognizer());
    const auto shared = annotate_entities(article, passages, cut_body(article, analyzer), recognizer());
    CHECK(shared.passages == alone.passages);
    CHECK(shared.article == alone.article);
    CHECK_FALSE(alone.article.empty());
}
