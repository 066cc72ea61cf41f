#include "searcher/feedback.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace newssearch;
using namespace newssearch::searcher;

TEST_CASE("feedback: only free-text stems that are not stopwords expand a query",
          "[eval][feedback]") {
    const Analyzer analyzer;
    const FeedbackTermDecider decider(analyzer);
    CHECK(decider("Zslipstream"));
    CHECK_FALSE(decider("2022"));         // a number has no stem (Analyzer::has_stem)
    CHECK_FALSE(decider("slipstream"));   // unstemmed form: the query uses stems
    CHECK_FALSE(decider("ZSslipstream")); // title field
    CHECK_FALSE(decider("ZAlavrov"));     // author field
    CHECK_FALSE(decider("XAarticle"));    // boolean term
    CHECK_FALSE(decider("Zthe"));         // stopword stems
    CHECK_FALSE(decider("Z" + analyzer.stem("having")));
    CHECK_FALSE(decider("Zx")); // too short to carry meaning
}

TEST_CASE("feedback: the expanded query interpolates the original with weighted terms",
          "[eval][feedback]") {
    const Analyzer analyzer;
    const Xapian::Query original(Xapian::Query::OP_OR, Xapian::Query("Zwing"),
                                 Xapian::Query("Zlift"));
    const Xapian::ESet no_terms;
    FeedbackSettings settings;
    settings.on = true;
    CHECK(expand_query(original, no_terms, settings).get_description() ==
          original.get_description());
    settings.on = false;
    CHECK_FALSE(feedback_enabled(settings));
    settings.on = true;

    // A real ESet: the first document is "relevant"; its distinctive stems expand the query.
    Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& terms :
         std::vector<std::vector<std::string>>{{"Zwing", "Zlift", "Zflutter", "ZSflutter"},
                                               {"Zwing", "Zdrag"},
                                               {"Zbuckl", "Zshell"}}) {
        Xapian::Document document;
        for (const std::string& term : terms)
            document.add_term(term);
        database.add_document(document);
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(original);
    Xapian::RSet relevant;
    relevant.add_document(1);
    const FeedbackTermDecider decider(analyzer);
    const Xapian::ESet eset = enquire.get_eset(10, relevant, &decider);
    REQUIRE(eset.size() == 1); // "flutter": "wing" and "lift" are already in the query
    CHECK(*eset.begin() == "Zflutter");
    settings.weight = 0.25;
    const Xapian::Query expanded = expand_query(original, eset, settings);
    // The original at 1 - weight, the one expansion term at weight x query length (2 terms).
    CHECK(expanded.get_description() == "Query((0.75 * (Zwing OR Zlift) OR 0.5 * Zflutter))");
}
