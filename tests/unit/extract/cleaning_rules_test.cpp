#include "extract/cleaning_rules.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace newssearch::extract;

namespace {

/// Checks `predicate` is true on every line of `yes` and false on every line of `no`.
template <typename Predicate>
void check_predicate(Predicate predicate, const std::vector<std::string>& yes,
                     const std::vector<std::string>& no) {
    for (const auto& line : yes) {
        INFO("should match: " << line);
        CHECK(predicate(line));
    }
    for (const auto& line : no) {
        INFO("should not match: " << line);
        CHECK_FALSE(predicate(line));
    }
}

} // namespace

TEST_CASE("text helpers", "[indexer][cleaning_rules]") {
    CHECK(trim("  a b \t") == "a b");
    CHECK(word_count("  one two  three ") == 3);
    CHECK(word_count("") == 0);
    CHECK(more_words_than("  one two  three ", 2));
    CHECK_FALSE(more_words_than("  one two  three ", 3));
    CHECK_FALSE(more_words_than("", 0));
    CHECK(more_words_than("a", 0));
    // Key words: a word that is nothing but punctuation is not one.
    CHECK_FALSE(more_key_words_than("Advertisement \xE2\x80\x94 - | -", 1));
    CHECK(more_key_words_than("“Hello,”  World!", 1));
    CHECK_FALSE(more_key_words_than("“Hello,”  World!", 2));
    CHECK(ends_with_sentence_punctuation("He left."));
    CHECK(ends_with_sentence_punctuation("“It is over,” he said.”"));
    CHECK(ends_with_sentence_punctuation("a door to a possible solution.”**"));
    CHECK(ends_with_sentence_punctuation("Really?"));
    CHECK(ends_with_sentence_punctuation("and so on…"));
    CHECK_FALSE(ends_with_sentence_punctuation("Recent Diplomatic Track"));
    CHECK_FALSE(ends_with_sentence_punctuation("(Yuri Gripas/Abaca/Bloomberg via Getty Images)"));
    CHECK(line_key("“Hello,”  World!") == "hello world");
    CHECK(line_key("Lavrov’s Status") == "lavrov's status");
    CHECK(word_overlap("a b c d", "a b c e") == Approx(0.75));
    CHECK(word_overlap("", "a") == 0.0);
    CHECK(words_contained_in("Sergey Lavrov", "Minister Sergey Lavrov listens."));
    CHECK_FALSE(words_contained_in("Recent Diplomatic Track", "Minister Sergey Lavrov listens."));
    CHECK(starts_with_capital("Lavrov"));
    CHECK(starts_with_capital("Сергей"));
    CHECK(starts_with_capital("Émile"));
    CHECK_FALSE(starts_with_capital("lavrov"));
    CHECK_FALSE(starts_with_capital("\xFF"));
}

TEST_CASE("is_domain_like", "[indexer][cleaning_rules]") {
    check_predicate(is_domain_like,
                    {"online.ua", "london-news-net.preview-domain.com", "www.bbc.co.uk",
                     "https://internewscast.com/", "example.org"},
                    {"U.S.", "Dept.", "e.g", "online", "foo..com", "-bad.com", "a b.com",
                     "site.c0m", "Sergey Lavrov"});
    CHECK(bare_domain("https://www.bbc.co.uk/") == "bbc.co.uk");
}

TEST_CASE("is_cookie_banner", "[indexer][cleaning_rules]") {
    check_predicate(
        is_cookie_banner,
        {"By staying online, you consent to the use of cookies files, which help us make your "
         "stay here even better",
         "This website uses cookies to improve your experience. We'll assume you're ok with this, "
         "but you can opt-out if you wish. Accept Read More",
         "Accept all cookies", "Accept all", "Reject all", "Manage preferences", "I agree",
         "We use cookies and similar technologies. By clicking Accept you agree to our use."},
        {"The bakery sold a record number of cookies this Christmas.", "Cookie Monster turns 55",
         "Accept the results, the minister said.",
         "Lavrov seeks meeting with Trump team after high-profile failure"});
}

TEST_CASE("is_language_switch_prompt", "[indexer][cleaning_rules]") {
    check_predicate(
        is_language_switch_prompt,
        {"Based on your browser and language settings, you might prefer the English version of "
         "our website. Would you like to switch?",
         "This article is also available in Ukrainian: switch to the Ukrainian version of the "
         "site",
         "English version", "Read in English", "Switch to English", "International Edition"},
        {"Ukraine will switch its official language policy next year, the minister said.",
         "The new version of the treaty was signed on Tuesday in Riyadh by both delegations.",
         "Points of attention"});
}

