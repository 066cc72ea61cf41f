#include "indexer/index_writer.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "common/article_document.hpp"
#include "common/schema.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::indexer;

namespace {

Article sample(const std::string& id, const std::string& body) {
    Article article;
    article.id = id;
    article.title = "Rubio meets Lavrov";
    article.source = "Example News";
    article.date = "2025-02-18";
    article.paragraphs = {{body, false}};
    return article;
}

/// Every term and its frequency, plus every document's data: "the database content".
std::vector<std::string> content(const std::string& path) {
    Xapian::Database database(path);
    std::vector<std::string> lines;
    for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term)
        lines.push_back(*term + " " + std::to_string(term.get_termfreq()));
    for (auto post = database.postlist_begin(""); post != database.postlist_end(""); ++post)
        lines.push_back(database.get_document(*post).get_data());
    std::sort(lines.begin(), lines.end());
    return lines;
}

/// The frequency of `word` in the spelling data of the index at `path` (0: absent).
Xapian::doccount spelling_frequency(const std::string& path, const std::string& word) {
    const Xapian::Database database(path);
    for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it)
        if (*it == word) return it.get_termfreq();
    return 0;
}

/// How many pending spelling records the index at `path` holds.
std::size_t pending_spelling_records(const std::string& path) {
    const Xapian::Database database(path);
    const std::string prefix(schema::pending_spelling_key_prefix);
    std::size_t count = 0;
    for (auto it = database.metadata_keys_begin(prefix); it != database.metadata_keys_end(prefix); ++it) ++count;
    return count;
}

} // namespace

TEST_CASE("an article is one document with the schema's terms, values and its passages", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir / "db");
        CHECK(writer.add(sample("a1", "The talks in Riyadh were long.")) == AddOutcome::added);
        writer.commit();
    }
    Xapian::Database database(dir / "db");
    CHECK(database.get_doccount() == 1);
    CHECK(database.term_exists("XAa1"));
    CHECK(database.term_exists("riyadh"));
    CHECK(database.term_exists("Ztalk"));
    CHECK(database.term_exists("Srubio"));
    CHECK(database.term_exists("XSRCexample-news"));
    CHECK(database.term_exists("D20250218"));
    const Xapian::Document document = database.get_document(1);
    CHECK(document.get_value(schema::slot_article_id) == "a1");
    CHECK(document.get_value(schema::slot_date) == "2025-02-18");
    CHECK(Xapian::sortable_unserialise(document.get_value(schema::slot_passage_count)) == 1.0);
    const ArticleDocument stored = parse_article_document(document.get_data());
    CHECK(stored.article.id == "a1");
    REQUIRE(stored.passages.size() == 1);
    CHECK(passage_text(stored.article, article_body_text(stored.article), stored.passages[0]) ==
          "The talks in Riyadh were long.");
}

TEST_CASE("the gazetteer is stored with the word keys of its names outside ASCII", "[index]") {
    test::TempDir dir;
    const std::string tsv = "Sergey Lavrov\tperson\tLavrov|Сергей Лавров\n";
    {
        IndexWriter writer(dir / "db");
        writer.set_gazetteer(tsv, "test gazetteer");
        writer.commit();
    }
    Xapian::Database database(dir / "db");
    CHECK(database.get_metadata(std::string(schema::gazetteer_key)) == tsv);
    CHECK(database.get_metadata(std::string(schema::gazetteer_word_keys_key)) == "лавров\tlavrov\nсергей\tsergei\n");
    // A writer opened on it again reads the same gazetteer back.
    IndexWriter again(dir / "db");
    CHECK(again.add(sample("a1", "Сергей Лавров spoke in Riyadh.")) == AddOutcome::added);
    again.commit();
    CHECK(Xapian::Database(dir / "db").term_exists("XEAsergey_lavrov"));
}

TEST_CASE("re-indexing the same articles leaves the database content unchanged", "[index]") {
    test::TempDir dir;
    const auto index_all = [&] {
        IndexWriter writer(dir / "db");
        writer.add(sample("a1", "First article about Kuala Lumpur."));
        writer.add(sample("a2", "Second article about Anchorage."));
        writer.commit();
    };
    index_all();
    const auto before = content(dir / "db");
    index_all();
    CHECK(content(dir / "db") == before);
    IndexWriter writer(dir / "db");
    CHECK(writer.add(sample("a1", "First article about Kuala Lumpur.")) == AddOutcome::unchanged);
}

