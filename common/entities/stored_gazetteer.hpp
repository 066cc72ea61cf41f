#pragma once
/// The gazetteer an index was built with, as the index stores it (metadata, common/schema.hpp):
/// the text as given, and the word keys of its names outside ASCII, so that reading it back needs
/// no transliteration (ICU's first transliterator costs more than the rest of a command-line
/// search).

#include "common/entities/gazetteer.hpp"

#include <xapian.h>

#include <string>
#include <string_view>

namespace newssearch::entities {

/// The stored gazetteer; `source` names it in error messages. An index written before the word
/// keys were stored reads the same, transliterating as it goes.
[[nodiscard]] Gazetteer read_stored_gazetteer(const Xapian::Database& database, std::string_view source);

/// Stores `tsv`, which parses to `gazetteer`, with its word keys.
void write_stored_gazetteer(Xapian::WritableDatabase& database, const std::string& tsv, const Gazetteer& gazetteer);

/// "word<TAB>key" lines, as stored.
[[nodiscard]] std::string format_word_keys(const WordKeys& keys);

/// The stored form back; lines without a tab are skipped.
[[nodiscard]] WordKeys parse_word_keys(std::string_view stored);

} // namespace newssearch::entities
