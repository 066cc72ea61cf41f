#include "eval/topics.hpp"

#include "common/errors.hpp"
#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::eval;
using Catch::Matchers::StartsWith;
using newssearch::eval::test::message_of;

namespace {
std::vector<std::string> ids_of(const std::vector<Topic>& topics) {
    std::vector<std::string> ids;
    for (const Topic& topic : topics)
        ids.push_back(topic.id);
    return ids;
}

const TopicReadOptions tsv{TopicFormat::tsv, false};
const TopicReadOptions trec{TopicFormat::trec, false};
const TopicReadOptions smart{TopicFormat::smart, false};
} // namespace

TEST_CASE("topics: TSV skips comments and blank lines", "[eval][topics]") {
    const auto topics = parse_topics("# id<TAB>query\n"
                                     "\n"
                                     "q1\tclimate   change\r\n"
                                     "  # indented comment\n"
                                     "007\t  Brexit vote\t \n",
                                     "t.tsv", tsv);
    CHECK(topics == std::vector<Topic>{{"q1", "climate change", ""}, {"007", "Brexit vote", ""}});
}

TEST_CASE("topics: malformed TSV names file and line", "[eval][topics]") {
    CHECK(message_of<DataError>([] { (void)parse_topics("1\tok\n2 no tab\n", "t.tsv", tsv); }) ==
          "t.tsv:2: expected 'id<TAB>query'");
    CHECK(message_of<DataError>([] { (void)parse_topics("\n1\t \n", "t.tsv", tsv); }) ==
          "t.tsv:2: topic '1' has an empty query");
    CHECK(message_of<DataError>([] { (void)parse_topics("\tquery\n", "t.tsv", tsv); }) ==
          "t.tsv:1: topic id '' is empty or has whitespace");
    CHECK(message_of<DataError>([] { (void)parse_topics("1\ta\n2\tb\n1\tc\n", "t.tsv", tsv); }) ==
          "t.tsv:3: duplicate topic id '1' (first at line 1)");
}

TEST_CASE("topics: TREC topic files take the title as query", "[eval][topics]") {
    const auto topics = read_topics(test::fixture("trec_topics_sample.txt"));
    REQUIRE(topics.size() == 2);
    CHECK(topics[0].id == "401");
    CHECK(topics[0].query == "foreign minorities, Germany");
    CHECK(topics[0].description == "What language and cultural differences impede the "
                                   "integration of foreign minorities in Germany?");
    // Closing tags and a zero-padded number.
    CHECK(topics[1].id == "402");
    CHECK(topics[1].query == "behavioral genetics");
    CHECK(topics[1].description == "What is happening in the field of behavioral genetics?");

    // TREC-1/2 titles carry a "Topic:" label.
    const auto old_style = parse_topics(
        "<top>\n<head> Tipster Topic Description\n<num> Number: 051\n<dom> Domain: "
        "International Economics\n<title> Topic: Airbus Subsidies\n<desc> Description:\nA "
        "document will discuss government assistance.\n</top>\n",
        "old.txt", trec);
    CHECK(old_style == std::vector<Topic>{{"51", "Airbus Subsidies",
                                           "A document will discuss government assistance."}});
}

TEST_CASE("topics: malformed TREC topics name file and line", "[eval][topics]") {
    CHECK(message_of<DataError>([] {
              (void)parse_topics("<top>\n<title> t\n</top>\n", "t.trec", trec);
          }) == "t.trec:1: topic without a single id in <num>");
    CHECK(message_of<DataError>([] {
              (void)parse_topics("\n<top>\n<num> Number: 3\n<desc> d\n</top>\n", "t.trec", trec);
          }) == "t.trec:2: topic '3' has no <title>");
    CHECK(message_of<DataError>([] {
              (void)parse_topics("<top>\n<num> 1\n<title> a\n\n<top>\n<num> 2\n<title> b\n</top>\n",
                                 "t.trec", trec);
          }) == "t.trec:5: <top> inside <top> (missing </top>?)");
    CHECK(message_of<DataError>([] {
              (void)parse_topics("<top>\n<num> 1\n<title> a\n</top>\n<top>\n<num> 2\n<title> b\n",
                                 "t.trec", trec);
          }) == "t.trec:5: <top> without </top>");
    CHECK(message_of<DataError>([] {
              (void)parse_topics("<top><num> 1 <title> a </top>\n<top><num> 1 <title> b </top>\n",
                                 "t.trec", trec);
          }) == "t.trec:2: duplicate topic id '1' (first at line 1)");
}

