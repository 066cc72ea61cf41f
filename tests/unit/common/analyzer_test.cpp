#include "common/analyzer.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace newssearch;

namespace {

std::vector<std::string> terms_of(const Analyzer& analyzer, std::string_view text) {
    std::vector<std::string> terms;
    for (const Token& token : analyzer.tokenize(text)) terms.push_back(token.term);
    return terms;
}

using Terms = std::vector<std::string>;

} // namespace

TEST_CASE("tokenize cuts words with ICU and folds them", "[analyzer]") {
    const Analyzer analyzer;
    const auto [text, expected] = GENERATE(table<std::string, Terms>({
        {"U.S. Secretary of State Marco Rubio", {"us", "secretary", "of", "state", "marco", "rubio"}},
        {"Lavrov’s “new idea”", {"lavrov", "new", "idea"}},
        {"Russo–Ukrainian war", {"russo", "ukrainian", "war"}},
        {"online.ua and london-news-net.com", {"online", "ua", "and", "london", "news", "net", "com"}},
        {"title:Lavrov", {"title", "lavrov"}},
        {"1,000 troops, 3.5%, 2025-02-18", {"1,000", "troops", "3.5", "2025", "02", "18"}},
        {"Сергей Лавров", {"сергей", "лавров"}},
        {"日本語のテキスト", {"日本語", "の", "テキスト"}},
        {"zero\xE2\x80\x8Bwidth", {"zero", "width"}},
        {"Zu\xCC\x88rich café", {"zurich", "cafe"}},
        {"  ...  ", {}},
    }));
    CAPTURE(text);
    CHECK(terms_of(analyzer, text) == expected);
}

TEST_CASE("tokens keep byte offsets into the original text and count positions", "[analyzer]") {
    const Analyzer analyzer;
    const std::string text = "“Zürich’s” Лавров";
    const auto tokens = analyzer.tokenize(text);
    REQUIRE(tokens.size() == 2);
    CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Zürich’s");
    CHECK(tokens[0].term == "zurich");
    CHECK(tokens[0].position == 1);
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "Лавров");
    CHECK(tokens[1].position == 2);
}

TEST_CASE("invalid UTF-8 and over-long words never become terms", "[analyzer]") {
    const Analyzer analyzer;
    CHECK(terms_of(analyzer, "caf\xE9 ok") == Terms{"caf", "ok"});
    CHECK(terms_of(analyzer, "\xFF\xFE\xFD") == Terms{});
    const std::string huge(100000, 'x');
    CHECK(terms_of(analyzer, huge + " short") == Terms{"short"});
}

TEST_CASE("sentences follow ICU rules without breaking after abbreviations", "[analyzer]") {
    const Analyzer analyzer;
    const std::string text = "U.S. Secretary of State Marco Rubio met Mr. Lavrov. They talked.  \n\nThen left!";
    std::vector<std::string> sentences;
    for (const ByteRange& range : analyzer.sentences(text))
        sentences.push_back(text.substr(range.begin, range.end - range.begin));
    CHECK(sentences == std::vector<std::string>{"U.S. Secretary of State Marco Rubio met Mr. Lavrov.",
                                                "They talked.", "Then left!"});
}

TEST_CASE("normalize_query folds words but keeps query syntax", "[analyzer]") {
    const Analyzer analyzer;
    const auto [query, expected] = GENERATE(table<std::string, std::string>({
        {"Anchorage agreements", "anchorage agreements"},
        {"“New Idea” AND Lavrov’s", "\"new idea\" AND lavrov"},
        {"Rubio NOT Trump OR Putin", "rubio NOT trump OR putin"},
        {"Rubio NEAR/3 Lavrov", "rubio NEAR/3 lavrov"},
        {"title:Zürich -Barbie +U.S.", "title:zurich -barbie +us."},
        {"agree* (Kyiv OR Kiev)", "agree* (kyiv OR kiev)"},
        {"Russo–Ukrainian", "russo-ukrainian"},
        {"日本語のテキスト", "日本語 の テキスト"},
    }));
    CAPTURE(query);
    CHECK(analyzer.normalize_query(query) == expected);
}

