// End-to-end: `newssearch clean` shows the cleaned articles that would be indexed.

#include "cli_fixture.hpp"

#include <fstream>

using namespace newssearch::test;

namespace {

nlohmann::json clean(const std::string& file) {
    const auto result = run_newssearch({"clean", corpus_raw + "/" + file});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(json.size() == 1);
    return json[0];
}

std::string body_of(const nlohmann::json& article) {
    std::string body;
    for (const auto& paragraph : article["paragraphs"]) body += paragraph["text"].get<std::string>() + "\n";
    return body;
}

} // namespace

TEST_CASE("cleaned metadata is right for every bundled article", "[cli][clean]") {
    const auto a0 = clean("000_8b82c4a14ba035ea.txt");
    CHECK(a0["title"] == "Lavrov seeks meeting with Trump team after high-profile failure");
    CHECK(a0["source"] == "online.ua");
    CHECK(a0["category"] == "Politics");
    CHECK(a0["date"].is_null());
    // Unknown is null, as in search results, never "".
    CHECK(a0["author"].is_null());
    CHECK(a0["url"].is_null());

    const auto a1 = clean("001_25fc6c82eb263419.txt");
    CHECK(a1["title"] == "Diplomatic Dialogue: Rubio and Lavrov Discuss New Ideas for Ukraine Amid Renewed Violence");
    CHECK(a1["source"] == "london-news-net.preview-domain.com");
    CHECK(a1["category"] == "World");
    CHECK(a1["date"].is_null());

    const auto a2 = clean("002_859263f0c76897ae.txt");
    CHECK(a2["title"] == "Rubio Meets With Lavrov to Discuss Ukraine Negotiations");
    CHECK(a2["date"] == "2025-02-18");
    CHECK(a2["author"] == "Joseph Addington");
    CHECK(a2["category"] == "Foreign Affairs");

    const auto a3 = clean("003_5308f80e13916603.txt");
    CHECK(a3["title"] == "Lavrov offers face-to-face meeting with Rubio as Russia signals diplomatic opening amid Ukraine tensions");
    CHECK(a3["source"] == "internewscast.com");
    CHECK(a3["date"].is_null());
    CHECK(a3["captions"].size() >= 2);
}

TEST_CASE("cleaned bodies hold the article and none of the boilerplate", "[cli][clean]") {
    const std::string file = GENERATE(as<std::string>{}, "000_8b82c4a14ba035ea.txt", "001_25fc6c82eb263419.txt",
                                      "002_859263f0c76897ae.txt", "003_5308f80e13916603.txt");
    CAPTURE(file);
    const std::string body = body_of(clean(file));
    CHECK(body.size() > 800);
    for (const char* junk : {"cookie", "Barbie", "Chicago Bears", "Elevenlabs", "Shutterstock", "Related posts",
                             "More like this", "You May Also Like", "Advertisement", "Share this", "**",
                             "English version", "Donate"}) {
        CAPTURE(junk);
        CHECK(body.find(junk) == std::string::npos);
    }
}

TEST_CASE("clean reports files it cannot read", "[cli][clean]") {
    TempDir dir;
    std::ofstream(dir / "empty.txt").close();
    const auto result = run_newssearch({"clean", dir / "empty.txt"});
    CHECK(result.exit_code == 3);
    CHECK(nlohmann::json::parse(result.out).empty());
    CHECK_THAT(result.err, Catch::Contains("empty.txt: empty file"));
}