TEST_CASE("a changed article replaces all its old passages", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir / "db");
    writer.add(sample("a1", "Old text mentions Barbie."));
    writer.commit();
    CHECK(writer.add(sample("a1", "New text mentions Anchorage.")) == AddOutcome::updated);
    writer.commit();
    Xapian::Database database(dir / "db");
    CHECK_FALSE(database.term_exists("barbie"));
    CHECK(database.term_exists("anchorage"));
    CHECK(database.get_doccount() == 1);
}

TEST_CASE("spelling data counts the words of the indexed articles, replaced and removed ones taken out", "[index]") {
    test::TempDir dir;
    const auto frequency = [&](const std::string& word) { return spelling_frequency(dir / "db", word); };
    {
        IndexWriter writer(dir / "db");
        writer.add(sample("a1", "The harbour harbour wall."));
        writer.add(sample("a2", "The harbour ferry."));
        writer.commit();
        CHECK(frequency("harbour") == 3);
        CHECK(frequency("ferry") == 1);
        CHECK(writer.add(sample("a1", "The ferry wall.")) == AddOutcome::updated);
        writer.commit();
        CHECK(frequency("harbour") == 1);
        CHECK(frequency("ferry") == 2);
        CHECK(writer.remove("a2"));
        writer.commit();
        CHECK(frequency("harbour") == 0);
        CHECK(frequency("ferry") == 1);
        CHECK(frequency("wall") == 1);
        writer.add(sample("a3", "Anchorage talks."));
        // not committed: the writer goes away, and so do the batch's spelling changes
    }
    CHECK(frequency("anchorage") == 0);
    CHECK(frequency("ferry") == 1);
}

TEST_CASE("a checkpoint keeps its words pending until the run's commit merges them", "[index]") {
    test::TempDir dir;
    const auto frequency = [&](const std::string& word) { return spelling_frequency(dir / "db", word); };
    const auto pending_records = [&] { return pending_spelling_records(dir / "db"); };
    IndexWriter writer(dir / "db");
    writer.add(sample("a1", "The harbour harbour wall."));
    writer.checkpoint();
    writer.add(sample("a2", "The harbour ferry."));
    writer.add(sample("a1", "The ferry wall.")); // replaces a1, whose words are still pending
    writer.checkpoint();
    // Articles are searchable at a checkpoint; their words wait in the index.
    CHECK(Xapian::Database(dir / "db").get_doccount() == 2);
    CHECK(frequency("harbour") == 0);
    CHECK(pending_records() == 2);
    writer.commit();
    CHECK(frequency("harbour") == 1);
    CHECK(frequency("ferry") == 2);
    CHECK(frequency("wall") == 1);
    CHECK(pending_records() == 0);
}

TEST_CASE("a run stopped after checkpoints has its pending words merged by the next writer", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir / "db");
        writer.add(sample("a1", "Anchorage harbour talks."));
        writer.checkpoint();
        writer.add(sample("a2", "Anchorage ferry."));
        writer.checkpoint();
        writer.add(sample("a3", "Uncommitted words vanish."));
        // stopped: no commit()
    }
    CHECK(Xapian::Database(dir / "db").get_spelling_suggestion("anchorge").empty());
    { IndexWriter reopened(dir / "db"); }
    const Xapian::Database database(dir / "db");
    CHECK(database.get_spelling_suggestion("anchorge") == "anchorage");
    CHECK(database.get_spelling_suggestion("harbur") == "harbour");
    CHECK(database.get_spelling_suggestion("uncomitted").empty());
    CHECK(pending_spelling_records(dir / "db") == 0);
}

TEST_CASE("pending spelling changes survive their stored form", "[index]") {
    const SpellingChanges changes{{"harbour", 3}, {"ferry", -2}, {"zero", 0}};
    SpellingChanges read{{"harbour", 1}};
    add_spelling_changes(read, format_spelling_changes(changes));
    CHECK(read == SpellingChanges{{"harbour", 4}, {"ferry", -2}});
    add_spelling_changes(read, "no tab\n\tmissing word\nbad\t12x\nferry\t5");
    CHECK(read == SpellingChanges{{"harbour", 4}, {"ferry", 3}});
}

TEST_CASE("remove deletes an article", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir / "db");
    writer.add(sample("a1", "Text."));
    writer.commit();
    CHECK(writer.remove("a1"));
    CHECK_FALSE(writer.remove("a1"));
    writer.commit();
    CHECK(Xapian::Database(dir / "db").get_doccount() == 0);
}

