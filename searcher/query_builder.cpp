#include "searcher/query_builder.hpp"

#include "common/entities/name_normalizer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/stopwords.hpp"
#include "common/text.hpp"
#include "common/utf8.hpp"
#include "searcher/date_filter.hpp"
#include "searcher/stored_article.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace newssearch::searcher {
namespace {

/// `date:` values. Xapian's parser leaks its state when an exception of ours passes through it,
/// so a bad value is recorded in `error` (the first one wins) and parse() throws it afterwards.
/// `used` tells parse() that the query has a date filter.
class DeferredDateProcessor : public Xapian::FieldProcessor {
  public:
    DeferredDateProcessor(const bool& include_undated, std::string& error, bool& used)
        : date_(include_undated), error_(error), used_(used) {}
    Xapian::Query operator()(const std::string& value) override {
        used_ = true;
        try {
            return date_(value);
        } catch (const UsageError& e) {
            if (error_.empty()) error_ = e.what();
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    DateFieldProcessor date_;
    std::string& error_;
    bool& used_;
};

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

/// `entity:`, `person:`, `place:`, `org:`: the named entity, however it is spelled, as a filter
/// on articles that mention it. The value is a name ("Tony Blair", an alias the gazetteer knows)
/// or a key as facets print it ("tony_blair"); a key spelled with the variants the index used to
/// unify ("toni_blair", "sergei_lavrov") names the same entity. `person:` and the other typed
/// filters match an entity only when its type over the whole index is theirs
/// (voted_entity_type), so a filter agrees with what facets and hits show.
class EntityFilterProcessor : public Xapian::FieldProcessor {
  public:
    EntityFilterProcessor(std::shared_ptr<const entities::EntityRecognizer> recognizer, const Xapian::Database* database,
                          std::string_view prefix, std::string_view type)
        : recognizer_(std::move(recognizer)), database_(database), prefix_(prefix), type_(type) {}

    Xapian::Query operator()(const std::string& value) override {
        std::set<std::string> keys;
        // A key's underscores read as spaces, so "marco_rubio" finds the gazetteer's name too.
        std::string name = value;
        std::replace(name.begin(), name.end(), '_', ' ');
        if (recognizer_) {
            for (const auto& mention : recognizer_->recognize_query(name))
                if (mention.from_gazetteer) {
                    keys.insert(mention.key);
                    break;
                }
        }
        const bool looks_like_key = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        const std::string key = looks_like_key ? value : entities::entity_key(value);
        if (!key.empty()) keys.insert(key);
        if (database_ && !key.empty()) add_variants(key, keys);
        std::vector<Xapian::Query> filters;
        for (const std::string& candidate : keys) {
            if (!database_) {
                filters.emplace_back(schema::term(prefix_, candidate));
                continue;
            }
            const std::string term = schema::term(schema::article_entity_prefix, candidate);
            if (!database_->term_exists(term)) continue;
            if (!type_.empty() && voted_entity_type(*database_, candidate, "") != type_) continue;
            filters.emplace_back(term);
        }
        // No such entity (of that type): a term no article has, so the filter matches nothing
        // (MatchNothing would read as "no filter given").
        if (filters.empty()) return Xapian::Query(prefix_);
        return Xapian::Query(Xapian::Query::OP_OR, filters.begin(), filters.end());
    }

  private:
    /// The index's keys that are spelling variants of `key` (key_match_form agrees): keys were
    /// once stored in their match form ("toni_blair"), and automatic names are keyed as written.
    void add_variants(const std::string& key, std::set<std::string>& keys) const {
        const std::string form = entities::key_match_form(key);
        // key_match_form changes no first letter, and nothing before the next i, y or j.
        const std::string stem = key.substr(0, key.find_first_of("iyj", 1));
        const std::string prefix = schema::term(schema::article_entity_prefix, stem);
        const std::size_t skip = schema::article_entity_prefix.size();
        for (auto it = database_->allterms_begin(prefix); it != database_->allterms_end(prefix); ++it) {
            const std::string candidate = (*it).substr(skip);
            if (entities::key_match_form(candidate) == form) keys.insert(candidate);
        }
    }

    std::shared_ptr<const entities::EntityRecognizer> recognizer_;
    const Xapian::Database* database_;
    std::string prefix_;
    std::string type_;
};

/// The marker "xentity:N" stands for the N-th entity named in the query: it matches passages
/// that mention the entity (its entity field, boosted) or contain the words as typed.
class EntityMentionProcessor : public Xapian::FieldProcessor {
  public:
    EntityMentionProcessor(const std::vector<entities::EntityMention>& mentions, const std::vector<std::string>& words,
                           const double& boost, Xapian::QueryParser& words_parser)
        : mentions_(mentions), words_(words), boost_(boost), words_parser_(words_parser) {}

    Xapian::Query operator()(const std::string& value) override {
        // Only mark_entities writes this syntax (QueryBuilder::parse takes it out of what users
        // type), so the value starts with a mention's number (Xapian passes on what follows it
        // up to a space, "0's" for "Lavrov's"); anything else matches nothing.
        const std::size_t digits = std::min(value.find_first_not_of("0123456789"), value.size());
        const bool number = digits > 0 && digits < 10;
        const std::size_t index =
            number ? static_cast<std::size_t>(std::stoul(value.substr(0, digits))) : mentions_.size();
        if (index >= mentions_.size()) return Xapian::Query::MatchNothing;
        const Xapian::Query words = words_parser_.parse_query(words_[index], 0);
        const Xapian::Query entity(Xapian::Query::OP_SCALE_WEIGHT,
                                   Xapian::Query(schema::term(schema::entity_prefix, mentions_[index].key)), boost_);
        return Xapian::Query(Xapian::Query::OP_OR, entity, words);
    }

  private:
    const std::vector<entities::EntityMention>& mentions_;
    const std::vector<std::string>& words_;
    const double& boost_;
    Xapian::QueryParser& words_parser_;
};

constexpr std::string_view entity_marker = "xentity";

/// `query` with the colon after any word that folds to the entity marker made a space: the
/// marker's syntax is mark_entities' alone (see EntityMentionProcessor), so a user who types it
/// searches for the words.
std::string without_marker_syntax(const Analyzer& analyzer, std::string query) {
    for (const Token& token : analyzer.tokenize(query))
        if (token.term == entity_marker && token.end < query.size() && query[token.end] == ':') query[token.end] = ' ';
    return query;
}

/// True when the word before [begin, end) or the word after it is NEAR or ADJ (with "/n").
bool next_to_proximity_operator(std::string_view query, std::size_t begin, std::size_t end) {
    const auto is_operator = [](std::string_view word) {
        return word.starts_with("NEAR") || word.starts_with("ADJ");
    };
    std::size_t before_end = begin;
    while (before_end > 0 && query[before_end - 1] == ' ') --before_end;
    std::size_t before_begin = before_end;
    while (before_begin > 0 && query[before_begin - 1] != ' ') --before_begin;
    std::size_t after_begin = end;
    while (after_begin < query.size() && query[after_begin] == ' ') ++after_begin;
    std::size_t after_end = after_begin;
    while (after_end < query.size() && query[after_end] != ' ') ++after_end;
    return is_operator(query.substr(before_begin, before_end - before_begin)) ||
           is_operator(query.substr(after_begin, after_end - after_begin));
}

constexpr unsigned parse_flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

/// "name:" prefixes in `normalized` that are not fields (Xapian then reads "name:value" as a
/// phrase of words). URLs ("http://...") are not meant as fields.
/// The "name:" prefixes of `normalized` that are not fields (`unknown`), and the fields given no
/// value (`empty`: "entity:" at the end or before a space), which the parser reads as words.
struct FieldProblems {
    std::vector<std::string> unknown;
    std::vector<std::string> empty;
};

FieldProblems field_problems(std::string_view normalized) {
    FieldProblems problems;
    for (std::size_t colon = normalized.find(':'); colon != std::string_view::npos;
         colon = normalized.find(':', colon + 1)) {
        std::size_t begin = colon;
        while (begin > 0 && normalized[begin - 1] >= 'a' && normalized[begin - 1] <= 'z') --begin;
        const std::string_view name = normalized.substr(begin, colon - begin);
        if (name.empty() || (begin > 0 && normalized[begin - 1] != ' ' && normalized[begin - 1] != '(' &&
                             normalized[begin - 1] != '-' && normalized[begin - 1] != '+'))
            continue;
        if (name == "http" || name == "https") continue;
        if (std::find(std::begin(query_fields), std::end(query_fields), name) == std::end(query_fields))
            problems.unknown.emplace_back(name);
        else if (colon + 1 == normalized.size() || normalized[colon + 1] == ' ')
            problems.empty.emplace_back(name);
    }
    return problems;
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
    Xapian::QueryParser words_parser; ///< the words of an entity mention, all required
    Xapian::SimpleStopper stopper;
};

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database* database,
                           std::shared_ptr<const entities::EntityRecognizer> recognizer)
    : analyzer_(analyzer), database_(database), recognizer_(std::move(recognizer)), parts_(std::make_unique<Parts>()) {
    for (const std::string_view word : english_stopwords) parts_->stopper.add(std::string(word));
    Xapian::QueryParser& parser = parts_->parser;
    parser.set_stemmer(analyzer_.stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(&parts_->stopper);
    parser.add_prefix("title", std::string(schema::title_prefix));
    parser.add_prefix("author", std::string(schema::author_prefix));
    parser.add_boolean_prefix("source", (new FilterValueProcessor(analyzer_, schema::source_prefix))->release());
    parser.add_boolean_prefix("category", (new FilterValueProcessor(analyzer_, schema::category_prefix))->release());
    parser.add_boolean_prefix("date", (new DeferredDateProcessor(include_undated_, date_error_, date_used_))->release());
    parser.add_boolean_prefix("entity", (new EntityFilterProcessor(recognizer_, database_, schema::article_entity_prefix, ""))->release());
    parser.add_boolean_prefix("person", (new EntityFilterProcessor(recognizer_, database_, schema::person_prefix, "person"))->release());
    parser.add_boolean_prefix("place", (new EntityFilterProcessor(recognizer_, database_, schema::place_prefix, "place"))->release());
    parser.add_boolean_prefix("org", (new EntityFilterProcessor(recognizer_, database_, schema::organisation_prefix, "organisation"))->release());
    Xapian::QueryParser& words = parts_->words_parser;
    words.set_stemmer(analyzer_.stemmer());
    words.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    words.set_default_op(Xapian::Query::OP_AND);
    parser.add_prefix(std::string(entity_marker),
                      (new EntityMentionProcessor(marked_, marked_words_, entity_boost_, words))->release());
    if (database_) {
        parser.set_database(*database_);
        parser.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::source_filter(std::string_view source) const {
    return FilterValueProcessor(analyzer_, schema::source_prefix)(std::string(source));
}

Xapian::Query QueryBuilder::category_filter(std::string_view category) const {
    return FilterValueProcessor(analyzer_, schema::category_prefix)(std::string(category));
}

Xapian::Query QueryBuilder::entity_filter(std::string_view entity) const {
    return EntityFilterProcessor(recognizer_, database_, schema::article_entity_prefix, "")(std::string(entity));
}

QueryBuilder::Evidence QueryBuilder::ranking_evidence(std::string_view user_query) const {
    // Words only: exclusions, fields and phrases are the words query's business.
    std::string text = analyzer_.normalize_query(user_query);
    for (const Token& token : analyzer_.tokenize(text)) {
        const bool excluded = token.begin > 0 && text[token.begin - 1] == '-';
        const bool field = (token.end < text.size() && text[token.end] == ':') ||
                           (token.begin > 0 && text[token.begin - 1] == ':');
        if (excluded || field) std::fill(text.begin() + token.begin, text.begin() + token.end, ' ');
    }
    // The words parser reads entity names as words; the title prefix looks for them in titles.
    Xapian::QueryParser& parser = parts_->words_parser;
    parser.set_default_op(Xapian::Query::OP_OR);
    Evidence evidence;
    evidence.title = parser.parse_query(words_only(text), 0, std::string(schema::title_prefix));
    evidence.lead = parser.parse_query(words_only(text), 0, std::string(schema::lead_prefix));
    parser.set_default_op(Xapian::Query::OP_AND);
    return evidence;
}

std::string QueryBuilder::mark_entities(const std::string& query) const {
    marked_.clear();
    marked_words_.clear();
    if (!recognizer_ || entity_boost_ <= 0) return query;
    std::string marked;
    std::size_t copied = 0;
    bool in_quotes = false;
    std::size_t quote_scan = 0;
    for (const auto& mention : recognizer_->recognize_query(query)) {
        // Count quotes up to the mention: names inside a quoted phrase stay words of the phrase.
        for (; quote_scan < mention.begin; ++quote_scan)
            if (query[quote_scan] == '"') in_quotes = !in_quotes;
        const bool after_field = mention.begin > 0 && query[mention.begin - 1] == ':';
        // NEAR and ADJ need plain words on both sides.
        if (next_to_proximity_operator(query, mention.begin, mention.end)) continue;
        const bool before_field = mention.end < query.size() && query[mention.end] == ':';
        // A marker glued to ".-/\\@" would be the start of a phrase to Xapian, whose parser
        // crashes on such a field-processor phrase excluded after another exclusion (1.4.22).
        const bool glued =
            mention.end < query.size() && std::string_view(".-/\\@").find(query[mention.end]) != std::string_view::npos;
        if (!mention.from_gazetteer || mention.adjective || in_quotes || after_field || before_field || glued) continue;
        marked.append(query, copied, mention.begin - copied);
        marked += std::string(entity_marker) + ":" + std::to_string(marked_.size());
        marked_words_.push_back(analyzer_.normalize_query(query.substr(mention.begin, mention.end - mention.begin)));
        marked_.push_back(mention);
        copied = mention.end;
    }
    if (marked_.empty()) return query;
    marked.append(query, copied, std::string::npos);
    return marked;
}

namespace {

/// Whether every word of `query` is excluded with a leading '-' ("-film", "-film -music"): such a
/// query has nothing to search for, and Xapian's parser would read it as the words themselves.
bool only_excludes(const Analyzer& analyzer, std::string_view query) {
    const std::vector<Token> tokens = analyzer.tokenize(query);
    if (tokens.empty()) return false;
    return std::all_of(tokens.begin(), tokens.end(), [&](const Token& token) {
        const bool minus = token.begin > 0 && query[token.begin - 1] == '-';
        const bool starts_word = token.begin < 2 || text::is_space(query[token.begin - 2]) || query[token.begin - 2] == '(';
        return minus && starts_word;
    });
}

} // namespace

bool is_slip_of_finger(std::string_view typed, std::string_view word) {
    // Typing slips keep the first letter (people rarely mistype it; "iPhone" is not "phone")
    // and are one letter left out, doubled or added, or two neighbours swapped; a letter
    // replaced by another makes a different name too often ("Obama", "osama").
    if (typed.size() < 5 || word.size() < 5 || typed.front() != word.front()) return false;
    if (typed.size() == word.size()) {
        std::size_t first = 0;
        while (first < typed.size() && typed[first] == word[first]) ++first;
        return first + 1 < typed.size() && typed[first] == word[first + 1] && typed[first + 1] == word[first] &&
               typed.substr(first + 2) == word.substr(first + 2);
    }
    const std::string_view longer = typed.size() > word.size() ? typed : word;
    const std::string_view shorter = typed.size() > word.size() ? word : typed;
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t first = 0;
    while (first < shorter.size() && shorter[first] == longer[first]) ++first;
    return longer.substr(first + 1) == shorter.substr(first);
}

bool QueryBuilder::names_a_known_entity(const std::string& word) const {
    if (!recognizer_) return false;
    const std::string key = entities::NameNormalizer::for_this_thread().word_key(word);
    return !key.empty() && !recognizer_->gazetteer().lookup(key).empty();
}

std::string QueryBuilder::spelling_correction(const std::string& normalized, std::string_view typed) const {
    if (!database_) return {};
    // Words typed with a capital anywhere look like names: a name the index lacks is no typo of a
    // word it has ("Obama" is not "osama"). Found only when a word needs correcting: most don't.
    std::optional<std::set<std::string>> capitalised;
    const auto typed_as_name = [&](const std::string& term) {
        if (!capitalised) {
            capitalised.emplace();
            for (const Token& token : analyzer_.tokenize(typed)) {
                const std::string_view surface = typed.substr(token.begin, token.end - token.begin);
                if (std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
                    capitalised->insert(token.term);
            }
        }
        return capitalised->contains(term);
    };
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
            (token.term.front() >= '0' && token.term.front() <= '9') || parts_->stopper(token.term))
            continue;
        // Xapian's own bound is two edits whatever the length ("credit" for "brexit"): one edit
        // below eight letters, two from eight.
        const unsigned max_edits = token.term.size() < 8 ? 1 : 2;
        const std::string suggestion = database_->get_spelling_suggestion(token.term, max_edits);
        if (suggestion.empty()) continue;
        // A word typed as a name is corrected only to a name the gazetteer knows ("Lavrof" to
        // Lavrov), or by the slip of a finger ("Wegner" to "wenger", "Giamati" to "giamatti"),
        // never to another word that happens to be close ("Obama" to "osama").
        if (typed_as_name(token.term) && !names_a_known_entity(suggestion) && !is_slip_of_finger(token.term, suggestion))
            continue;
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
    text = without_marker_syntax(analyzer_, std::move(text));
    // `plain` is what the user typed, normalised; `parsed.normalized` also has entity markers.
    const std::string plain = analyzer_.normalize_query(text);
    if (analyzer_.tokenize(plain).empty()) throw UsageError("the query has no words to search for");
    if (only_excludes(analyzer_, text))
        throw UsageError("the query only excludes words (\"" + std::string(text::trim(text)) +
                         "\"): add a word to search for, such as \"talks " + std::string(text::trim(text)) + "\"");
    entity_boost_ = options.entity_boost;
    parsed.normalized = analyzer_.normalize_query(mark_entities(text));

    const FieldProblems fields = field_problems(plain);
    for (const std::string& field : fields.unknown)
        parsed.notices.push_back("\"" + field + ":\" is not a field (fields: title, author, source, category, date); "
                                 "searched for the words.");
    for (const std::string& field : fields.empty)
        parsed.notices.push_back("\"" + field + ":\" has no value (write " + field + ":VALUE); searched for the words.");

    Xapian::QueryParser& parser = parts_->parser;
    parser.set_default_op(options.default_op);
    include_undated_ = options.include_undated;
    parsed.corrected = spelling_correction(plain, text);
    date_error_.clear();
    date_used_ = false;
    try {
        parsed.query = parser.parse_query(parsed.normalized, parse_flags);
    } catch (const Xapian::QueryParserError& e) {
        parsed.notices.push_back("Query syntax not understood (" + e.get_msg() + "); searched for the words.");
        parsed.query = parser.parse_query(words_only(plain), 0);
    }
    if (!date_error_.empty()) throw UsageError(date_error_);
    parsed.date_filtered = date_used_;
    if (parsed.query.empty()) {
        // Only stopwords (or only syntax): search for the words as they are rather than nothing.
        parser.set_stopper(nullptr);
        try {
            parsed.query = parser.parse_query(words_only(plain), 0);
        } catch (const Xapian::QueryParserError&) {
        }
        parser.set_stopper(&parts_->stopper);
    }
    if (parsed.query.empty()) throw UsageError("the query has no words to search for");
    return parsed;
}

} // namespace newssearch::searcher
