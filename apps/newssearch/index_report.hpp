#pragma once
/// How an indexing run is reported on stderr (shared by `index` and the first-search bootstrap).

#include "indexer/index_run.hpp"

#include <ostream>
#include <string>

namespace newssearch::app {

/// "Indexed N articles (a added, u updated, c unchanged) as P passages into DB in S s.", then
/// "Removed R articles." when any were, the repaired inputs (warnings), and one line per skipped
/// file, record or unknown id with its reason.
void report_index_run(std::ostream& err, const indexer::IndexRunSummary& summary, const std::string& db);

} // namespace newssearch::app