TEST_CASE("is_share_line", "[indexer][cleaning_rules]") {
    check_predicate(is_share_line,
                    {"Share this @internewscast.com", "Share this page", "Share",
                     "Share:", "Share on Facebook", "Share this article", "Facebook Twitter Email",
                     "Copy link", "Facebook | X | LinkedIn | WhatsApp"},
                    {"Share prices fell 3% on Tuesday.", "Email", "Twitter",
                     "Shares in the company rose after the announcement.",
                     "Sharing the burden of Europe's defence"});
}

TEST_CASE("is_advertisement_line", "[indexer][cleaning_rules]") {
    check_predicate(is_advertisement_line,
                    {"Advertisement", "ADVERTISEMENT", "Sponsored content",
                     "Story continues below advertisement", "Article continues below",
                     "Advertising", "- Advertisement -",
                     // Counted by its words, not by the separators between them.
                     "Advertisement - - - - - - - -"},
                    {"The advertisement campaign cost $3 million.", "Content",
                     "Sponsored by the state, the program grew quickly.", "Story"});
}

TEST_CASE("is_audio_player_notice", "[indexer][cleaning_rules]") {
    check_predicate(is_audio_player_notice,
                    {"Loading the Elevenlabs Text to Speech AudioNative Player...",
                     "Listen to this article", "Listen to article 5 min", "4 min listen",
                     "Your browser does not support the audio element."},
                    {"Listen: the minister told reporters that talks would continue.",
                     "The president's speech was played on loudspeakers across the city."});
}

TEST_CASE("is_page_control_label", "[indexer][cleaning_rules]") {
    check_predicate(is_page_control_label,
                    {"HIDE CAPTION", "Show caption", "Text Size:", "A | A | A", "Text size: A | A | A", "Follow us!"},
                    {"Hide the caption, the editor said.", "Text size matters more on phones, the study found.",
                     "Follow us to the harbour.", "A"});
}

TEST_CASE("is_reblog_note", "[indexer][cleaning_rules]") {
    check_predicate(is_reblog_note,
                    {"nickmongo liked this", "lucky-h reblogged this from marcussour",
                     "skalja reblogged this from anklewings and added:", "harbourwatch posted this"},
                    {"Everyone liked this.", "The council liked this plan", "She reblogged this from a friend on Monday",
                     "lucky-h reblogged this from marcussour and then deleted it"});
}

TEST_CASE("is_navigation_line", "[indexer][cleaning_rules]") {
    check_predicate(
        is_navigation_line,
        {"Politics Foreign Affairs Culture Fellows Program", "Donate Subscribe Subscribe",
         "Subscribe", "Sign in", "Skip to main content", "Home | News | Sport | Weather",
         "News Sport Weather", "Log in Register", "Support us", "Menu Search",
         "The Guardian - Back to homepage"},
        {"Foreign Affairs", "Politics", "World", "Recent Diplomatic Track",
         "Rumors Around Lavrov’s Status Rejected", "Points of attention", "Sergey Lavrov",
         "Rubio Meets With Lavrov to Discuss Ukraine Negotiations", "Trump Fires Fed Chair Powell",
         "Culture War Heats Up", "Subscribe to our newsletter to get the news every morning.",
         "Head of the Russian Foreign Ministry", "Trump - Support for Ukraine is fading fast"});
}

TEST_CASE("is_alt_text_dump", "[indexer][cleaning_rules]") {
    check_predicate(is_alt_text_dump,
                    {"Milwaukee,,Wisconsin,-,July,16,,2024:,Florida,Senator,Marco,Rubio",
                     "Kyiv_Ukraine_March_2022_destroyed_building"},
                    {"Paris, France, Germany, Italy and Spain agreed.", "1,000,000,000,000", "a,b",
                     "face-to-face", "London,UK"});
}

