#include "extract/scrape_cleaner.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using newssearch::Article;
using newssearch::DataError;
using newssearch::Paragraph;
using newssearch::extract::clean_scrape;

namespace {

std::string read_raw(const std::string& name) {
    const std::string path = std::string(NEWSSEARCH_CORPUS_DIR) + "/raw/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string joined_body(const Article& article) {
    std::string out;
    for (const auto& p : article.paragraphs) {
        out += p.text;
        out += '\n';
    }
    return out;
}

bool body_contains(const Article& article, const std::string& needle) {
    return joined_body(article).find(needle) != std::string::npos;
}

const Paragraph* find_paragraph(const Article& article, const std::string& text) {
    for (const auto& p : article.paragraphs) {
        if (p.text == text) {
            return &p;
        }
    }
    return nullptr;
}

/// Invariants every bundled article must satisfy after cleaning.
void check_common_invariants(const Article& article) {
    CHECK(article.id.empty());
    CHECK(article.url.empty());
    REQUIRE_FALSE(article.paragraphs.empty());
    const std::vector<std::string> forbidden = {"cookie",
                                                "Barbie",
                                                "Chicago Bears",
                                                "Elevenlabs",
                                                "Shutterstock",
                                                "Related posts",
                                                "More like this",
                                                "You May Also Like",
                                                "Advertisement",
                                                "Share this",
                                                "English version",
                                                "Donate",
                                                "**",
                                                "Milwaukee,,"};
    for (const auto& word : forbidden) {
        INFO("body must not contain: " << word);
        CHECK_FALSE(body_contains(article, word));
    }
    for (const auto& caption : article.captions) {
        INFO("caption leaked into body: " << caption.text << " / " << caption.credit);
        if (!caption.text.empty()) {
            CHECK_FALSE(body_contains(article, caption.text));
        }
        CHECK_FALSE(body_contains(article, caption.credit));
    }
    for (const auto& p : article.paragraphs) {
        CHECK(p.text != article.title);
    }
    for (std::size_t k = 1; k < article.paragraphs.size(); ++k) {
        CHECK(article.paragraphs[k].text != article.paragraphs[k - 1].text);
    }
}

/// Two paragraphs of a scrape without a header.
const std::string headerless_first =
    "Rubio and Lavrov met in Riyadh on Tuesday. The meeting lasted four hours and covered "
    "the war in Ukraine, embassy staffing and the resumption of direct flights between the "
    "two countries.";
const std::string headerless_second = "Both sides called the talks useful and agreed to meet again.";

} // namespace

TEST_CASE("clean_scrape: 000 online.ua with label lines", "[indexer][scrape_cleaner]") {
    const Article a = clean_scrape(read_raw("000_8b82c4a14ba035ea.txt"));
    CHECK(a.title == "Lavrov seeks meeting with Trump team after high-profile failure");
    CHECK(a.subtitle == "Lavrov wants to meet with Rubio");
    CHECK(a.category == "Politics");
    CHECK(a.source == "online.ua");
    CHECK(a.date.empty()); // "Publication date" is followed by a blank line: no value
    CHECK(a.author.empty());
    check_common_invariants(a);

    // Bullet items become plain paragraphs.
    CHECK(find_paragraph(a, "Lavrov emphasizes the importance of regular communication with "
                            "Rubio to address Ukrainian issues and advance bilateral agendas.") !=
          nullptr);
    CHECK(find_paragraph(a, "The aftermath of the failed meeting underscores the complexities "
                            "and challenges faced in diplomatic relations between Russia and the "
                            "US.") != nullptr);
    CHECK(find_paragraph(a, "After that, Lavrov fell out of favor with Putin.") != nullptr);
    CHECK(a.paragraphs.back().text == "After that, Lavrov fell out of favor with Putin.");
    const Paragraph* heading = find_paragraph(a, "Points of attention");
    REQUIRE(heading != nullptr);
    CHECK(heading->heading);
    // The quote's speaker card is rendered twice on the page; it is kept once.
    std::size_t lavrov = 0;
    for (const auto& p : a.paragraphs) {
        lavrov += p.text == "Sergey Lavrov" ? 1 : 0;
    }
    CHECK(lavrov == 1);
    CHECK(body_contains(a, "([Ukrainian President] Volodymyr Zelensky"));
}

