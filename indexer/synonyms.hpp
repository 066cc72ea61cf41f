#pragma once
/// User-editable synonyms. A synonym file has one group of equivalent words or phrases per line,
/// separated by commas ("kyiv, kiev"); '#' starts a comment. Groups are stored in the index's
/// synonym table, where the query parser expands a word to its group.

#include "common/analyzer.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::indexer {

/// One group of equivalent entries, each in index form (words folded, joined by single spaces).
using SynonymGroup = std::vector<std::string>;

/// Reads a synonym file. Throws DataError naming the file and line of a line that has fewer than
/// two entries, or an entry with no words.
[[nodiscard]] std::vector<SynonymGroup> read_synonym_file(const std::string& path, const Analyzer& analyzer);

/// Parses synonym file text; `source` names it in errors.
[[nodiscard]] std::vector<SynonymGroup> parse_synonyms(std::string_view text, const std::string& source,
                                                       const Analyzer& analyzer);

/// Replaces the synonym table of `database` with `groups`. Every entry maps to every other
/// single-word entry of its group, both as typed and stemmed ("Z" form), so that the query parser
/// finds them whether it stems a word or not. (Xapian expands a multi-word key to single words.)
void store_synonyms(Xapian::WritableDatabase& database, const std::vector<SynonymGroup>& groups,
                    const Analyzer& analyzer);

} // namespace newssearch::indexer
