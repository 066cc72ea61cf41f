#include "searcher/searcher.hpp"
#include "searcher/copies.hpp"
#include "searcher/search_limits.hpp"

#include "../article_fixture.hpp"
#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "indexer/index_writer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

using test::make_article;

/// A small index: one article with many passages about talks, one about an agreement.
class SmallIndex {
  public:
    SmallIndex() {
        indexer::IndexWriter writer(dir_ / "db");
        std::vector<std::string> long_body;
        for (int i = 0; i < 40; ++i)
            long_body.push_back("Paragraph " + std::to_string(i) +
                                " says the diplomats held talks in Riyadh about the war and many other things.");
        writer.add(make_article("talks", "Diplomats hold talks", long_body));
        writer.add(make_article("deal", "Frozen assets",
                                {"Moscow is waiting for confirmation that the Anchorage agreements remain in force.",
                                 "Officials did not say which agreement they meant."},
                                "2025-11-08"));
        writer.add(make_article("idea", "A proposal",
                                {"Lavrov had introduced a new idea. A new strategy it was not, and the idea was new."},
                                "2025-07-10"));
        writer.add(make_article("assets", "More on frozen assets",
                                {"The frozen assets and the agreements on them were discussed in Moscow again."},
                                "2025-02-18"));
        writer.commit();
    }
    [[nodiscard]] std::string path() const { return dir_ / "db"; }

  private:
    test::TempDir dir_;
};

SearchOptions query(const std::string& text) {
    SearchOptions options;
    options.query = text;
    return options;
}

std::string marked(const Hit& hit) {
    std::string out;
    for (const ByteRange& range : hit.highlights)
        out += "[" + hit.snippet.substr(range.begin, range.end - range.begin) + "]";
    return out;
}

} // namespace

TEST_CASE("the matching article comes first with its words highlighted", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults result = searcher.search(query("Anchorage agreements"));
    // The article with both words first; one with only "agreements" after it.
    REQUIRE(result.total_estimate == 2);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].score > result.hits[1].score);
    CHECK(result.notices.empty());
    CHECK(result.hits[0].article.id == "deal");
    // "agreement" in the next sentence is the same word to the stemmer: it is marked too.
    CHECK(marked(result.hits[0]) == "[Anchorage agreements][agreement]");
    CHECK(result.hits[0].article.title == "Frozen assets");
    CHECK(result.hits[0].article.source == "Example News");
}

TEST_CASE("by default each article appears once, with its best passage", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults articles = searcher.search(query("Riyadh talks"));
    REQUIRE(articles.hits.size() == 1);
    CHECK(articles.hits[0].article.id == "talks");
    CHECK(articles.hits[0].other_matching_passages > 0);

    SearchOptions passages = query("Riyadh talks");
    passages.passages = true;
    const SearchResults listed = searcher.search(passages);
    CHECK(listed.hits.size() > 1);
    for (const Hit& hit : listed.hits) CHECK(hit.article.id == "talks");
}

TEST_CASE("a quoted phrase is highlighted as one span, only where it occurs", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults result = searcher.search(query("\"new idea\""));
    REQUIRE(result.hits.size() == 1);
    CHECK(marked(result.hits[0]) == "[new idea]");
}

TEST_CASE("when no passage has all the words, partial matches are shown with a notice", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults result = searcher.search(query("Anchorage Barbie"));
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].article.id == "deal");
    REQUIRE(result.notices.size() == 1);
    CHECK_THAT(result.notices[0], Catch::Contains("some of them"));
}

TEST_CASE("a query that matches nothing returns no hits", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults result = searcher.search(query("Barbie"));
    CHECK(result.total_estimate == 0);
    CHECK(result.hits.empty());
}

TEST_CASE("limit and offset page through the results", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("Riyadh");
    options.passages = true;
    options.limit = 3;
    const SearchResults first = searcher.search(options);
    options.offset = 3;
    const SearchResults second = searcher.search(options);
    REQUIRE(first.hits.size() == 3);
    REQUIRE(second.hits.size() == 3);
    CHECK(second.hits[0].rank == 4);
    CHECK(first.hits[0].passage != second.hits[0].passage);
}

