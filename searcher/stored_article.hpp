#pragma once
/// Reading what the index keeps per article besides its terms: the cleaned article and its
/// entities with the names the index chose (common/stored_records.hpp). Shared by the library API
/// and the HTTP service.

#include "common/stored_records.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

/// The cleaned article JSON the index keeps for article `id`; empty when there is none.
/// Throws DataError when the stored record is damaged.
[[nodiscard]] std::string stored_article_json(const Xapian::Database& database, const std::string& id);

/// The type of entity `key` over the whole index: the type most of the articles that mention it
/// give it (docs/ENTITIES.md), `fallback` on a tie or when no article mentions it.
[[nodiscard]] std::string voted_entity_type(const Xapian::Database& database, const std::string& key,
                                            std::string_view fallback);

/// The name the index chose for entity `key` and its voted type (voted_entity_type): what hits,
/// facets, `entities` and the page show (the key itself and "other" when unknown).
[[nodiscard]] Entity stored_entity(const Xapian::Database& database, const std::string& key);

/// stored_entity for each of `keys`, each once, in key order: cheaper than one look-up at a time
/// (it reads each of the index's blocks once, not once per entity). `counts_from_matches`: take
/// the term frequencies the vote needs from a match over them (one per 128 keys), for remote
/// shards, where each look-up is a round trip to every shard.
[[nodiscard]] std::vector<Entity> stored_entities(const Xapian::Database& database, std::vector<std::string> keys,
                                                  bool counts_from_matches = false);

/// The entities of article `id`, most mentioned first; empty when it has none.
[[nodiscard]] std::vector<Entity> stored_article_entities(const Xapian::Database& database,
                                                                const std::string& id);

} // namespace newssearch::searcher
