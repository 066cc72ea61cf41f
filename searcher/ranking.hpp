#pragma once
/// The named ranking settings applied at query time. Defaults are documented in README.md
/// ("Ranking settings") together with how they were chosen.

namespace newssearch::searcher {

struct RankingSettings {
    /// BM25 term-frequency saturation (Xapian's k1): higher lets repeated words count longer.
    double k1 = 1.2;
    /// BM25 length normalisation (Xapian's b): 0 ignores passage length, 1 normalises fully.
    double b = 0.75;
};

} // namespace newssearch::searcher
