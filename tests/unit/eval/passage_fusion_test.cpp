#include "searcher/eval/passage_fusion.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace newssearch::eval;

TEST_CASE("passage fusion: MaxP by default, a decaying sum when asked", "[eval][fusion]") {
    const std::vector<double> scores{4.0, 2.0, 1.0, 0.5};
    CHECK(fuse_scores(scores, PassageFusion{}) == 4.0);
    CHECK(fuse_scores(scores, PassageFusion{1, 0.9}) == 4.0);
    CHECK(fuse_scores(scores, PassageFusion{3, 0.0}) == 4.0);
    CHECK(fuse_scores(scores, PassageFusion{3, 0.5}) == Approx(4.0 + 1.0 + 0.25));
    CHECK(fuse_scores(scores, PassageFusion{10, 1.0}) == Approx(7.5));
    CHECK(fuse_scores(std::vector<double>{}, PassageFusion{3, 0.5}) == 0.0);
}

TEST_CASE("passage fusion: articles ranked by fused score, ties by id, cut at depth",
          "[eval][fusion]") {
    const std::vector<ScoredPassage> passages{
        {"b", 3.0}, {"a", 2.0}, {"c", 3.0}, {"a", 1.5}, {"b", 0.5}, {"a", 2.5},
    };
    SECTION("MaxP") {
        CHECK(rank_articles(passages, PassageFusion{}, 10) ==
              std::vector<ScoredArticle>{{"b", 3.0}, {"c", 3.0}, {"a", 2.5}});
    }
    SECTION("two best passages, half weight: a's evidence spread over passages wins") {
        const auto ranked = rank_articles(passages, PassageFusion{2, 0.5}, 10);
        REQUIRE(ranked.size() == 3);
        CHECK(ranked[0].article_id == "a");
        CHECK(ranked[0].score == Approx(2.5 + 0.5 * 2.0));
        CHECK(ranked[1].article_id == "b");
        CHECK(ranked[1].score == Approx(3.25));
        CHECK(ranked[2] == ScoredArticle{"c", 3.0});
    }
    SECTION("depth") {
        CHECK(rank_articles(passages, PassageFusion{}, 1) ==
              std::vector<ScoredArticle>{{"b", 3.0}});
        CHECK(rank_articles({}, PassageFusion{}, 5).empty());
    }
}
