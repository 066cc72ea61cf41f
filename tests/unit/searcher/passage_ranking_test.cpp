#include "searcher/passage_ranking.hpp"

#include "../temp_dir.hpp"
#include "common/article_json.hpp"
#include "common/schema.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

/// An index of `articles` documents, `with_word` of which hold `word`: only term statistics matter.
Xapian::WritableDatabase statistics(const std::string& path, const std::string& word, int with_word, int articles) {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < articles; ++i) {
        Xapian::Document document;
        document.add_term("filler");
        if (i < with_word) document.add_term(word);
        database.add_document(document);
    }
    database.commit();
    return database;
}

ArticleDocument three_passages() {
    ArticleDocument document;
    document.article.id = "a1";
    document.article.paragraphs = {{"Talks about the weather went on.", false},
                                   {"The agreement was signed; two agreements, in fact.", false},
                                   {"An agreement at last.", false}};
    const std::string body = article_body_text(document.article);
    std::size_t begin = 0;
    for (const Paragraph& paragraph : document.article.paragraphs) {
        document.passages.push_back({"body", begin, begin + paragraph.text.size(), 0, {}});
        begin += paragraph.text.size() + 2;
    }
    return document;
}

/// A ranker over an index of `articles` documents, `with_word` of which hold `word`.
struct Ranking {
    Ranking(const std::string& word, int with_word, int articles)
        : database(statistics(dir / "db", word, with_word, articles)) {}
    test::TempDir dir;
    Xapian::WritableDatabase database;
    const Analyzer analyzer;
    StemmedTerms stemmed{analyzer};
    PassageRanker ranker{analyzer, database, RankingSettings{}, stemmed};
};

} // namespace

TEST_CASE("the passage with more of the query's words ranks best, stems included", "[passage_ranking]") {
    Ranking ranking("Zagreement", 2, 10);
    PassageRanker& ranker = ranking.ranker;
    PassageQuery query;
    query.terms.words = {"Zagreement"};
    const std::vector<ScoredPassage> passages = ranker.score(three_passages(), query);
    REQUIRE(passages.size() == 3);
    CHECK(passages[0].score == 0);
    CHECK(passages[1].score > passages[2].score);
    CHECK(passages[2].score > 0);
    CHECK(best_passage(passages) == 1);
    REQUIRE(passages[1].marks.size() == 2);
    CHECK(passages[1].text.substr(passages[1].marks[1].begin, passages[1].marks[1].end - passages[1].marks[1].begin) ==
          "agreements");

    CHECK(matching_passages(passages) == std::vector<std::size_t>{1, 2});
}

TEST_CASE("the title counts with every passage, and alone it picks the first passage", "[passage_ranking]") {
    Ranking ranking("weather", 2, 10);
    PassageRanker& ranker = ranking.ranker;
    ArticleDocument document = three_passages();
    document.article.title = "Weather report";
    PassageQuery query;
    query.terms.words = {"weather"};
    const std::vector<ScoredPassage> with_title = ranker.score(document, query);
    CHECK(with_title[1].score > 0);
    CHECK(with_title[1].marks.empty());
    CHECK(with_title[0].score > with_title[1].score); // its own "weather" too
    CHECK(best_passage(with_title) == 0);
    query.terms.words = {"report"};
    const std::vector<ScoredPassage> title_only = ranker.score(document, query);
    CHECK(title_only[2].score > title_only[0].score); // the shortest, but the query is not in it
    CHECK(best_passage(title_only) == 0);
    CHECK(matching_passages(title_only) == std::vector<std::size_t>{0});
}

TEST_CASE("a rarer word counts more, and an entity the query matched marks its mention", "[passage_ranking]") {
    test::TempDir dir;
    Xapian::WritableDatabase database = statistics(dir / "db", "weather", 1, 10);
    Xapian::Document common;
    common.add_term("Zagreement");
    for (int i = 0; i < 8; ++i) database.add_document(common);
    database.commit();
    const Analyzer analyzer;
    StemmedTerms stemmed(analyzer);
    PassageRanker ranker(analyzer, database, RankingSettings{}, stemmed);
    ArticleDocument document = three_passages();
    document.mentions.push_back({2, "agreement_entity", "Agreement", "other", 3, 12});
    PassageQuery query;
    query.terms.words = {"weather", "Zagreement"};
    CHECK(best_passage(ranker.score(document, query)) == 0);
    query.entity_keys = {"agreement_entity"};
    const std::vector<ScoredPassage> passages = ranker.score(document, query);
    REQUIRE(passages[2].marks.size() == 1);
    CHECK(passages[2].marks[0].begin == 3);
}

TEST_CASE("with nothing matched, the first passage is the best and the only one listed", "[passage_ranking]") {
    Ranking ranking("unrelated", 1, 3);
    PassageRanker& ranker = ranking.ranker;
    PassageQuery query;
    query.terms.phrases = {{"signed", "treaty"}};
    const std::vector<ScoredPassage> passages = ranker.score(three_passages(), query);
    CHECK(best_passage(passages) == 0);
    CHECK(matching_passages(passages) == std::vector<std::size_t>{0});
}

TEST_CASE("a query's passages are scored on its words, phrases and entities, not on what it excludes",
          "[passage_ranking]") {
    const Xapian::Query words(Xapian::Query::OP_OR, Xapian::Query("Zagreement"), Xapian::Query("XErubio"));
    const Xapian::Query query(Xapian::Query::OP_AND_NOT,
                              Xapian::Query(Xapian::Query::OP_FILTER, words, Xapian::Query("XEAlavrov")),
                              Xapian::Query("XEputin"));
    const PassageQuery scored_on = passage_query(query);
    CHECK(scored_on.terms.words == std::set<std::string>{"Zagreement"});
    CHECK(scored_on.entity_keys == std::set<std::string>{"rubio"});
    CHECK_FALSE(has_wildcard(query));
    CHECK(has_wildcard(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("lavrov"),
                                     Xapian::Query(Xapian::Query::OP_WILDCARD, "agree"))));
}

TEST_CASE("passages the query cannot match are scored from their stored length, with the same scores",
          "[passage_ranking]") {
    Ranking ranking("Zagreement", 2, 10);
    ArticleDocument counted = three_passages();
    counted.article.title = "Agreement reached"; // so that every passage has a score
    const Analyzer analyzer;
    for (PassageSpan& span : counted.passages)
        span.words = analyzer.tokenize(passage_text(counted.article, article_body_text(counted.article), span)).size();
    ArticleDocument uncounted = counted;
    for (PassageSpan& span : uncounted.passages) span.words.reset();
    PassageQuery query;
    query.terms.words = {"Zagreement"};
    const std::vector<ScoredPassage> from_counts = ranking.ranker.score(counted, query);
    const std::vector<ScoredPassage> from_words = ranking.ranker.score(uncounted, query);
    REQUIRE(from_counts.size() == from_words.size());
    for (std::size_t i = 0; i < from_counts.size(); ++i) {
        CHECK(from_counts[i].score == Approx(from_words[i].score));
        CHECK(from_counts[i].marks == from_words[i].marks);
    }
    // A stored length is what the first passage, which has no query word, is scored by.
    counted.passages[0].words = 50;
    CHECK(ranking.ranker.score(counted, query)[0].score < from_counts[0].score);
}
