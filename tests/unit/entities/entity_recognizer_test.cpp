#include "common/entities/entity_recognizer.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace newssearch;
using namespace newssearch::entities;

namespace {

const char* const test_gazetteer =
    "Sergey Lavrov\tperson\tSergei Lavrov|Lavrov\n"
    "Marco Rubio\tperson\tRubio\n"
    "Donald Trump\tperson\tTrump\n"
    "Vladimir Putin\tperson\tPutin\n"
    "Volodymyr Zelensky\tperson\tZelensky|Володимир Зеленський\n"
    "United States\tplace\tU.S.|US|United States of America\tAmerican|Americans\n"
    "Russia\tplace\t\tRussian|Russians\n"
    "Ukraine\tplace\t\tUkrainian\n"
    "Moscow\tplace\n"
    "Kyiv\tplace\tKiev|Київ\n"
    "Anchorage\tplace\n"
    "Russian Foreign Ministry\torganisation\tRussia's Foreign Ministry\n"
    "Kremlin\torganisation\n"
    "ASEAN\torganisation\n"
    "World War II\tother\tSecond World War\n";

std::shared_ptr<const Gazetteer> gazetteer() {
    static const auto instance =
        std::make_shared<const Gazetteer>(Gazetteer::parse(test_gazetteer, "test"));
    return instance;
}

/// Mentions as "Canonical (type) [as written]", "; "-separated: readable when a test fails.
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

std::string with_gazetteer(std::string_view text) {
    return describe(text, EntityRecognizer(gazetteer()).recognize(text));
}

/// The rules alone (no gazetteer, no tagger): how queries, and article text without a tagger
/// model, find the names the gazetteer does not know.
std::string by_rules(std::string_view text) {
    const EntityRecognizer rules(std::make_shared<const Gazetteer>(), nullptr);
    return describe(text, rules.recognize(text));
}

std::string query(std::string_view text, bool use_gazetteer = true) {
    const EntityRecognizer recognizer =
        use_gazetteer ? EntityRecognizer(gazetteer()) : EntityRecognizer();
    return describe(text, recognizer.recognize_query(text));
}

} // namespace

TEST_CASE("gazetteer names are recognised and unified", "[entities][recognize]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Sergei Lavrov met Rubio.",
         "Sergey Lavrov (person) [Sergei Lavrov]; Marco Rubio (person) [Rubio]"},
        {"Russian Foreign Minister Sergey Lavrov spoke.",
         "Russia (place) [Russian]; Sergey Lavrov (person) [Sergey Lavrov]"},
        // Possessives are left out of the span.
        {"Lavrov's proposal and Lavrov’s reply.",
         "Sergey Lavrov (person) [Lavrov]; Sergey Lavrov (person) [Lavrov]"},
        {"U.S. Secretary of State Marco Rubio announced it.",
         "United States (place) [U.S.]; Marco Rubio (person) [Marco Rubio]"},
        {"Talks between President Trump and Zelenskyy in Kiev.",
         "Donald Trump (person) [Trump]; Volodymyr Zelensky (person) [Zelenskyy]; Kyiv (place) "
         "[Kiev]"},
        // Sentence-initial capitals do not matter for gazetteer names.
        {"Moscow did not comment.", "Moscow (place) [Moscow]"},
        // "us" is a pronoun; "US" and "U.S." are the country; adjectives only where listed.
        {"Then the Americans assured us that the US agreed.",
         "United States (place) [Americans]; United States (place) [US]"},
        {"He told us, and American diplomats agreed.", "United States (place) [American]"},
        {"the united states and the kremlin", ""}, // article text: names must be capitalised
        {"He praised the United States of America.",
         "United States (place) [United States of America]"},
        {"stated Russia’s Foreign Ministry following the talks",
         "Russian Foreign Ministry (organisation) [Russia’s Foreign Ministry]"},
        {"waiting for U.S. confirmation of the “Anchorage agreements” on assets",
         "United States (place) [U.S.]; Anchorage (place) [Anchorage]"},
        {"the ASEAN foreign ministers’ summit", "ASEAN (organisation) [ASEAN]"},
        {"the deadliest conflict since the Second World War",
         "World War II (other) [Second World War]"},
        // Cyrillic spellings find the Latin entity through transliteration.
        // Only the gazetteer reads other scripts: no automatic "Москве" (an inflected form).
        {"Сергей Лавров встретился с Рубио в Москве.",
         "Sergey Lavrov (person) [Сергей Лавров]; Marco Rubio (person) [Рубио]"},
        {"Володимир Зеленський і Київ",
         "Volodymyr Zelensky (person) [Володимир Зеленський]; Kyiv (place) [Київ]"},
    }));
    CAPTURE(text);
    CHECK(with_gazetteer(text) == expected);
}

