// The stages of a search, each on its own: validate (search_limits), parse and plan
// (search_plan), match (matcher) and page (paging).

#include "searcher/matcher.hpp"
#include "searcher/paging.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/search_plan.hpp"
#include "searcher/searcher.hpp"

#include "../article_fixture.hpp"
#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "indexer/index_writer.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

using test::make_article;

/// Three articles: two about the harbour (one of them from another source), one about a ferry.
class StageIndex {
  public:
    StageIndex() {
        {
            indexer::IndexWriter writer(dir_ / "db");
            writer.add(make_article("harbour", "Harbour reopens", {"The harbour reopened after the storm."}));
            writer.add(make_article("pier", "Pier repaired", {"The harbour pier was repaired by the council."},
                                    "", "Coast Gazette"));
            writer.add(make_article("ferry", "Ferry delayed", {"The ferry was delayed by fog."}));
            writer.commit();
        }
        database_ = open_database(dir_ / "db");
        builder_ = std::make_unique<QueryBuilder>(analyzer_, &database_, index_recognizer(database_));
    }
    const Xapian::Database& database() const { return database_; }
    const QueryBuilder& builder() const { return *builder_; }
    const Analyzer& analyzer() const { return analyzer_; }

  private:
    test::TempDir dir_;
    Analyzer analyzer_;
    Xapian::Database database_;
    std::unique_ptr<QueryBuilder> builder_;
};

std::vector<std::string> ids(const Xapian::MSet& mset) {
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(it.get_document().get_value(0));
    return out;
}

} // namespace

TEST_CASE("validate: one set of limits, each field named", "[search][stages]") {
    const auto message = [](SearchOptions options) {
        try {
            validate(options);
        } catch (const UsageError& e) {
            return std::string(e.what());
        }
        return std::string("ok");
    };
    CHECK(message({.query = "talks"}) == "ok");
    CHECK(message({.query = "talks", .limit = 0}) == "limit must be 1..10000, not 0");
    CHECK(message({.query = "talks", .limit = 10001}) == "limit must be 1..10000, not 10001");
    CHECK(message({.query = "talks", .snippet_bytes = 39}) == "snippet_bytes must be 40..100000, not 39");
    SearchOptions ranking{.query = "talks"};
    ranking.ranking.k1 = 11;
    CHECK(message(ranking) == "k1 must be in [0, 10], not 11");
    ranking.ranking.k1 = std::nan("");
    CHECK(message(ranking).starts_with("k1 must be in [0, 10]"));
    SearchOptions feedback{.query = "talks"};
    feedback.feedback.on = true;
    feedback.feedback.weight = 1.0;
    CHECK(message(feedback) == "feedback weight must be in [0, 1), not 1");
    CHECK(message({.query = "  "}) == "the query has no words to search for");
    CHECK(message({.query = "", .sources = {"Coast Gazette"}}) == "ok");
    CHECK(message({.query = "x", .sources = {" "}}) == "a source filter is empty: name a source");
    CHECK(message({.query = "x", .since = "2025", .until = "2024"}) == "--since 2025 is after --until 2024");
}

TEST_CASE("plan: filters narrow without entering the query, and a typed query is matched in ranks on every page", "[search][stages]") {
    const StageIndex index;
    SearchOptions options{.query = "harbour", .limit = 5, .offset = 0, .sources = {"Coast Gazette"}};
    const SearchPlan plan = plan_search(options, index.builder(), index.analyzer(), index.database());
    CHECK_FALSE(plan.filter.empty());
    CHECK(plan.parsed.query.get_description().find("Coast") == std::string::npos); // not spliced into the text
    CHECK(plan.ranked);
    // Copies are grouped into stories: the matcher fetches from the first result, the page and
    // as many again and a few, for the copies it skips.
    CHECK(plan.stories);
    CHECK(plan.first == 0);
    CHECK(plan.count == 30);
    CHECK(plan.check_at_least == 105);
    SearchOptions every_copy = options;
    every_copy.collapse_copies = false;
    every_copy.offset = 10;
    const SearchPlan articles = plan_search(every_copy, index.builder(), index.analyzer(), index.database());
    CHECK_FALSE(articles.stories);
    CHECK(articles.first == 10);
    CHECK(articles.count == 5);

    options.offset = 10; // page 2 ranks as page 1 did
    options.query = "harbour storm";
    const SearchPlan second_page = plan_search(options, index.builder(), index.analyzer(), index.database());
    CHECK(second_page.ranked);
    CHECK(second_page.any_words.query.get_description().find("OR") != std::string::npos);
    options.offset = 0;
    options.passages = true;
    const SearchPlan passages = plan_search(options, index.builder(), index.analyzer(), index.database());
    CHECK(passages.first == 0);
    CHECK(passages.count == 5);

    // Only filters: every article they let through.
    const SearchPlan filters_only = plan_search({.query = "", .sources = {"Coast Gazette"}}, index.builder(),
                                                index.analyzer(), index.database());
    CHECK(filters_only.parsed.query.get_description() == Xapian::Query(Xapian::Query::MatchAll).get_description());
    CHECK_FALSE(filters_only.ranked);
}

