// The learned tagger (common/entities/entity_tagger.hpp), the recogniser that uses it for article
// text, and the CoNLL-2003 reading, writing and training around it (common/entities/conll.hpp).
#include "common/entities/conll.hpp"
#include "common/entities/entity_recognizer.hpp"
#include "common/entities/entity_tagger.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace newssearch;
using namespace newssearch::entities;

namespace {

std::string describe(std::string_view text, const std::vector<EntityMention>& mentions) {
    std::string out;
    for (const EntityMention& mention : mentions) {
        if (!out.empty())
            out += "; ";
        out += mention.canonical + " (" + std::string(to_string(mention.type)) + ") [" +
               std::string(text.substr(mention.begin, mention.end - mention.begin)) + "]";
    }
    return out;
}

/// The bundled tagger with no gazetteer: what it learned, nothing else.
std::string tagged(std::string_view text) {
    static const EntityRecognizer recognizer;
    return describe(text, recognizer.recognize(text));
}

std::vector<std::string> tagged_document(const std::vector<std::string_view>& parts) {
    static const EntityRecognizer recognizer;
    const auto mentions = recognizer.recognize_document(parts);
    std::vector<std::string> out;
    for (std::size_t p = 0; p < parts.size(); ++p)
        out.push_back(describe(parts[p], mentions[p]));
    return out;
}

} // namespace

TEST_CASE("the bundled tagger finds names and their types", "[entities][tagger]") {
    REQUIRE(EntityTagger::bundled() != nullptr);
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        // Britain and London are places, Tony Blair a person (issue 23's examples).
        {"Tony Blair said Britain would not join the talks in London.",
         "Tony Blair (person) [Tony Blair]; Britain (place) [Britain]; London (place) [London]"},
        // Titles stay out of the name; a possessive too.
        {"Prime Minister Tony Blair's spokesman said so.", "Tony Blair (person) [Tony Blair]"},
        // A sentence start is no evidence of a name, nor against one.
        {"Liverpool beat Chelsea on Saturday.",
         "Liverpool (organisation) [Liverpool]; Chelsea (organisation) [Chelsea]"},
        {"The company said profits rose in May.", ""},
        // Lower-case text has no names.
        {"the minister said the bank would raise rates", ""},
    }));
    CAPTURE(text);
    CHECK(tagged(text) == expected);
}

TEST_CASE("one name, one entity in a document", "[entities][tagger]") {
    // A surname alone and "Mr Blair" are the full name the article gave; a headline in capitals
    // is read with what the body says, and the name keeps the body's spelling.
    const auto found = tagged_document({"BLAIR VISITS GLASGOW",
                                        "Tony Blair visited Glasgow on Monday.",
                                        "Mr Blair said the visit went well, Blair's aides said."});
    CHECK(found[0] == "Tony Blair (person) [BLAIR]; Glasgow (place) [GLASGOW]");
    CHECK(found[1] == "Tony Blair (person) [Tony Blair]; Glasgow (place) [Glasgow]");
    CHECK(found[2] == "Tony Blair (person) [Blair]; Tony Blair (person) [Blair]");
}

TEST_CASE("mentions carry the readable key of the document's spelling", "[entities][tagger]") {
    static const EntityRecognizer recognizer;
    const std::vector<std::string_view> parts{"Tony Blair visited Glasgow.", "Mr Blair said so."};
    const auto mentions = recognizer.recognize_document(parts);
    REQUIRE(mentions[0].size() == 2);
    CHECK(mentions[0][0].key == "tony_blair");
    REQUIRE(mentions[1].size() == 1);
    CHECK(mentions[1][0].key == "tony_blair");
}

TEST_CASE("a name the document writes only in capitals takes its usual case", "[entities][tagger]") {
    static const EntityRecognizer recognizer;
    // Headlines and datelines in capitals say nothing of case; a body's capitals ("ASEAN") do.
    const std::vector<std::string_view> parts{"OIL OUTPUT RISES IN KUWAIT", "NEW YORK 1996-08-22",
                                              "Oil output rose, the ministry said on Monday.",
                                              "IBM shares rose, and ASEAN ministers met in Hanoi."};
    const auto mentions = recognizer.recognize_document(parts);
    std::set<std::string> names;
    for (const auto& part : mentions)
        for (const EntityMention& mention : part) names.insert(mention.canonical + "/" + mention.key);
    CAPTURE(names);
    CHECK(names.contains("Kuwait/kuwait"));
    CHECK_FALSE(names.contains("KUWAIT/kuwait"));
    CHECK(names.contains("IBM/ibm")); // an acronym stays
    CHECK(names.contains("ASEAN/asean"));
    CHECK(names.contains("New York/new_york"));
}

