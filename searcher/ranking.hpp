#pragma once
/// The named ranking settings applied at query time. Defaults are documented in README.md
/// ("Ranking settings") together with how they were chosen.

namespace newssearch::searcher {

struct RankingSettings {
    /// BM25 term-frequency saturation (Xapian's k1): higher lets repeated words count longer.
    double k1 = 1.2;
    /// BM25 length normalisation (Xapian's b): 0 ignores passage length, 1 normalises fully.
    double b = 0.75;
    /// Weight multiplier of an entity-field match when the query names a known entity
    /// ("Sergey Lavrov" also matches passages that say "Sergei Lavrov" or "Lavrov"). 0 turns
    /// entity matching off.
    double entity_boost = 0.1;
};

} // namespace newssearch::searcher
