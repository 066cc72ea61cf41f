#include "searcher/feedback.hpp"

#include "common/schema.hpp"
#include "common/stopwords.hpp"

#include <vector>

namespace newssearch::searcher {

bool feedback_enabled(const FeedbackSettings& settings) {
    return settings.on && settings.documents > 0 && settings.terms > 0 && settings.weight > 0.0;
}

FeedbackTermDecider::FeedbackTermDecider(const Analyzer& analyzer) {
    for (const std::string_view word : english_stopwords)
        stopword_stems_.insert(analyzer.stem(std::string(word)));
}

bool FeedbackTermDecider::operator()(const std::string& term) const {
    const std::string_view marker = schema::stem_marker;
    if (term.size() < marker.size() + 2 || !term.starts_with(marker))
        return false;
    // After the marker, an upper-case letter is a field prefix (title, author): not free text.
    const char first = term[marker.size()];
    if (first >= 'A' && first <= 'Z')
        return false;
    return !stopword_stems_.contains(term.substr(marker.size()));
}

Xapian::Query expand_query(const Xapian::Query& original, const Xapian::ESet& eset,
                           const FeedbackSettings& settings) {
    if (!feedback_enabled(settings) || eset.empty())
        return original;
    double total = 0.0;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        total += it.get_weight();
    if (total <= 0.0)
        return original;

    const double query_length = std::max<double>(1.0, original.get_length());
    std::vector<Xapian::Query> expansion;
    expansion.reserve(eset.size());
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        const double share = it.get_weight() / total;
        expansion.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                               settings.weight * query_length * share);
    }
    const Xapian::Query scaled_original(Xapian::Query::OP_SCALE_WEIGHT, original,
                                        1.0 - settings.weight);
    return Xapian::Query(Xapian::Query::OP_OR, scaled_original,
                         Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()));
}

} // namespace newssearch::searcher