TEST_CASE("a missing or broken index is a clear IndexError", "[search]") {
    test::TempDir dir;
    CHECK_THROWS_WITH(Searcher(dir / "nowhere"), Catch::Contains("no index at") && Catch::Contains("newssearch index"));
    std::filesystem::create_directories(dir / "broken");
    std::ofstream(dir / "broken/iamglass") << "garbage";
    CHECK_THROWS_AS(Searcher(dir / "broken"), IndexError);
}

namespace {

std::vector<std::string> ids(const SearchResults& result) {
    std::vector<std::string> out;
    for (const Hit& hit : result.hits) out.push_back(hit.article.id);
    return out;
}

} // namespace

TEST_CASE("sorting by date puts undated articles last when newest first", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("Moscow OR Lavrov OR diplomats");
    options.sort = SortOrder::newest_first;
    CHECK(ids(searcher.search(options)) == std::vector<std::string>{"deal", "idea", "assets", "talks"});
    options.sort = SortOrder::oldest_first;
    CHECK(ids(searcher.search(options)) == std::vector<std::string>{"talks", "assets", "idea", "deal"});
    CHECK(parse_sort_order("-date") == SortOrder::newest_first);
    CHECK_THROWS_AS(parse_sort_order("newest"), UsageError);
}

TEST_CASE("a date range keeps undated articles unless they are excluded", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("Moscow OR Lavrov OR diplomats");
    options.sort = SortOrder::oldest_first;
    options.since = "2025-07";
    const SearchResults with_undated = searcher.search(options);
    CHECK(ids(with_undated) == std::vector<std::string>{"talks", "idea", "deal"});
    CHECK_THAT(with_undated.notices.back(), Catch::Contains("--dated-only"));
    options.dated_only = true;
    CHECK(ids(searcher.search(options)) == std::vector<std::string>{"idea", "deal"});
    options.until = "2025-07-31";
    CHECK(ids(searcher.search(options)) == std::vector<std::string>{"idea"});
    options.until = "2025-01";
    CHECK_THROWS_WITH(searcher.search(options), Catch::Contains("is after --until"));
}

TEST_CASE("date: in the query filters like --since/--until", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("frozen date:2025-02-01..2025-03-31");
    options.dated_only = true;
    CHECK(ids(searcher.search(options)) == std::vector<std::string>{"assets"});
    options.query = "frozen date:2025";
    CHECK(searcher.search(options).hits.size() == 2);
}

TEST_CASE("a misspelt query is corrected from the index's own words", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    const SearchResults corrected = searcher.search(query("anchroage agreemnts"));
    REQUIRE_FALSE(corrected.hits.empty());
    CHECK(corrected.hits[0].article.id == "deal");
    CHECK_THAT(corrected.notices[0], Catch::Contains("showing results for \"anchorage agreements\""));
    // Words the index has are never "corrected", even to a more frequent neighbour.
    CHECK(searcher.search(query("Anchorage agreements")).did_you_mean.empty());
    const SearchResults suggested = searcher.search(query("Riyadh OR lavrof"));
    CHECK(suggested.did_you_mean == "riyadh OR lavrov");
    CHECK(corrected.corrected_query == "anchorage agreements");
}

TEST_CASE("a correction never misleads: names, stopwords and distant words stay as typed", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    // Typed as a name the gazetteer does not know (this index has none): not a typo of a word.
    const SearchResults name = searcher.search(query("Moskow"));
    CHECK(name.hits.empty());
    CHECK(name.did_you_mean.empty());
    CHECK(name.corrected_query.empty());
    CHECK(searcher.search(query("moskow")).corrected_query == "moscow");
    // Two edits are too many for a short word ("brexit" is not "credit").
    CHECK(searcher.search(query("maskaw")).corrected_query.empty());
    // A stopword the index leaves out is not a typo ("say" is not "way").
    CHECK(searcher.search(query("what did Lavrov say")).did_you_mean.empty());
}

TEST_CASE("more like this finds the articles that share an article's words", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options;
    options.like = "deal";
    const SearchResults result = searcher.search(options);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].article.id == "assets");
    for (const Hit& hit : result.hits) CHECK(hit.article.id != "deal");
    options.like = "no-such-article";
    CHECK_THROWS_WITH(searcher.search(options), Catch::Contains("no article with id"));
}

