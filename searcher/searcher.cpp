#include "searcher/searcher.hpp"

#include "common/entities/stored_gazetteer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/article_highlights.hpp"
#include "searcher/copies.hpp"
#include "searcher/facets.hpp"
#include "searcher/hit_builder.hpp"
#include "searcher/index_stats.hpp"
#include "searcher/matcher.hpp"
#include "searcher/paging.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/search_plan.hpp"
#include "searcher/stored_article.hpp"

#include <algorithm>
#include <filesystem>

namespace newssearch::searcher {

OpenShards open_index(const std::string& path, const ShardOpenOptions& options) {
    // Each attempt opens the index anew, at its newest revision.
    return read_retrying(path, [&] {
        OpenShards open = open_shards(resolve_shards(path), options);
        // Every shard carries the index-wide metadata; a combined database reads its first shard's.
        const std::string version = open.database.get_metadata(std::string(schema::schema_version_key));
        if (version.empty() && open.database.get_doccount() > 0)
            throw IndexError("the database at " + path + " was not built by newssearch");
        if (!version.empty() && !schema::readable_version(version))
            throw IndexError("the index at " + path + " was built by an incompatible newssearch (schema " +
                             version + "); delete it and run 'newssearch index' again");
        add_synonyms_for_remote_shards(open);
        return open;
    }, [] {});
}

Xapian::Database open_database(const std::string& path) { return open_index(path, {}).database; }

// Queries are recognised by the gazetteer and the rules alone (recognize_query never runs the
// tagger), so the searcher does not load the tagger's model: that was half of a one-shot search.
std::shared_ptr<const entities::EntityRecognizer> index_recognizer(const Xapian::Database& database) {
    return std::make_shared<const entities::EntityRecognizer>(
        std::make_shared<const entities::Gazetteer>(entities::read_stored_gazetteer(database, "the index's gazetteer")),
        nullptr);
}

std::vector<FacetCount> known_entities(const Xapian::Database& database, const std::string& type, bool remote) {
    std::vector<std::string> keys;
    std::vector<Xapian::doccount> articles;
    const std::string prefix(schema::article_entity_prefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        keys.push_back((*it).substr(prefix.size()));
        articles.push_back(it.get_termfreq());
    }
    // The terms come in key order, as stored_entities returns them.
    std::vector<Entity> stored = stored_entities(database, keys, remote);
    std::vector<FacetCount> known;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        FacetCount entity{std::move(stored[i].canonical), std::move(stored[i].key), std::move(stored[i].type), articles[i]};
        if (type.empty() || entity.type == type) known.push_back(std::move(entity));
    }
    std::sort(known.begin(), known.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.value < b.value;
    });
    return known;
}

Searcher::Searcher(const std::string& path, ShardOpenOptions shard_options)
    : path_(path), shard_options_(shard_options), shards_(open_index(path, shard_options)),
      database_(shards_.database) {
    load_query_side();
}

bool Searcher::has_remote_shard() const { return searcher::has_remote_shard(shards_); }

void Searcher::remote_facets(const Xapian::Query& query, ArticleFacetSpy& spy) const {
    // Xapian's own value-count spies run on the remote servers: they count the facets' values (as
    // many articles as a local search counts) and only the counts come back.
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy entities(schema::slot_article_entities);
    Xapian::ValueCountMatchSpy sources(schema::slot_source);
    Xapian::ValueCountMatchSpy categories(schema::slot_category);
    Xapian::ValueCountMatchSpy dates(schema::slot_date);
    enquire.add_matchspy(&entities);
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&categories);
    enquire.add_matchspy(&dates);
    (void)enquire.get_mset(0, 0, 10000);
    spy.add_counts(entities, sources, categories, dates);
}

void Searcher::rebuild_query_side() {
    recognizer_ = index_recognizer(database_);
    query_builder_ = std::make_unique<QueryBuilder>(analyzer_, &database_, recognizer_);
}

void Searcher::drop_failing_shards(const Xapian::Error& error) {
    const std::vector<std::string> failing = failing_remote_shards(shards_, shard_options_);
    if (failing.empty())
        throw IndexError("searching " + path_ + " failed: " + error.get_description());
    std::string names;
    for (const std::string& name : failing) names += (names.empty() ? "" : ", ") + name;
    if (!shard_options_.allow_partial)
        throw IndexError("index shard " + names + " failed during the search (--allow-partial searches the other shards)");
    std::vector<ShardSpec> keep;
    for (const ShardSpec& shard : shards_.shards) {
        const std::string prefix = shard.name() + " (";
        const bool fails = std::any_of(failing.begin(), failing.end(),
                                       [&](const std::string& entry) { return entry.starts_with(prefix); });
        if (!fails) keep.push_back(shard);
    }
    std::vector<std::string> unavailable = shards_.unavailable;
    unavailable.insert(unavailable.end(), failing.begin(), failing.end());
    shards_ = open_shards(keep, shard_options_);
    add_synonyms_for_remote_shards(shards_);
    shards_.unavailable.insert(shards_.unavailable.begin(), unavailable.begin(), unavailable.end());
    database_ = shards_.database;
    rebuild_query_side();
}

