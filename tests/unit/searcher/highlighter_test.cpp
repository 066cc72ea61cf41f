#include "searcher/highlighter.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

/// The marked parts of `text`, for readable expectations.
std::vector<std::string> marked(const Analyzer& analyzer, const std::string& text, const HighlightTerms& terms) {
    std::vector<std::string> parts;
    for (const ByteRange& range : highlight(analyzer, text, terms))
        parts.push_back(text.substr(range.begin, range.end - range.begin));
    return parts;
}

using Parts = std::vector<std::string>;

} // namespace

TEST_CASE("highlight marks every inflection the stemmer unifies", "[highlight]") {
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.words = {"Zagreement"};
    CHECK(marked(analyzer, "An agreement, two agreements, and the Agreements.", terms) ==
          Parts{"agreement", "agreements", "Agreements"});
}

TEST_CASE("highlight marks the stemmer's irregular forms too, whose stems differ most from the word",
          "[highlight]") {
    // Only words that start like a query stem are stemmed (for speed); these forms change the
    // most of any under the English stemmer, and must still be found.
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.words = {"Zdie", "Zsky", "Zyell", "Zgentl"};
    CHECK(marked(analyzer, "Dying stars lit the skies; dies, yelling, gently.", terms) ==
          Parts{"Dying", "skies", "dies", "yelling", "gently"});
    terms.words = {"Zagreement"};
    CHECK(marked(analyzer, "Stars, skies and greements, not agreed: one agreement.", terms) == Parts{"agreement"});
}

TEST_CASE("highlight marks exactly the original text, whatever its form", "[highlight]") {
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.words = {"Zzurich", "lavrov", "Zлавров"};
    CHECK(marked(analyzer, "In ZÜRICH, Lavrov’s aide met Лавров.", terms) == Parts{"ZÜRICH", "Lavrov’s", "Лавров"});
}

TEST_CASE("a phrase is marked as one span, and only where it occurs in order", "[highlight]") {
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.phrases = {{"new", "idea"}};
    CHECK(marked(analyzer, "A new strategy? No, a “new idea”. The idea is new.", terms) == Parts{"new idea"});
}

TEST_CASE("neighbouring marks separated by spaces merge", "[highlight]") {
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.words = {"Zkuala", "Zlumpur"};
    CHECK(marked(analyzer, "met in Kuala Lumpur, Kuala, and Lumpur", terms) == Parts{"Kuala Lumpur", "Kuala", "Lumpur"});
}

TEST_CASE("highlight_terms takes words and phrases but not NOT, filters or fields", "[highlight]") {
    using Q = Xapian::Query;
    const Q phrase(Q::OP_PHRASE, Q("new"), Q("idea"));
    const Q words(Q::OP_AND, Q("Zrubio"), phrase);
    const Q query(Q::OP_FILTER, Q(Q::OP_AND_NOT, words, Q("Ztrump")), Q("XSRConline-ua"));
    const Q with_field(Q::OP_AND, query, Q("ZSlavrov"));
    const HighlightTerms terms = highlight_terms(with_field);
    CHECK(terms.words == std::set<std::string>{"Zrubio"});
    CHECK(terms.phrases == std::vector<std::vector<std::string>>{{"new", "idea"}});
}

TEST_CASE("matched terms add wildcard expansions but not phrase-only words", "[highlight]") {
    using Q = Xapian::Query;
    const Q query(Q::OP_AND, Q(Q::OP_PHRASE, Q("new"), Q("idea")), Q(Q::OP_WILDCARD, "agree"));
    HighlightTerms terms = highlight_terms(query);
    add_matched_terms(terms, {"new", "idea", "agreements", "XAa1"}, query);
    CHECK(terms.words == std::set<std::string>{"agreements"});
}

TEST_CASE("highlight survives hostile text", "[highlight]") {
    const Analyzer analyzer;
    HighlightTerms terms;
    terms.words = {"ok"};
    CHECK(marked(analyzer, "\xFF\xFE ok \xC3", terms) == Parts{"ok"});
    CHECK(marked(analyzer, "", terms).empty());
}
