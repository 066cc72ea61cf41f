#include "indexer/shard_writer.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

using namespace newssearch;
using namespace newssearch::indexer;

namespace {

Article sample(const std::string& id) {
    Article article;
    article.id = id;
    article.title = "Harbour wall " + id;
    article.paragraphs = {{"The council met about the harbour wall, story " + id + ".", false}};
    return article;
}

ShardWriter::Operation add(const std::string& id) {
    return [id](IndexWriter& writer) { (void)writer.add(sample(id)); };
}

ShardWriter::Operation commit() {
    return [](IndexWriter& writer) { writer.commit(); };
}

/// The articles in the database's last commit.
std::vector<std::string> committed_ids(const std::string& path) {
    Xapian::Database database(path);
    std::vector<std::string> ids;
    const std::string prefix(schema::article_prefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it)
        ids.push_back((*it).substr(prefix.size()));
    return ids;
}

/// The message of the Xapian::DatabaseError `action` throws, or "" when it throws none.
template <class Action>
std::string database_error(Action action) {
    try {
        action();
    } catch (const Xapian::DatabaseError& error) {
        return error.get_msg();
    }
    return "";
}

} // namespace

TEST_CASE("a shard writer runs operations in the order posted, inline or on its thread", "[indexer][shards]") {
    for (const std::size_t capacity : {0u, 1u, 4u}) {
        test::TempDir dir;
        ShardWriter shard(std::make_unique<IndexWriter>(dir / "db"), capacity);
        std::vector<std::string> order; // touched by operations only, read once idle
        for (int i = 0; i < 20; ++i) {
            const std::string id = "a" + std::to_string(i);
            shard.post([id, &order](IndexWriter& writer) {
                order.push_back(id);
                (void)writer.add(sample(id));
            });
            // Rewriting the same article finds it unchanged only if it runs after the first write.
            shard.post(add(id));
        }
        shard.post(commit());
        IndexWriter& writer = shard.idle();
        CHECK(writer.add_counts().added == 20);
        CHECK(writer.add_counts().unchanged == 20);
        REQUIRE(order.size() == 20);
        for (int i = 0; i < 20; ++i) CHECK(order[i] == "a" + std::to_string(i));
        CHECK(committed_ids(dir / "db").size() == 20);
    }
}

TEST_CASE("an error on a shard's thread is rethrown as thrown, and the shard stays at its last commit",
          "[indexer][shards]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    {
        ShardWriter shard(std::make_unique<IndexWriter>(db), 2);
        shard.post(add("kept"));
        shard.post(commit());
        shard.post(add("lost"));
        shard.post([](IndexWriter&) { throw Xapian::DatabaseError("Error writing block 7 (No space left on device)"); });
        bool ran_after_error = false;
        // Posted before the error may be known: either refused or dropped, never run.
        try {
            shard.post([&ran_after_error](IndexWriter&) { ran_after_error = true; });
        } catch (const Xapian::DatabaseError&) {
        }
        const std::string message = "Error writing block 7 (No space left on device)";
        CHECK(database_error([&] { (void)shard.idle(); }) == message);
        CHECK(database_error([&] { shard.post(commit()); }) == message);
        CHECK_FALSE(ran_after_error);
    }
    CHECK(committed_ids(db) == std::vector<std::string>{"kept"});
    // The destructor cancelled the batch and released the lock: the next writer opens it.
    IndexWriter next(db);
    CHECK(next.add(sample("kept")) == AddOutcome::unchanged);
}

TEST_CASE("inline, a shard writer throws at once and stays usable", "[indexer][shards]") {
    test::TempDir dir;
    ShardWriter shard(std::make_unique<IndexWriter>(dir / "db"), 0);
    CHECK_THROWS_AS(shard.post([](IndexWriter&) { throw IndexError("full"); }), IndexError);
    shard.post(add("a"));
    shard.post(commit());
    CHECK(committed_ids(dir / "db") == std::vector<std::string>{"a"});
}

TEST_CASE("a shard writer destroyed with work queued commits none of it", "[indexer][shards]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    {
        ShardWriter shard(std::make_unique<IndexWriter>(db), 3);
        shard.post(add("a"));
        shard.post(commit());
        (void)shard.idle();
        // Whether these run before the destructor stops the thread or are dropped, none is committed.
        for (int i = 0; i < 10; ++i) shard.post(add("b" + std::to_string(i)));
    }
    CHECK(committed_ids(db) == std::vector<std::string>{"a"});
}
