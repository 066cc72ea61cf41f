// End-to-end: `newssearch stats`.

#include "cli_fixture.hpp"

#include "common/schema.hpp"

#include <xapian.h>

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