Searcher::~Searcher() = default;

std::size_t Searcher::passage_count() const { return count_passages(database_); }

ArticleHighlights Searcher::highlight(const Article& article, std::string_view query) const {
    return highlight_article(analyzer_, *query_builder_, article, query);
}

bool Searcher::reopen_latest() {
    try {
        if (!database_.reopen()) return false;
    } catch (const Xapian::DatabaseModifiedError&) {
        // Commits discarded the revision while it was being opened: some tables may have moved
        // and others not, so the index is opened afresh rather than reopened again.
        shards_ = open_index(path_, shard_options_);
        database_ = shards_.database;
    }
    entity_names_.clear(); // names and types may have changed with the articles
    return true;
}

void Searcher::load_query_side() {
    read_retrying(path_, [this] { rebuild_query_side(); }, [this] { (void)reopen_latest(); });
}

bool Searcher::refresh() {
    if (!reopen_latest()) return false;
    // The gazetteer is stored in the index and may have changed with it.
    load_query_side();
    return true;
}

SearchResults Searcher::search(const SearchOptions& options) {
    try {
        return read_latest([&] { return run(options); });
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("the index at " + path_ + " is damaged (" + e.get_msg() +
                         "); delete it and run 'newssearch index' again");
    } catch (const Xapian::NetworkError& e) {
        // A remote shard went down or stopped answering: name it, or search without it.
        drop_failing_shards(e);
        return run(options);
    }
}

SearchResults Searcher::run(const SearchOptions& options) {
    validate(options);
    SearchResults results;
    results.query = options.query;
    results.offset = options.offset;
    results.limit = options.limit;
    results.passages = options.passages;
    if (!shards_.unavailable.empty()) {
        results.partial = true;
        for (const std::string& shard : shards_.unavailable)
            results.notices.push_back("Partial results: index shard " + shard + " is unavailable; the other shards answered.");
    }

    const SearchPlan plan = plan_search(options, *query_builder_, analyzer_, database_);
    results.notices.insert(results.notices.end(), plan.parsed.notices.begin(), plan.parsed.notices.end());

    Matcher matcher(database_, analyzer_, options);
    ArticleFacetSpy facet_spy(database_, entity_names_);
    // Xapian's remote servers run only its own match spies: facets over remote shards are
    // counted afterwards (remote_facets).
    const bool local_facets = options.facets && !has_remote_shard();
    const MatchResult match = matcher.match(plan, *query_builder_, local_facets ? &facet_spy : nullptr);
    results.notices.insert(results.notices.end(), match.notices.begin(), match.notices.end());
    results.did_you_mean = match.suggestion;
    results.corrected_query = match.corrected;
    results.parsed_query = plan.filtered(match.parsed.query).get_description();

    // Over remote shards every read is a round trip: ask Xapian for all the candidates' documents
    // at once (MSet::fetch; 32 fewer messages for a page of stories over two shards), and read
    // the stories' keys from them; the entities' counts come from one match.
    const bool remote = has_remote_shard();
    if (remote) match.articles.fetch();
    entity_names_.set_remote(remote);
    HitBuilder builder(analyzer_, database_, options, match, matcher, stemmed_terms_, path_);
    std::vector<Hit> hits;
    bool undated_shown = false;
    if (plan.stories) {
        // One hit per story: the page is cut from the stories, and only its hits are built.
        const std::vector<Story> stories = group_stories(database_, match.articles, remote);
        for (std::size_t i = options.offset; i < stories.size() && i < options.offset + options.limit; ++i) {
            ArticleHits article = builder.build(stories[i].article);
            if (article.hits.empty()) continue;
            undated_shown = undated_shown || article.undated;
            article.hits.front().rank = i + 1;
            article.hits.front().copies = stories[i].copies;
            hits.push_back(std::move(article.hits.front()));
        }
        page_stories(match.articles, stories.size(), std::move(hits), results);
    } else {
        for (auto it = match.articles.begin(); it != match.articles.end(); ++it) {
            ArticleHits article = builder.build(it);
            if (article.hits.empty()) continue;
            undated_shown = undated_shown || article.undated;
            for (Hit& hit : article.hits) hits.push_back(std::move(hit));
        }
        if (options.passages) page_passages(options, match.articles, std::move(hits), results);
        else page_articles(match.articles, std::move(hits), results);
    }

    entity_names_.name_mentions(database_, results.hits);

    if (options.facets && !local_facets) remote_facets(plan.filtered(match.parsed.query), facet_spy);
    if (options.facets) results.facets = facet_spy.top(options.facet_size);
    // A date filter, from the options or from date: in the query, keeps undated articles: say so.
    if ((plan.date_filtered || match.parsed.date_filtered) && !options.dated_only && undated_shown)
        results.notices.push_back("Articles whose date is unknown are included; --dated-only leaves them out.");
    return results;
}

} // namespace newssearch::searcher