TEST_CASE("plan: a bag of words drops the query syntax and any word counts", "[search][stages]") {
    const StageIndex index;
    CHECK(bag_of_words(index.analyzer(), "embassy -Riyadh \"assets frozen\" AND flights") ==
          "embassy Riyadh assets frozen and flights");
    const SearchPlan plan = plan_search({.query = "harbour -storm", .bag_of_words = true}, index.builder(),
                                        index.analyzer(), index.database());
    CHECK(plan.query_options.default_op == Xapian::Query::OP_OR);
    CHECK(plan.parsed.query.get_description().find("AND_NOT") == std::string::npos);
    CHECK_FALSE(plan.ranked); // already any word
}

TEST_CASE("match: all words first, then near-misses; the spelling correction when no article has all the words", "[search][stages]") {
    const StageIndex index;
    const auto match = [&](const SearchOptions& options) {
        const SearchPlan plan = plan_search(options, index.builder(), index.analyzer(), index.database());
        Matcher matcher(index.database(), index.analyzer(), options);
        return matcher.match(plan, index.builder(), nullptr);
    };
    const MatchResult all = match({.query = "harbour storm"});
    CHECK(ids(all.articles) == std::vector<std::string>{"harbour", "pier"}); // "pier" has only "harbour"
    CHECK(all.articles[0].get_weight() > all.articles[1].get_weight());
    CHECK(all.notices.empty());
    REQUIRE(all.bonuses.size() == 3);
    CHECK(all.bonuses[0].first == "all the words");

    const MatchResult some = match({.query = "harbour fog"});
    CHECK(some.articles.size() == 3);
    REQUIRE(some.notices.size() == 1);
    CHECK(some.notices[0] == "No article contains all the words; showing those that contain some of them.");

    const MatchResult corrected = match({.query = "harbuor"});
    CHECK(ids(corrected.articles).size() == 2);
    REQUIRE_FALSE(corrected.notices.empty());
    CHECK(corrected.notices[0].find("showing results for \"harbour\"") != std::string::npos);

    // Equal scores come in article id order, whatever the document ids.
    const MatchResult ties = match({.query = "", .sources = {"Example News"}});
    CHECK(ids(ties.articles) == std::vector<std::string>{"ferry", "harbour"});
}

TEST_CASE("page: passages by score, the page cut from the offset, totals exact when all were seen", "[search][stages]") {
    const StageIndex index;
    SearchOptions options{.query = "harbour", .limit = 1, .offset = 1, .passages = true};
    const SearchPlan plan = plan_search(options, index.builder(), index.analyzer(), index.database());
    Matcher matcher(index.database(), index.analyzer(), options);
    const MatchResult match = matcher.match(plan, index.builder(), nullptr);
    std::vector<Hit> passages(3);
    passages[0].article.id = "b";
    passages[0].score = 1.0;
    passages[1].article.id = "a";
    passages[1].score = 2.0;
    passages[2].article.id = "a";
    passages[2].passage = 1;
    passages[2].score = 1.0;
    SearchResults results;
    page_passages(options, match.articles, passages, results);
    REQUIRE(results.hits.size() == 1);
    CHECK(results.hits[0].rank == 2);
    CHECK(results.hits[0].article.id == "a"); // ties: by article id, then passage
    CHECK(results.hits[0].passage == 1);
    CHECK(results.total_estimate == 3);
    CHECK(results.total_is_exact);
}

TEST_CASE("plan: boolean syntax means exactly what it says; words, phrases and exclusions are ranked", "[search][stages]") {
    CHECK(has_boolean_syntax("Alaska AND Putin"));
    CHECK(has_boolean_syntax("(Riyadh OR Istanbul) February"));
    CHECK(has_boolean_syntax("+Istanbul Lavrov"));
    CHECK(has_boolean_syntax("Rubio NEAR/2 Lavrov"));
    CHECK(has_boolean_syntax("Lavrov ADJ Rubio"));
    CHECK_FALSE(has_boolean_syntax("how much did general motors pay fiat"));
    CHECK_FALSE(has_boolean_syntax("\"peace talks\" Lavrov -Alaska title:Rubio"));
    CHECK_FALSE(has_boolean_syntax("Oregon and Nevada or not")); // lower-case words are words
    CHECK_FALSE(has_boolean_syntax("heated high speed aircraft (models)"));
    CHECK(has_boolean_syntax("(NOT Lavrov)"));

    const StageIndex index;
    CHECK(plan_search({.query = "harbour storm"}, index.builder(), index.analyzer(), index.database()).ranked);
    CHECK_FALSE(plan_search({.query = "harbour AND storm"}, index.builder(), index.analyzer(), index.database()).ranked);
}
