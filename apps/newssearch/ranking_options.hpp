#pragma once
/// The ranking options `search`, `batch` and `eval` share (--k1, --b, --entity-boost). Their
/// ranges are the search pipeline's to check (searcher/search_limits.hpp), once for every caller.

#include <newssearch/types.hpp>

#include <CLI/CLI.hpp>

namespace newssearch::app {

void add_ranking_options(CLI::App& command, RankingSettings& ranking);

} // namespace newssearch::app
