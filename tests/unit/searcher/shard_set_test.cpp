#include "searcher/shard_set.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace newssearch;
using namespace newssearch::searcher;

TEST_CASE("database lists and stub files resolve to local and remote shards", "[shards]") {
    test::TempDir dir;
    const std::string stub = dir / "cluster.stub";
    std::ofstream(stub) << "# a comment\n"
                           "auto shard-0\n"
                           "glass /srv/news/shard-1\n"
                           "remote 10.0.0.12:7001\n"
                           "remote [::1]:7002\n"
                           "remote :ssh search3 xapian-progsrv /srv/shard-3\n";
    const std::vector<ShardSpec> shards = resolve_shards(stub);
    REQUIRE(shards.size() == 5);
    CHECK(shards[0].kind == ShardSpec::Kind::local);
    CHECK(shards[0].path == (dir.path() / "shard-0").string()); // relative to the stub file
    CHECK(shards[1].path == "/srv/news/shard-1");
    CHECK(shards[2].kind == ShardSpec::Kind::remote_tcp);
    CHECK(shards[2].host == "10.0.0.12");
    CHECK(shards[2].port == 7001);
    CHECK(shards[2].name() == "10.0.0.12:7001");
    CHECK(shards[3].host == "::1");
    CHECK(shards[4].kind == ShardSpec::Kind::remote_program);
    CHECK(shards[4].path == "ssh");
    CHECK(shards[4].args == "search3 xapian-progsrv /srv/shard-3");

    SECTION("a comma-separated list names each item") {
        std::filesystem::create_directories(dir / "a");
        std::filesystem::create_directories(dir / "b");
        const std::vector<ShardSpec> listed = resolve_shards(dir / "a" + "," + dir / "b");
        REQUIRE(listed.size() == 2);
        CHECK(listed[1].path == dir / "b");
        CHECK_THROWS_AS(resolve_shards(dir / "a" + ",," + dir / "b"), UsageError);
    }
    SECTION("bad lines and missing items are errors naming them") {
        std::ofstream(stub) << "auto shard-0\nremote nowhere\n";
        CHECK_THROWS_WITH(resolve_shards(stub), Catch::Contains("cluster.stub:2"));
        CHECK_THROWS_WITH(resolve_shards(dir / "missing"), Catch::Contains("no index at"));
    }
}

TEST_CASE("a remote shard that refuses connections is named, or left out when allowed", "[shards]") {
    // Port 1 on loopback: nothing listens there.
    const std::vector<ShardSpec> shards = {ShardSpec{ShardSpec::Kind::remote_tcp, "", "", "127.0.0.1", 1}};
    ShardOpenOptions options;
    options.remote_timeout_ms = 500;
    CHECK_THROWS_WITH(open_shards(shards, options), Catch::Contains("127.0.0.1:1"));
    options.allow_partial = true;
    // Nothing left at all is still an error.
    CHECK_THROWS_WITH(open_shards(shards, options), Catch::Contains("no shard"));
}
