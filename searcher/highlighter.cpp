#include "searcher/highlighter.hpp"

#include "common/schema.hpp"

#include <algorithm>

namespace newssearch::searcher {
namespace {

/// True for terms of the body text: no field prefix (prefixes are upper-case ASCII; "Z" alone
/// marks a stemmed body term).
bool is_text_term(std::string_view term) {
    if (term.empty()) return false;
    if (term.starts_with(schema::stem_marker)) term.remove_prefix(schema::stem_marker.size());
    return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z');
}

void collect(const Xapian::Query& query, HighlightTerms& terms, std::set<std::string>* entity_keys) {
    const auto type = query.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (is_text_term(term)) {
            terms.words.insert(term);
        } else if (entity_keys != nullptr && term.starts_with(schema::entity_prefix) &&
                   !term.starts_with(schema::article_entity_prefix)) {
            entity_keys->insert(term.substr(schema::entity_prefix.size()));
        }
        return;
    }
    const std::size_t count = query.get_num_subqueries();
    if (type == Xapian::Query::OP_PHRASE) {
        std::vector<std::string> phrase;
        for (std::size_t i = 0; i < count; ++i) {
            const Xapian::Query sub = query.get_subquery(i);
            if (sub.get_type() != Xapian::Query::LEAF_TERM) return;
            const std::string term = *sub.get_terms_begin();
            if (!is_text_term(term)) return;
            phrase.push_back(term);
        }
        if (!phrase.empty()) terms.phrases.push_back(std::move(phrase));
        return;
    }
    // The right-hand side of AND_NOT is excluded and that of FILTER only restricts: neither is
    // something the hit "matched".
    const bool first_only = type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER;
    for (std::size_t i = 0; i < (first_only ? std::min<std::size_t>(count, 1) : count); ++i)
        collect(query.get_subquery(i), terms, entity_keys);
}

} // namespace

HighlightTerms highlight_terms(const Xapian::Query& query, std::set<std::string>* entity_keys) {
    HighlightTerms terms;
    collect(query, terms, entity_keys);
    return terms;
}

void add_matched_terms(HighlightTerms& terms, const std::vector<std::string>& matched,
                       const Xapian::Query& query) {
    // Most hits add nothing (no wildcard, no --explain): walking the query again for each of them
    // was 3% of a one-shot search.
    if (matched.empty()) return;
    std::set<std::string> phrase_words;
    for (const auto& phrase : terms.phrases) phrase_words.insert(phrase.begin(), phrase.end());
    // Terms under NOT never match a hit, but a term that is only in a phrase does: keep it out.
    const HighlightTerms from_query = highlight_terms(query);
    for (const std::string& term : matched) {
        if (!is_text_term(term)) continue;
        if (phrase_words.contains(term) && !from_query.words.contains(term)) continue;
        terms.words.insert(term);
    }
}

std::string_view stem_core(std::string_view stem) {
    const std::size_t rewritten = stem.ends_with("ie") ? 2 : 1;
    stem.remove_suffix(std::min(stem.size(), rewritten));
    return stem;
}

const std::string& StemmedTerms::of(const std::string& word) {
    auto found = stemmed_.find(word);
    if (found == stemmed_.end()) {
        if (stemmed_.size() >= max_words) stemmed_.clear();
        found = stemmed_.emplace(word, schema::term(schema::stem_marker, analyzer_.stem(word))).first;
    }
    return found->second;
}

std::vector<TermMatch> find_matches(const std::vector<Token>& tokens, const HighlightTerms& terms,
                                    StemmedTerms& stemmed) {
    std::vector<TermMatch> matches;
    if (!terms.words.empty()) {
        // A word can stem to one of the query's stems only if it starts with that stem's core
        // (a leading apostrophe is the one thing the stemmer removes from the front). Stemming
        // every word of ten articles was a tenth of a search.
        std::vector<std::string_view> stem_cores;
        for (const std::string& word : terms.words)
            if (word.size() > schema::stem_marker.size() && word.starts_with(schema::stem_marker))
                stem_cores.push_back(stem_core(std::string_view(word).substr(schema::stem_marker.size())));
        for (const Token& token : tokens) {
            if (terms.words.contains(token.term)) {
                matches.push_back({{token.begin, token.end}, token.term});
                continue;
            }
            const auto starts_core = [&](std::string_view core) { return token.term.starts_with(core); };
            if (token.term.empty() || (token.term.front() != '\'' &&
                                       std::none_of(stem_cores.begin(), stem_cores.end(), starts_core)))
                continue;
            const std::string& stem = stemmed.of(token.term);
            if (terms.words.contains(stem)) matches.push_back({{token.begin, token.end}, stem});
        }
    }
    for (const auto& phrase : terms.phrases) {
        if (phrase.empty() || phrase.size() > tokens.size()) continue;
        std::string joined;
        for (const std::string& word : phrase) joined += (joined.empty() ? "" : " ") + word;
        for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
            bool all = true;
            for (std::size_t k = 0; all && k < phrase.size(); ++k) all = tokens[i + k].term == phrase[k];
            if (all) matches.push_back({{tokens[i].begin, tokens[i + phrase.size() - 1].end}, joined});
        }
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const TermMatch& a, const TermMatch& b) { return a.range.begin < b.range.begin; });
    return matches;
}

std::vector<ByteRange> highlight(const Analyzer& analyzer, std::string_view text,
                                 const HighlightTerms& terms) {
    std::vector<ByteRange> ranges;
    StemmedTerms stemmed(analyzer);
    for (const TermMatch& match : find_matches(analyzer.tokenize(text), terms, stemmed)) ranges.push_back(match.range);
    return merge_ranges(text, std::move(ranges));
}

std::vector<ByteRange> merge_ranges(std::string_view text, std::vector<ByteRange> ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    // Merge overlapping ranges and ranges separated only by spaces ("Kuala Lumpur" is one mark).
    std::vector<ByteRange> merged;
    for (const ByteRange& range : ranges) {
        if (!merged.empty()) {
            ByteRange& last = merged.back();
            const bool touching = range.begin <= last.end ||
                text.substr(last.end, range.begin - last.end).find_first_not_of(' ') == std::string_view::npos;
            if (touching) {
                last.end = std::max(last.end, range.end);
                continue;
            }
        }
        merged.push_back(range);
    }
    return merged;
}

} // namespace newssearch::searcher
