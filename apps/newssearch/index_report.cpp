#include "index_report.hpp"

#include "common/utf8.hpp"

#include <cstdio>

namespace newssearch::app {
namespace {

void list(std::ostream& err, const std::vector<extract::InputProblem>& items, const char* one, const char* many) {
    if (items.empty()) return;
    err << items.size() << (items.size() == 1 ? one : many);
    // A file name may hold any byte but '/': a newline or an escape sequence in it must not
    // reach the terminal (or split the report's one line per input).
    for (const auto& item : items) err << "  " << printable_utf8(item.where) << ": " << item.reason << '\n';
}

} // namespace

void report_index_run(std::ostream& err, const indexer::IndexRunSummary& summary, const std::string& db) {
    const std::size_t articles = summary.added + summary.updated + summary.unchanged;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
    err << "Indexed " << articles << (articles == 1 ? " article" : " articles") << " (" << summary.added
        << " added, " << summary.updated << " updated, " << summary.unchanged << " unchanged) as "
        << summary.passages << " new passages into " << db << " in " << seconds << " s.\n";
    if (summary.removed != 0)
        err << "Removed " << summary.removed << (summary.removed == 1 ? " article.\n" : " articles.\n");
    list(err, summary.warnings, " input repaired:\n", " inputs repaired:\n");
    list(err, summary.not_articles, " file left out as no article:\n", " files left out as no articles:\n");
    if (summary.problems.empty()) return;
    err << "Skipped " << summary.problems.size() << (summary.problems.size() == 1 ? " input:\n" : " inputs:\n");
    for (const auto& problem : summary.problems)
        err << "  " << printable_utf8(problem.where) << ": " << problem.reason << '\n';
}

} // namespace newssearch::app
