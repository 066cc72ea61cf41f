#include "common/entities/gazetteer.hpp"
#include "common/text.hpp"

#include "common/file_text.hpp"

#include "common/entities/name_normalizer.hpp"
#include "common/errors.hpp"
#include "common/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace newssearch::entities {
namespace {

/// How `word` (as written in the gazetteer) must be written in text: see WordCase.
WordCase word_case(std::string_view word) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    int upper = 0;
    int lower = 0;
    bool first_upper = false;
    for (int32_t i = 0; i < length;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0)
            continue;
        // ASCII, most names' letters, without ICU's property look-ups.
        const bool is_upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
        if (at == 0)
            first_upper = is_upper;
        upper += is_upper ? 1 : 0;
        lower += (c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c)) ? 1 : 0;
    }
    if (lower == 0 && (upper >= 2 || (upper == 1 && word.find('.') != std::string_view::npos)))
        return WordCase::acronym;
    return first_upper ? WordCase::capitalised : WordCase::any;
}

struct AnalysedAlias {
    std::string words; ///< word keys joined by ' '
    AliasForm form;
};

/// The alias's word keys, each given by `word_key` (a NameNormalizer::word_key).
template <typename WordKey>
AnalysedAlias analyse_alias(std::string_view alias, std::size_t entry, bool adjective, WordKey&& word_key) {
    AnalysedAlias result;
    result.form.entry = entry;
    result.form.adjective = adjective;
    for (const Token& token : NameNormalizer::for_this_thread().analyzer().tokenize(alias)) {
        const std::string key = word_key(token.term);
        if (key.empty())
            continue;
        if (!result.words.empty())
            result.words += ' ';
        result.words += key;
        result.form.cases.push_back(word_case(alias.substr(token.begin, token.end - token.begin)));
    }
    if (result.form.cases.empty())
        throw UsageError("name \"" + std::string(alias) + "\" has no words");
    if (result.form.cases.size() > max_alias_words)
        throw UsageError("name \"" + std::string(alias) + "\" has more than " +
                         std::to_string(max_alias_words) + " words");
    return result;
}

using text::trim;

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        const std::size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        text.remove_prefix(at + 1);
    }
}

/// A '|'-separated list of names; empty items are errors (a stray '|' is a typo).
std::vector<std::string> name_list(std::string_view field, const char* what) {
    std::vector<std::string> names;
    if (trim(field).empty())
        return names;
    for (const std::string_view item : split(field, '|')) {
        const std::string_view name = trim(item);
        if (name.empty())
            throw UsageError(std::string("empty ") + what + " (stray '|')");
        names.emplace_back(name);
    }
    return names;
}

GazetteerEntry parse_line(std::string_view line) {
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() < 2 || fields.size() > 4)
        throw UsageError(
            "expected 2 to 4 tab-separated fields (canonical, type, aliases, adjectives), found " +
            std::to_string(fields.size()));
    GazetteerEntry entry;
    entry.canonical = trim(fields[0]);
    if (entry.canonical.empty())
        throw UsageError("empty canonical name");
    const std::string_view type = trim(fields[1]);
    const std::optional<EntityType> parsed = parse_entity_type(type);
    if (!parsed)
        throw UsageError("unknown type \"" + std::string(type) +
                         "\": use person, place, organisation or other");
    entry.type = *parsed;
    if (fields.size() > 2)
        entry.aliases = name_list(fields[2], "alias");
    if (fields.size() > 3)
        entry.adjectives = name_list(fields[3], "adjective");
    return entry;
}

} // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& path) {
    return parse(read_text_file(path, "entity gazetteer"), path.string());
}

