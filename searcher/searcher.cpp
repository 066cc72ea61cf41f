#include "searcher/searcher.hpp"

#include "common/entities/stored_gazetteer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/stopwords.hpp"
#include "searcher/article_exclusion.hpp"
#include "searcher/date_filter.hpp"
#include "searcher/explain.hpp"
#include "searcher/facets.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/stored_article.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <filesystem>

namespace newssearch::searcher {
namespace {

std::string json_string(const nlohmann::json& data, const char* key) {
    const auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t json_size(const nlohmann::json& data, const char* key) {
    const auto it = data.find(key);
    return it != data.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
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
    const std::string prefix(schema::entity_count_prefix);
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

void Searcher::count_matching_passages(const Xapian::Query& query, std::vector<Hit>& hits) const {
    // Each shown article's matching passages, counted by a value-count spy (which remote servers
    // run too) over a query limited to those articles: cheap, and exact on any layout.
    std::vector<Xapian::Query> articles;
    for (const Hit& hit : hits) articles.emplace_back(schema::term(schema::article_prefix, hit.article_id));
    Xapian::Enquire enquire(database_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy counts(schema::slot_article_id);
    enquire.add_matchspy(&counts);
    (void)enquire.get_mset(0, 0, database_.get_doccount());
    std::map<std::string, std::size_t> passages;
    for (auto it = counts.values_begin(); it != counts.values_end(); ++it) passages[*it] = it.get_termfreq();
    for (Hit& hit : hits) {
        const std::size_t matching = passages[hit.article_id];
        hit.other_matching_passages = matching > 0 ? matching - 1 : 0;
    }
}

void Searcher::remote_facets(const Xapian::Query& query, ArticleFacetSpy& spy) const {
    // The best passage of each matching article (as many articles as a local search counts),
    // fed to the spy here.
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_collapse_key(schema::slot_article_id);
    Xapian::MSet articles = enquire.get_mset(0, 10000);
    articles.fetch();
    for (auto it = articles.begin(); it != articles.end(); ++it) spy(it.get_document(), it.get_weight());
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

std::size_t Searcher::passage_count() const { return database_.get_doccount(); }

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

    // The article's most telling stemmed words, stopwords aside, become the query.
    struct Decider : Xapian::ExpandDecider {
        const Analyzer& analyzer;
        explicit Decider(const Analyzer& a) : analyzer(a) {}
        bool operator()(const std::string& term) const override {
            if (!term.starts_with(schema::stem_marker) || term.size() < 3) return false;
            const char first = term[schema::stem_marker.size()];
            if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return false;
            for (const std::string_view stopword : english_stopwords)
                if (term.compare(1, std::string::npos, analyzer.stem(std::string(stopword))) == 0) return false;
            return true;
        }
    } decider(analyzer_);
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
        const Xapian::Query whole_articles = exclude_whole_articles(database_, query);
        return filter.empty() ? whole_articles : Xapian::Query(Xapian::Query::OP_FILTER, whole_articles, filter);
    };

    const Xapian::BM25Weight weighting(options.ranking.k1, 0, 1, options.ranking.b, 0.5);
    Xapian::Enquire enquire(database_);
    enquire.set_weighting_scheme(weighting);
    if (!options.passages) enquire.set_collapse_key(schema::slot_article_id);
    if (options.sort != SortOrder::relevance)
        enquire.set_sort_by_value_then_relevance(schema::slot_date, options.sort == SortOrder::date_newest_first);
    else
        // Equal scores in article id order, not document id order: document ids depend on the
        // order of indexing and on how the index is sharded, so ties would come out differently.
        enquire.set_sort_by_relevance_then_value(schema::slot_article_id, false);
    // Looking 100 matches past the page lets small result sets say "3 articles" exactly; looking
    // further costs the matcher its early stop (1,000 made p99 14 ms instead of 9 ms on 212,680
    // articles: docs/BENCHMARKS.md). Facets look further, to count over (up to) 10,000 passages.
    const Xapian::doccount check_at_least =
        static_cast<Xapian::doccount>(options.offset + options.limit + (options.facets ? 10000 : 100));
    ArticleFacetSpy facet_spy(database_);

    const auto run_query = [&](const Xapian::Query& query) {
        enquire.clear_matchspies();
        facet_spy.reset();
        // Xapian's remote servers run only its own match spies: facets over remote shards are
        // counted afterwards (remote_facets).
        if (options.facets && !has_remote_shard()) enquire.add_matchspy(&facet_spy);
        enquire.set_query(filtered(query));
        return enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                static_cast<Xapian::doccount>(options.limit), check_at_least);
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

    const HighlightTerms query_terms = highlight_terms(parsed.query);
    bool undated_shown = false;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document document = it.get_document();
        const nlohmann::json data = nlohmann::json::parse(document.get_data(), nullptr, false);
        Hit hit;
        hit.rank = it.get_rank() + 1; // get_rank() counts from the first match, not the page
        hit.score = it.get_weight();
        hit.article_id = json_string(data, "article_id");
        hit.passage = static_cast<unsigned>(json_size(data, "ordinal"));
        hit.article_passages = json_size(data, "passages");
        hit.passage_kind = json_string(data, "kind");
        hit.title = json_string(data, "title");
        hit.source = json_string(data, "source");
        hit.date = json_string(data, "date");
        hit.author = json_string(data, "author");
        hit.category = json_string(data, "category");
        hit.url = json_string(data, "url");
        hit.text = json_string(data, "text");

        const std::vector<std::string> matching(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
        std::vector<ByteRange> entity_marks;
        if (const auto mentions = data.find("entities"); mentions != data.end() && mentions->is_array()) {
            for (const auto& mention : *mentions) {
                HitEntity entity;
                entity.key = json_string(mention, "key");
                entity.canonical = json_string(mention, "canonical");
                entity.type = json_string(mention, "type");
                entity.range = {json_size(mention, "begin"), json_size(mention, "end")};
                const std::string term = schema::term(schema::entity_prefix, entity.key);
                entity.matched = std::find(matching.begin(), matching.end(), term) != matching.end();
                // Marked where the passage names it, whatever the spelling the query used.
                if (entity.matched && entity.range.end <= hit.text.size()) entity_marks.push_back(entity.range);
                hit.entities.push_back(std::move(entity));
            }
        }
        if (options.explain) {
            std::vector<std::string> title_terms;
            for (const Token& token : analyzer_.tokenize(hit.title)) title_terms.push_back(token.term);
            const std::string passage_term =
                schema::term(schema::passage_id_prefix, hit.article_id + "#" + std::to_string(hit.passage));
            hit.explanation = explain_hit(database_, weighting, matching, passage_term, title_terms, hit.score,
                                          options.ranking.entity_boost);
        }
        if (options.snippets) {
            HighlightTerms terms = query_terms;
            add_matched_terms(terms, matching, parsed.query);
            std::vector<ByteRange> marks = highlight(analyzer_, hit.text, terms);
            marks.insert(marks.end(), entity_marks.begin(), entity_marks.end());
            hit.snippet = make_snippet(hit.text, merge_ranges(hit.text, std::move(marks)), options.snippet_bytes);
            hit.title_highlights = highlight(analyzer_, hit.title, terms);
        }
        if (date_filtered && !options.dated_only && hit.date.empty()) undated_shown = true;
        result.hits.push_back(std::move(hit));
    }
    // Counted afterwards over the shown articles only, not from Xapian's collapse counts: those
    // count what the matcher happened to look at (it stops early), and remote shards send none.
    if (!options.passages) count_matching_passages(filtered(parsed.query), result.hits);
    if (options.facets && has_remote_shard()) remote_facets(filtered(parsed.query), facet_spy);
    if (options.facets) result.facets = facet_spy.top(options.facet_size);
    if (undated_shown)
        result.notices.push_back("Articles whose date is unknown are included; --dated-only leaves them out.");
    return result;
}

} // namespace newssearch::searcher
