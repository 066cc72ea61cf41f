// End-to-end tests of `newssearch serve`: the real program on a free loopback port, over an index
// of the bundled corpus plus one article whose text carries markup (<script>, an onerror handler).

#include "../cli/cli_fixture.hpp"
#include "server_process.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sys/wait.h>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

using namespace newssearch::test;
using Json = nlohmann::json;

namespace {

constexpr const char* script_article =
    "Embassy statement on the zanzibarquokka treaty <script>document.title='pwned'</script>\n"
    "Source: example.test\n\n"
    "The embassy statement about the zanzibarquokka treaty read: "
    "<script>document.title='pwned';window.pwned=1"
    "</script> and then <img src=x onerror=\"window.pwned=2\"> before it ended. Sergey Lavrov did "
    "not comment.\n\n"
    "A second paragraph repeats that the zanzibarquokka treaty stands.\n";

/// The bundled corpus and the markup article, indexed once for all tests of this program.
class ServerIndex {
  public:
    ServerIndex() {
        std::filesystem::create_directories(dir_.path() / "extra");
        std::ofstream(dir_ / "extra/script_article.txt") << script_article;
        const CommandResult result =
            run_newssearch({"index", "--db", db(), corpus_raw, dir_ / "extra"});
        if (result.exit_code != 0)
            throw std::runtime_error("indexing failed: " + result.err);
    }
    [[nodiscard]] std::string db() const { return dir_ / "db"; }

  private:
    TempDir dir_;
};

const ServerIndex& shared_index() {
    static const ServerIndex index;
    return index;
}

httplib::Client client_for(const ServerProcess& server) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(10, 0);
    client.set_write_timeout(5, 0);
    return client;
}

/// GET `path`; REQUIREs an answer and returns it.
httplib::Result get(httplib::Client& client, const std::string& path) {
    httplib::Result result = client.Get(path.c_str());
    INFO(path);
    REQUIRE(result);
    return result;
}

Json json_of(const httplib::Result& result) {
    INFO(result->body);
    REQUIRE(result->get_header_value("Content-Type").starts_with("application/json"));
    return Json::parse(result->body);
}

/// `text` percent-encoded for a query string.
std::string encoded(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return out;
}

/// The error body every refusal carries.
void check_error(const httplib::Result& result, int status) {
    INFO(result->body);
    CHECK(result->status == status);
    const Json body = json_of(result);
    CHECK(body["error"]["status"] == status);
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
}

struct Served {
    TempDir dir;
    ServerProcess server;
    explicit Served(const std::string& db, const std::vector<std::string>& args = {})
        : server(db, dir.path() / "serve.log", args) {}
};

} // namespace

TEST_CASE("serve answers /healthz and searches with the CLI's JSON plus HTML fragments") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);

    const Json health = json_of(get(client, "/healthz"));
    CHECK(health["status"] == "ok");
    CHECK(health["index"] == "ready");

    const auto result = get(client, "/api/search?q=Anchorage%20agreements&limit=3");
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Cache-Control") == "no-cache");
    const Json body = json_of(result);
    const Json cli = nlohmann::json::parse(
        run_newssearch({"--db", shared_index().db(), "--json", "-n", "3", "Anchorage agreements"})
            .out);
    CHECK(article_ids(body) == article_ids(cli));
    for (const auto& [key, value] : cli.items())
        CHECK(body.contains(key));
    REQUIRE_FALSE(body["hits"].empty());
    for (const auto& hit : body["hits"]) {
        for (const auto& [key, value] : cli["hits"][0].items())
            CHECK(hit.contains(key));
        CHECK(hit["html"]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
        CHECK(hit["html"]["title"].is_string());
    }
    CHECK(body["hits"].size() <= 3);
}

TEST_CASE("serve: paging, dates, sort, passages and filters") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const Json all = json_of(get(client, "/api/search?q=Lavrov&limit=100"));
    REQUIRE(all["hits"].size() >= 3);
    const Json second = json_of(get(client, "/api/search?q=Lavrov&limit=1&offset=1"));
    CHECK(second["hits"][0]["article_id"] == all["hits"][1]["article_id"]);
    CHECK(
        json_of(get(client, "/api/search?q=Lavrov&sort=-date&since=2020&until=2030-12-31"))["hits"]
            .is_array());
    CHECK(json_of(get(client, "/api/search?q=Lavrov&passages=1"))["view"] == "passages");

    const Json by_source = json_of(get(client, "/api/search?q=Lavrov&source=online.ua"));
    REQUIRE_FALSE(by_source["hits"].empty());
    for (const auto& hit : by_source["hits"])
        CHECK(hit["source"] == "online.ua");
    CHECK(by_source["query"] == "Lavrov");

    const Json one = json_of(get(client, "/api/search?q=treaty&entity=sergei_lavrov"));
    CHECK(article_ids(one) == std::vector<std::string>{"script_article"});
    const Json none =
        json_of(get(client, "/api/search?q=treaty&entity=sergei_lavrov&entity=marco_rubio"));
    CHECK(none["hits"].empty());
    const Json just_filter = json_of(get(client, "/api/search?entity=marco_rubio"));
    CHECK_FALSE(just_filter["hits"].empty());
}