TEST_CASE("is_trailing_list_marker", "[indexer][cleaning_rules]") {
    check_predicate(is_trailing_list_marker,
                    {"Related posts", "Related Articles", "Related stories:", "More like this",
                     "You May Also Like", "You might also like", "Read more", "Read More…",
                     "Recommended", "Most Read", "Most popular", "More from BBC News",
                     "More from Politics", "Trending", "Trending now", "Read next",
                     "Further reading", "Editor’s picks", "• Related"},
                    {"Related to the talks, Lavrov said nothing.",
                     "Read more about the summit in our live blog of the negotiations today",
                     "More", "Recent Diplomatic Track", "Most of the delegates left early.",
                     "Recommended reading for diplomats includes several memoirs by Kissinger"});
}

TEST_CASE("is_comments_heading", "[indexer][cleaning_rules]") {
    check_predicate(is_comments_heading,
                    {"Comments", "12 Comments", "1 Comment", "One response", "Responses", "3 Responses to “Pier to be rebuilt”",
                     "5 thoughts on “Pier to be rebuilt”", "Leave a Reply", "Leave a comment:", "Post a Comment",
                     "Reader comments", "Join the discussion", "No Comments"},
                    {"Comment", "Comment is free", "Comments on the draft were due by Friday, the ministry said.",
                     "Discussion of the budget", "Responses to the storm were slow",
                     "Lavrov declined to comment on the talks."});
}

TEST_CASE("is_comments_prompt", "[indexer][cleaning_rules]") {
    check_predicate(is_comments_prompt,
                    {"No comments yet.", "Be the first to comment!", "Comments are closed.", "12 Comments",
                     "Leave a Reply"},
                    {"No comments yet from the ministry, which has been asked twice.", "Comment",
                     "Lavrov declined to comment."});
}

TEST_CASE("is_post_footer_line", "[indexer][cleaning_rules]") {
    check_predicate(is_post_footer_line,
                    {"Posted by Kathy on April 2, 2007 | Permalink", "Posted in: News | comments",
                     "By Radish on Wednesday November 7, 2012 8:00 am | Permalink | Comments (3)",
                     "Posted by Kate | Permalink | 1 Comment | Trackback", "Permalink · Reply",
                     "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Neat Stuff, "
                     "Videos. You can follow any responses to this entry through the RSS 2.0 feed.",
                     "This post was published on 3 May 2012 and is filed under News."},
                    {"Permalink", "Rubio | Lavrov | Witkoff", "Prices rose 3% | analysts expected 2%",
                     "This entry was posted on the forum by a reader on Monday.",
                     "This post was filed under pressure, the editor admitted on Tuesday.",
                     "He wrote 12 comments | none were answered, and the thread on the forum went on for a long "
                     "while before the moderators closed it for good because of spam and abuse from new accounts "
                     "| Permalink"});
}

TEST_CASE("is_rights_notice", "[indexer][cleaning_rules]") {
    check_predicate(is_rights_notice,
                    {"Copyright 2012 The Associated Press. All rights reserved. This material may not be published, "
                     "broadcast, rewritten or redistributed.",
                     "© 2024 Example News Ltd. All rights reserved", "(c) Example Media - all rights reserved.",
                     "All Rights Reserved.", "This material may not be published, broadcast, rewritten or redistributed.",
                     "A version of this article appeared in print on July 24, 2012, on page A1 in the U.S. edition.",
                     "A version of this review appears in print on page C5."},
                    {"Copyright law protects the photographs, the court ruled.",
                     "The agency said all rights reserved by the treaty remain with Ukraine, Lavrov added.",
                     "A version of the plan was leaked to reporters on Monday.", "Copyright"});
}

TEST_CASE("strip_markup", "[indexer][cleaning_rules]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"it was not a proposal that **“automatically paves the way.”**",
         "it was not a proposal that “automatically paves the way.”"},
        {"**Bold** and __underlined__ and *emphasis* here",
         "Bold and underlined and emphasis here"},
        {"stray ** markers **", "stray markers"},
        {"## A heading", "A heading"},
        {"# Title", "Title"},
        {"See [the report](https://example.org/report) now", "See the report now"},
        {"![a photo](img.jpg) caption", "a photo caption"},
        {"([Ukrainian President] Volodymyr Zelensky", "([Ukrainian President] Volodymyr Zelensky"},
        {"snake__case and 5 * 3 = 15", "snake__case and 5 * 3 = 15"},
        {"a footnote* stays", "a footnote* stays"},
        {"#hashtag stays", "#hashtag stays"},
        {"   spaced    out   ", "spaced out"},
        {"", ""},
    };
    for (const auto& [input, expected] : cases) {
        INFO("input: " << input);
        CHECK(strip_markup(input) == expected);
    }
    CHECK(is_markdown_heading("### Heading"));
    CHECK_FALSE(is_markdown_heading("#hashtag"));
}