TEST_CASE("explain breaks the score into each matching term's BM25 weight", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("frozen agreements");
    options.explain = true;
    const SearchResults result = searcher.search(options);
    REQUIRE_FALSE(result.hits.empty());
    for (const Hit& hit : result.hits) {
        REQUIRE(hit.explanation);
        double sum = 0;
        for (const TermContribution& term : hit.explanation->terms) {
            CHECK(term.weight > 0);
            CHECK(term.field == "text");
            sum += term.weight;
        }
        for (const ScoreBonus& bonus : hit.explanation->bonuses) {
            CHECK(bonus.weight > 0);
            sum += bonus.weight;
        }
        CHECK(sum == Approx(hit.score));
    }
    // "frozen" is in the title of both articles: the title's share of its frequency is shown.
    bool title_share = false;
    for (const TermContribution& term : result.hits[0].explanation->terms) title_share |= term.from_title > 0;
    CHECK(title_share);
}

TEST_CASE("BM25 parameters change the scores", "[search]") {
    const SmallIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("frozen");
    const double default_score = searcher.search(options).hits.at(0).score;
    options.ranking.k1 = 0.1;
    options.ranking.b = 0.0;
    CHECK(searcher.search(options).hits.at(0).score != Approx(default_score));
}

TEST_CASE("a long-lived searcher sees articles committed after it opened once refreshed", "[search]") {
    test::TempDir dir;
    const std::string path = dir / "db";
    indexer::IndexWriter writer(path);
    writer.add(make_article("first", "Harbour talks", {"The harbour talks began in Anchorage."}));
    writer.commit();

    Searcher searcher(path);
    CHECK(searcher.search(query("lighthouse")).hits.empty());
    CHECK_FALSE(searcher.refresh());

    writer.add(make_article("second", "Lighthouse repairs", {"The lighthouse keeper asked for repairs."}));
    writer.commit();
    CHECK(searcher.refresh());
    const SearchResults result = searcher.search(query("lighthouse"));
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].article.id == "second");
}

namespace {

/// Three articles from two sources; the gazetteer knows Lavrov and Rubio.
class FilterIndex {
  public:
    FilterIndex() {
        indexer::IndexWriter writer(dir_ / "db");
        writer.set_gazetteer("Sergei Lavrov\tperson\tLavrov\nMarco Rubio\tperson\tRubio\n", "test gazetteer");
        Article a = make_article("both", "Talks in Riyadh", {"Sergei Lavrov met Marco Rubio for talks."});
        Article b = make_article("lavrov", "More talks", {"Lavrov said the talks went well."});
        b.source = "Other Wire";
        Article c = make_article("none", "Quiet talks", {"Nobody of note held talks."});
        c.source = "Third Paper";
        writer.add(a);
        writer.add(b);
        writer.add(c);
        writer.commit();
    }
    [[nodiscard]] std::string path() const { return dir_ / "db"; }

  private:
    test::TempDir dir_;
};

/// The ids of the hits, sorted: filters decide which articles match, not their order.
std::vector<std::string> article_ids(const SearchResults& result) {
    std::vector<std::string> sorted = ids(result);
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

} // namespace

TEST_CASE("sources filter to any of the named sources, matched like source:", "[search][filter]") {
    const FilterIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("talks");
    options.sources = {"other wire"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"lavrov"});
    options.sources = {"Other Wire", "EXAMPLE NEWS"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"both", "lavrov"});
    options.sources = {"Nobody"};
    CHECK(searcher.search(options).hits.empty());
}

TEST_CASE("entities filter to articles mentioning all of them, by name or key", "[search][filter]") {
    const FilterIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("talks");
    options.entities = {"Lavrov"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"both", "lavrov"});
    options.entities = {"sergei_lavrov", "Marco Rubio"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"both"});
    // Combined with a source: both filters apply.
    options.entities = {"Lavrov"};
    options.sources = {"Other Wire"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"lavrov"});
}

namespace {

/// Articles with categories, dates and a few people and places, for facets and their filters.
class FacetIndex {
  public:
    FacetIndex() {
        indexer::IndexWriter writer(dir_ / "db");
        writer.set_gazetteer("Sergei Lavrov\tperson\tLavrov\nMarco Rubio\tperson\tRubio\nRiyadh\tplace\n"
                             "Moscow\tplace\n", "test gazetteer");
        const auto add = [&](const std::string& id, const std::string& category, const std::string& date,
                             const std::string& text) {
            Article article = make_article(id, "Talks " + id, {text}, date);
            article.category = category;
            writer.add(article);
        };
        add("a", "World", "2025-01-10", "Sergei Lavrov held talks in Riyadh.");
        add("b", "World", "2025-03-02", "Marco Rubio held talks in Riyadh with Lavrov.");
        add("c", "Politics", "2024-12-30", "Lavrov held talks in Moscow.");
        add("d", "", "", "Talks without a date or a category, in Moscow.");
        writer.commit();
    }
    [[nodiscard]] std::string path() const { return dir_ / "db"; }

