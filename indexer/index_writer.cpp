#include "indexer/index_writer.hpp"

#include "common/hash.hpp"
#include "common/article_document.hpp"
#include "common/article_json.hpp"
#include "common/entities/stored_gazetteer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/stored_records.hpp"
#include "indexer/synonyms.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace newssearch::indexer {
namespace fs = std::filesystem;
namespace {

/// The PID in the writer's pid file when that process still runs, else 0.
long running_writer_pid(const std::string& path) {
    std::ifstream in(fs::path(path) / writer_pid_file);
    long pid = 0;
    if (!(in >> pid) || pid <= 0) return 0;
    // EPERM: it runs under another user, which still holds the lock.
    return (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) ? pid : 0;
}

Xapian::WritableDatabase open_writable(const std::string& path) {
    try {
        fs::create_directories(path);
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        const long pid = running_writer_pid(path);
        throw IndexError("the index at " + path + " is locked by another newssearch index run" +
                         (pid != 0 ? " (PID " + std::to_string(pid) + ")" : std::string()) +
                         "; wait for it to finish, or stop it (its last commit stays searchable)");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError("cannot open the index at " + path + " for writing: " + e.get_msg() +
                         "; delete that folder and run 'newssearch index' again");
    } catch (const fs::filesystem_error& e) {
        throw IndexError("cannot create the index folder " + path + ": " + e.code().message());
    }
}

void write_pid_file(const std::string& path) {
    // Best effort: the pid only makes the "locked" message more helpful.
    std::ofstream(fs::path(path) / writer_pid_file, std::ios::trunc) << ::getpid() << '\n';
}

/// Adds (`sign` 1) or takes back (-1) an article's words in a batch's spelling changes.
void change_spelling(SpellingChanges& changes, const std::map<std::string, Xapian::termcount>& counts,
                     std::int64_t sign) {
    for (const auto& [term, count] : counts) changes[term] += sign * static_cast<std::int64_t>(count);
}

/// Pending spelling words past which checkpoint() merges them anyway: bounds the writer's memory
/// (about 100 bytes a word) whatever the vocabulary of a run.
constexpr std::size_t max_pending_spelling_words = 500'000;

/// Entity names the writer keeps between commits at most (about 150 bytes each; the 21,268-article
/// benchmark corpus has 45,888 entities).
constexpr std::size_t max_known_entity_names = 100'000;

std::string pending_spelling_key(std::size_t sequence) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%08zu", sequence);
    return schema::term(schema::pending_spelling_key_prefix, digits);
}

std::string format_record(const FileRecord& record) {
    std::string text = std::to_string(record.stamp.size) + " " + std::to_string(record.stamp.mtime_ns) + " " +
                       std::to_string(schema::document_format) + "\n";
    for (const std::string& id : record.article_ids) text += id + "\n";
    return text;
}

std::optional<FileRecord> parse_record(const std::string& text) {
    std::istringstream in(text);
    FileRecord record;
    if (!(in >> record.stamp.size >> record.stamp.mtime_ns)) return std::nullopt;
    std::string line;
    std::getline(in, line);
    // A file indexed into documents of another format is read again (schema::document_format).
    if (line != " " + std::to_string(schema::document_format)) return std::nullopt;
    while (std::getline(in, line))
        if (!line.empty()) record.article_ids.push_back(line);
    return record;
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

} // namespace

std::string format_spelling_changes(const SpellingChanges& changes) {
    std::string text;
    for (const auto& [word, change] : changes) {
        if (change == 0) continue;
        text += word;
        text += '\t';
        text += std::to_string(change);
        text += '\n';
    }
    return text;
}

