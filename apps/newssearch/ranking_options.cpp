#include "ranking_options.hpp"

namespace newssearch::app {

void add_ranking_options(CLI::App& command, RankingSettings& ranking) {
    command.add_option("--k1", ranking.k1, "BM25 k1, 0..10: how long repeated words keep adding weight")
        ->capture_default_str();
    command.add_option("--b", ranking.b, "BM25 b, 0..1: article length normalisation")->capture_default_str();
    command.add_option("--entity-boost", ranking.entity_boost,
                       "Weight of entity matches for names in the query, 0..100 (0: words only)")
        ->capture_default_str();
}

} // namespace newssearch::app