  private:
    test::TempDir dir_;
};

std::vector<std::pair<std::string, std::size_t>> values(const std::vector<FacetCount>& counts) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const FacetCount& count : counts) out.emplace_back(count.value, count.articles);
    return out;
}

} // namespace

TEST_CASE("categories filter to any of them, matched like category:", "[search][filter]") {
    const FacetIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("talks");
    options.categories = {"world"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"a", "b"});
    options.categories = {"World", "POLITICS"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"a", "b", "c"});
    // A filter alone is a search.
    options.query.clear();
    options.categories = {"Politics"};
    CHECK(article_ids(searcher.search(options)) == std::vector<std::string>{"c"});
    options.categories = {" "};
    CHECK_THROWS_AS(searcher.search(options), UsageError);
}

TEST_CASE("facets count categories, entities of each type and every month in date order", "[search][facets]") {
    const FacetIndex index;
    Searcher searcher(index.path());
    SearchOptions options = query("talks");
    options.facets = true;
    options.facet_size = 1;
    const Facets facets = *searcher.search(options).facets;
    CHECK(facets.articles_counted == 4);
    CHECK(values(facets.categories) == std::vector<std::pair<std::string, std::size_t>>{{"World", 2}});
    // Every month, oldest first, "undated" last: not cut to facet_size.
    CHECK(values(facets.months) == std::vector<std::pair<std::string, std::size_t>>{
                                       {"2024-12", 1}, {"2025-01", 1}, {"2025-03", 1}, {"undated", 1}});
    // The most frequent of each type: a person and a place, not two people.
    std::vector<std::string> entities;
    for (const FacetCount& entity : facets.entities)
        if (entity.type == "person" || entity.type == "place") entities.push_back(entity.type + ":" + entity.key);
    std::sort(entities.begin(), entities.end());
    CHECK(entities == std::vector<std::string>{"person:sergei_lavrov", "place:moscow"});

    // Narrowing by a count finds that many articles.
    options.facets = false;
    options.categories = {"World"};
    CHECK(searcher.search(options).total_estimate == 2);
}

TEST_CASE("an article's texts are marked where the query matched, as snippets are", "[search][highlight]") {
    const FacetIndex index;
    Searcher searcher(index.path());
    Article article = make_article("x", "Talks about talking", {"He talked and talked.", "Nothing here."});
    article.subtitle = "More talks";
    article.captions = {{"Talks in a hall", "Photo agency"}};
    const auto marks_of = [](const std::string& text, const std::vector<ByteRange>& ranges) {
        std::string out;
        for (const ByteRange& range : ranges) out += "[" + text.substr(range.begin, range.end - range.begin) + "]";
        return out;
    };
    const ArticleHighlights marks = searcher.highlight(article, "talks -hall");
    CHECK(marks_of(article.title, marks.title) == "[Talks][talking]");
    CHECK(marks_of(article.subtitle, marks.subtitle) == "[talks]");
    REQUIRE(marks.paragraphs.size() == 2);
    CHECK(marks_of(article.paragraphs[0].text, marks.paragraphs[0]) == "[talked][talked]");
    CHECK(marks.paragraphs[1].empty());
    REQUIRE(marks.captions.size() == 1);
    CHECK(marks_of(article.captions[0].text, marks.captions[0]) == "[Talks]"); // "hall" is excluded: not marked
    // The same highlighter as a hit's title.
    SearchOptions options = query("talks -hall");
    const SearchResults results = searcher.search(options);
    REQUIRE_FALSE(results.hits.empty());
    const Hit& hit = results.hits.front();
    CHECK(marks_of(hit.article.title, hit.title_highlights) == "[Talks]");
    // Nothing to mark: no ranges, one list per paragraph and caption all the same.
    const ArticleHighlights none = searcher.highlight(article, "");
    CHECK(none.title.empty());
    CHECK(none.paragraphs.size() == 2);
    CHECK(searcher.highlight(article, "-talks").title.empty());
}

