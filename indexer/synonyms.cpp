#include "indexer/synonyms.hpp"

#include "common/errors.hpp"
#include "common/file_text.hpp"
#include "common/schema.hpp"


namespace newssearch::indexer {
namespace {

std::string index_form(std::string_view entry, const Analyzer& analyzer) {
    std::string form;
    for (const Token& token : analyzer.tokenize(entry)) {
        if (!form.empty()) form += ' ';
        form += token.term;
    }
    return form;
}

bool is_single_word(const std::string& entry) { return entry.find(' ') == std::string::npos; }

} // namespace

std::vector<SynonymGroup> parse_synonyms(std::string_view text, const std::string& source, const Analyzer& analyzer) {
    std::vector<SynonymGroup> groups;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t stop = text.find('\n', start);
        if (stop == std::string_view::npos) stop = text.size();
        std::string_view line = text.substr(start, stop - start);
        start = stop + 1;
        ++line_number;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        SynonymGroup group;
        std::size_t from = 0;
        while (from <= line.size()) {
            std::size_t comma = line.find(',', from);
            if (comma == std::string_view::npos) comma = line.size();
            const std::string_view entry = line.substr(from, comma - from);
            from = comma + 1;
            std::string form = index_form(entry, analyzer);
            if (form.empty())
                throw DataError(source + ":" + std::to_string(line_number) + ": an entry has no words (\"" +
                                std::string(entry) + "\")");
            group.push_back(std::move(form));
        }
        if (group.size() < 2)
            throw DataError(source + ":" + std::to_string(line_number) +
                            ": a synonym line needs at least two entries separated by commas");
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<SynonymGroup> read_synonym_file(const std::string& path, const Analyzer& analyzer) {
    return parse_synonyms(read_text_file(path, "synonym file"), path, analyzer);
}

void store_synonyms(Xapian::WritableDatabase& database, const std::vector<SynonymGroup>& groups,
                    const Analyzer& analyzer) {
    std::vector<std::string> keys(database.synonym_keys_begin(), database.synonym_keys_end());
    for (const std::string& key : keys) database.clear_synonyms(key);
    const auto stemmed = [&](const std::string& word) {
        return schema::term(schema::stem_marker, analyzer.stem(word));
    };
    for (const SynonymGroup& group : groups) {
        for (const std::string& key : group) {
            for (const std::string& value : group) {
                if (value == key || !is_single_word(value)) continue;
                database.add_synonym(key, value);
                if (is_single_word(key)) database.add_synonym(stemmed(key), stemmed(value));
            }
        }
    }
    std::string table;
    for (auto key = database.synonym_keys_begin(); key != database.synonym_keys_end(); ++key) {
        table += *key;
        for (auto value = database.synonyms_begin(*key); value != database.synonyms_end(*key); ++value)
            table += "\t" + *value;
        table += '\n';
    }
    database.set_metadata(std::string(schema::synonym_table_key), table);
}

} // namespace newssearch::indexer
