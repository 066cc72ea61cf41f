#include "common/entities/stored_gazetteer.hpp"

#include "common/schema.hpp"

namespace newssearch::entities {

Gazetteer read_stored_gazetteer(const Xapian::Database& database, std::string_view source) {
    const std::string tsv = database.get_metadata(std::string(schema::gazetteer_key));
    const std::string keys = database.get_metadata(std::string(schema::gazetteer_word_keys_key));
    return Gazetteer::parse(tsv, source, parse_word_keys(keys));
}

void write_stored_gazetteer(Xapian::WritableDatabase& database, const std::string& tsv, const Gazetteer& gazetteer) {
    database.set_metadata(std::string(schema::gazetteer_key), tsv);
    database.set_metadata(std::string(schema::gazetteer_word_keys_key), format_word_keys(gazetteer.non_ascii_word_keys()));
}

std::string format_word_keys(const WordKeys& keys) {
    std::string out;
    for (const auto& [word, key] : keys) {
        out += word;
        out += '\t';
        out += key;
        out += '\n';
    }
    return out;
}

WordKeys parse_word_keys(std::string_view stored) {
    WordKeys keys;
    while (!stored.empty()) {
        const std::size_t end = stored.find('\n');
        const std::string_view line = stored.substr(0, end);
        stored.remove_prefix(end == std::string_view::npos ? stored.size() : end + 1);
        const std::size_t tab = line.find('\t');
        if (tab != std::string_view::npos) keys.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return keys;
}

} // namespace newssearch::entities