TEST_CASE("without a tagger, names the gazetteer does not know are recognised by rules",
          "[entities][recognize][rules]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        // Titles and honorifics are cues, stripped from the name.
        {"U.S. Secretary of State Marco Rubio announced it.", "Marco Rubio (person) [Marco Rubio]"},
        {"Russian Foreign Minister Sergey Lavrov spoke.", "Sergey Lavrov (person) [Sergey Lavrov]"},
        {"He met North Korean Foreign Minister Choe Son Hui in Pyongyang.",
         "Choe Son Hui (person) [Choe Son Hui]; Pyongyang (other) [Pyongyang]"},
        {"The talks included National Security Advisor Mike Waltz and the special envoy Steve "
         "Witkoff.",
         "Mike Waltz (person) [Mike Waltz]; Steve Witkoff (person) [Steve Witkoff]"},
        {"It was hosted by the French president Emmanuel Macron.",
         "Emmanuel Macron (person) [Emmanuel Macron]"},
        {"He met Mr. Smith and Secretary of the Treasury Scott Bessent.",
         "Smith (person) [Smith]; Scott Bessent (person) [Scott Bessent]"},
        {"The Attorney General Pam Bondi spoke.", "Pam Bondi (person) [Pam Bondi]"},
        {"Shares of General Motors fell as the plant in Detroit closed.",
         "General Motors (organisation) [General Motors]; Detroit (other) [Detroit]"},
        // A middle initial's dot ends neither the sentence nor the name.
        {"Officials said Donald J. Trump would attend.",
         "Donald J. Trump (other) [Donald J. Trump]"},
        // A surname alone is the full name seen in the same text.
        {"The envoy Steve Witkoff arrived. Officials said Witkoff would stay.",
         "Steve Witkoff (person) [Steve Witkoff]; Steve Witkoff (person) [Witkoff]"},
        // Sentence-initial words: no evidence alone, but the name seen elsewhere counts.
        {"Moscow did not comment.", ""},
        {"Despite the strikes, Moscow said talks go on. Moscow did not comment.",
         "Moscow (other) [Moscow]; Moscow (other) [Moscow]"},
        {"Reportedly the talks failed.", ""},
        {"Diplomatic sources said so.", ""},
        {"According to Reuters, the talks failed.", "Reuters (other) [Reuters]"},
        {"Volodymyr Zelensky would not hinder the process.",
         "Volodymyr Zelensky (other) [Volodymyr Zelensky]"},
        // Months and days are no names; "May" after a title or inside a name is.
        {"In May, Lavrov met Rubio on Thursday, Oct. 19.",
         "Lavrov (other) [Lavrov]; Rubio (other) [Rubio]"},
        {"The talks ended on May 1, 2025, in the capital.", ""},
        {"Officials said Theresa May had resigned.", "Theresa May (other) [Theresa May]"},
        {"It was Prime Minister May who resigned.", "May (person) [May]"},
        // Nationalities, generic institutions and bare titles are no names.
        {"Russian and American top diplomats met the Ukrainian President.", ""},
        {"He sat at the Foreign Ministry chair while the State Department waited.", ""},
        {"the Russian dictator and the American president", ""},
        // A dotted abbreviation may end the sentence too.
        {"relations between Russia and the U.S. According to a press release",
         "Russia (other) [Russia]; U.S. (other) [U.S.]"},
        // Possessives end a name, and the word after one is a noun.
        {"to play Nixon’s ‘crazy president’ card", "Nixon (other) [Nixon]"},
        {"classes at St. Mary's Elementary resumed", "St. Mary (other) [St. Mary]"},
        // Organisation and place words give the type; "of" continues a name after them.
        {"a post on Fox News Digital and the Bank of England",
         "Fox News Digital (organisation) [Fox News Digital]; "
         "Bank of England (organisation) [Bank of England]"},
        {"an event in the Rose Garden of the White House",
         "Rose Garden (place) [Rose Garden]; White House (organisation) "
         "[White House]"},
        {"a trip to Prince Edward Island", "Prince Edward Island (place) [Prince Edward Island]"},
        {"since the Russo–Ukrainian War began",
         "Russo-Ukrainian War (other) [Russo–Ukrainian War]"},
        // Quotations and brackets open like sentences.
        {"he said, “No one questions it,” and ([Ukrainian President] Volodymyr Zelensky agreed",
         "Volodymyr Zelensky (other) [Volodymyr Zelensky]"},
        {"“Secretary Rubio and I recognize the need,” he said.", "Rubio (person) [Rubio]"},
        // Title-case lines (headlines, names on their own) give no evidence.
        {"Rubio Meets With Lavrov to Discuss Ukraine Negotiations", ""},
        {"Rumors Around Lavrov’s Status Rejected", ""},
        {"Points of attention", ""},
        {"RUSSIA AND UKRAINE RESUME TALKS", ""},
        // Contractions of function words are no names, wherever they stand (BBC quotes).
        {"He said: \"I've always been clear. We're staying,\" and I'll add that It's fine.", ""},
        // Common words written in lower case elsewhere in the text are not names.
        {"the state-run agency and the State media", ""},
    }));
    CAPTURE(text);
    CHECK(by_rules(text) == expected);
}

