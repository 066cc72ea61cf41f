// Everything a reader reads is searchable: for articles of real corpora (the bundled seeds, BBC,
// Reuters, web pages), a word found only in one field that the article view shows (title,
// standfirst, body, captions, author) finds the article, and so does its source as a filter. A
// field left out of the index fails this test.

#include "cli_fixture.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

using namespace newssearch::test;

namespace {

const std::string shared_data = NEWSSEARCH_SHARED_DATA;

/// Lower-case ASCII words of `text` of at least 7 letters: rare enough to pick out an article.
std::set<std::string> long_words(const std::string& text) {
    std::set<std::string> words;
    std::string word;
    for (const char c : text + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (word.size() >= 7) words.insert(word);
        word.clear();
    }
    return words;
}

std::string joined(const nlohmann::json& blocks) {
    std::string text;
    if (blocks.is_array())
        for (const auto& block : blocks) text += block["text"].get<std::string>() + "\n";
    return text;
}

std::string field(const nlohmann::json& article, const char* name) {
    return article[name].is_string() ? article[name].get<std::string>() : std::string();
}

/// Indexes `input` and checks `sample` of its articles field by field; returns the searches made.
std::size_t check_fields(const std::string& input, std::size_t sample) {
    const TempDir dir;
    const std::string db = dir / "db";
    const CommandResult indexed = run_newssearch({"index", "-q", "--db", db, input});
    INFO(indexed.err);
    REQUIRE((indexed.exit_code == 0 || indexed.exit_code == 3));
    const nlohmann::json articles = nlohmann::json::parse(run_newssearch({"clean", input}).out);
    REQUIRE(articles.is_array());
    std::size_t searches = 0;
    const auto finds = [&](const std::string& id, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db, "--json", "--limit", "10000", "--all-copies"});
        const nlohmann::json result = nlohmann::json::parse(run_newssearch(args).out);
        ++searches;
        const std::vector<std::string> ids = article_ids(result);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    const std::size_t step = std::max<std::size_t>(1, articles.size() / sample);
    for (std::size_t i = 0; i < articles.size(); i += step) {
        const nlohmann::json& article = articles[i];
        const std::string id = article["id"].get<std::string>();
        const std::vector<std::pair<std::string, std::string>> fields = {
            {"title", field(article, "title")},
            {"standfirst", field(article, "subtitle")},
            {"body", joined(article["paragraphs"])},
            {"captions", joined(article["captions"])},
        };
        for (const auto& [name, text] : fields) {
            std::set<std::string> others;
            for (const auto& [other_name, other_text] : fields)
                if (other_name != name)
                    for (const std::string& word : long_words(other_text)) others.insert(word);
            const std::set<std::string> own = long_words(text);
            const auto only_here = std::find_if(own.begin(), own.end(), [&](const std::string& w) { return !others.contains(w); });
            if (only_here == own.end()) continue;
            INFO(input << ": article " << id << ", " << name << " word \"" << *only_here << "\"");
            CHECK(finds(id, {"--", *only_here}));
        }
        const std::set<std::string> title_words = long_words(field(article, "title"));
        const std::set<std::string> author_words = long_words(field(article, "author"));
        if (!author_words.empty()) {
            INFO(input << ": article " << id << ", author " << field(article, "author"));
            CHECK(finds(id, {"--", "author:" + *author_words.begin()}));
        }
        if (!field(article, "source").empty() && !title_words.empty()) {
            INFO(input << ": article " << id << ", source " << field(article, "source"));
            CHECK(finds(id, {"--source", field(article, "source"), "--", *title_words.begin()}));
        }
        if (i / step >= sample) break;
    }
    return searches;
}

} // namespace

TEST_CASE("every field an article view shows finds its article (seeds, BBC, Reuters, web pages)", "[cli][fields]") {
    CHECK(check_fields(std::string(NEWSSEARCH_CORPUS_DIR) + "/raw", 4) >= 10);
    if (!std::filesystem::exists(shared_data + "/bbc")) {
        WARN("the shared data is not here: only the bundled articles were checked");
        return;
    }
    CHECK(check_fields(shared_data + "/bbc/politics", 12) >= 15);
    CHECK(check_fields(shared_data + "/reuters21578/reut2-006.sgm", 12) >= 12);
    CHECK(check_fields(shared_data + "/extraction/cleanportaleval/input", 12) >= 12);
}
