#include "indexer/shard_router.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace newssearch;
using namespace newssearch::indexer;

namespace {

Article sample(const std::string& id) {
    Article article;
    article.id = id;
    article.title = "Rubio meets Lavrov";
    article.paragraphs = {{"Talks in Riyadh about Ukraine, article " + id + ".", false}};
    return article;
}

std::string article_term(const std::string& id) { return schema::term(schema::article_prefix, id); }

} // namespace

TEST_CASE("an article's shard depends only on its id and the number of shards", "[shards]") {
    CHECK(shard_of("003_5308f80e13916603", 3) == shard_of("003_5308f80e13916603", 3));
    std::set<std::size_t> used;
    for (int i = 0; i < 100; ++i) {
        const std::size_t shard = shard_of("article-" + std::to_string(i), 4);
        CHECK(shard < 4);
        used.insert(shard);
    }
    CHECK(used.size() == 4);
    CHECK(shard_of("anything", 1) == 0);
}

TEST_CASE("a sharded writer puts each article, all its passages, in its shard, and metadata everywhere", "[shards]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    {
        ShardedIndexWriter writer(db, 3);
        CHECK(writer.shard_count() == 3);
        writer.set_title_weight(4);
        for (int i = 0; i < 12; ++i) writer.add(sample("a" + std::to_string(i)));
        writer.commit();
    }
    CHECK(existing_shard_count(db) == 3);
    for (std::size_t shard = 0; shard < 3; ++shard) {
        Xapian::Database database(db + "/shard-" + std::to_string(shard));
        CHECK(database.get_metadata(std::string(schema::title_weight_key)) == "4");
        CHECK(database.get_metadata(std::string(schema::schema_version_key)) == std::to_string(schema::version));
        for (int i = 0; i < 12; ++i) {
            const std::string id = "a" + std::to_string(i);
            CHECK(database.term_exists(article_term(id)) == (shard_of(id, 3) == shard));
        }
    }
    // Xapian opens the folder as one database through its stub file.
    CHECK(Xapian::Database(db).get_termfreq(article_term("a5")) > 0);

    SECTION("re-opening keeps the layout; another count is refused") {
        ShardedIndexWriter again(db, 0);
        CHECK(again.shard_count() == 3);
        CHECK(again.add(sample("a5")) == AddOutcome::unchanged);
        CHECK_THROWS_AS(ShardedIndexWriter(db, 2), IndexError);
        CHECK_THROWS_WITH(ShardedIndexWriter(db, 1), Catch::Contains("3 shards, not one database"));
    }
}

TEST_CASE("a single database stays one unless it is re-sharded", "[shards]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    {
        ShardedIndexWriter writer(db, 0);
        CHECK(writer.shard_count() == 1);
        writer.add(sample("x"));
        writer.commit();
    }
    CHECK(existing_shard_count(db) == 0);
    CHECK(std::filesystem::exists(db + "/iamglass"));
    CHECK_THROWS_WITH(ShardedIndexWriter(db, 2), Catch::Contains("docs/SCALING.md"));
}

TEST_CASE("a stub file listing other databases is not written into", "[shards]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "db");
    std::ofstream(dir / "db/XAPIANDB") << "remote 10.0.0.1:7001\n";
    CHECK_THROWS_WITH(ShardedIndexWriter(dir / "db", 0), Catch::Contains("did not create"));
}
