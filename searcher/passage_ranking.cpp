#include "searcher/passage_ranking.hpp"

#include "common/schema.hpp"
#include "searcher/match_prescreen.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

namespace newssearch::searcher {

PassageQuery passage_query(const Xapian::Query& query) {
    PassageQuery result;
    result.terms = highlight_terms(query, &result.entity_keys);
    return result;
}

bool has_wildcard(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (has_wildcard(query.get_subquery(i))) return true;
    return false;
}

PassageRanker::PassageRanker(const Analyzer& analyzer, const Xapian::Database& database, const RankingSettings& ranking,
                             StemmedTerms& stemmed, const Xapian::MSet* statistics)
    : analyzer_(analyzer), database_(database), statistics_(statistics), ranking_(ranking),
      title_wdf_(schema::title_wdf(database)), stemmed_(stemmed) {}

double PassageRanker::idf(const std::string& term) {
    if (const auto found = idf_.find(term); found != idf_.end()) return found->second;
    double value = 0;
    if (term.find(' ') != std::string::npos) {
        // A phrase is as telling as its words together.
        std::istringstream words(term);
        for (std::string word; words >> word;) value += idf(word);
    } else {
        const double articles = database_.get_doccount();
        // The match's statistics answer for its own terms without a look-up, and ask the
        // database for any other.
        const double with_term = statistics_ ? statistics_->get_termfreq(term) : database_.get_termfreq(term);
        value = std::log(1.0 + (articles - with_term + 0.5) / (with_term + 0.5));
    }
    idf_.emplace(term, value);
    return value;
}

std::vector<ScoredPassage> PassageRanker::score(const ArticleDocument& document, const PassageQuery& query) {
    // Each passage is scored as if it were a document of its own with the article's title, as
    // the index weights the title: title_wdf times each word.
    std::map<std::string, unsigned> title_counts;
    const std::vector<Token> title = analyzer_.tokenize(document.article.title);
    for (const TermMatch& match : find_matches(title, query.terms, stemmed_)) title_counts[match.term] += title_wdf_;
    const std::size_t title_length = title.size() * title_wdf_;

    const std::string body = article_body_text(document.article);
    const MatchPrescreen prescreen(query.terms);
    std::vector<ScoredPassage> passages;
    std::vector<std::size_t> lengths;
    std::vector<std::map<std::string, unsigned>> counts(document.passages.size(), title_counts);
    std::size_t total_length = 0;
    for (std::size_t i = 0; i < document.passages.size(); ++i) {
        ScoredPassage passage;
        passage.index = i;
        passage.text = passage_text(document.article, body, document.passages[i]);
        // Counts and marks the matches among the words of the passage's bytes [from, to); how
        // many words there are.
        const auto match_words = [&](std::size_t from, std::size_t to) {
            const std::vector<Token> tokens = analyzer_.tokenize(std::string_view(passage.text).substr(from, to - from));
            for (const TermMatch& match : find_matches(tokens, query.terms, stemmed_)) {
                ++counts[i][match.term];
                passage.marks.push_back({match.range.begin + from, match.range.end + from});
            }
            return tokens.size();
        };
        // A passage none of whose words can match needs only its length, which the index keeps;
        // one that may match is cut into words only where a word may match.
        std::size_t words = 0;
        const std::optional<std::size_t> stored = document.passages[i].words;
        std::optional<std::vector<ByteRange>> parts;
        if (stored) parts = prescreen.matching_parts(passage.text);
        if (parts) {
            for (const ByteRange& part : *parts) match_words(part.begin, part.end);
            words = *stored;
        } else {
            words = match_words(0, passage.text.size());
        }
        lengths.push_back(title_length + words);
        total_length += words;
        passages.push_back(std::move(passage));
    }
    // Marked where the passage names the entity, whatever the spelling the query used.
    std::vector<std::map<std::string, unsigned>> entity_counts(document.passages.size());
    for (const PassageMention& mention : document.mentions) {
        if (mention.passage >= passages.size() || !query.entity_keys.contains(mention.key)) continue;
        ScoredPassage& passage = passages[mention.passage];
        if (mention.end > passage.text.size() || mention.begin >= mention.end) continue;
        ++entity_counts[mention.passage][schema::term(schema::entity_prefix, mention.key)];
        passage.marks.push_back({mention.begin, mention.end});
    }

    // Passage lengths are normalised by the article's average passage (title not counted there:
    // measured on the bundled passage judgments, docs/EVALUATION.md).
    const double average = passages.empty() ? 1.0 : std::max(1.0, double(total_length) / double(passages.size()));
    const double k1 = ranking_.k1;
    const auto bm25 = [&](double tf, std::size_t length) {
        return tf * (k1 + 1) / (tf + k1 * (1 - ranking_.b + ranking_.b * double(length) / average));
    };
    for (std::size_t i = 0; i < passages.size(); ++i) {
        double score = 0;
        for (const auto& [term, tf] : counts[i]) score += idf(term) * bm25(tf, lengths[i]);
        for (const auto& [term, tf] : entity_counts[i])
            score += ranking_.entity_boost * idf(term) * bm25(tf, lengths[i]);
        passages[i].score = score;
        passages[i].marks = merge_ranges(passages[i].text, std::move(passages[i].marks));
    }
    return passages;
}

std::size_t best_passage(const std::vector<ScoredPassage>& passages) {
    // Passages the query matched only through the title differ only in length: the first stands
    // for the article then.
    std::size_t best = 0;
    bool found = false;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        if (passages[i].marks.empty()) continue;
        if (!found || passages[i].score > passages[best].score) best = i;
        found = true;
    }
    return best;
}

std::vector<std::size_t> matching_passages(const std::vector<ScoredPassage>& passages) {
    std::vector<std::size_t> matching;
    if (passages.empty()) return matching;
    const std::size_t best = best_passage(passages);
    for (const ScoredPassage& passage : passages)
        if (passage.index == best || !passage.marks.empty()) matching.push_back(passage.index);
    return matching;
}

} // namespace newssearch::searcher