TEST_CASE("an uncommitted batch is dropped: the index stays as of the last commit", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir / "db");
        writer.add(sample("a1", "Committed text."));
        writer.commit();
        writer.add(sample("a2", "Never committed."));
        // the writer goes away without commit(), as when a run is interrupted
    }
    Xapian::Database database(dir / "db");
    CHECK(database.term_exists("XAa1"));
    CHECK_FALSE(database.term_exists("XAa2"));
}

TEST_CASE("a second writer gets a clear 'locked' error", "[index]") {
    test::TempDir dir;
    IndexWriter first(dir / "db");
    CHECK_THROWS_WITH(IndexWriter(dir / "db"), Catch::Contains("is locked"));
}

TEST_CASE("an article without an id is refused", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir / "db");
    CHECK_THROWS_AS(writer.add(sample("", "Text.")), UsageError);
}

TEST_CASE("content_hash is stable", "[index]") {
    CHECK(content_hash("") == "cbf29ce484222325");
    CHECK(content_hash("a") == "af63dc4c8601ec8c");
}

TEST_CASE("the title weight is stored and a change re-indexes every article", "[index]") {
    test::TempDir dir;
    const auto title_wdf = [&] {
        Xapian::Database database(dir / "db");
        Xapian::TermIterator term = database.termlist_begin(1);
        term.skip_to("rubio");
        return term.get_wdf();
    };
    {
        IndexWriter writer(dir / "db");
        writer.add(sample("a1", "Text without the name."));
        writer.commit();
    }
    CHECK(title_wdf() == schema::default_title_wdf);
    {
        IndexWriter writer(dir / "db");
        writer.set_title_weight(5);
        CHECK(writer.add(sample("a1", "Text without the name.")) == AddOutcome::updated);
        writer.commit();
        CHECK_THROWS_AS(writer.set_title_weight(0), UsageError);
    }
    Xapian::Database database(dir / "db");
    CHECK(schema::title_wdf(database) == 5);
    Xapian::TermIterator term = database.termlist_begin(database.postlist_begin("XAa1").operator*());
    term.skip_to("rubio");
    CHECK(term.get_wdf() == 5);
}

TEST_CASE("an entity keeps the best name offered within a batch and across commits", "[index]") {
    test::TempDir dir;
    const std::string key = schema::term(schema::entity_key_prefix, "lavrov");
    const auto stored = [&] { return Xapian::Database(dir / "db").get_metadata(key); };
    {
        IndexWriter writer(dir / "db");
        writer.add_entity_names({{key, "other\tLavrov"}});
        writer.add_entity_names({{key, "person\tSergey Lavrov"}}); // a known type beats "other"
        writer.add_entity_names({{key, "other\tLavrov"}});         // and is not undone
        writer.commit();
        CHECK(stored() == "person\tSergey Lavrov");

        // The next batch starts from what the index holds, not from an empty record.
        writer.add_entity_names({{key, "other\tLavrov"}});
        writer.commit();
        CHECK(stored() == "person\tSergey Lavrov");
        writer.add_entity_names({{key, "person\tSergei Lavrov"}}); // the smaller name wins
        writer.commit();
    }
    CHECK(stored() == "person\tSergei Lavrov");
    IndexWriter reopened(dir / "db");
    reopened.add_entity_names({{key, "other\tLavrov"}});
    reopened.commit();
    CHECK(stored() == "person\tSergei Lavrov");
}

TEST_CASE("a file recorded for documents of an older format is read again", "[index_writer]") {
    const test::TempDir dir;
    {
        IndexWriter writer(dir / "db");
        writer.record_file("/data/a.txt", FileRecord{{12, 34}, {"a1", "a2"}});
        writer.commit();
    }
    Xapian::WritableDatabase database(dir / "db");
    const auto current = read_file_record(database, "/data/a.txt");
    REQUIRE(current);
    CHECK(current->article_ids == std::vector<std::string>{"a1", "a2"});
    // As an index of document format 2 wrote it: size and time only. Its articles' documents are
    // of the older format, so the file is read again (and they are rewritten).
    database.set_metadata(schema::term(schema::file_key_prefix, "/data/a.txt"), "12 34\na1\na2\n");
    CHECK_FALSE(read_file_record(database, "/data/a.txt"));
}
