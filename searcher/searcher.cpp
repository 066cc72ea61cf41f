#include "searcher/searcher.hpp"

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/highlighter.hpp"

#include <nlohmann/json.hpp>

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

Xapian::Database open_database(const std::string& path) {
    if (!std::filesystem::exists(path))
        throw IndexError("no index at " + path + ": create one with 'newssearch index FILE_OR_FOLDER...'");
    Xapian::Database database;
    try {
        database = Xapian::Database(path);
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("the index at " + path + " is damaged (" + e.get_msg() +
                         "); delete it and run 'newssearch index' again");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw IndexError("the index at " + path + " has an unsupported format (" + e.get_msg() +
                         "); delete it and run 'newssearch index' again");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError("cannot open the index at " + path + ": " + e.get_msg() +
                         " (is it a newssearch index? create one with 'newssearch index')");
    }
    const std::string version = database.get_metadata(std::string(schema::schema_version_key));
    if (version.empty() && database.get_doccount() > 0)
        throw IndexError("the database at " + path + " was not built by newssearch");
    if (!version.empty() && version != std::to_string(schema::version))
        throw IndexError("the index at " + path + " was built by an incompatible newssearch (schema " +
                         version + "); delete it and run 'newssearch index' again");
    return database;
}

Searcher::Searcher(const std::string& path)
    : path_(path), database_(open_database(path)),
      query_builder_(std::make_unique<QueryBuilder>(analyzer_, &database_)) {}

Searcher::~Searcher() = default;

std::size_t Searcher::passage_count() const { return database_.get_doccount(); }

SearchResult Searcher::search(const SearchOptions& options) {
    try {
        return run(options);
    } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed while we read: reopen at the new revision and try once more.
        database_.reopen();
        return run(options);
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("the index at " + path_ + " is damaged (" + e.get_msg() +
                         "); delete it and run 'newssearch index' again");
    }
}

SearchResult Searcher::run(const SearchOptions& options) {
    SearchResult result;
    result.query = options.query;
    result.offset = options.offset;
    result.limit = options.limit;
    result.passages = options.passages;

    ParsedQuery parsed = query_builder_->parse(options.query);
    result.notices = parsed.notices;

    Xapian::Enquire enquire(database_);
    // k2, k3 and min_normlen stay at Xapian's defaults: queries are short and passages similar in size.
    enquire.set_weighting_scheme(Xapian::BM25Weight(options.ranking.k1, 0, 1, options.ranking.b, 0.5));
    if (!options.passages) enquire.set_collapse_key(schema::slot_article_id);
    // Counting a few hundred matches exactly is cheap and lets small result sets say "3 articles".
    const Xapian::doccount check_at_least = static_cast<Xapian::doccount>(options.offset + options.limit + 1000);

    const auto run_query = [&](const Xapian::Query& query) {
        enquire.set_query(query);
        return enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                static_cast<Xapian::doccount>(options.limit), check_at_least);
    };
    Xapian::MSet mset = run_query(parsed.query);
    if (mset.empty() && options.offset == 0) {
        // Nothing has all the words: show what has some of them, best first.
        ParsedQuery any = query_builder_->parse(options.query, Xapian::Query::OP_OR);
        if (any.query.get_description() != parsed.query.get_description()) {
            Xapian::MSet partial = run_query(any.query);
            if (!partial.empty()) {
                parsed = std::move(any);
                mset = std::move(partial);
                result.notices.push_back("No article contains all the words; showing those that contain some of them.");
            }
        }
    }
    result.parsed_query = parsed.query.get_description();
    result.total = mset.get_matches_estimated();
    result.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    const HighlightTerms query_terms = highlight_terms(parsed.query);
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
        hit.other_matching_passages = options.passages ? 0 : it.get_collapse_count();

        if (options.snippets) {
            HighlightTerms terms = query_terms;
            add_matched_terms(terms, {enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it)},
                              parsed.query);
            hit.snippet = make_snippet(hit.text, highlight(analyzer_, hit.text, terms), options.snippet_bytes);
            hit.title_highlights = highlight(analyzer_, hit.title, terms);
        }
        result.hits.push_back(std::move(hit));
    }
    return result;
}

} // namespace newssearch::searcher
