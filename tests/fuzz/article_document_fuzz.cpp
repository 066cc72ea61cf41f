// Any bytes as an article's stored document data (common/article_document.hpp), as a damaged
// index could hold them: reading them either fails with a DataError or gives passages whose
// texts, scores and marks stay inside the article; and whatever the reader of the current form
// reads, the tree reader reads the same, in either form of header (MessagePack, or the JSON of
// older indexes).
#include "fuzz_check.hpp"

#include "common/article_document.hpp"
#include "common/article_document_reader.hpp"
#include "common/errors.hpp"
#include "searcher/passage_ranking.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newssearch;
    static const Analyzer analyzer;
    static const Xapian::Database statistics(std::string(), Xapian::DB_BACKEND_INMEMORY);
    static searcher::StemmedTerms stemmed(analyzer);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const auto parts = detail::split_article_document(bytes)) {
        if (const auto streamed = detail::read_current_article_document(*parts)) {
            try {
                FUZZ_CHECK(*streamed == detail::read_article_document_tree(bytes), "both readers read the same");
            } catch (const DataError&) {
                FUZZ_CHECK(false, "what one reader reads the other reads too");
            }
        }
    }
    ArticleDocument document;
    try {
        document = parse_article_document(bytes);
    } catch (const DataError&) {
        return 0;
    }
    searcher::PassageQuery query;
    query.terms.words = {"rubio", "Ztalk"};
    query.terms.phrases = {{"new", "talks"}};
    query.entity_keys = {"riyadh"};
    searcher::PassageRanker ranker(analyzer, statistics, RankingSettings{}, stemmed);
    const std::vector<searcher::ScoredPassage> passages = ranker.score(document, query);
    FUZZ_CHECK(passages.size() == document.passages.size(), "one score per passage");
    for (const searcher::ScoredPassage& passage : passages) {
        FUZZ_CHECK(passage.score >= 0, "scores are not negative");
        for (const ByteRange& mark : passage.marks)
            FUZZ_CHECK(mark.begin < mark.end && mark.end <= passage.text.size(), "marks lie in the passage");
    }
    if (!passages.empty())
        FUZZ_CHECK(searcher::best_passage(passages) < passages.size(), "the best passage is one of them");
    return 0;
}