// A quadratic strip_markup would make this test hit CTest's timeout; timings live in bench/.
TEST_CASE("strip_markup handles pathological input", "[indexer][cleaning_rules]") {
    std::string evil;
    for (int i = 0; i < 100000; ++i) {
        evil += "[*_](";
    }
    const std::string out = strip_markup(evil);
    CHECK(!out.empty());
}

TEST_CASE("strip_bullet", "[indexer][cleaning_rules]") {
    CHECK(strip_bullet("• Lavrov emphasizes the importance") == "Lavrov emphasizes the importance");
    CHECK(strip_bullet("  • item") == "item");
    CHECK(strip_bullet("- item") == "item");
    CHECK(strip_bullet("* item") == "item");
    CHECK(strip_bullet("· item") == "item");
    CHECK_FALSE(strip_bullet("-5% in a day").has_value());
    CHECK_FALSE(strip_bullet("*emphasis* first").has_value());
    CHECK_FALSE(strip_bullet("•").has_value());
    CHECK_FALSE(strip_bullet("Plain text").has_value());
}

TEST_CASE("split_caption_credit", "[indexer][cleaning_rules]") {
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> captions = {
        {"U.S. President Donald Trump greets Russian Foreign Minister Sergey Lavrov in Hamburg, "
         "Germany, on July 7, 2017. (Mikhail Klimentyev, Kremlin Pool Photo via AP)",
         {"U.S. President Donald Trump greets Russian Foreign Minister Sergey Lavrov in Hamburg, "
          "Germany, on July 7, 2017.",
          "Mikhail Klimentyev, Kremlin Pool Photo via AP"}},
        {"Secretary of State Marco Rubio arrives for an event. (Yuri Gripas/Abaca/Bloomberg via "
         "Getty Images)",
         {"Secretary of State Marco Rubio arrives for an event.",
          "Yuri Gripas/Abaca/Bloomberg via Getty Images"}},
        {"Protesters in Tbilisi (Jane Roe/Reuters)", {"Protesters in Tbilisi", "Jane Roe/Reuters"}},
        {"The summit hall (AFP)", {"The summit hall", "AFP"}},
        {"(AP Photo/Evan Vucci)", {"", "AP Photo/Evan Vucci"}},
        {"Smoke over Kyiv (Photo: Maria Petrenko)", {"Smoke over Kyiv", "Photo: Maria Petrenko"}},
    };
    for (const auto& [paragraph, expected] : captions) {
        INFO("paragraph: " << paragraph);
        const auto parts = split_caption_credit(paragraph);
        REQUIRE(parts.has_value());
        CHECK(parts->text == expected.first);
        CHECK(parts->credit == expected.second);
    }
    const std::vector<std::string> not_captions = {
        "The talks continued (as expected).",
        "Lavrov met Rubio in Riyadh (Saudi Arabia)",
        "Sales grew 5% (year on year)",
        "He said so (and the ministry agreed with him on every point of the long statement "
        "released via its official channels)",
        "No parenthesis at all",
        "unbalanced AP)",
    };
    for (const auto& paragraph : not_captions) {
        INFO("paragraph: " << paragraph);
        CHECK_FALSE(split_caption_credit(paragraph).has_value());
    }
}

TEST_CASE("credit_line", "[indexer][cleaning_rules]") {
    CHECK(credit_line("Credit: Maxim Elramsisy/Shutterstock") == "Maxim Elramsisy/Shutterstock");
    CHECK(credit_line("Photo: AP") == "AP");
    CHECK(credit_line("Image: Getty Images") == "Getty Images");
    CHECK(credit_line("Photograph: Jane Roe/The Guardian") == "Jane Roe/The Guardian");
    CHECK(credit_line("Image credit: NASA.") == "NASA");
    CHECK_FALSE(credit_line("Photo: The president arrives at the summit in Riyadh.").has_value());
    CHECK_FALSE(credit_line("Source: online.ua").has_value());
    CHECK_FALSE(credit_line("Credit:").has_value());
    CHECK_FALSE(credit_line("State of the Union: The meeting created frustration.").has_value());
}