// The query side reads words with Xapian's QueryParser; the indexer with tokenize(). This pins
// that both see the same terms, so nothing indexed is unreachable by a query.
TEST_CASE("Xapian's query parser sees exactly the terms the indexer writes", "[analyzer]") {
    const Analyzer analyzer;
    Xapian::QueryParser parser;
    const std::string text = GENERATE(as<std::string>{},
        "U.S. Secretary of State Marco Rubio met Lavrov's team in Kuala Lumpur.",
        "Zürich online.ua Russo–Ukrainian “new idea” don’t",
        "1,000 troops and 3.5% on 2025-02-18 at 10:30",
        "Сергей Лавров встретился с Рубио",
        "日本語のテキスト",
        "co\xC2\xADoperate ﬁnance Straße O'Brien e-mail x@y.com");
    CAPTURE(text);
    const Xapian::Query query = parser.parse_query(analyzer.normalize_query(text), 0);
    std::set<std::string> parsed(query.get_terms_begin(), query.get_terms_end());
    const auto indexed_terms = terms_of(analyzer, text);
    const std::set<std::string> indexed(indexed_terms.begin(), indexed_terms.end());
    CHECK(parsed == indexed);
}

// The indexer writes a stemmed term only for words that have a stem (Analyzer::has_stem); this
// pins that rule to the stemmed terms Xapian's QueryParser asks for, so none is missing or wasted.
// (The parser also leaves words joined into a phrase, "e-mail" or "x@y.com", unstemmed; the
// index keeps their stems for when the words stand alone.)
TEST_CASE("the indexer writes stems for exactly the words the query parser stems", "[analyzer]") {
    const Analyzer analyzer;
    Xapian::QueryParser parser;
    parser.set_stemmer(analyzer.stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    const std::string text = GENERATE(as<std::string>{},
        "U.S. Secretary of State Marco Rubio met Lavrov's team in Kuala Lumpur.",
        "1,000 troops and 3.5% on 2025-02-18 at 10:30 in 1995 with covid19",
        "Сергей Лавров встретился с Рубио",
        "日本語のテキスト ʻokina",
        "co\xC2\xADoperate ﬁnance Straße O'Brien");
    CAPTURE(text);
    const Xapian::Query query = parser.parse_query(analyzer.normalize_query(text), 0);
    std::set<std::string> parsed;
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it)
        if ((*it).starts_with('Z')) parsed.insert(*it);
    std::set<std::string> indexed;
    for (const Token& token : analyzer.tokenize(text))
        if (Analyzer::has_stem(token.term)) indexed.insert("Z" + analyzer.stem(token.term));
    CHECK(parsed == indexed);
    CHECK_FALSE(Analyzer::has_stem("1995"));
    CHECK_FALSE(Analyzer::has_stem("3.5"));
    CHECK(Analyzer::has_stem("covid19"));
    CHECK(Analyzer::has_stem("лавров"));
}

TEST_CASE("filter_form joins a value's words with '-'", "[analyzer]") {
    const Analyzer analyzer;
    CHECK(analyzer.filter_form("Foreign Affairs") == "foreign-affairs");
    CHECK(analyzer.filter_form("online.ua") == "online-ua");
    CHECK(analyzer.filter_form("london-news-net.preview-domain.com") == "london-news-net-preview-domain-com");
    CHECK(analyzer.filter_form("") == "");
}