TEST_CASE("serve escapes article markup in the HTML fragments") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const Json body = json_of(get(client, "/api/search?q=zanzibarquokka%20script"));
    REQUIRE(article_ids(body) == std::vector<std::string>{"script_article"});
    const std::string title = body["hits"][0]["html"]["title"];
    const std::string snippet = body["hits"][0]["html"]["snippet"];
    CHECK(title.find("&lt;") != std::string::npos);
    for (const std::string& html : {title, snippet}) {
        INFO(html);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
        CHECK(html.find("onerror=\"") == std::string::npos);
    }
    CHECK(snippet.find("&lt;img src=x onerror=&quot;") != std::string::npos);
}

TEST_CASE("serve refuses bad requests with the right status and a JSON error") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    for (const char* path :
         {"/api/search", "/api/search?q=x&limit=ten", "/api/search?q=x&limit=100000",
          "/api/search?q=x&limit=-3", "/api/search?q=x&since=yesterday",
          "/api/search?q=x&until=2025-02-30x", "/api/search?q=x&sort=random",
          "/api/search?q=x&offset=abc", "/api/search?q=x&entity=Not%20A%20Key", "/api/suggest",
          "/api/suggest?q=x&limit=0"}) {
        INFO(path);
        check_error(get(client, path), 400);
    }
    for (const char* path : {"/nope", "/api", "/api/searchx", "/api/search/",
                             "/api/article/no-such-article", "/index.html/", "/web/index.html"}) {
        INFO(path);
        check_error(get(client, path), 404);
    }
    check_error(get(client, "/api/search?q=" + std::string(2000, 'a')), 413);
    check_error(get(client, "/api/search?q=" + std::string(10000, 'a')), 413);

    auto post = client.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    REQUIRE(post);
    check_error(post, 405);
    CHECK(post->get_header_value("Allow").find("GET") != std::string::npos);
    auto del = client.Delete("/api/article/000_8b82c4a14ba035ea");
    REQUIRE(del);
    check_error(del, 405);
    auto big = client.Post("/api/search", std::string(64 * 1024, 'x'), "text/plain");
    REQUIRE(big);
    CHECK((big->status == 413 || big->status == 405));
    // Still serving after all that.
    CHECK(get(client, "/healthz")->status == 200);
}

TEST_CASE("serve serves only its embedded page: no path reaches another file") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const auto page = get(client, "/");
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").starts_with("text/html"));
    CHECK(page->body.find("<form") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
          std::string::npos);
    CHECK(get(client, "/app.js")->status == 200);
    CHECK(get(client, "/style.css")->status == 200);
    for (const char* path :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
          "/..%2f..%2f..%2fetc%2fpasswd", "/%252e%252e/etc/passwd",
          "/./index.html/../../etc/passwd", "/etc/passwd",
          "/api/article/..%2f..%2f..%2fetc%2fpasswd", "/api/article/../../etc/passwd",
          "/index.html%00.js", "/CMakeLists.txt", "/server/web/app.js", "//etc/passwd"}) {
        INFO(path);
        const auto result = get(client, path);
        CHECK(result->status == 404);
        CHECK(result->body.find("root:") == std::string::npos);
    }
}

TEST_CASE("serve suggests completions and returns articles with their entities") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const Json suggestions = json_of(get(client, "/api/suggest?q=talks%20with%20lav"));
    REQUIRE_FALSE(suggestions["suggestions"].empty());
    bool entity = false;
    for (const auto& s : suggestions["suggestions"]) {
        CHECK(s["text"].get<std::string>().starts_with("talks with "));
        entity = entity || (s["kind"] == "entity" && s["key"] == "sergey_lavrov");
    }
    CHECK(entity);
    CHECK(json_of(get(client, "/api/suggest?q=talks%20"))["suggestions"].empty());

    const Json article = json_of(get(client, "/api/article/script_article"));
    CHECK(article["article"]["id"] == "script_article");
    CHECK(article["article"]["source"] == "example.test");
    CHECK(article["article"]["url"].is_null()); // unknown is null, as in /api/search
    bool lavrov = false;
    for (const auto& e : article["entities"])
        lavrov = lavrov || e["key"] == "sergey_lavrov";
    CHECK(lavrov);
}