TEST_CASE("a name after an honorific is a person's", "[entities][tagger]") {
    // The tagger alone reads "Mr London" as the city.
    static const EntityRecognizer recognizer;
    const std::vector<std::string_view> parts{"Brown warns on debt",
                                              "Mr Brown said the economy was strong, and Mrs Hodge agreed.",
                                              "Mr London said so."};
    const auto mentions = recognizer.recognize_document(parts);
    for (const auto& part : mentions)
        for (const EntityMention& mention : part) {
            CAPTURE(mention.canonical);
            CHECK(mention.type == EntityType::person);
        }
    CHECK(mentions[1].size() == 2);
    CHECK(mentions[2].size() == 1);
}

TEST_CASE("a model is saved and read back", "[entities][tagger]") {
    const EntityTagger model({0x1234, 0xabcdef}, {1.5F, 0, 0, 0, 0, 0, 0, 0, -2.0F,
                                                  0, 0, 0.25F, 0, 0, 0, 0, 0, 0.01F});
    std::stringstream file;
    model.save(file, "made by a test\nsecond line");
    const std::string text = file.str();
    CHECK(text.starts_with("newssearch-entity-tagger 1\n# made by a test\n# second line\n"));
    const EntityTagger back = EntityTagger::parse(file, "test model");
    REQUIRE(back.feature_count() == 2);
    // Weights in units of 1/weight_scale; one below half a unit is none.
    CHECK(back.weights(0x1234)[0] == 1.5F * EntityTagger::weight_scale);
    CHECK(back.weights(0x1234)[8] == -2.0F * EntityTagger::weight_scale);
    CHECK(back.weights(0xabcdef)[2] == 0.25F * EntityTagger::weight_scale);
    CHECK(back.weights(0xabcdef)[8] == 0);
    CHECK(back.weights(0x999) == nullptr);
    std::stringstream again;
    back.save(again, "made by a test\nsecond line");
    CHECK(again.str() == text);
}

TEST_CASE("a broken model is a data error", "[entities][tagger]") {
    for (const std::string& text :
         {std::string(), std::string("not a model\n"),
          std::string("newssearch-entity-tagger 1\nscale 20\nfeatures 2\n1234 0:5\n"),
          std::string("newssearch-entity-tagger 1\nscale 20\nfeatures 1\n1234 12:5\n")}) {
        CAPTURE(text);
        std::istringstream in(text);
        CHECK_THROWS_AS(EntityTagger::parse(in, "test"), DataError);
    }
    CHECK_THROWS_AS(EntityTagger::load("/nonexistent/entity_tagger.model"), DataError);
}

TEST_CASE("CoNLL tokens are joined as news text writes them", "[entities][conll]") {
    std::vector<ConllToken> tokens;
    for (const char* word : {"\"", "Blair", "'s", "(", "new", ")", "plan", ",", "\"", "he", "said",
                             "."})
        tokens.push_back({0, word, "O"});
    const ConllSentenceText joined = join_tokens(tokens);
    CHECK(joined.text == "\"Blair's (new) plan,\" he said.");
    REQUIRE(joined.tokens.size() == tokens.size());
    CHECK(joined.tokens[1] == std::pair<std::size_t, std::size_t>{1, 6});
    CHECK(joined.tokens[2] == std::pair<std::size_t, std::size_t>{6, 8});
}

TEST_CASE("a CoNLL file is read into articles and sentences", "[entities][conll]") {
    const ConllFile file = parse_conll("-DOCSTART- -X- -X- O\n\n"
                                       "Blair NNP I-NP I-PER\nspoke VBD I-VP O\n\n"
                                       "London NNP I-NP I-LOC\n\n"
                                       "-DOCSTART- -X- -X- O\n\n"
                                       "Paris NNP I-NP B-LOC\r\n",
                                       "test");
    REQUIRE(file.documents.size() == 2);
    CHECK(file.documents[0].sentences.size() == 2);
    CHECK(file.documents[0].sentences[0][0].word == "Blair");
    CHECK(file.documents[0].sentences[0][0].gold == "I-PER");
    CHECK(file.documents[1].sentences[0][0].gold == "B-LOC");
    CHECK(file.lines.size() == 10);
    CHECK_THROWS_AS(parse_conll("Blair NNP I-NP PERSON\n", "test"), DataError);
}

TEST_CASE("predictions are appended to every token line", "[entities][conll]") {
    const ConllFile file = parse_conll("-DOCSTART- -X- -X- O\n\n"
                                       "Tony NNP I-NP I-PER\nBlair NNP I-NP I-PER\n"
                                       "visited VBD I-VP O\nLondon NNP I-NP I-LOC\n. . O O\n",
                                       "test");
    const EntityRecognizer recognizer;
    std::ostringstream out;
    write_conll_predictions(file, recognizer, out);
    CHECK(out.str() == "-DOCSTART- -X- -X- O\n\n"
                       "Tony NNP I-NP I-PER B-PER\nBlair NNP I-NP I-PER I-PER\n"
                       "visited VBD I-VP O O\nLondon NNP I-NP I-LOC B-LOC\n. . O O O\n");
}