TEST_CASE("clean_scrape: 001 title line with section and domain", "[indexer][scrape_cleaner]") {
    const Article a = clean_scrape(read_raw("001_25fc6c82eb263419.txt"));
    CHECK(a.title == "Diplomatic Dialogue: Rubio and Lavrov Discuss New Ideas for Ukraine Amid "
                     "Renewed Violence");
    CHECK(a.category == "World");
    CHECK(a.source == "london-news-net.preview-domain.com");
    CHECK(a.date.empty()); // "on Thursday" is not a date
    CHECK(a.author.empty());
    CHECK(a.subtitle.empty());
    check_common_invariants(a);
    CHECK(body_contains(a, "new idea"));
    CHECK(body_contains(a, "“automatically paves the way for peace, but it might open a door to "
                           "a possible solution.”"));
    CHECK(a.paragraphs.back().text.starts_with("Following the summit in Malaysia"));
    CHECK_FALSE(body_contains(a, "Kremlin Appoints Medinsky"));
    CHECK(a.captions.empty());
}

TEST_CASE("clean_scrape: 002 menu, byline, credit and audio player", "[indexer][scrape_cleaner]") {
    const Article a = clean_scrape(read_raw("002_859263f0c76897ae.txt"));
    CHECK(a.title == "Rubio Meets With Lavrov to Discuss Ukraine Negotiations");
    CHECK(a.subtitle == "State of the Union: The meeting created frustration in Europe.");
    CHECK(a.category == "Foreign Affairs");
    CHECK(a.author == "Joseph Addington");
    CHECK(a.date == "2025-02-18");
    CHECK(a.source.empty()); // the page never names its site
    check_common_invariants(a);
    // The photo's credit is kept; its alt-text dump is boilerplate and leaves no text anywhere.
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].credit == "Maxim Elramsisy/Shutterstock");
    CHECK(a.captions[0].text.empty());
    CHECK(body_contains(a, "Emmanuel Macron"));
    CHECK(a.paragraphs.size() == 3);
    CHECK_FALSE(body_contains(a, "Invite Canada"));
    CHECK_FALSE(body_contains(a, "Politics Foreign Affairs Culture"));
}

TEST_CASE("clean_scrape: 003 captions, headings and related list", "[indexer][scrape_cleaner]") {
    const Article a = clean_scrape(read_raw("003_5308f80e13916603.txt"));
    CHECK(a.title == "Lavrov offers face-to-face meeting with Rubio as Russia signals diplomatic "
                     "opening amid Ukraine tensions");
    CHECK(a.source == "internewscast.com");
    CHECK(a.date.empty()); // "October 31" and caption dates are not the publication date
    CHECK(a.author.empty());
    check_common_invariants(a);

    REQUIRE(a.captions.size() >= 2);
    bool ap = false;
    bool getty = false;
    for (const auto& c : a.captions) {
        ap = ap || c.credit.find("AP") != std::string::npos;
        getty = getty || c.credit.find("Getty Images") != std::string::npos;
        CHECK_FALSE(c.text.ends_with(")"));
    }
    CHECK(ap);
    CHECK(getty);
    // The figure and lightbox captions of the same photo are kept once.
    CHECK(a.captions.size() == 3);

    for (const char* text : {"Recent Diplomatic Track", "Rumors Around Lavrov’s Status Rejected"}) {
        INFO(text);
        const Paragraph* heading = find_paragraph(a, text);
        REQUIRE(heading != nullptr);
        CHECK(heading->heading);
    }
    // Photo titles above captions moved out with the caption.
    CHECK(find_paragraph(a, "Sergey Lavrov") == nullptr);
    CHECK(find_paragraph(a, "Secretary of State Marco Rubio") == nullptr);
    CHECK(body_contains(a, "Anchorage agreements"));
    CHECK(a.paragraphs.back().text ==
          "The U.S. State Dept. did not respond to a request for comment before publication "
          "time.");
    std::size_t headings = 0;
    for (const auto& p : a.paragraphs) {
        headings += p.heading ? 1 : 0;
    }
    CHECK(headings == 2);
}

