#pragma once
/// Type-ahead: completions of the word being typed, from the index's vocabulary and the entities
/// it knows. A pure function over a database: no Searcher needed.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

/// One completion of the last word of what was typed.
struct Suggestion {
    std::string text;          ///< the whole typed text with its last word completed
    std::string completion;    ///< the word (index form) or the entity's display name
    std::string kind;          ///< "word" or "entity"
    std::string key;           ///< entity key (for entity:KEY); empty for words
    std::size_t frequency = 0; ///< passages containing the word; articles mentioning the entity

    bool operator==(const Suggestion&) const = default;
};

/// Up to `limit` completions of the last word of `text`, most frequent first (ties: alphabetical):
/// index words that start with it (in index form: lower case, accents folded) and entities with a
/// name word that starts with it (the first word only for prefixes under three letters). Nothing
/// when `text` is empty or ends with a space, or the last word is a field ("source:") or operator.
/// Reads only the term list: a few milliseconds.
[[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& database,
                                              std::string_view text, std::size_t limit);

} // namespace newssearch::searcher