TEST_CASE("is_photo_credit_line", "[indexer][cleaning_rules]") {
    CHECK(is_photo_credit_line("Saul Loeb / AFP - Getty Images"));
    CHECK(is_photo_credit_line("(Phelan M. Ebenhack/Associated Press)"));
    CHECK(is_photo_credit_line("Rex/AP Photo"));
    CHECK(is_photo_credit_line("Matt McClain/The Washington Post via Getty Images"));
    CHECK(is_photo_credit_line("KIMIHIRO HOSHINO/AFP/GettyImages"));
    // No agency word and no parentheses: a name and a paper, or a pair of words.
    CHECK_FALSE(is_photo_credit_line("Jim Wilson/The New York Times"));
    CHECK_FALSE(is_photo_credit_line("TCP/IP"));
    // Sentences, lower-case words, no slash.
    CHECK_FALSE(is_photo_credit_line("The photo was taken by Jane Roe/AP in Hamburg."));
    CHECK_FALSE(is_photo_credit_line("photos from the scene via AP/Reuters feeds here"));
    CHECK_FALSE(is_photo_credit_line("Getty Images"));
    CHECK_FALSE(is_photo_credit_line(""));
}

TEST_CASE("site_suffix_split", "[indexer][cleaning_rules]") {
    auto parts = site_suffix_split("Diplomatic Dialogue: Rubio and Lavrov Discuss New Ideas for "
                                   "Ukraine Amid Renewed Violence | World | "
                                   "london-news-net.preview-domain.com",
                                   "");
    CHECK(parts.title == "Diplomatic Dialogue: Rubio and Lavrov Discuss New Ideas for Ukraine Amid "
                         "Renewed Violence");
    CHECK(parts.section == "World");
    CHECK(parts.source == "london-news-net.preview-domain.com");

    parts = site_suffix_split("Lavrov offers talks | BBC News", "");
    CHECK(parts.title == "Lavrov offers talks");
    CHECK(parts.source.empty()); // a trailing part that is not a site is not guessed to be one
    CHECK(parts.section.empty());

    parts = site_suffix_split("Europe weighs troops for Ukraine | Politics | The Daily Planet", "");
    CHECK(parts.title == "Europe weighs troops for Ukraine");
    CHECK(parts.section == "Politics");
    CHECK(parts.source == "The Daily Planet");

    parts = site_suffix_split("Opinion | Why the Riyadh talks matter for Europe", "");
    CHECK(parts.title == "Why the Riyadh talks matter for Europe");
    CHECK(parts.section == "Opinion");

    parts = site_suffix_split("Rubio meets Lavrov - example.com", "");
    CHECK(parts.title == "Rubio meets Lavrov");
    CHECK(parts.source == "example.com");

    parts = site_suffix_split("Rubio meets Lavrov \xE2\x80\x93 The Planet", "The Planet");
    CHECK(parts.title == "Rubio meets Lavrov");
    CHECK(parts.source == "The Planet");

    // A dash inside a headline is not a site suffix.
    parts = site_suffix_split("Russia-Ukraine war - live updates", "");
    CHECK(parts.title == "Russia-Ukraine war - live updates");
    CHECK(parts.source.empty());
}

TEST_CASE("source_from_share_line", "[indexer][cleaning_rules]") {
    CHECK(source_from_share_line("Share this @internewscast.com") == "internewscast.com");
    CHECK(source_from_share_line("Share on Twitter @www.example.org") == "example.org");
    CHECK_FALSE(source_from_share_line("Share this @BBCNews").has_value());
    CHECK_FALSE(source_from_share_line("Share this page").has_value());
    CHECK_FALSE(source_from_share_line("Contact us @ example.com for details today").has_value());
}

