#include "searcher/match_prescreen.hpp"

#include "common/analyzer.hpp"
#include "common/schema.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

HighlightTerms words(std::set<std::string> terms) {
    HighlightTerms result;
    result.words = std::move(terms);
    return result;
}

std::string stem_term(const Analyzer& analyzer, const std::string& word) {
    return schema::term(schema::stem_marker, analyzer.stem(word));
}

/// The non-empty lines of a BBC category's articles, and the index forms of their words.
struct BbcCategory {
    std::vector<std::string> paragraphs;
    std::set<std::string> vocabulary;
};

BbcCategory read_bbc_category(const Analyzer& analyzer, const std::string& category) {
    const std::filesystem::path folder = std::filesystem::path(NEWSSEARCH_SHARED_DATA) / "bbc" / category;
    REQUIRE(std::filesystem::is_directory(folder));
    BbcCategory news;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            news.paragraphs.push_back(line);
            for (const Token& token : analyzer.tokenize(line)) news.vocabulary.insert(token.term);
        }
    }
    return news;
}

} // namespace

TEST_CASE("the prescreen rules out text that cannot match and only such text", "[match_prescreen]") {
    const Analyzer analyzer;
    const MatchPrescreen talks(words({stem_term(analyzer, "agreement"), "lavrov"}));
    CHECK_FALSE(talks.may_match("The weather held; nobody spoke."));
    CHECK_FALSE(talks.may_match("\xC2\xA3" "5bn \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D")); // £, dash, quotes
    CHECK(talks.may_match("Two AGREEMENTS were signed."));
    CHECK(talks.may_match("Lavrov\xE2\x80\x99s aide"));                  // curly possessive
    CHECK(talks.may_match("Lavr\xC3\xB6v spoke"));                       // an accented letter: maybe
    CHECK(talks.may_match("the \xEF\xAC\x81nal word"));                  // a ligature folds to letters
}

TEST_CASE("the prescreen finds the words the stemmer changes most, abbreviations and apostrophes",
          "[match_prescreen]") {
    const Analyzer analyzer;
    CHECK(MatchPrescreen(words({stem_term(analyzer, "die")})).may_match("Dying stars"));
    CHECK(MatchPrescreen(words({stem_term(analyzer, "sky")})).may_match("clear skies"));
    CHECK(MatchPrescreen(words({"us"})).may_match("the U.S. economy"));
    CHECK(MatchPrescreen(words({"3.5"})).may_match("grew 3.5%"));
    CHECK(MatchPrescreen(words({"don't"})).may_match("I don\xE2\x80\x99t know"));
    CHECK_FALSE(MatchPrescreen(words({"us"})).may_match("the UK economy"));
}

TEST_CASE("a phrase needs all its words, an empty query nothing", "[match_prescreen]") {
    HighlightTerms terms;
    terms.phrases = {{"signed", "treaty"}};
    CHECK(MatchPrescreen(terms).may_match("They signed the treaty."));
    CHECK_FALSE(MatchPrescreen(terms).may_match("They signed nothing."));
    CHECK_FALSE(MatchPrescreen(HighlightTerms{}).may_match("Anything at all."));
}

TEST_CASE("the longest plain piece of a term leaves out apostrophes and dots", "[match_prescreen]") {
    CHECK(longest_plain_piece("don't") == "don");
    CHECK(longest_plain_piece("o'connell") == "connell");
    CHECK(longest_plain_piece("3.25") == "25");
    CHECK(longest_plain_piece("lavrov") == "lavrov");
    CHECK(longest_plain_piece("'") == "");
}

TEST_CASE("only punctuation, symbols and spaces outside ASCII keep text plain", "[match_prescreen]") {
    CHECK(folds_as_ascii("plain ASCII, 100%"));
    CHECK(folds_as_ascii("\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5")); // “quoted” €5
    CHECK_FALSE(folds_as_ascii("Z\xC3\xBCrich"));                              // ü
    CHECK_FALSE(folds_as_ascii("\xE2\x84\xA2"));                               // ™ folds to "tm"
    CHECK_FALSE(folds_as_ascii("x\xC2\xB2"));                                  // ² is a digit
    CHECK_FALSE(folds_as_ascii("broken \xC3"));                                // invalid UTF-8
}

TEST_CASE("on real news, no paragraph with a match is ever ruled out", "[match_prescreen][corpus]") {
    // Every paragraph of a BBC category against words and stems from all of it: wherever the
    // analyser and find_matches() find a match, the prescreen must say "maybe".
    const Analyzer analyzer;
    StemmedTerms stemmed(analyzer);
    const BbcCategory news = read_bbc_category(analyzer, "business");
    const std::vector<std::string>& paragraphs = news.paragraphs;
    const std::set<std::string>& vocabulary = news.vocabulary;
    // Every 13th word, as typed and as its stem.
    std::vector<std::string> query_terms;
    std::size_t n = 0;
    for (const std::string& word : vocabulary)
        if (n++ % 13 == 0) query_terms.insert(query_terms.end(), {word, stem_term(analyzer, word)});
    REQUIRE(query_terms.size() > 1000);
    std::size_t ruled_out = 0;
    std::size_t missed = 0;
    for (const std::string& paragraph : paragraphs) {
        const std::vector<Token> tokens = analyzer.tokenize(paragraph);
        for (std::size_t i = 0; i < query_terms.size(); i += 7) {
            const HighlightTerms terms = words({query_terms[i]});
            const bool matches = !find_matches(tokens, terms, stemmed).empty();
            const bool maybe = MatchPrescreen(terms).may_match(paragraph);
            if (!maybe) ++ruled_out;
            if (matches && !maybe) {
                ++missed;
                UNSCOPED_INFO(query_terms[i] << " in: " << paragraph);
            }
        }
    }
    CHECK(missed == 0);
    CHECK(ruled_out > 0);
}

