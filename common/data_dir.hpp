#pragma once
/// Where the data files that ship with newssearch are: the entity gazetteer (entities.tsv), the
/// synonyms (synonyms.txt), the entity tagger model (models/entity_tagger.model) and the bundled
/// articles (raw/).

#include <string>

namespace newssearch {

/// The data folder, in this order:
///  1. $NEWSSEARCH_DATA_DIR when set;
///  2. share/newssearch of the installation this code was loaded from (the program in bin/ or
///     libnewssearch.so in lib/), found from the file's own location, so an installation can be
///     moved anywhere (cmake --install --prefix, an unpacked .deb);
///  3. for a program or library that still lives in its build tree, the source tree's corpus/.
/// When none holds entities.tsv, the installed location of 2, so that errors name it.
[[nodiscard]] std::string data_dir();

} // namespace newssearch