TEST_CASE("gazetteer names take precedence and split automatic runs", "[entities][recognize]") {
    const EntityRecognizer rules(gazetteer(), nullptr);
    const std::string g20 = "during the G20 summit in Hamburg Germany, Trump greeted Lavrov";
    CHECK(describe(g20, rules.recognize(g20)) ==
          "G20 (other) [G20]; Hamburg Germany (other) [Hamburg Germany]; Donald Trump (person) "
          "[Trump]; "
          "Sergey Lavrov (person) [Lavrov]");
    // The tagger's names give way to the gazetteer's the same way.
    CHECK(with_gazetteer(g20).ends_with(
        "Donald Trump (person) [Trump]; Sergey Lavrov (person) [Lavrov]"));
    // "Xi" is no Roman numeral: those are written in capitals.
    CHECK(with_gazetteer("Russian President Vladimir Putin and President Xi met.") ==
          "Russia (place) [Russian]; Vladimir Putin (person) [Vladimir Putin]; Xi (person) [Xi]");
    CHECK(with_gazetteer("the Kremlin and the Kremlin Press Office") ==
          "Kremlin (organisation) [Kremlin]; Kremlin (organisation) [Kremlin]");
}

TEST_CASE("an alias several entities share needs context", "[entities][recognize]") {
    const auto shared = std::make_shared<const Gazetteer>(Gazetteer::parse(
        "Donald Trump\tperson\tTrump\nMelania Trump\tperson\tTrump|Melania\n", "shared"));
    const EntityRecognizer recognizer(shared);
    const std::string alone = "Trump met the press.";
    CHECK(describe(alone, recognizer.recognize(alone)).empty());
    const std::string context = "Donald Trump arrived. Later Trump met the press.";
    CHECK(describe(context, recognizer.recognize(context)) ==
          "Donald Trump (person) [Donald Trump]; Donald Trump (person) [Trump]");
}

TEST_CASE("queries match gazetteer names in any case", "[entities][recognize][query]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"lavrov rubio meeting", "Sergey Lavrov (person) [lavrov]; Marco Rubio (person) [rubio]"},
        {"sergei lavrov", "Sergey Lavrov (person) [sergei lavrov]"},
        {"Sergey Lavrov", "Sergey Lavrov (person) [Sergey Lavrov]"},
        {"Лавров", "Sergey Lavrov (person) [Лавров]"},
        {"kiev shelling", "Kyiv (place) [kiev]"},
        {"what did lavrov tell us", "Sergey Lavrov (person) [lavrov]"},
        {"US sanctions", "United States (place) [US]"},
        {"u.s. sanctions", "United States (place) [u.s.]"},
        {"asean summit", "ASEAN (organisation) [asean]"},
        {"title:Lavrov AND \"Marco Rubio\"",
         "Sergey Lavrov (person) [Lavrov]; Marco Rubio (person) [Marco Rubio]"},
        {"", ""},
    }));
    CAPTURE(text);
    CHECK(query(text) == expected);
}

TEST_CASE("queries name unknown entities only with two words or a title",
          "[entities][recognize][query]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Steve Witkoff OR Mike Waltz",
         "Steve Witkoff (other) [Steve Witkoff]; Mike Waltz (other) [Mike Waltz]"},
        {"President Xi visit", "Xi (person) [Xi]"},
        {"Meeting Witkoff", ""}, // a query's first capital is as doubtful as a sentence's
        {"The Talks", ""},
        {"steve witkoff", ""},
    }));
    CAPTURE(text);
    CHECK(query(text, false) == expected);
}