namespace {

/// find_matches() over the parts matching_parts() gives, offsets back in `text`; nothing when it
/// says to cut the whole text.
std::optional<std::vector<TermMatch>> matches_in_parts(const Analyzer& analyzer, StemmedTerms& stemmed,
                                                       const HighlightTerms& terms, std::string_view text) {
    const std::optional<std::vector<ByteRange>> parts = MatchPrescreen(terms).matching_parts(text);
    if (!parts) return std::nullopt;
    std::vector<TermMatch> matches;
    for (const ByteRange& part : *parts)
        for (TermMatch match : find_matches(analyzer.tokenize(text.substr(part.begin, part.end - part.begin)), terms, stemmed)) {
            match.range = {match.range.begin + part.begin, match.range.end + part.begin};
            matches.push_back(std::move(match));
        }
    return matches;
}

bool same_matches(const std::vector<TermMatch>& a, const std::vector<TermMatch>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].range.begin != b[i].range.begin || a[i].range.end != b[i].range.end || a[i].term != b[i].term)
            return false;
    return true;
}

} // namespace

TEST_CASE("the parts that may match give the matches the whole text gives", "[match_prescreen]") {
    const Analyzer analyzer;
    StemmedTerms stemmed(analyzer);
    const HighlightTerms terms = words({stem_term(analyzer, "agreement"), "lavrov", "us", "don't"});
    const std::string text = "Talks.  The U.S. agreed; Lavrov\xE2\x80\x99s \xE2\x80\x9C" "agreements\xE2\x80\x9D held. "
                             "I don\xE2\x80\x99t know \xC2\xA3" "5bn. Nothing here.\nLAVROV, again.";
    const std::optional<std::vector<TermMatch>> in_parts = matches_in_parts(analyzer, stemmed, terms, text);
    REQUIRE(in_parts.has_value());
    const std::vector<TermMatch> whole = find_matches(analyzer.tokenize(text), terms, stemmed);
    CHECK(whole.size() == 5);
    CHECK(same_matches(*in_parts, whole));
    const std::vector<ByteRange> parts = *MatchPrescreen(terms).matching_parts(text);
    CHECK(parts.size() < 10); // not every word: "Talks.", "Nothing here." are left out
    CHECK(std::string_view(text).substr(parts.front().begin, parts.front().end - parts.front().begin) == "U.S.");

    CHECK(MatchPrescreen(terms).matching_parts("Nothing to see.")->empty());
    CHECK_FALSE(MatchPrescreen(terms).matching_parts("Lavr\xC3\xB6v agreed").has_value()); // letters outside ASCII
    HighlightTerms phrase;
    phrase.phrases = {{"signed", "treaty"}};
    CHECK_FALSE(MatchPrescreen(phrase).matching_parts("They signed the treaty.").has_value()); // phrases need neighbours
    CHECK(MatchPrescreen(phrase).matching_parts("They signed nothing.")->empty());
}

TEST_CASE("on real news, the parts that may match give every match the whole paragraph gives",
          "[match_prescreen][corpus]") {
    const Analyzer analyzer;
    StemmedTerms stemmed(analyzer);
    const BbcCategory news = read_bbc_category(analyzer, "politics");
    const std::vector<std::string>& paragraphs = news.paragraphs;
    const std::set<std::string>& vocabulary = news.vocabulary;
    // Queries of three terms: every 17th word of the vocabulary, as typed or as its stem.
    std::vector<std::string> query_terms;
    std::size_t n = 0;
    for (const std::string& word : vocabulary)
        if (n++ % 17 == 0) query_terms.push_back(n % 2 ? word : stem_term(analyzer, word));
    REQUIRE(query_terms.size() > 300);
    std::size_t compared = 0;
    std::size_t differ = 0;
    for (std::size_t p = 0; p < paragraphs.size(); p += 3) {
        const std::string& paragraph = paragraphs[p];
        const std::vector<Token> tokens = analyzer.tokenize(paragraph);
        for (std::size_t i = p % 11; i + 2 < query_terms.size(); i += 11) {
            const HighlightTerms terms = words({query_terms[i], query_terms[i + 1], query_terms[i + 2]});
            const std::optional<std::vector<TermMatch>> in_parts = matches_in_parts(analyzer, stemmed, terms, paragraph);
            if (!in_parts) continue;
            ++compared;
            if (!same_matches(*in_parts, find_matches(tokens, terms, stemmed))) {
                ++differ;
                UNSCOPED_INFO(query_terms[i] << " " << query_terms[i + 1] << " " << query_terms[i + 2] << " in: " << paragraph);
            }
        }
    }
    CHECK(differ == 0);
    CHECK(compared > 10000);
}