void add_spelling_changes(SpellingChanges& changes, std::string_view record) {
    while (!record.empty()) {
        const std::size_t end = std::min(record.find('\n'), record.size());
        const std::string_view line = record.substr(0, end);
        record.remove_prefix(std::min(end + 1, record.size()));
        const std::size_t tab = line.rfind('\t');
        if (tab == std::string_view::npos || tab == 0) continue;
        std::int64_t change = 0;
        const std::string_view number = line.substr(tab + 1);
        const auto [rest, error] = std::from_chars(number.data(), number.data() + number.size(), change);
        if (error != std::errc() || rest != number.data() + number.size()) continue;
        changes[std::string(line.substr(0, tab))] += change;
    }
}

std::string content_hash(std::string_view text) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(text)));
    return hex;
}

std::optional<FileStamp> file_stamp(const std::string& path) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error) return std::nullopt;
    const auto time = fs::last_write_time(path, error);
    if (error) return std::nullopt;
    return FileStamp{size, static_cast<std::int64_t>(
                               std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count())};
}

IndexWriter::IndexWriter(const std::string& path, PassageOptions options)
    : path_(path), options_(options), database_(open_writable(path)) {
    const std::string stored = database_.get_metadata(std::string(schema::schema_version_key));
    if (!stored.empty() && !schema::readable_version(stored))
        throw IndexError("the index at " + path + " was built by an incompatible newssearch (schema " +
                         stored + ", this one reads " + schema::readable_versions() +
                         "); delete that folder and index again");
    recognizer_ = std::make_shared<const entities::EntityRecognizer>(std::make_shared<const entities::Gazetteer>(
        entities::read_stored_gazetteer(database_, path + " (stored gazetteer)")));
    gazetteer_hash_ = content_hash(database_.get_metadata(std::string(schema::gazetteer_key)));
    refresh_preparer();
    write_pid_file(path);
    merge_stored_spelling();
}

void IndexWriter::merge_stored_spelling() {
    const std::string prefix(schema::pending_spelling_key_prefix);
    std::vector<std::string> keys;
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it) {
        keys.push_back(*it);
        add_spelling_changes(pending_spelling_, database_.get_metadata(*it));
    }
    if (keys.empty()) return;
    // The records go by their stored names; commit() merges what they held.
    begin_batch();
    for (const std::string& key : keys) database_.set_metadata(key, "");
    commit();
}

PrepareSettings IndexWriter::prepare_settings() const {
    return PrepareSettings{recognizer_, gazetteer_hash_, schema::title_wdf(database_),
                           database_.get_metadata(std::string(schema::title_weight_key)), options_};
}

void IndexWriter::refresh_preparer() { preparer_ = std::make_unique<ArticlePreparer>(prepare_settings()); }

void IndexWriter::set_title_weight(unsigned weight) {
    if (weight < 1 || weight > 20) throw UsageError("the title weight must be between 1 and 20");
    begin_batch();
    database_.set_metadata(std::string(schema::title_weight_key), std::to_string(weight));
    refresh_preparer();
}

void IndexWriter::set_gazetteer(const std::string& tsv, const std::string& source) {
    auto gazetteer = std::make_shared<const entities::Gazetteer>(entities::Gazetteer::parse(tsv, source));
    recognizer_ = std::make_shared<const entities::EntityRecognizer>(gazetteer);
    gazetteer_hash_ = content_hash(tsv);
    begin_batch();
    entities::write_stored_gazetteer(database_, tsv, *gazetteer);
    refresh_preparer();
}