TEST_CASE("serve sets CORS only when told, and logs one line per request") {
    {
        Served served(shared_index().db());
        httplib::Client client = client_for(served.server);
        CHECK_FALSE(get(client, "/api/search?q=Lavrov")->has_header("Access-Control-Allow-Origin"));
        get(client, "/nope");
        // The line is written just after the response is sent: give it a moment.
        std::string log;
        for (int i = 0; i < 100 && log.find("GET /nope 404 ") == std::string::npos; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            log = served.server.log();
        }
        // timestamp, client, method, path with its query string, status, bytes, time
        CHECK(log.find(" 127.0.0.1 GET /api/search?q=Lavrov 200 ") != std::string::npos);
        CHECK(log.find(" 127.0.0.1 GET /nope 404 ") != std::string::npos);
        CHECK(log.find("newssearch: info: serving http://127.0.0.1:") != std::string::npos);
    }
    Served served(shared_index().db(), {"--cors-origin", "http://intranet.example"});
    httplib::Client client = client_for(served.server);
    const auto result = get(client, "/api/search?q=Lavrov");
    CHECK(result->get_header_value("Access-Control-Allow-Origin") == "http://intranet.example");
    const auto preflight = client.Options("/api/search");
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("GET") !=
          std::string::npos);
}

TEST_CASE("serve starts without an index, answers 503, then serves it once it exists") {
    TempDir dir;
    const std::string db = dir / "db";
    Served served(db, {"--threads", "2"});
    httplib::Client client = client_for(served.server);
    const Json health = json_of(get(client, "/healthz"));
    CHECK(health["index"] == "unavailable");
    check_error(get(client, "/api/search?q=Lavrov"), 503);
    check_error(get(client, "/api/suggest?q=lav"), 503);
    check_error(get(client, "/api/article/000_8b82c4a14ba035ea"), 503);

    REQUIRE(
        run_newssearch({"index", "--db", db, corpus_raw + "/000_8b82c4a14ba035ea.txt"}).exit_code ==
        0);
    for (int i = 0; i < 4; ++i) { // every worker thread, whichever answers
        const auto result = get(client, "/api/search?q=Lavrov");
        CHECK(result->status == 200);
        CHECK(article_ids(json_of(result)) == std::vector<std::string>{"000_8b82c4a14ba035ea"});
    }

    // A later commit is seen without a restart.
    REQUIRE(run_newssearch({"index", "--db", db, corpus_raw}).exit_code == 0);
    for (int i = 0; i < 4; ++i)
        CHECK(json_of(get(client, "/api/search?q=Lavrov"))["hits"].size() > 1);
    CHECK(served.server.stop() == 0);
}

TEST_CASE("serve counts facets on request, and each count is what narrowing by it finds") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    CHECK_FALSE(json_of(get(client, "/api/search?q=Lavrov"))
                    .contains("facets")); // only when asked: counting costs
    const Json body = json_of(get(client, "/api/search?q=Lavrov&facets=1&facet_size=5"));
    REQUIRE(body.contains("facets"));
    const Json& facets = body["facets"];
    for (const char* name : {"entities", "sources", "categories", "months"}) {
        INFO(name);
        CHECK(facets[name].is_array());
    }
    CHECK(facets["articles_counted"] == body["total"]);
    REQUIRE_FALSE(facets["sources"].empty());
    REQUIRE_FALSE(facets["months"].empty());
    // Months in date order ("undated" last), every one of them: a timeline.
    std::vector<std::string> months;
    for (const auto& month : facets["months"]) months.push_back(month["value"]);
    CHECK(std::is_sorted(months.begin(), months.end()));
    // Entities: up to facet_size of each type.
    std::map<std::string, int> per_type;
    for (const auto& entity : facets["entities"]) {
        CHECK_FALSE(entity["key"].get<std::string>().empty());
        ++per_type[entity["type"]];
    }
    for (const auto& [type, count] : per_type) CHECK(count <= 5);

    const auto narrowed_total = [&](const std::string& parameter) {
        return json_of(get(client, "/api/search?q=Lavrov&" + parameter))["total"].get<std::size_t>();
    };
    const Json& source = facets["sources"][0];
    CHECK(narrowed_total("source=" + encoded(source["value"])) == source["articles"]);
    for (const auto& category : facets["categories"])
        CHECK(narrowed_total("category=" + encoded(category["value"])) == category["articles"]);
    const Json& entity = facets["entities"][0];
    CHECK(narrowed_total("entity=" + entity["key"].get<std::string>()) == entity["articles"]);
    for (const auto& month : facets["months"]) {
        const std::string value = month["value"];
        if (value == "undated") continue;
        // Date bounds keep undated articles unless dated_only.
        CHECK(narrowed_total("dated_only=1&since=" + value + "&until=" + value) == month["articles"]);
    }
    check_error(get(client, "/api/search?q=Lavrov&facets=maybe"), 400);
    check_error(get(client, "/api/search?q=Lavrov&facets=1&facet_size=0"), 400);
}

