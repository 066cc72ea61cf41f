#include "server/web_assets.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::server;

TEST_CASE("The search page is embedded") {
    const EmbeddedFile* index = find_embedded_file("/");
    REQUIRE(index != nullptr);
    CHECK(index->path == "/index.html");
    CHECK(index->content_type.starts_with("text/html"));
    CHECK(index->body.find("<form") != std::string_view::npos);
    REQUIRE(find_embedded_file("/app.js") != nullptr);
    CHECK(find_embedded_file("/app.js")->content_type.starts_with("text/javascript"));
    REQUIRE(find_embedded_file("/style.css") != nullptr);
}

TEST_CASE("Only the embedded files are found, by exact path") {
    for (const char* path : {"", "/../index.html", "/./app.js", "/index.html/", "index.html",
                             "/APP.JS", "/%2e%2e/etc/passwd", "/etc/passwd", "//index.html"})
        CHECK(find_embedded_file(path) == nullptr);
}