TEST_CASE("topics: SMART query files, by .I or by position", "[eval][topics]") {
    const auto by_id = read_topics(test::fixture("cran_sample.qry"));
    CHECK(ids_of(by_id) == std::vector<std::string>{"1", "2", "4"});
    CHECK(by_id[1].query ==
          "what are the structural and aeroelastic problems associated with flight of high speed "
          "aircraft .");
    // Cranfield's judgments number queries 1..225 by position.
    const auto by_position =
        read_topics(test::fixture("cran_sample.qry"), {TopicFormat::automatic, true});
    CHECK(ids_of(by_position) == std::vector<std::string>{"1", "2", "3"});
    CHECK(by_position[2].query == by_id[2].query);

    // CISI query 60 has .T/.A/.W/.B: the query is its title then its text, on one line.
    const auto cisi = read_topics(test::fixture("cisi_sample.qry"), smart);
    CHECK(ids_of(cisi) == std::vector<std::string>{"1", "2", "60"});
    CHECK_THAT(cisi[2].query,
               StartsWith("The Combined Use of Bibliographic Coupling and Cocitation "
                          "for Document Retrieval A linkage similarity measure which takes"));
    CHECK(cisi[2].query.find("JASIS") == std::string::npos);
    CHECK(cisi[2].query.find("Bichteler") == std::string::npos);
    CHECK(cisi[2].query.find('\n') == std::string::npos);
    // Without titles, the text alone.
    TopicReadOptions text_only = smart;
    text_only.smart_title = false;
    CHECK_THAT(read_topics(test::fixture("cisi_sample.qry"), text_only)[2].query,
               StartsWith("A linkage similarity measure which takes"));

    CHECK(message_of<DataError>([] {
              (void)parse_topics(".I 1\n.W\n\n.I 2\n.W\nq\n", "q.qry", smart);
          }) == "q.qry:1: query '1' has no .W text");
}

TEST_CASE("topics: format detection and names", "[eval][topics]") {
    CHECK(detect_topic_format("1\tquery\n") == TopicFormat::tsv);
    CHECK(detect_topic_format("# comment\n\n<top>\n") == TopicFormat::trec);
    CHECK(detect_topic_format("\n.I 1\n.W\nq\n") == TopicFormat::smart);
    CHECK(detect_topic_format(".Imaginary\tquery\n") == TopicFormat::tsv);
    CHECK(detect_topic_format("") == TopicFormat::tsv);
    for (const TopicFormat format :
         {TopicFormat::automatic, TopicFormat::tsv, TopicFormat::trec, TopicFormat::smart})
        CHECK(parse_topic_format(to_string(format)) == format);
    CHECK(message_of<UsageError>([] { (void)parse_topic_format("xml"); }) ==
          "unknown topic format 'xml' (expected auto, tsv, trec or smart)");
    CHECK(message_of<DataError>([] { (void)read_topics("/nonexistent/t.tsv"); }) ==
          "/nonexistent/t.tsv: cannot read the topics file");
}

TEST_CASE("topics: the real Cranfield and CISI query files", "[eval][topics][shared]") {
    const auto folder = test::shared_data();
    if (!std::filesystem::exists(folder / "cranfield")) {
        WARN("shared data not found at " << folder << ": skipped");
        return;
    }
    const auto cranfield =
        read_topics(folder / "cranfield" / "cran.qry", {TopicFormat::automatic, true});
    REQUIRE(cranfield.size() == 225);
    CHECK(cranfield.back().id == "225");
    const auto cranfield_by_id = read_topics(folder / "cranfield" / "cran.qry");
    CHECK(cranfield_by_id.back().id == "365");
    const auto cisi = read_topics(folder / "cisi" / "CISI.QRY");
    REQUIRE(cisi.size() == 112);
    CHECK(cisi.back().id == "112");
}