TEST_CASE("clean_scrape: a BBC-style page from another site", "[indexer][scrape_cleaner]") {
    const std::string page =
        "Skip to content\r\n"
        "Accept all cookies\r\n"
        "Home News Sport Weather\r\n"
        "Europe\r\n"
        "Talks on Ukraine resume in Geneva - example-news.co.uk\r\n"
        "By Jane Doe, Reuters\r\n"
        "Published 18 February 2025\r\n"
        "Share this page\r\n"
        "Listen to this article\r\n"
        "\r\n"
        "Diplomats from both countries returned to the negotiating table in Geneva on Tuesday, "
        "officials said, after weeks of stalled contacts and mutual accusations.\r\n"
        "\r\n"
        "## What was agreed\r\n"
        "\r\n"
        "- The sides agreed to meet again next month in the same format.\r\n"
        "- A working group on prisoner exchanges will be set up.\r\n"
        "\r\n"
        "Advertisement\r\n"
        "\r\n"
        "Delegates at the conference hall (Jane Roe/AFP via Getty Images)\r\n"
        "\r\n"
        "A spokesman described the talks as **constructive** and said a [statement]"
        "(https://example.org/statement) would follow later in the week.\r\n"
        "\r\n"
        "Most Read\r\n"
        "\r\n"
        "Something else entirely happened somewhere else and it is a long sentence here.\r\n";
    const Article a = clean_scrape(page);
    CHECK(a.title == "Talks on Ukraine resume in Geneva");
    CHECK(a.source == "example-news.co.uk");
    CHECK(a.author == "Jane Doe");
    CHECK(a.date == "2025-02-18");
    CHECK(a.category == "Europe");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0].text == "Delegates at the conference hall");
    CHECK(a.captions[0].credit == "Jane Roe/AFP via Getty Images");
    REQUIRE(a.paragraphs.size() == 5);
    CHECK(a.paragraphs[1] == Paragraph{"What was agreed", true});
    CHECK(a.paragraphs[2] ==
          Paragraph{"The sides agreed to meet again next month in the same format.", false});
    CHECK(a.paragraphs[4].text ==
          "A spokesman described the talks as constructive and said a statement would follow "
          "later in the week.");
    CHECK_FALSE(body_contains(a, "Something else"));
    CHECK_FALSE(body_contains(a, "cookies"));
}

TEST_CASE("clean_scrape: a byline page with inline labels", "[indexer][scrape_cleaner]") {
    const std::string page = "Menu Search Subscribe\n"
                             "Section: Business\n"
                             "Oil prices climb as OPEC weighs output cut | Markets | The Ledger\n"
                             "Oil prices climb as OPEC weighs output cut\n"
                             "Traders brace for a volatile week.\n"
                             "Maria Gonzalez | March 3, 2025\n"
                             "Photo: AP\n"
                             "\n"
                             "Brent crude rose two percent on Monday as ministers of the producer "
                             "group signalled that a further reduction of output was on the table "
                             "at their meeting next week.\n"
                             "\n"
                             "Analysts said the move was widely expected.\n"
                             "\n"
                             "You might also like\n"
                             "Gold hits record high\n";
    const Article a = clean_scrape(page);
    CHECK(a.title == "Oil prices climb as OPEC weighs output cut");
    CHECK(a.subtitle == "Traders brace for a volatile week.");
    CHECK(a.category == "Business"); // the label wins over the title-line section
    CHECK(a.source == "The Ledger");
    CHECK(a.author == "Maria Gonzalez");
    CHECK(a.date == "2025-03-03");
    REQUIRE(a.captions.size() == 1);
    CHECK(a.captions[0] == newssearch::Caption{"", "AP"});
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[1].text == "Analysts said the move was widely expected.");
}

