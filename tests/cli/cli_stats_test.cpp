// End-to-end: `newssearch stats`.

#include "cli_fixture.hpp"

#include "common/article_document_reader.hpp"
#include "common/schema.hpp"

#include <xapian.h>

#include <fstream>

using namespace newssearch::test;

TEST_CASE("stats describes the index", "[cli][stats]") {
    const CorpusIndex index;
    const auto json_result = run_newssearch({"stats", "--db", index.db(), "--json"});
    REQUIRE(json_result.exit_code == 0);
    const auto stats = nlohmann::json::parse(json_result.out);
    CHECK(stats["articles"] == 4);
    CHECK(stats["passages"].get<int>() > 4);
    CHECK(stats["terms"].get<int>() > 100);
    CHECK(stats["bytes"].get<long>() > 0);
    CHECK(stats["schema"] == std::to_string(newssearch::schema::version));
    CHECK(stats["compatible"] == true);
    CHECK(stats["gazetteer_entries"].get<int>() > 0);
    CHECK(stats["source_files"] == 4);
    CHECK(stats["updated"].get<std::string>().size() == 20);

    const auto text = run_newssearch({"stats", "--db", index.db()});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("Articles:      4\n"));
}

TEST_CASE("stats names an index built by an incompatible schema", "[cli][stats]") {
    TempDir dir;
    {
        Xapian::WritableDatabase old(dir / "db", Xapian::DB_CREATE_OR_OPEN);
        old.add_document(Xapian::Document());
        old.set_metadata(std::string(newssearch::schema::schema_version_key), "1");
        old.commit();
    }
    const auto result = run_newssearch({"stats", "--db", dir / "db"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.out, Catch::Contains("Schema:        1"));
    CHECK_THAT(result.err, Catch::Contains("built by an incompatible newssearch (schema 1"));

    CHECK(run_newssearch({"stats", "--db", dir / "nowhere"}).exit_code == 1);
}

TEST_CASE("an index of the schema before (JSON article headers) is searched and updated as it is",
          "[cli][stats]") {
    // The bundled articles indexed, then their documents put back in the form the schema before
    // wrote: a line of JSON before the texts instead of a MessagePack header.
    const CorpusIndex index;
    const nlohmann::json fresh = index.search_json({"--passages", "Anchorage agreements"});
    {
        Xapian::WritableDatabase database(index.db(), Xapian::DB_OPEN);
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
            Xapian::Document document = database.get_document(*it);
            const std::string data = document.get_data();
            const auto parts = newssearch::detail::split_article_document(data);
            REQUIRE(parts.has_value());
            REQUIRE(parts->packed);
            const nlohmann::json header = nlohmann::json::from_msgpack(parts->header);
            document.set_data(header.dump() + "\n" + std::string(parts->texts));
            database.replace_document(*it, document);
        }
        database.set_metadata(std::string(newssearch::schema::schema_version_key),
                              std::to_string(newssearch::schema::oldest_readable_version));
        database.commit();
    }
    const auto stats = nlohmann::json::parse(run_newssearch({"stats", "--db", index.db(), "--json"}).out);
    CHECK(stats["compatible"] == true);
    CHECK(stats["schema"] == std::to_string(newssearch::schema::oldest_readable_version));
    CHECK(index.search_json({"--passages", "Anchorage agreements"}) == fresh);

    // An update marks it with this schema; the articles it did not rewrite are read as they are.
    TempDir more;
    std::ofstream(more / "extra.txt") << "Anchorage agreements\n\nA short note on the Anchorage agreements.\n";
    const CommandResult update = run_newssearch({"index", "--db", index.db(), more / "extra.txt"});
    INFO(update.err);
    REQUIRE(update.exit_code == 0);
    const auto updated = nlohmann::json::parse(run_newssearch({"stats", "--db", index.db(), "--json"}).out);
    CHECK(updated["schema"] == std::to_string(newssearch::schema::version));
    CHECK(index.search_json({"Anchorage agreements"})["hits"].size() == 3);
}
