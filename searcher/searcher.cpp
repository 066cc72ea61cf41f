#include "searcher/searcher.hpp"

#include "common/article_document.hpp"
#include "common/entities/stored_gazetteer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/stopwords.hpp"
#include "searcher/date_filter.hpp"
#include "searcher/explain.hpp"
#include "searcher/facets.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/index_stats.hpp"
#include "searcher/passage_ranking.hpp"
#include "searcher/stored_article.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace newssearch::searcher {
namespace {

/// A hit showing `passage` of the article `stored` (which has `passage_count` passages), with
/// `score`; its snippet and title marks when options.snippets.
Hit passage_hit(const ArticleDocument& stored, std::size_t passage_count, const ScoredPassage& passage,
                const PassageQuery& query, double score, const SearchOptions& options, const Analyzer& analyzer) {
    Hit hit;
    hit.score = score;
    hit.article_id = stored.article.id;
    hit.passage = static_cast<unsigned>(passage.index);
    hit.article_passages = passage_count;
    hit.passage_kind = stored.passages[passage.index].kind;
    hit.title = stored.article.title;
    hit.source = stored.article.source;
    hit.date = stored.article.date;
    hit.author = stored.article.author;
    hit.category = stored.article.category;
    hit.url = stored.article.url;
    hit.text = passage.text;
    for (const PassageMention& mention : stored.mentions) {
        if (mention.passage != passage.index) continue;
        hit.entities.push_back({mention.key, mention.canonical, mention.type, {mention.begin, mention.end},
                                query.entity_keys.contains(mention.key)});
    }
    if (options.snippets) {
        hit.snippet = make_snippet(hit.text, passage.marks, options.snippet_bytes);
        hit.title_highlights = highlight(analyzer, hit.title, query.terms);
    }
    return hit;
}

/// Puts the page of `passages` (the matching passages of `articles`) into `result`.
void page_passages(const SearchOptions& options, const Xapian::MSet& articles, std::vector<Hit> passages,
                   SearchResult& result) {
    // By score; by date, the articles' order (Hit::rank holds it here), then score.
    const bool by_relevance = options.sort == SortOrder::relevance;
    std::stable_sort(passages.begin(), passages.end(), [&](const Hit& a, const Hit& b) {
        if (!by_relevance && a.rank != b.rank) return a.rank < b.rank;
        if (a.score != b.score) return a.score > b.score;
        return a.article_id != b.article_id ? a.article_id < b.article_id : a.passage < b.passage;
    });
    // Exact when every matching article was looked at; otherwise as many passages per article
    // as the articles looked at have.
    const bool all_articles = articles.size() >= articles.get_matches_upper_bound();
    result.total_is_exact = all_articles;
    result.total = all_articles || articles.empty()
                       ? passages.size()
                       : passages.size() * articles.get_matches_estimated() / articles.size();
    for (std::size_t i = options.offset; i < passages.size() && i < options.offset + options.limit; ++i) {
        passages[i].rank = i + 1;
        result.hits.push_back(std::move(passages[i]));
    }
}

} // namespace

OpenShards open_index(const std::string& path, const ShardOpenOptions& options) {
    // Each attempt opens the index anew, at its newest revision.
    return read_retrying(path, [&] {
        OpenShards open = open_shards(resolve_shards(path), options);
        // Every shard carries the index-wide metadata; a combined database reads its first shard's.
        const std::string version = open.database.get_metadata(std::string(schema::schema_version_key));
        if (version.empty() && open.database.get_doccount() > 0)
            throw IndexError("the database at " + path + " was not built by newssearch");
        if (!version.empty() && version != std::to_string(schema::version))
            throw IndexError("the index at " + path + " was built by an incompatible newssearch (schema " +
                             version + "); delete it and run 'newssearch index' again");
        add_synonyms_for_remote_shards(open);
        return open;
    }, [] {});
}

Xapian::Database open_database(const std::string& path) { return open_index(path, {}).database; }

