#include "searcher/query_builder.hpp"

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/stopwords.hpp"
#include "common/utf8.hpp"
#include "searcher/date_filter.hpp"

#include <algorithm>

namespace newssearch::searcher {
namespace {

/// `source:` and `category:` values are matched in the canonical form the indexer wrote.
class FilterValueProcessor : public Xapian::FieldProcessor {
  public:
    FilterValueProcessor(const Analyzer& analyzer, std::string_view prefix)
        : analyzer_(analyzer), prefix_(prefix) {}

    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::term(prefix_, analyzer_.filter_form(value)));
    }

  private:
    const Analyzer& analyzer_;
    std::string prefix_;
};

constexpr unsigned parse_flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

/// "name:" prefixes in `normalized` that are not fields (Xapian then reads "name:value" as a
/// phrase of words). URLs ("http://...") are not meant as fields.
std::vector<std::string> unknown_fields(std::string_view normalized) {
    std::vector<std::string> unknown;
    for (std::size_t colon = normalized.find(':'); colon != std::string_view::npos;
         colon = normalized.find(':', colon + 1)) {
        std::size_t begin = colon;
        while (begin > 0 && normalized[begin - 1] >= 'a' && normalized[begin - 1] <= 'z') --begin;
        const std::string_view name = normalized.substr(begin, colon - begin);
        if (name.empty() || (begin > 0 && normalized[begin - 1] != ' ' && normalized[begin - 1] != '(' &&
                             normalized[begin - 1] != '-' && normalized[begin - 1] != '+'))
            continue;
        if (name == "http" || name == "https") continue;
        if (std::find(std::begin(query_fields), std::end(query_fields), name) != std::end(query_fields)) continue;
        unknown.emplace_back(name);
    }
    return unknown;
}

/// Drops everything but words and spaces: the fallback reading of a query whose syntax failed.
std::string words_only(std::string_view normalized) {
    std::string out;
    for (const char c : normalized) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') ? c : ' ';
    }
    return out;
}

} // namespace

struct QueryBuilder::Parts {
    Xapian::QueryParser parser;
    Xapian::SimpleStopper stopper;
};

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database* database)
    : analyzer_(analyzer), database_(database), parts_(std::make_unique<Parts>()) {
    for (const std::string_view word : english_stopwords) parts_->stopper.add(std::string(word));
    Xapian::QueryParser& parser = parts_->parser;
    parser.set_stemmer(analyzer_.stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(&parts_->stopper);
    parser.add_prefix("title", std::string(schema::title_prefix));
    parser.add_prefix("author", std::string(schema::author_prefix));
    parser.add_boolean_prefix("source", (new FilterValueProcessor(analyzer_, schema::source_prefix))->release());
    parser.add_boolean_prefix("category", (new FilterValueProcessor(analyzer_, schema::category_prefix))->release());
    parser.add_boolean_prefix("date", (new DateFieldProcessor(include_undated_))->release());
    if (database_) {
        parser.set_database(*database_);
        parser.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
}

QueryBuilder::~QueryBuilder() = default;

std::string QueryBuilder::spelling_correction(const std::string& normalized) const {
    if (!database_) return {};
    // Xapian's parser would also "correct" words the index has ("agreements" -> "agreement"):
    // only words the index has never seen are corrected here.
    std::string corrected;
    std::size_t copied = 0;
    bool changed = false;
    for (const Token& token : analyzer_.tokenize(normalized)) {
        const std::string_view word = std::string_view(normalized).substr(token.begin, token.end - token.begin);
        const bool field_syntax = (token.end < normalized.size() && normalized[token.end] == ':') ||
                                  (token.begin > 0 && normalized[token.begin - 1] == ':');
        if (field_syntax || word != token.term || token.term.size() < 3 || database_->term_exists(token.term) ||
            (token.term.front() >= '0' && token.term.front() <= '9'))
            continue;
        const std::string suggestion = database_->get_spelling_suggestion(token.term);
        if (suggestion.empty()) continue;
        corrected.append(normalized, copied, token.begin - copied);
        corrected += suggestion;
        copied = token.end;
        changed = true;
    }
    if (!changed) return {};
    corrected.append(normalized, copied, std::string::npos);
    return corrected;
}

ParsedQuery QueryBuilder::parse(std::string_view user_query, const QueryOptions& options) const {
    ParsedQuery parsed;
    std::string text(user_query);
    if (find_invalid_utf8(text)) {
        text = repair_utf8(text);
        parsed.notices.push_back("The query contained bytes that are not UTF-8; they were ignored.");
    }
    if (text.size() > max_query_bytes) {
        std::size_t cut = text.rfind(' ', max_query_bytes);
        if (cut == std::string::npos || cut == 0) cut = max_query_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut; // not mid-character
        text.resize(cut);
        parsed.notices.push_back("The query was too long; only its first " + std::to_string(cut) +
                                 " bytes were used.");
    }
    parsed.normalized = analyzer_.normalize_query(text);
    if (analyzer_.tokenize(parsed.normalized).empty())
        throw UsageError("the query has no words to search for");

    for (const std::string& field : unknown_fields(parsed.normalized))
        parsed.notices.push_back("\"" + field + ":\" is not a field (fields: title, author, source, category, date); "
                                 "searched for the words.");

    Xapian::QueryParser& parser = parts_->parser;
    parser.set_default_op(options.default_op);
    include_undated_ = options.include_undated;
    parsed.corrected = spelling_correction(parsed.normalized);
    try {
        parsed.query = parser.parse_query(parsed.normalized, parse_flags);
    } catch (const Xapian::QueryParserError& e) {
        parsed.notices.push_back("Query syntax not understood (" + e.get_msg() + "); searched for the words.");
        parsed.query = parser.parse_query(words_only(parsed.normalized), 0);
    }
    if (parsed.query.empty()) {
        // Only stopwords (or only syntax): search for the words as they are rather than nothing.
        parser.set_stopper(nullptr);
        try {
            parsed.query = parser.parse_query(words_only(parsed.normalized), 0);
        } catch (const Xapian::QueryParserError&) {
        }
        parser.set_stopper(&parts_->stopper);
    }
    if (parsed.query.empty()) throw UsageError("the query has no words to search for");
    return parsed;
}

} // namespace newssearch::searcher