TEST_CASE("label_value", "[indexer][cleaning_rules]") {
    auto lv = label_value("Source: online.ua", "", false);
    REQUIRE(lv);
    CHECK(lv->label == HeaderLabel::source);
    CHECK(lv->value == "online.ua");
    CHECK_FALSE(lv->value_on_next_line);

    lv = label_value("Category", "Politics", false);
    REQUIRE(lv);
    CHECK(lv->label == HeaderLabel::category);
    CHECK(lv->value == "Politics");
    CHECK(lv->value_on_next_line);

    // A blank line between a label and the next line means the label has no value.
    lv = label_value("Publication date", "Lavrov seeks meeting with Trump team", true);
    REQUIRE(lv);
    CHECK(lv->label == HeaderLabel::date);
    CHECK(lv->value.empty());
    CHECK_FALSE(lv->value_on_next_line);

    lv = label_value("Published:", "18 February 2025", false);
    REQUIRE(lv);
    CHECK(lv->value == "2025-02-18");

    lv = label_value("Date", "Lavrov seeks meeting with Trump team", false);
    REQUIRE(lv);
    CHECK(lv->value.empty()); // not a date: the next line is not taken

    lv = label_value("Author:", "Jane Doe", false);
    REQUIRE(lv);
    CHECK(lv->label == HeaderLabel::author);
    CHECK(lv->value == "Jane Doe");

    lv = label_value("Section: World", "", false);
    REQUIRE(lv);
    CHECK(lv->value == "World");

    CHECK_FALSE(label_value("State of the Union: The meeting created frustration.", "", false));
    CHECK_FALSE(
        label_value("Source: officials said the talks went well and will go on.", "", false));
    CHECK_FALSE(label_value("Politics", "Foreign Affairs", false));
}

TEST_CASE("byline_name and is_personal_name", "[indexer][cleaning_rules]") {
    CHECK(byline_name("By Jane Doe") == "Jane Doe");
    CHECK(byline_name("By Jane Doe, Reuters") == "Jane Doe");
    CHECK(byline_name("BY JANE DOE") == "JANE DOE");
    CHECK(byline_name("By Jane Doe and John Roe") == "Jane Doe and John Roe");
    CHECK(byline_name("Written by Ludwig van Beethoven") == "Ludwig van Beethoven");
    CHECK(byline_name("By: Anna-Maria O’Neill") == "Anna-Maria O’Neill");
    CHECK_FALSE(byline_name("By the way, nothing happened").has_value());
    CHECK_FALSE(byline_name("By 2030 the plan will be done").has_value());
    CHECK_FALSE(byline_name("Jane Doe").has_value());

    check_predicate(is_personal_name,
                    {"Joseph Addington", "Sergey Lavrov", "Choe Son Hui", "J. R. Smith",
                     "Сергей Лавров", "Charles de Gaulle"},
                    {"Politics", "Foreign Affairs", "Head of the Russian Foreign Ministry",
                     "Recent Diplomatic Track Today And More", "Lavrov wants to meet with Rubio",
                     "Donate Subscribe", "Agent 007", "sergey lavrov"});
}

TEST_CASE("is_kicker", "[indexer][cleaning_rules]") {
    check_predicate(is_kicker, {"Foreign Affairs", "World", "Science & Tech", "Middle East"},
                    {"Subscribe", "The Daily Planet", "online.ua", "World War 2",
                     "Rubio Meets With Lavrov", "politics", "Thursday", "Today", "Trending"});
}

TEST_CASE("rules survive invalid UTF-8 and huge lines", "[indexer][cleaning_rules]") {
    const std::string bad = "\xC3\x28 \xA0\xA1 \xE2\x82 \xF0\x28\x8C\xBC By \xFF\xFE";
    CHECK_NOTHROW(is_cookie_banner(bad));
    CHECK_NOTHROW(is_personal_name(bad));
    CHECK_NOTHROW(strip_markup(bad));
    CHECK_NOTHROW(byline_name(bad));
    CHECK_NOTHROW(is_kicker(bad));
    CHECK_NOTHROW(line_key(bad));

    const std::string huge(1 << 20, 'a');
    CHECK_FALSE(is_navigation_line(huge));
    CHECK_FALSE(is_share_line(huge));
    CHECK_FALSE(is_alt_text_dump(huge));
    CHECK_FALSE(split_caption_credit(huge + ")").has_value());
    CHECK(strip_markup(huge).size() == huge.size());
}

TEST_CASE("is_related_link_teaser", "[indexer][cleaning_rules]") {
    check_predicate(is_related_link_teaser,
                    {"Read more: Lavrov says talks with Rubio were useful",
                     "READ ALSO: Kremlin rejects rumours about Lavrov",
                     "See also: Timeline of the war", "Watch: Rubio arrives in Riyadh"},
                    {"Read the full statement on the ministry's website.", "Related posts",
                     "Readers wrote in: the talks were a mistake, they said."});
}