std::shared_ptr<const entities::EntityRecognizer> index_recognizer(const Xapian::Database& database) {
    return std::make_shared<const entities::EntityRecognizer>(
        std::make_shared<const entities::Gazetteer>(entities::read_stored_gazetteer(database, "the index's gazetteer")));
}

std::vector<FacetCount> known_entities(const Xapian::Database& database, const std::string& type) {
    std::vector<FacetCount> known;
    const std::string prefix(schema::article_entity_prefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        const std::string key = (*it).substr(prefix.size());
        StoredEntity stored = stored_entity(database, key);
        FacetCount entity{std::move(stored.canonical), key, std::move(stored.type), it.get_termfreq()};
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

bool Searcher::has_remote_shard() const {
    return std::any_of(shards_.shards.begin(), shards_.shards.end(), [](const ShardSpec& shard) { return shard.remote(); });
}

void Searcher::remote_facets(const Xapian::Query& query, ArticleFacetSpy& spy) const {
    // Xapian's own value-count spies run on the remote servers: they count the facets' values (as
    // many articles as a local search counts) and only the counts come back.
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy entities(schema::slot_article_entities);
    Xapian::ValueCountMatchSpy sources(schema::slot_source);
    Xapian::ValueCountMatchSpy dates(schema::slot_date);
    enquire.add_matchspy(&entities);
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&dates);
    (void)enquire.get_mset(0, 0, 10000);
    spy.add_counts(entities, sources, dates);
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

bool Searcher::reopen_latest() {
    try {
        return database_.reopen();
    } catch (const Xapian::DatabaseModifiedError&) {
        // Commits discarded the revision while it was being opened: some tables may have moved
        // and others not, so the index is opened afresh rather than reopened again.
        shards_ = open_index(path_, shard_options_);
        database_ = shards_.database;
        return true;
    }
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

SearchResult Searcher::search(const SearchOptions& options) {
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

SortOrder parse_sort_order(std::string_view text) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "date") return SortOrder::date_oldest_first;
    if (text == "-date") return SortOrder::date_newest_first;
    throw UsageError("unknown sort order \"" + std::string(text) + "\": use relevance, date or -date");
}

Xapian::Query Searcher::more_like(const std::string& article_id) const {
    const std::string article_term = schema::term(schema::article_prefix, article_id);
    Xapian::RSet relevant;
    for (auto it = database_.postlist_begin(article_term); it != database_.postlist_end(article_term); ++it)
        relevant.add_document(*it);
    if (relevant.empty()) throw UsageError("no article with id \"" + article_id + "\" in the index");

    // The article's most telling stemmed words, stopwords aside, become the query. A word no
    // other article has would find nothing.
    struct Decider : Xapian::ExpandDecider {
        const Analyzer& analyzer;
        const Xapian::Database& database;
        Decider(const Analyzer& a, const Xapian::Database& d) : analyzer(a), database(d) {}
        bool operator()(const std::string& term) const override {
            if (!term.starts_with(schema::stem_marker) || term.size() < 3) return false;
            if (database.get_termfreq(term) < 2) return false;
            const char first = term[schema::stem_marker.size()];
            if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return false;
            for (const std::string_view stopword : english_stopwords)
                if (term.compare(1, std::string::npos, analyzer.stem(std::string(stopword))) == 0) return false;
            return true;
        }
    } decider(analyzer_, database_);
    Xapian::Enquire enquire(database_);
    const Xapian::ESet expand = enquire.get_eset(25, relevant, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = expand.begin(); it != expand.end(); ++it) terms.emplace_back(*it);
    if (terms.empty()) throw UsageError("article \"" + article_id + "\" has no words to compare with");
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         Xapian::Query(article_term));
}

SearchResult Searcher::run(const SearchOptions& options) {
    SearchResult result;
    result.query = options.query;
    result.offset = options.offset;
    result.limit = options.limit;
    result.passages = options.passages;
    if (!shards_.unavailable.empty()) {
        result.partial = true;
        for (const std::string& shard : shards_.unavailable)
            result.notices.push_back("Partial results: index shard " + shard + " is unavailable; the other shards answered.");
    }

    QueryOptions query_options;
    query_options.include_undated = !options.dated_only;
    query_options.entity_boost = options.ranking.entity_boost;
    ParsedQuery parsed;
    if (!options.like.empty()) {
        parsed.query = more_like(options.like);
        if (!options.query.empty()) {
            ParsedQuery also = query_builder_->parse(options.query, query_options);
            parsed.query = Xapian::Query(Xapian::Query::OP_AND, also.query, parsed.query);
            parsed.notices = also.notices;
        }
    } else {
        if (options.query.find_first_not_of(" \t\r\n") == std::string::npos)
            throw UsageError("the query has no words to search for");
        parsed = query_builder_->parse(options.query, query_options);
    }
    result.notices.insert(result.notices.end(), parsed.notices.begin(), parsed.notices.end());

    const std::string since = date_bound(options.since, false, "--since");
    const std::string until = date_bound(options.until, true, "--until");
    if (!since.empty() && !until.empty() && since > until)
        throw UsageError("--since " + options.since + " is after --until " + options.until);
    const bool date_filtered = !since.empty() || !until.empty() || options.dated_only;
    // Filters narrow without scoring: any of the sources, all of the entities, the date range.
    std::vector<Xapian::Query> filters;
    if (!options.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const std::string& source : options.sources) sources.push_back(query_builder_->source_filter(source));
        filters.emplace_back(Xapian::Query::OP_OR, sources.begin(), sources.end());
    }
    for (const std::string& entity : options.entities) filters.push_back(query_builder_->entity_filter(entity));
    if (date_filtered) filters.push_back(date_range_query(since, until, !options.dated_only));
    const Xapian::Query filter =
        filters.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    const auto filtered = [&](const Xapian::Query& query) {
        return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    };

    const Xapian::BM25Weight weighting(options.ranking.k1, 0, 1, options.ranking.b, 0.5);
    Xapian::Enquire enquire(database_);
    enquire.set_weighting_scheme(weighting);
    if (options.sort != SortOrder::relevance)
        enquire.set_sort_by_value_then_relevance(schema::slot_date, options.sort == SortOrder::date_newest_first);
    else
        // Equal scores in article id order, not document id order: document ids depend on the
        // order of indexing and on how the index is sharded, so ties would come out differently.
        enquire.set_sort_by_relevance_then_value(schema::slot_article_id, false);
    // Looking 100 matches past the page lets small result sets say "3 articles" exactly; looking
    // further costs the matcher its early stop (1,000 made p99 14 ms instead of 9 ms on 212,680
    // articles: docs/BENCHMARKS.md). Facets look further, to count over (up to) 10,000 articles.
    const Xapian::doccount check_at_least =
        static_cast<Xapian::doccount>(options.offset + options.limit + (options.facets ? 10000 : 100));
    // A page of passages comes from the best articles up to its end: each has at least one.
    const std::size_t first_article = options.passages ? 0 : options.offset;
    const std::size_t article_count = options.passages ? options.offset + options.limit : options.limit;
    ArticleFacetSpy facet_spy(database_);

    const auto run_query = [&](const Xapian::Query& query) {
        enquire.clear_matchspies();
        facet_spy.reset();
        // Xapian's remote servers run only its own match spies: facets over remote shards are
        // counted afterwards (remote_facets).
        if (options.facets && !has_remote_shard()) enquire.add_matchspy(&facet_spy);
        enquire.set_query(filtered(query));
        return enquire.get_mset(static_cast<Xapian::doccount>(first_article),
                                static_cast<Xapian::doccount>(article_count), check_at_least);
    };
    Xapian::MSet mset = run_query(parsed.query);
    const bool can_retry = mset.empty() && options.offset == 0 && options.like.empty();
    if (can_retry && options.spelling && !parsed.corrected.empty()) {
        // Nothing found, but the index knows a spelling that finds something: search that.
        ParsedQuery corrected = query_builder_->parse(parsed.corrected, query_options);
        Xapian::MSet found = run_query(corrected.query);
        if (!found.empty()) {
            result.notices.push_back("Nothing matched \"" + options.query + "\"; showing results for \"" +
                                     parsed.corrected + "\".");
            parsed = std::move(corrected);
            mset = std::move(found);
        }
    } else if (options.spelling && !parsed.corrected.empty()) {
        result.suggestion = parsed.corrected;
    }
    if (mset.empty() && can_retry) {
        // Nothing has all the words: show what has some of them, best first.
        query_options.default_op = Xapian::Query::OP_OR;
        ParsedQuery any = query_builder_->parse(options.query, query_options);
        if (any.query.get_description() != parsed.query.get_description()) {
            Xapian::MSet partial = run_query(any.query);
            if (!partial.empty()) {
                parsed = std::move(any);
                mset = std::move(partial);
                result.notices.push_back("No article contains all the words; showing those that contain some of them.");
            }
        }
    }
    result.parsed_query = filtered(parsed.query).get_description();
    result.total = mset.get_matches_estimated();
    result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    const PassageQuery query_passages = passage_query(parsed.query);
    // Which words a wildcard stands for, each article's matching terms tell; they cost a look at
    // the article's terms, so they are asked for only when needed.
    const bool need_matching_terms = options.explain || has_wildcard(parsed.query);
    PassageRanker ranker(analyzer_, database_, options.ranking, stemmed_terms_);
    std::vector<Hit> passage_hits; // --passages: every matching passage of the page's articles
    bool undated_shown = false;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ArticleDocument stored;
        try {
            stored = parse_article_document(it.get_document().get_data());
        } catch (const DataError&) {
            throw IndexError("the index at " + path_ + " holds a damaged article document (" +
                             it.get_document().get_value(schema::slot_article_id) +
                             "); delete it and run 'newssearch index' again");
        }
        std::vector<std::string> matching;
        if (need_matching_terms)
            matching.assign(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
        PassageQuery hit_query = query_passages;
        add_matched_terms(hit_query.terms, matching, parsed.query);
        const std::vector<ScoredPassage> passages = ranker.score(stored, hit_query);
        if (passages.empty()) continue;
        if (date_filtered && !options.dated_only && stored.article.date.empty()) undated_shown = true;

        // The article's score explained once, for each of its hits.
        std::optional<Explanation> explanation;
        if (options.explain) {
            std::vector<std::string> title_terms;
            for (const Token& token : analyzer_.tokenize(stored.article.title)) title_terms.push_back(token.term);
            explanation = explain_hit(database_, weighting, matching,
                                      schema::term(schema::article_prefix, stored.article.id), title_terms,
                                      it.get_weight(), options.ranking.entity_boost);
        }
        const auto make_hit = [&](const ScoredPassage& passage, double score) {
            Hit hit = passage_hit(stored, passages.size(), passage, hit_query, score, options, analyzer_);
            hit.explanation = explanation;
            return hit;
        };
        const std::vector<std::size_t> matching_indexes = matching_passages(passages);
        if (!options.passages) {
            Hit hit = make_hit(passages[best_passage(passages)], it.get_weight());
            hit.rank = it.get_rank() + 1; // get_rank() counts from the first match, not the page
            hit.other_matching_passages = matching_indexes.size() - 1;
            result.hits.push_back(std::move(hit));
            continue;
        }
        for (const std::size_t index : matching_indexes) {
            passage_hits.push_back(make_hit(passages[index], passages[index].score));
            passage_hits.back().rank = it.get_rank(); // the article's place, to keep date order
        }
    }
    if (options.passages) page_passages(options, mset, std::move(passage_hits), result);
    if (options.facets && has_remote_shard()) remote_facets(filtered(parsed.query), facet_spy);
    if (options.facets) result.facets = facet_spy.top(options.facet_size);
    if (undated_shown)
        result.notices.push_back("Articles whose date is unknown are included; --dated-only leaves them out.");
    return result;
}

} // namespace newssearch::searcher
