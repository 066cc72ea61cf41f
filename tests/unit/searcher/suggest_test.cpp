#include "searcher/suggest.hpp"

#include "../temp_dir.hpp"
#include "indexer/index_writer.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

Article make_article(const std::string& id, const std::string& title, const std::string& text) {
    Article article;
    article.id = id;
    article.title = title;
    article.source = "Example News";
    article.paragraphs.push_back({text, false});
    return article;
}

class SuggestIndex {
  public:
    SuggestIndex() {
        indexer::IndexWriter writer(dir_ / "db");
        writer.set_gazetteer("Sergey Lavrov\tperson\tLavrov|Sergei Lavrov\n", "test gazetteer");
        writer.add(make_article("a", "Lavrov on talks",
                                "Sergey Lavrov spoke about talks and the talking points."));
        writer.add(make_article("b", "More talks",
                                "Talks resumed. The talks were long and Lavrov was late."));
        writer.add(make_article("c", "Tallinn", "A report from Tallinn about tall ships."));
        writer.commit();
        database_ = Xapian::Database(dir_ / "db");
    }
    [[nodiscard]] const Xapian::Database& database() const { return database_; }

  private:
    test::TempDir dir_;
    Xapian::Database database_;
};

std::vector<std::string> completions(const std::vector<Suggestion>& suggestions) {
    std::vector<std::string> words;
    for (const Suggestion& s : suggestions)
        words.push_back(s.completion);
    return words;
}

} // namespace

TEST_CASE("suggest completes the last word from the vocabulary, most frequent first") {
    const SuggestIndex index;
    const std::vector<Suggestion> found = suggest(index.database(), "frozen ta", 10);
    REQUIRE(found.size() >= 3);
    CHECK(found[0].completion == "talks");
    CHECK(found[0].kind == "word");
    CHECK(found[0].text == "frozen talks");
    for (std::size_t i = 1; i < found.size(); ++i)
        CHECK(found[i - 1].frequency >= found[i].frequency);
    const auto words = completions(found);
    CHECK(std::find(words.begin(), words.end(), "tallinn") != words.end());
    CHECK(std::find(words.begin(), words.end(), "talking") != words.end());
}

TEST_CASE("suggest folds what is typed the way the index does") {
    const SuggestIndex index;
    CHECK(completions(suggest(index.database(), "TALK", 1)) == std::vector<std::string>{"talks"});
}

TEST_CASE("suggest offers entities whose name has a word starting with the last word") {
    const SuggestIndex index;
    const std::vector<Suggestion> found = suggest(index.database(), "talks with lav", 10);
    const auto entity = std::find_if(found.begin(), found.end(),
                                     [](const Suggestion& s) { return s.kind == "entity"; });
    REQUIRE(entity != found.end());
    CHECK(entity->completion == "Sergey Lavrov");
    CHECK(entity->entity_key == "sergey_lavrov");
    CHECK(entity->text == "talks with Sergey Lavrov");
    CHECK(entity->frequency > 0);
    CHECK(suggest(index.database(), "serg", 10).front().kind == "entity");
}

TEST_CASE("suggest keeps a field name and leading quote as typed") {
    const SuggestIndex index;
    const std::vector<Suggestion> found = suggest(index.database(), "title:\"tal", 3);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].text.starts_with("title:\"tal"));
    for (const Suggestion& s : found)
        CHECK(s.kind == "word");
}

TEST_CASE("suggest has nothing for empty input, a finished word, operators or no match") {
    const SuggestIndex index;
    CHECK(suggest(index.database(), "", 5).empty());
    CHECK(suggest(index.database(), "talks ", 5).empty());
    CHECK(suggest(index.database(), "talks AND", 5).empty());
    CHECK(suggest(index.database(), "zzzq", 5).empty());
    CHECK(suggest(index.database(), "ta", 0).empty());
    CHECK(suggest(index.database(), "\"(", 5).empty());
    CHECK(suggest(index.database(), "t", 2).size() == 2);
}