IndexWriter::~IndexWriter() {
    // An unfinished batch is dropped, never half-committed: the index stays as of the last commit().
    if (in_batch_) {
        try {
            database_.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
    }
    std::error_code ignored;
    fs::remove(fs::path(path_) / writer_pid_file, ignored);
}

void IndexWriter::begin_batch() {
    if (in_batch_) return;
    // Inside a transaction Xapian's automatic flushes never commit, so a crash or kill mid-batch
    // leaves the previous commit intact and no article is ever half-visible. A "flushed"
    // transaction commits to disk when it ends.
    database_.begin_transaction(true);
    in_batch_ = true;
}

AddOutcome IndexWriter::add(const Article& article) { return write(preparer_->prepare(article)); }

AddOutcome IndexWriter::write(PreparedArticle&& prepared, const std::string& source_file) {
    const std::string& id = prepared.article.id;
    const std::string hash_key = schema::term(schema::hash_key_prefix, id);
    const std::string previous = database_.get_metadata(hash_key);
    const std::string file_key = schema::term(schema::article_file_key_prefix, id);
    // An article without a stored hash has no file recorded either (both are written, and
    // removed, together), so a new article's file is set without looking first.
    if (!source_file.empty() && (previous.empty() || database_.get_metadata(file_key) != source_file)) {
        begin_batch();
        database_.set_metadata(file_key, source_file);
    }
    if (previous == prepared.hash) return counted(AddOutcome::unchanged);
    // Prepared as unchanged against an older snapshot (the id came twice in one run): analyse now.
    if (!prepared.analysed) preparer_->analyse(prepared);

    begin_batch();
    if (!previous.empty()) remove_indexed(id);
    change_spelling(spelling_changes_, prepared.spelling, 1);
    for (const ArticleEntity& entity : prepared.entities)
        offer_entity_name(schema::term(schema::entity_key_prefix, entity.key),
                          {std::string(entities::to_string(entity.type)), entity.canonical});
    database_.add_document(prepared.document);
    passages_written_ += prepared.passages;
    database_.set_metadata(hash_key, prepared.hash);
    return counted(previous.empty() ? AddOutcome::added : AddOutcome::updated);
}

AddOutcome IndexWriter::counted(AddOutcome outcome) {
    switch (outcome) {
    case AddOutcome::added: ++add_counts_.added; break;
    case AddOutcome::updated: ++add_counts_.updated; break;
    case AddOutcome::unchanged: ++add_counts_.unchanged; break;
    }
    return outcome;
}

void IndexWriter::remove_indexed(const std::string& article_id) {
    const std::string article_term = schema::term(schema::article_prefix, article_id);
    const Xapian::PostingIterator stored = database_.postlist_begin(article_term);
    if (stored != database_.postlist_end(article_term)) {
        // Take the old text's words back out of the spelling data.
        const Article old = parse_article_document(database_.get_document(*stored).get_data()).article;
        change_spelling(spelling_changes_, preparer_->spelling_words(old), -1);
    }
    database_.delete_document(article_term);
}

bool IndexWriter::remove(const std::string& article_id) { return remove_article(article_id, true); }

bool IndexWriter::remove_article(const std::string& article_id, bool forget_source) {
    const std::string hash_key = schema::term(schema::hash_key_prefix, article_id);
    if (database_.get_metadata(hash_key).empty()) return false;
    begin_batch();
    remove_indexed(article_id);
    database_.set_metadata(hash_key, "");
    const std::string file_key = schema::term(schema::article_file_key_prefix, article_id);
    const std::string source = database_.get_metadata(file_key);
    if (forget_source && !source.empty()) database_.set_metadata(schema::term(schema::file_key_prefix, source), "");
    database_.set_metadata(file_key, "");
    return true;
}

std::vector<std::string> IndexWriter::prune() {
    const std::string prefix(schema::article_file_key_prefix);
    // Source file -> the ids its record lists; nothing when the file had problems on its last
    // read (what was indexed from it is kept).
    std::map<std::string, std::optional<std::set<std::string>>> listed;
    std::vector<std::string> gone;
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it) {
        const std::string id = (*it).substr(prefix.size());
        const std::string source = database_.get_metadata(*it);
        std::error_code error;
        if (!fs::exists(source, error) && !error) {
            gone.push_back(id);
            continue;
        }
        auto found = listed.find(source);
        if (found == listed.end()) {
            std::optional<std::set<std::string>> ids;
            if (const auto record = file_record(source))
                ids.emplace(record->article_ids.begin(), record->article_ids.end());
            found = listed.emplace(source, std::move(ids)).first;
        }
        if (found->second && !found->second->contains(id)) gone.push_back(id);
    }
    for (const std::string& id : gone) remove_article(id, false);
    return gone;
}

