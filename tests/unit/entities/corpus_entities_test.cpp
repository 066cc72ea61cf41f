// Entities of the bundled corpus, as indexing will see them: the raw pages cleaned, then title,
// subtitle, paragraphs and captions recognised as one document.
#include "common/entities/entity_recognizer.hpp"
#include "extract/scrape_cleaner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace newssearch;
using namespace newssearch::entities;

namespace {

struct CorpusArticle {
    std::string name;
    std::vector<std::string> parts;
    std::string body; ///< every part, for finding the article a check is about
    std::vector<EntityMention> mentions;
};

std::vector<CorpusArticle> corpus_articles(const EntityRecognizer& recognizer) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(NEWSSEARCH_CORPUS_DIR) + "/raw"))
        if (entry.path().extension() == ".txt")
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());

    std::vector<CorpusArticle> articles;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const Article article = extract::clean_scrape(buffer.str());
        CorpusArticle read{path.filename().string(), {article.title, article.subtitle}, {}, {}};
        for (const Paragraph& paragraph : article.paragraphs)
            read.parts.push_back(paragraph.text);
        for (const Caption& caption : article.captions)
            read.parts.push_back(caption.text);
        for (const std::string& part : read.parts)
            read.body += part + "\n";
        const std::vector<std::string_view> views(read.parts.begin(), read.parts.end());
        for (auto& part_mentions : recognizer.recognize_document(views))
            read.mentions.insert(read.mentions.end(), part_mentions.begin(), part_mentions.end());
        articles.push_back(std::move(read));
    }
    return articles;
}

bool mentions(const CorpusArticle& article, const std::string& canonical, EntityType type) {
    return std::any_of(article.mentions.begin(), article.mentions.end(),
                       [&](const EntityMention& mention) {
                           return mention.canonical == canonical && mention.type == type;
                       });
}

} // namespace

TEST_CASE("the bundled articles name the entities their stories are about", "[entities][corpus]") {
    const EntityRecognizer recognizer(std::make_shared<const Gazetteer>(
        Gazetteer::load(std::string(NEWSSEARCH_CORPUS_DIR) + "/entities.tsv")));
    const std::vector<CorpusArticle> articles = corpus_articles(recognizer);
    REQUIRE(articles.size() == 4);

    std::size_t anchorage_articles = 0;
    std::size_t asean_articles = 0;
    for (const CorpusArticle& article : articles) {
        CAPTURE(article.name);
        // However spelled: "Sergei Lavrov", "Sergey Lavrov", "Lavrov's" ...; article 000 says
        // "Rubio" only.
        CHECK(mentions(article, "Sergey Lavrov", EntityType::person));
        CHECK(mentions(article, "Marco Rubio", EntityType::person));
        if (article.body.find("Anchorage agreements") != std::string::npos) {
            ++anchorage_articles;
            CHECK(mentions(article, "Anchorage", EntityType::place));
        }
        if (article.body.find("Kuala Lumpur") != std::string::npos &&
            article.body.find("ASEAN") != std::string::npos) {
            ++asean_articles;
            CHECK(mentions(article, "ASEAN", EntityType::organisation));
        }
        // Precision: what the gazetteer does not know and is still recognised must be a name.
        for (const EntityMention& mention : article.mentions) {
            CAPTURE(mention.canonical);
            if (!mention.from_gazetteer)
                CHECK(mention.canonical == "Rose Garden");
        }
    }
    CHECK(anchorage_articles == 1);
    CHECK(asean_articles == 1);
}

TEST_CASE("without a gazetteer the bundled articles give only real names", "[entities][corpus]") {
    // Every name automatic recognition finds in the corpus, checked by hand: a new name here must
    // be a real one, and "Foreign Ministry", "President", "Americans", "May" or a page's
    // boilerplate must never appear.
    const std::set<std::string> real_names{"ASEAN",
                                           "Alaska",
                                           "Budapest",
                                           "Choe Son Hui",
                                           "Crimea",
                                           "D.C.",
                                           "Donald Trump",
                                           "Donbas",
                                           "Emmanuel Macron",
                                           "Fox News Digital",
                                           "G20",
                                           "Hamburg Germany",
                                           "Istanbul",
                                           "Kremlin",
                                           "Kuala Lumpur",
                                           "Kyiv",
                                           "Lavrov",
                                           "Malaysia",
                                           "Marco Rubio",
                                           "Mike Waltz",
                                           "Moscow",
                                           "New York",
                                           "Nixon",
                                           "North Korea",
                                           "Novorossiya",
                                           "Putin",
                                           "Pyongyang",
                                           "RIA Novosti",
                                           "Reuters",
                                           "Riyadh",
                                           "Rose Garden",
                                           "Rubio",
                                           "Russia",
                                           "Russo-Ukrainian War",
                                           "Saudi Arabia",
                                           "Sergei Lavrov",
                                           "Sergey Lavrov",
                                           "Steve Witkoff",
                                           "Trump",
                                           "U.N. General Assembly",
                                           "U.S.",
                                           "U.S. State Dept",
                                           "Ukraine",
                                           "Vladimir Putin",
                                           "Volodymyr Zelensky",
                                           "Washington",
                                           "White House"};
    const EntityRecognizer recognizer;
    for (const CorpusArticle& article : corpus_articles(recognizer)) {
        CAPTURE(article.name);
        CHECK(article.mentions.size() >= 10);
        for (const EntityMention& mention : article.mentions) {
            CAPTURE(mention.canonical);
            CHECK(real_names.contains(mention.canonical));
        }
    }
}