TEST_CASE("clean_scrape: a Guardian-style page with a long menu", "[indexer][scrape_cleaner]") {
    const std::string page =
        "Skip to main content\n"
        "Close dialogue\n"
        "The Guardian - Back to homepage\n"
        "World\nEurope\nUkraine\n"
        "Russia-Ukraine war\n"
        "Lavrov and Rubio agree to further talks\n"
        "Russian foreign minister says the two sides are ready for face-to-face meetings\n"
        "Shaun Walker in Moscow\n"
        "Tue 18 Feb 2025 13.06 GMT\n"
        "Share\n\n"
        "Russia's foreign minister, Sergei Lavrov, has said he is ready to meet the US secretary "
        "of state, Marco Rubio, again in person to discuss the war in Ukraine.\n\n"
        "Read more: Kremlin rejects rumours about Lavrov\n\n"
        "The two men last met in Riyadh in February.\n\n"
        "Explore more on these topics\n"
        "Ukraine\n"
        "Most viewed\n";
    const Article a = clean_scrape(page);
    CHECK(a.title == "Lavrov and Rubio agree to further talks");
    CHECK(a.subtitle ==
          "Russian foreign minister says the two sides are ready for face-to-face meetings");
    CHECK(a.date == "2025-02-18");
    CHECK(a.author.empty()); // "Shaun Walker in Moscow" is not a bare name: not guessed
    CHECK(a.source.empty());
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[1].text == "The two men last met in Riyadh in February.");
}

TEST_CASE("clean_scrape: rights notices, post footers and the readers' comments after the article are dropped", "[indexer][scrape_cleaner]") {
    const std::string& first = headerless_first;
    const std::string& second = headerless_second;
    const std::string comment = "Great article, but I think the talks will fail like the last ones did.";
    const Article a = clean_scrape(first + "\n\n" + second + "\n\n© 2025 Example News. All rights reserved.\n\nPosted by Anna on May 2, 2025 | Permalink\n\n12 Comments\n\n" + comment + "\n");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[1].text == second);
    CHECK_FALSE(body_contains(a, "Great article"));
    CHECK_FALSE(body_contains(a, "Permalink"));
    CHECK_FALSE(body_contains(a, "rights reserved"));
}

TEST_CASE("clean_scrape: metadata is never guessed", "[indexer][scrape_cleaner]") {
    const std::string page =
        "Thursday\n"
        "Ministers meet again to discuss the Ukraine ceasefire plan\n"
        "Sergey Lavrov\n"
        "\n"
        "On February 18, 2025, the ministers met in Riyadh for talks that lasted more than four "
        "hours, according to officials from both delegations who spoke to reporters.\n";
    const Article a = clean_scrape(page);
    CHECK(a.title == "Ministers meet again to discuss the Ukraine ceasefire plan");
    CHECK(a.date.empty());   // neither a weekday nor a body date is a publication date
    CHECK(a.author.empty()); // a name is only a byline next to a stated date
    CHECK(a.source.empty());
    CHECK(a.category.empty());
}

TEST_CASE("clean_scrape: text without a header", "[indexer][scrape_cleaner]") {
    const std::string& first = headerless_first;
    const std::string& second = headerless_second;
    const Article a = clean_scrape(first + "\n\n" + second + "\n");
    CHECK(a.title == "Rubio and Lavrov met in Riyadh on Tuesday."); // its first sentence
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[0].text == first);
    CHECK(a.paragraphs[1].text == second);

    const Article single = clean_scrape("Just one line of text");
    CHECK(single.title == "Just one line of text");
    REQUIRE(single.paragraphs.size() == 1);

    const Article two = clean_scrape("A short title here\nA short body line.");
    CHECK(two.title == "A short title here");
    REQUIRE(two.paragraphs.size() == 1);
    CHECK(two.paragraphs[0].text == "A short body line.");
}

