#pragma once
/// Type-ahead: completions of the word being typed, from the index's vocabulary and the entities
/// it knows. A pure function over a database: no Searcher needed.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <newssearch/types.hpp>

namespace newssearch::searcher {

/// Up to `limit` completions of the last word of `text`, most frequent first (ties: alphabetical):
/// index words that start with it (in index form: lower case, accents folded) and entities with a
/// name word that starts with it (the first word only for prefixes under three letters). Nothing
/// when `text` is empty or ends with a space, or the last word is a field ("source:") or operator.
/// Reads only the term list: a few milliseconds.
[[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& database,
                                              std::string_view text, std::size_t limit);

} // namespace newssearch::searcher