std::optional<FileRecord> read_file_record(const Xapian::Database& database, const std::string& path) {
    const std::string text = database.get_metadata(schema::term(schema::file_key_prefix, path));
    if (text.empty()) return std::nullopt;
    return parse_record(text);
}

std::optional<std::string> read_stored_hash(const Xapian::Database& database, const std::string& article_id) {
    std::string hash = database.get_metadata(schema::term(schema::hash_key_prefix, article_id));
    if (hash.empty()) return std::nullopt;
    return hash;
}

std::optional<FileRecord> IndexWriter::file_record(const std::string& path) const {
    return read_file_record(database_, path);
}

std::optional<std::string> IndexWriter::stored_hash(const std::string& article_id) const {
    return read_stored_hash(database_, article_id);
}

void IndexWriter::record_file(const std::string& path, const FileRecord& record) {
    begin_batch();
    database_.set_metadata(schema::term(schema::file_key_prefix, path), format_record(record));
}

void IndexWriter::set_synonyms(const std::vector<std::vector<std::string>>& groups) {
    begin_batch();
    store_synonyms(database_, groups, Analyzer());
}

std::map<std::string, std::string> IndexWriter::entity_names() const {
    std::map<std::string, std::string> names;
    const std::string prefix(schema::entity_key_prefix);
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it)
        names.emplace(*it, database_.get_metadata(*it));
    return names;
}

void IndexWriter::add_entity_names(const std::map<std::string, std::string>& names) {
    for (const auto& [key, value] : names) offer_entity_name(key, parse_entity_name(value));
}

void IndexWriter::offer_entity_name(const std::string& key, const EntityName& name) {
    auto known = known_entity_names_.find(key);
    if (known == known_entity_names_.end()) {
        const std::string stored = database_.get_metadata(key);
        std::optional<EntityName> current;
        if (!stored.empty()) current = parse_entity_name(stored);
        known = known_entity_names_.emplace(key, std::move(current)).first;
    }
    if (known->second && !better_entity_name(name, *known->second)) return;
    begin_batch();
    database_.set_metadata(key, format_entity_name(name));
    known->second = name;
}

void IndexWriter::commit() { commit_batch(true); }

void IndexWriter::checkpoint() {
    commit_batch(pending_spelling_.size() + spelling_changes_.size() > max_pending_spelling_words);
}

void IndexWriter::commit_batch(bool merge_spelling) {
    begin_batch();
    if (!merge_spelling && !spelling_changes_.empty())
        database_.set_metadata(pending_spelling_key(pending_records_++), format_spelling_changes(spelling_changes_));
    for (const auto& [term, change] : spelling_changes_) pending_spelling_[term] += change;
    spelling_changes_.clear();
    if (merge_spelling) {
        // Xapian's spelling data gets the pending batches' changes, summed; the pending records go
        // in the same commit, so no word is counted twice or lost.
        for (const auto& [term, change] : pending_spelling_) {
            if (change > 0) database_.add_spelling(term, static_cast<Xapian::termcount>(change));
            else if (change < 0) database_.remove_spelling(term, static_cast<Xapian::termcount>(-change));
        }
        for (std::size_t i = 0; i < pending_records_; ++i) database_.set_metadata(pending_spelling_key(i), "");
        pending_spelling_.clear();
        pending_records_ = 0;
    }
    if (known_entity_names_.size() > max_known_entity_names) known_entity_names_.clear();
    database_.set_metadata(std::string(schema::schema_version_key), std::to_string(schema::version));
    database_.set_metadata(std::string(schema::updated_key), utc_now());
    database_.commit_transaction();
    in_batch_ = false;
}

} // namespace newssearch::indexer
