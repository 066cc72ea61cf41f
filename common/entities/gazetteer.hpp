#pragma once
/// The entity gazetteer: the entities a corpus knows, each with a canonical name, a type, aliases
/// and adjectives, read from a tab-separated file (corpus/entities.tsv; format in
/// docs/ENTITIES.md), and the alias index the recognizer matches words against. Immutable once
/// built, so one gazetteer can be shared by every thread.

#include "common/entities/entity.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newssearch::entities {

/// One entity as the gazetteer file lists it.
struct GazetteerEntry {
    std::string canonical; ///< display name; matched like an alias too
    EntityType type = EntityType::other;
    std::vector<std::string> aliases;    ///< other names as written ("Sergei Lavrov", "Lavrov")
    std::vector<std::string> adjectives; ///< words naming it as an adjective ("American")

    bool operator==(const GazetteerEntry&) const = default;
};

/// How a word of an alias must be written in article text to match it (queries relax this).
enum class WordCase : unsigned char {
    any,         ///< lower case in the alias ("of"): any spelling matches
    capitalised, ///< capitalised in the alias ("Kyiv"): the text's word must be capitalised too
    acronym,     ///< capitals or dots in the alias ("US", "U.S."): the text's word must have no
                 ///< lower-case letter, or dots, so that the pronoun "us" is not the U.S.
};

/// One spelling of an entity's name, as the matcher needs it.
struct AliasForm {
    std::size_t entry = 0;       ///< index into Gazetteer::entries()
    std::vector<WordCase> cases; ///< one per word
    bool adjective = false;      ///< an adjective of the entity, not a name of it

    bool operator==(const AliasForm&) const = default;
};

/// Word keys (NameNormalizer::word_key) of words outside ASCII, by word in index form
/// ("лавров" -> "lavrov"). Transliterating is most of the cost of reading a gazetteer, so an
/// index stores its gazetteer's (common/entities/stored_gazetteer) and reads it back with them.
using WordKeys = std::map<std::string, std::string, std::less<>>;

/// Aliases longer than this many words are refused.
inline constexpr std::size_t max_alias_words = 8;

class Gazetteer {
  public:
    /// An empty gazetteer: recognition is then automatic only.
    Gazetteer() = default;

    /// Reads a gazetteer file. Throws DataError "PATH: reason" when it cannot be read and
    /// "PATH:LINE: reason" for a malformed line.
    [[nodiscard]] static Gazetteer load(const std::filesystem::path& path);

    /// Parses gazetteer text; `source` names it in error messages (DataError "SOURCE:LINE:
    /// reason"). Words found in `known` take their key from there instead of being
    /// transliterated again.
    [[nodiscard]] static Gazetteer parse(std::string_view text, std::string_view source,
                                         const WordKeys& known = {});

    /// Adds one entity. Throws UsageError when a name has no words or more than max_alias_words,
    /// or another entity has the same key (entity_key of the canonical name). An alias another
    /// entity also has is allowed: the recognizer then decides by context (docs/ENTITIES.md).
    void add(GazetteerEntry entry);

    /// Every entity, in the order added.
    [[nodiscard]] const std::vector<GazetteerEntry>& entries() const { return entries_; }

    [[nodiscard]] bool empty() const { return entries_.empty(); }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

    /// The spellings whose word keys (NameNormalizer::word_key), joined by ' ', are `words`:
    /// "sergei lavrov" -> Sergey Lavrov's alias. Empty when none.
    [[nodiscard]] std::span<const AliasForm> lookup(std::string_view words) const;

    /// The number of words of the longest alias whose first word key is `first_word`; 0 when no
    /// alias starts with it (the cheap test run on every word of a text).
    [[nodiscard]] std::size_t longest_alias(std::string_view first_word) const;

    /// entity_key(entries()[entry].canonical), computed once when it was added.
    [[nodiscard]] const std::string& key(std::size_t entry) const { return keys_.at(entry); }

    /// The entity whose entity_key is `key` ("sergey_lavrov"), or a spelling variant of it
    /// ("sergei_lavrov", key_match_form), if there is one.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view key) const;

    /// The key of every word outside ASCII in its names: what parse() needs to read the same
    /// text back without transliterating.
    [[nodiscard]] const WordKeys& non_ascii_word_keys() const { return non_ascii_word_keys_; }

  private:
    /// NameNormalizer::word_key, or the key `known_` gives; words outside ASCII are recorded.
    std::string word_key(std::string_view folded_word);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    template <typename T> using Map = std::unordered_map<std::string, T, Hash, std::equal_to<>>;

    std::vector<GazetteerEntry> entries_;
    std::vector<std::string> keys_;       ///< entity_key per entry
    Map<std::vector<AliasForm>> aliases_; ///< word keys joined by ' ' -> spellings
    Map<std::size_t> longest_from_;       ///< first word key -> longest alias in words
    Map<std::size_t> by_key_;             ///< match key (key_match_form) -> entry
    WordKeys non_ascii_word_keys_;
    const WordKeys* known_ = nullptr;     ///< set while parse() runs
};

} // namespace newssearch::entities
