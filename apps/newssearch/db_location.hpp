#pragma once
/// Where the database and the bundled corpus are.

#include <string>

namespace newssearch::app {

struct DatabaseLocation {
    std::string path;
    bool is_default = false; ///< neither --db nor $NEWSSEARCH_DB chose it
};

/// --db when given, else $NEWSSEARCH_DB, else $XDG_DATA_HOME/newssearch/db (default
/// ~/.local/share/newssearch/db).
[[nodiscard]] DatabaseLocation database_location(const std::string& db_option);

/// The bundled raw articles: $NEWSSEARCH_CORPUS when set, else raw/ in the data folder
/// (common/data_dir.hpp: share/newssearch of the installation, corpus/ in a build tree).
[[nodiscard]] std::string bundled_corpus_folder();

/// The bundled entity gazetteer and synonym file (entities.tsv, synonyms.txt in the data folder).
[[nodiscard]] std::string bundled_gazetteer();
[[nodiscard]] std::string bundled_synonyms();

} // namespace newssearch::app