TEST_CASE("clean_scrape: no article throws DataError", "[indexer][scrape_cleaner]") {
    CHECK_THROWS_AS(clean_scrape(""), DataError);
    CHECK_THROWS_AS(clean_scrape("   \n\t\n \r\n\xC2\xA0\n"), DataError);
    CHECK_THROWS_AS(clean_scrape("Advertisement\n\nAccept all cookies\nShare this page\n"),
                    DataError);
    CHECK_THROWS_AS(clean_scrape("Lavrov seeks meeting\nSubscribe\n"), DataError);
}

TEST_CASE("clean_scrape: robustness", "[indexer][scrape_cleaner]") {
    // Speed is measured in bench/, not here; these pin that huge inputs are handled at all.
    SECTION("a 1 MB single line") {
        std::string line;
        while (line.size() < (1u << 20)) {
            line += "word (AP) [x](y) **z** ";
        }
        const Article a = clean_scrape(line);
        CHECK_FALSE(a.paragraphs.empty());
    }
    SECTION("a 1 MB line of one character") {
        const Article a = clean_scrape(std::string(1u << 20, 'a'));
        CHECK(a.paragraphs.size() == 1);
        CHECK(a.title.size() <= 300 + 3); // a display title, not the whole megabyte
    }
    SECTION("many short lines") {
        std::string text;
        for (int i = 0; i < 20000; ++i) {
            text += "Sergey Lavrov\n\nA sentence that is long enough to be prose in the body "
                    "of some article here.\n";
        }
        const Article a = clean_scrape(text);
        CHECK(a.paragraphs.size() == 1); // the title line repeats and the body line is one line repeated
    }
    SECTION("invalid UTF-8 does not crash or loop") {
        const std::string bad = "\xFF\xFE Title \xC3\x28 here\n\n"
                                "\xE2\x82 Body \xF0\x28\x8C\xBC text with enough words to be a "
                                "paragraph of prose in this article, \xC3 truly.\n"
                                "(\xFF/\xFE)\n\xE2\x80";
        const Article a = clean_scrape(bad);
        CHECK_FALSE(a.paragraphs.empty());
        CHECK_FALSE(a.title.empty());
    }
    SECTION("NUL and control characters") {
        const std::string text("Title\0 line\n\nBody\x01 text.\n", 26);
        CHECK_NOTHROW(clean_scrape(text));
    }
}

TEST_CASE("clean_scrape: Unicode spaces become spaces, invisible characters go, other text stays",
          "[indexer][scrape_cleaner]") {
    const std::string page = "Talks on Ukraine resume in Geneva\n"
                             "\n"
                             "Diplomats\u00A0returned to the nego\u00ADtiating table\u200B in Gen\u2060eva "
                             "on\u2009Tuesday,\u3000officials said\u205F of the caf\u00E9 \u00A3100m "
                             "\u201Cdeal\u201D (\u00C2\u00E2\u00E3\u00EF) after weeks of stalled contacts.\tThey met"
                             "\x01" "again\x7F" " later.\u2028"
                             "\uFEFFA spokesman described the talks as constructive and said more would follow.\r\n";
    const Article a = clean_scrape(page);
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[0].text ==
          "Diplomats returned to the negotiating table in Geneva on Tuesday, officials said of the "
          "caf\u00E9 \u00A3100m \u201Cdeal\u201D (\u00C2\u00E2\u00E3\u00EF) after weeks of stalled "
          "contacts. They met again later.");
    CHECK(a.paragraphs[1].text ==
          "A spokesman described the talks as constructive and said more would follow.");
}