Gazetteer Gazetteer::parse(std::string_view text, std::string_view source, const WordKeys& known) {
    Gazetteer gazetteer;
    gazetteer.known_ = &known;
    // Room for every line's entity and a few names each, so that the tables do not grow (and
    // rehash) name by name.
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    gazetteer.entries_.reserve(lines);
    gazetteer.keys_.reserve(lines);
    gazetteer.by_key_.reserve(lines);
    gazetteer.aliases_.reserve(4 * lines);
    gazetteer.longest_from_.reserve(4 * lines);
    std::size_t line_number = 0;
    for (std::string_view line : split(text, '\n')) {
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        try {
            if (find_invalid_utf8(line))
                throw UsageError("invalid UTF-8");
            gazetteer.add(parse_line(line));
        } catch (const UsageError& e) {
            throw DataError(std::string(source) + ":" + std::to_string(line_number) + ": " +
                            e.what());
        }
    }
    gazetteer.known_ = nullptr;
    return gazetteer;
}

std::string Gazetteer::word_key(std::string_view folded_word) {
    if (is_ascii(folded_word))
        return NameNormalizer::for_this_thread().word_key(folded_word);
    if (const auto found = non_ascii_word_keys_.find(folded_word); found != non_ascii_word_keys_.end())
        return found->second;
    const std::string key = [&] {
        if (known_)
            if (const auto stored = known_->find(folded_word); stored != known_->end())
                return stored->second;
        return NameNormalizer::for_this_thread().word_key(folded_word);
    }();
    non_ascii_word_keys_.emplace(std::string(folded_word), key);
    return key;
}

void Gazetteer::add(GazetteerEntry entry) {
    const auto key_of = [this](std::string_view word) { return word_key(word); };
    // Analyse every name before changing anything, so that a bad alias leaves the gazetteer as it
    // was.
    const std::size_t index = entries_.size();
    std::vector<AnalysedAlias> analysed{analyse_alias(entry.canonical, index, false, key_of)};
    // The match key (word keys joined by '_') finds duplicates ("Sergei Lavrov" after "Sergey
    // Lavrov"); the readable key (entity_key(canonical)) names the entity. Words outside ASCII
    // take their word keys, so reading a stored gazetteer back transliterates nothing.
    std::string match_key = analysed.front().words;
    std::replace(match_key.begin(), match_key.end(), ' ', '_');
    if (const auto found = by_key_.find(match_key); found != by_key_.end())
        throw UsageError("entity \"" + entry.canonical + "\" is already listed as \"" +
                         entries_[found->second].canonical + "\"");
    std::string key;
    for (const Token& token : NameNormalizer::for_this_thread().analyzer().tokenize(entry.canonical)) {
        const std::string word = is_ascii(token.term)
                                     ? NameNormalizer::for_this_thread().readable_word_key(token.term)
                                     : word_key(token.term);
        if (word.empty())
            continue;
        if (!key.empty())
            key += '_';
        key += word;
    }
    for (const std::string& alias : entry.aliases)
        analysed.push_back(analyse_alias(alias, index, false, key_of));
    for (const std::string& adjective : entry.adjectives)
        analysed.push_back(analyse_alias(adjective, index, true, key_of));

    for (AnalysedAlias& alias : analysed) {
        std::vector<AliasForm>& forms = aliases_[alias.words];
        // "Sergei Lavrov" and "Sergey Lavrov" have the same key: keep one.
        if (std::find(forms.begin(), forms.end(), alias.form) != forms.end())
            continue;
        const std::string first = alias.words.substr(0, alias.words.find(' '));
        std::size_t& longest = longest_from_[first];
        longest = std::max(longest, alias.form.cases.size());
        forms.push_back(std::move(alias.form));
    }
    by_key_.emplace(std::move(match_key), index);
    keys_.push_back(std::move(key));
    entries_.push_back(std::move(entry));
}

std::span<const AliasForm> Gazetteer::lookup(std::string_view words) const {
    const auto found = aliases_.find(words);
    if (found == aliases_.end())
        return {};
    return found->second;
}

std::size_t Gazetteer::longest_alias(std::string_view first_word) const {
    const auto found = longest_from_.find(first_word);
    return found == longest_from_.end() ? 0 : found->second;
}

std::optional<std::size_t> Gazetteer::find(std::string_view key) const {
    const auto found = by_key_.find(key_match_form(key));
    if (found == by_key_.end())
        return std::nullopt;
    return found->second;
}

} // namespace newssearch::entities