TEST_CASE("the parts of one document share evidence", "[entities][recognize]") {
    const std::vector<std::string_view> parts{
        "Witkoff Heads to Moscow",             // title case: capitals say nothing
        "Witkoff said the talks would go on.", // sentence-initial
        "The White House sent the special envoy Steve Witkoff to Moscow.", // the evidence
    };
    SECTION("by rules, a headline gives no names") {
        const EntityRecognizer rules(std::make_shared<const Gazetteer>(), nullptr);
        const auto mentions = rules.recognize_document(parts);
        REQUIRE(mentions.size() == 3);
        CHECK(describe(parts[0], mentions[0]).empty());
        CHECK(describe(parts[1], mentions[1]) == "Steve Witkoff (person) [Witkoff]");
        CHECK(describe(parts[2], mentions[2]) ==
              "White House (organisation) [White House]; Steve Witkoff (person) [Steve Witkoff]; "
              "Moscow (other) [Moscow]");
        CHECK(mentions[2][1].key == "steve_witkoff");
        CHECK_FALSE(mentions[2][1].from_gazetteer);
    }
    SECTION("the tagger reads the headline with what the body says") {
        const EntityRecognizer recognizer;
        const auto mentions = recognizer.recognize_document(parts);
        REQUIRE(mentions.size() == 3);
        CHECK(describe(parts[0], mentions[0]) ==
              "Steve Witkoff (person) [Witkoff]; Moscow (place) [Moscow]");
        CHECK(describe(parts[1], mentions[1]) == "Steve Witkoff (person) [Witkoff]");
        CHECK(describe(parts[2], mentions[2]) ==
              "White House (place) [White House]; Steve Witkoff (person) [Steve Witkoff]; "
              "Moscow (place) [Moscow]");
        CHECK(mentions[2][1].key == "steve_witkoff");
        CHECK_FALSE(mentions[2][1].from_gazetteer);
    }
}

TEST_CASE("mentions carry keys, offsets and their source", "[entities][recognize]") {
    const EntityRecognizer recognizer(gazetteer());
    const std::string text = "Americans met Lavrov in the U.S. yesterday.";
    const auto mentions = recognizer.recognize(text);
    REQUIRE(mentions.size() == 3);
    CHECK(mentions[0] ==
          EntityMention{"United States", "united_states", EntityType::place, 0, 9, true, true});
    CHECK(mentions[1] ==
          EntityMention{"Sergey Lavrov", "sergey_lavrov", EntityType::person, 14, 20, true, false});
    CHECK(text.substr(mentions[2].begin, mentions[2].end - mentions[2].begin) == "U.S.");
}

TEST_CASE("odd input never breaks recognition", "[entities][recognize]") {
    const EntityRecognizer recognizer(gazetteer());
    for (const std::string& text :
         {std::string(), std::string("   \n\n"), std::string("\xff\xfe Lavrov \xc3"),
          std::string("Lavrov\xC2\xADs"), std::string("普京 和 Lavrov"),
          std::string("Lav\u200Brov U.S.A.S.S.R. \"\" ' ( [ : "), std::string(500, 'A'),
          std::string("A. B. C. D. E. F.")}) {
        CAPTURE(text);
        for (const EntityMention& mention : recognizer.recognize(text)) {
            CHECK(mention.begin < mention.end);
            CHECK(mention.end <= text.size());
            CHECK_FALSE(mention.key.empty());
        }
        (void)recognizer.recognize_query(text);
    }
}

TEST_CASE("one recognizer serves several threads", "[entities][recognize]") {
    const EntityRecognizer recognizer(gazetteer());
    const std::string text = "Сергей Лавров met U.S. Secretary of State Marco Rubio and the envoy "
                             "Steve Witkoff in Kiev.";
    const std::string expected = describe(text, recognizer.recognize(text));
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results)
        threads.emplace_back([&] {
            for (int round = 0; round < 20; ++round)
                result = describe(text, recognizer.recognize(text));
        });
    for (auto& thread : threads)
        thread.join();
    for (const auto& result : results)
        CHECK(result == expected);
}

TEST_CASE("a recognizer needs a gazetteer object", "[entities][recognize]") {
    CHECK_THROWS_AS(EntityRecognizer(nullptr), UsageError);
}