TEST_CASE("ASCII text is cut into the words ICU's rules find in it", "[analyzer]") {
    // tokenize() cuts ASCII stretches itself and leaves the rest to ICU: both must agree with ICU
    // reading everything, on every short string of the characters that join or break words, and
    // on longer strings that mix in non-ASCII letters, marks, joiners and symbols.
    const Analyzer analyzer;
    const std::vector<std::string> ascii{"a", "B", "1", "_", ":", ".", ",", ";", "'", " ", "@", "-", "\n", "\""};
    std::vector<std::string> strings{""};
    for (int length = 1; length <= 4; ++length) {
        std::vector<std::string> longer;
        for (const std::string& prefix : strings)
            if (prefix.size() == static_cast<std::size_t>(length - 1))
                for (const std::string& c : ascii) longer.push_back(prefix + c);
        strings.insert(strings.end(), longer.begin(), longer.end());
    }
    std::vector<std::string> pieces = ascii;
    for (const char* wide : {"\u00E9", "\u00A3", "\u0301", "\u200D", "\u5317\u4EAC", "\u2019", "\u00A0", "\xFF"})
        pieces.emplace_back(wide);
    std::uint64_t state = 42; // a fixed sequence: the same strings every run
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const std::size_t length = 1 + next() % 16;
        for (std::size_t j = 0; j < length; ++j) text += pieces[next() % pieces.size()];
        strings.push_back(std::move(text));
    }
    for (int c = 1; c < 0x80; ++c) // every ASCII character between and beside letters, digits, '_'
        for (const char* context : {"a%b", "1%2", "%a", "a%", "%%", "_%_", "a%1", "a%%b", "1%%2", "%\u0301"}) {
            std::string text(context);
            for (std::size_t at = 0; (at = text.find('%', at)) != std::string::npos; ++at)
                text[at] = static_cast<char>(c);
            strings.push_back(std::move(text));
        }
    strings.emplace_back("U.S. officials said 3.5% (1,000,000) of can't-stop \u00A3100m deals at 10:30 were "
                         "x@y.com's __init__ a_b 9_ _9 __ _ caf\u00E9 na\u00EFve \u5317\u4EAC\u5927\u5B66 end.");
    std::size_t differ = 0;
    for (const std::string& text : strings) {
        const auto fast = analyzer.tokenize(text);
        const auto icu = analyzer.tokenize(text, true);
        if (fast != icu && ++differ <= 5) {
            CAPTURE(text);
            CHECK(fast == icu);
        }
    }
    CHECK(differ == 0);
}

TEST_CASE("a self-contained span is cut on its own as the whole text cuts it", "[analyzer]") {
    // Random texts of words, spaces and characters outside ASCII, and random byte ranges in them:
    // tokenize() of the span around a range gives exactly the whole text's tokens inside it.
    const Analyzer analyzer;
    const std::vector<std::string> pieces{"word", "U.S.", "3.5", "can't", " ", " ", "\n", ",", ".", ":", "a@b",
                                          "\u00E9", "\u00A3", "\u0301", "\u2019", "\u201C", "\u00A0", "\u5317\u4EAC",
                                          "\u200D", "\xFF", "__", "x"};
    std::uint64_t state = 7; // a fixed sequence: the same texts every run
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    std::size_t differ = 0;
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        const std::size_t length = 1 + next() % 24;
        for (std::size_t j = 0; j < length; ++j) text += pieces[next() % pieces.size()];
        const std::vector<Token> whole = analyzer.tokenize(text);
        const std::size_t begin = next() % text.size();
        const std::size_t end = begin + next() % (text.size() - begin + 1);
        const ByteRange span = Analyzer::self_contained_span(text, begin, end);
        REQUIRE(span.begin <= begin);
        REQUIRE(span.end >= end);
        std::vector<std::pair<std::size_t, std::string>> inside;
        for (const Token& token : whole)
            if (token.begin >= span.begin && token.end <= span.end) inside.emplace_back(token.begin, token.term);
            else if (token.end > span.begin && token.begin < span.end) inside.emplace_back(0, "a token across the span's edge");
        std::vector<std::pair<std::size_t, std::string>> alone;
        for (const Token& token : analyzer.tokenize(std::string_view(text).substr(span.begin, span.end - span.begin)))
            alone.emplace_back(token.begin + span.begin, token.term);
        if (inside != alone && ++differ <= 5) {
            CAPTURE(text, begin, end, span.begin, span.end);
            CHECK(inside == alone);
        }
    }
    CHECK(differ == 0);
    // Spans stop at an ASCII space followed by ASCII, never inside a word, nor before a mark that
    // ICU joins to the space before it.
    const std::string text = "one two\u00A0three four";
    const ByteRange span = Analyzer::self_contained_span(text, 5, 6); // in "two"
    CHECK(text.substr(span.begin, span.end - span.begin) == "two\u00A0three");
    const std::string marked = "one \u0301two three";
    const ByteRange around = Analyzer::self_contained_span(marked, 7, 8); // in "two"
    CHECK(marked.substr(around.begin, around.end - around.begin) == "one \u0301two");
}