TEST_CASE("serve filters by category, and finds more like an article") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const Json all = json_of(get(client, "/api/search?q=Lavrov&facets=1"));
    REQUIRE_FALSE(all["facets"]["categories"].empty());
    const std::string category = all["facets"]["categories"][0]["value"];
    const Json only = json_of(get(client, "/api/search?category=" + encoded(category)));
    REQUIRE_FALSE(only["hits"].empty());
    for (const auto& hit : only["hits"]) CHECK(hit["category"] == category);
    CHECK(only["filters"]["categories"] == Json::array({category}));
    check_error(get(client, "/api/search?q=Lavrov&category="), 400);

    const std::string id = all["hits"][0]["article_id"];
    const Json like = json_of(get(client, "/api/search?like=" + encoded(id) + "&limit=3"));
    CHECK(like["hits"].is_array());
    for (const auto& hit : like["hits"]) CHECK(hit["article_id"] != id);
    check_error(get(client, "/api/search?like="), 400);
}

TEST_CASE("serve shows an article at /article/ID with the query's words marked and its markup escaped") {
    Served served(shared_index().db());
    httplib::Client client = client_for(served.server);
    const auto page = get(client, "/article/script_article?q=zanzibarquokka");
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").starts_with("text/html"));
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    // The page's files are addressed relative to the article's depth.
    CHECK(page->body.find("href=\"../style.css\"") != std::string::npos);
    CHECK(page->body.find("src=\"../app.js\"") != std::string::npos);
    const auto deeper = get(client, "/article/a/b/c");
    CHECK(deeper->status == 404); // no such article: the page says so
    CHECK(deeper->body.find("src=\"../../../app.js\"") != std::string::npos);
    CHECK(get(client, "/article/a%2Fb")->body.find("src=\"../app.js\"") != std::string::npos);

    const Json article = json_of(get(client, "/api/article/script_article?q=zanzibarquokka%20treaty"));
    CHECK(article["query"] == "zanzibarquokka treaty");
    const std::string title = article["html"]["title"];
    CHECK(title.find("<mark>zanzibarquokka treaty</mark>") != std::string::npos);
    CHECK(title.find("&lt;script&gt;") != std::string::npos);
    REQUIRE(article["html"]["paragraphs"].size() == article["article"]["paragraphs"].size());
    std::size_t marked = 0;
    for (const auto& paragraph : article["html"]["paragraphs"]) {
        const std::string html = paragraph;
        INFO(html);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
        marked += html.find("<mark>zanzibarquokka treaty</mark>") != std::string::npos ? 1 : 0;
    }
    CHECK(marked == article["html"]["paragraphs"].size());
    // Words under NOT are not marked; no query, no marks.
    const Json negated = json_of(get(client, "/api/article/script_article?q=embassy%20-treaty"));
    CHECK(negated["html"]["paragraphs"][0].get<std::string>().find("<mark>treaty") == std::string::npos);
    CHECK(negated["html"]["paragraphs"][0].get<std::string>().find("<mark>embassy</mark>") != std::string::npos);
    const Json plain = json_of(get(client, "/api/article/script_article"));
    CHECK(plain["html"]["paragraphs"][0].get<std::string>().find("<mark>") == std::string::npos);
    CHECK(plain["article"]["date"].is_null());
    CHECK(plain["article"]["author"].is_null());
}

TEST_CASE("a second serve on a port already in use fails to start instead of sharing it") {
    Served served(shared_index().db());
    // `timeout` ends a second server that did bind (exit 124), so the test cannot hang.
    const std::string command = std::string("timeout 10 '") + NEWSSEARCH_BINARY + "' serve --db '" +
                                shared_index().db() + "' --host 127.0.0.1 --port " +
                                std::to_string(served.server.port()) + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    // The first one still answers.
    httplib::Client client = client_for(served.server);
    CHECK(get(client, "/healthz")->status == 200);
}