TEST_CASE("one story once: a copy is listed under the best hit, not as a hit of its own", "[search]") {
    test::TempDir dir;
    {
        indexer::IndexWriter writer(dir / "db");
        // News-length articles (a fingerprint needs enough words to tell a copy from a story).
        std::vector<std::string> body;
        for (int i = 0; i < 12; ++i)
            body.push_back("Report " + std::to_string(i) + ": the harbour authority said the storm damaged pier " +
                           std::to_string(i) + " and ferries from berth " + std::to_string(i * 3) +
                           " would wait until engineers inspected ramp " + std::to_string(i * 7) + ".");
        writer.add(make_article("storm", "Storm damages pier", body));
        std::vector<std::string> resent = body;
        resent.back() += " A spokesman gave no date.";
        writer.add(make_article("storm-resent", "Storm damages northern pier", resent));
        writer.add(make_article("ferries", "Ferries return",
                                {"Ferries sailed again after the storm, the harbour authority said on Friday, once "
                                 "engineers had declared the pier safe for passengers and their cars and trucks."}));
        writer.commit();
    }
    Searcher searcher(dir / "db");
    SearchOptions options = query("storm pier");
    const SearchResults stories = searcher.search(options);
    REQUIRE(stories.hits.size() == 2);
    CHECK(stories.total_estimate == 2);
    CHECK(stories.total_is_exact);
    const Hit& story = stories.hits[0].article.id == "ferries" ? stories.hits[1] : stories.hits[0];
    REQUIRE(story.copies.size() == 1);
    CHECK((story.article.id == "storm" ? story.copies[0] == "storm-resent" : story.copies[0] == "storm"));
    CHECK(stories.hits[1].rank == 2);

    options.collapse_copies = false;
    const SearchResults all = searcher.search(options);
    CHECK(all.hits.size() == 3);
    for (const Hit& hit : all.hits) CHECK(hit.copies.empty());
}

TEST_CASE("stories are the same whether their keys come from value streams or fetched documents", "[search]") {
    // Remote shards read the keys from the documents (one pipelined fetch), local indexes along
    // the value streams: both must group alike.
    test::TempDir dir;
    {
        indexer::IndexWriter writer(dir / "db");
        const std::vector<std::string> towns{"Ashford", "Bexley", "Carlisle", "Dundee", "Exeter", "Fife"};
        const std::vector<std::string> things{"school", "market", "depot", "chapel", "stadium", "library"};
        const std::vector<std::string> people{"mayor", "engineer", "farmer", "teacher", "warden", "baker"};
        for (int story = 0; story < 6; ++story) {
            // Each story its own words, so that only a copy is near it.
            const std::string town = towns[static_cast<std::size_t>(story)];
            std::vector<std::string> body;
            for (int i = 0; i < 10; ++i) {
                const std::string thing = things[static_cast<std::size_t>((story + i) % 6)];
                const std::string person = people[static_cast<std::size_t>((story * 2 + i) % 6)];
                body.push_back("In " + town + " the river reached the " + thing + " " + std::to_string(story * 100 + i) +
                               " while the " + person + " of " + town + " counted " + std::to_string(i * 7 + story) +
                               " " + thing + "s lost near " + town + " " + person + " lane.");
            }
            writer.add(make_article("s" + std::to_string(story), "River floods street " + std::to_string(story), body));
            if (story % 2 == 0) {
                body.back() += " Updated.";
                writer.add(make_article("s" + std::to_string(story) + "-copy", "River floods street", body));
            }
        }
        writer.commit();
    }
    const Xapian::Database database(dir / "db");
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query("Zriver"));
    const Xapian::MSet articles = enquire.get_mset(0, 20);
    REQUIRE(articles.size() == 9);
    const std::vector<Story> along_streams = group_stories(database, articles);
    articles.fetch();
    const std::vector<Story> from_documents = group_stories(database, articles, true);
    REQUIRE(along_streams.size() == 6);
    REQUIRE(from_documents.size() == along_streams.size());
    for (std::size_t i = 0; i < along_streams.size(); ++i) {
        CHECK(*from_documents[i].article == *along_streams[i].article);
        CHECK(from_documents[i].copies == along_streams[i].copies);
    }
}
