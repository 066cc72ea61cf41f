#include "indexer/index_writer.hpp"

#include "common/article_json.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "indexer/synonyms.hpp"

#include <cstdint>
#include <map>
#include <filesystem>
#include <cstdio>

namespace newssearch::indexer {
namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
    try {
        std::filesystem::create_directories(path);
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("the index at " + path +
                         " is locked: another 'newssearch index' is writing it; wait for it to finish");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError("cannot open the index at " + path + " for writing: " + e.get_msg() +
                         "; delete that folder and run 'newssearch index' again");
    } catch (const std::filesystem::filesystem_error& e) {
        throw IndexError("cannot create the index folder " + path + ": " + e.code().message());
    }
}

/// Words worth offering as spelling corrections: not numbers, not single letters.
bool is_spelling_word(const std::string& term) {
    return term.size() > 1 && !(term.front() >= '0' && term.front() <= '9');
}

/// Adds (or, with remove, takes back) the words of an article to the index's spelling data, each
/// occurrence once even where passages overlap.
void update_spelling(Xapian::WritableDatabase& database, const Analyzer& analyzer, const Article& article,
                     const std::vector<Passage>& passages, bool remove) {
    std::map<std::string, Xapian::termcount> counts;
    for (const Token& token : analyzer.tokenize(article.title)) ++counts[token.term];
    std::size_t counted_to = 0; // body byte offset up to which words were counted
    for (const Passage& passage : passages) {
        const bool body = passage.kind == PassageKind::body;
        for (const Token& token : passage.tokens) {
            if (body && passage.begin + token.begin < counted_to) continue;
            ++counts[token.term];
        }
        if (body) counted_to = passage.end;
    }
    for (const auto& [term, count] : counts) {
        if (!is_spelling_word(term)) continue;
        if (remove) database.remove_spelling(term, count);
        else database.add_spelling(term, count);
    }
}

} // namespace

std::string content_hash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

IndexWriter::IndexWriter(const std::string& path, PassageOptions options)
    : path_(path), options_(options), database_(open_writable(path)) {
    const std::string stored = database_.get_metadata(std::string(schema::schema_version_key));
    if (!stored.empty() && stored != std::to_string(schema::version))
        throw IndexError("the index at " + path + " was built by an incompatible newssearch (schema " +
                         stored + ", this one writes " + std::to_string(schema::version) +
                         "); delete that folder and index again");
    const std::string gazetteer = database_.get_metadata(std::string(schema::gazetteer_key));
    recognizer_ = std::make_shared<const entities::EntityRecognizer>(
        std::make_shared<const entities::Gazetteer>(entities::Gazetteer::parse(gazetteer, path + " (stored gazetteer)")));
    gazetteer_hash_ = content_hash(gazetteer);
    builder_.set_title_wdf(schema::title_wdf(database_));
}

void IndexWriter::set_title_weight(unsigned weight) {
    if (weight < 1 || weight > 20) throw UsageError("the title weight must be between 1 and 20");
    builder_.set_title_wdf(weight);
    begin_batch();
    database_.set_metadata(std::string(schema::title_weight_key), std::to_string(weight));
}

void IndexWriter::set_gazetteer(const std::string& tsv, const std::string& source) {
    auto gazetteer = std::make_shared<const entities::Gazetteer>(entities::Gazetteer::parse(tsv, source));
    recognizer_ = std::make_shared<const entities::EntityRecognizer>(std::move(gazetteer));
    gazetteer_hash_ = content_hash(tsv);
    begin_batch();
    database_.set_metadata(std::string(schema::gazetteer_key), tsv);
}

IndexWriter::~IndexWriter() {
    // An unfinished batch is dropped, never half-committed: the index stays as of the last commit().
    if (in_batch_) {
        try {
            database_.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
    }
}

void IndexWriter::begin_batch() {
    if (in_batch_) return;
    // Inside a transaction Xapian's automatic flushes never commit, so a crash or kill mid-batch
    // leaves the previous commit intact and no article is ever half-visible. A "flushed"
    // transaction commits to disk when it ends.
    database_.begin_transaction(true);
    in_batch_ = true;
}

AddOutcome IndexWriter::add(const Article& article) {
    if (article.id.empty()) throw UsageError("an article without an id cannot be indexed");
    const std::string json = to_json(article).dump();
    // The gazetteer and the title weight shape the documents too: a change re-indexes.
    const std::string hash = content_hash(json + gazetteer_hash_ + database_.get_metadata(std::string(schema::title_weight_key)));
    const std::string hash_key = schema::term(schema::hash_key_prefix, article.id);
    const std::string previous = database_.get_metadata(hash_key);
    if (previous == hash) return AddOutcome::unchanged;

    begin_batch();
    if (!previous.empty()) remove_indexed(article.id);

    const std::vector<Passage> passages = split_passages(article, analyzer_, options_);
    update_spelling(database_, analyzer_, article, passages, false);
    const ArticleEntities entities = annotate_entities(article, passages, *recognizer_);
    for (const ArticleEntity& entity : entities.article)
        database_.set_metadata(schema::term(schema::entity_key_prefix, entity.key),
                               std::string(entities::to_string(entity.type)) + "\t" + entity.canonical);
    for (Xapian::Document& document : builder_.build(article, passages, entities)) database_.add_document(document);
    passages_written_ += passages.size();
    database_.set_metadata(hash_key, hash);
    database_.set_metadata(schema::term(schema::article_key_prefix, article.id), json);
    return previous.empty() ? AddOutcome::added : AddOutcome::updated;
}

void IndexWriter::remove_indexed(const std::string& article_id) {
    const std::string article_key = schema::term(schema::article_key_prefix, article_id);
    const std::string stored = database_.get_metadata(article_key);
    if (!stored.empty()) {
        // Take the old text's words back out of the spelling data.
        const Article old = article_from_json(nlohmann::json::parse(stored, nullptr, false));
        update_spelling(database_, analyzer_, old, split_passages(old, analyzer_, options_), true);
    }
    database_.delete_document(schema::term(schema::article_prefix, article_id));
    database_.set_metadata(article_key, "");
}

bool IndexWriter::remove(const std::string& article_id) {
    const std::string hash_key = schema::term(schema::hash_key_prefix, article_id);
    if (database_.get_metadata(hash_key).empty()) return false;
    begin_batch();
    remove_indexed(article_id);
    database_.set_metadata(hash_key, "");
    return true;
}

void IndexWriter::set_synonyms(const std::vector<std::vector<std::string>>& groups) {
    begin_batch();
    store_synonyms(database_, groups, analyzer_);
}

std::map<std::string, std::string> IndexWriter::entity_names() const {
    std::map<std::string, std::string> names;
    const std::string prefix(schema::entity_key_prefix);
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it)
        names.emplace(*it, database_.get_metadata(*it));
    return names;
}

void IndexWriter::add_entity_names(const std::map<std::string, std::string>& names) {
    for (const auto& [key, value] : names) {
        if (!database_.get_metadata(key).empty()) continue;
        begin_batch();
        database_.set_metadata(key, value);
    }
}

void IndexWriter::commit() {
    begin_batch();
    database_.set_metadata(std::string(schema::schema_version_key), std::to_string(schema::version));
    database_.commit_transaction();
    in_batch_ = false;
}

} // namespace newssearch::indexer
