#include "searcher/more_like.hpp"

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/feedback.hpp"

#include <vector>

namespace newssearch::searcher {
namespace {

/// The words feedback may add (searcher/feedback.hpp: stemmed free-text words, not stopwords),
/// but no numbers, and only words in two articles or more.
class TellingWords : public Xapian::ExpandDecider {
  public:
    TellingWords(const Analyzer& analyzer, const Xapian::Database& database)
        : free_text_(analyzer), database_(database) {}

    bool operator()(const std::string& term) const override {
        if (!free_text_(term)) return false;
        const char first = term[schema::stem_marker.size()];
        return !(first >= '0' && first <= '9') && database_.get_termfreq(term) >= 2;
    }

  private:
    FeedbackTermDecider free_text_;
    const Xapian::Database& database_;
};

} // namespace

Xapian::Query more_like(const Xapian::Database& database, const Analyzer& analyzer, const std::string& article_id) {
    const std::string article_term = schema::term(schema::article_prefix, article_id);
    Xapian::RSet relevant;
    for (auto it = database.postlist_begin(article_term); it != database.postlist_end(article_term); ++it)
        relevant.add_document(*it);
    if (relevant.empty()) throw UsageError("no article with id \"" + article_id + "\" in the index");

    const TellingWords decider(analyzer, database);
    Xapian::Enquire enquire(database);
    const Xapian::ESet expand = enquire.get_eset(25, relevant, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = expand.begin(); it != expand.end(); ++it) terms.emplace_back(*it);
    if (terms.empty()) throw UsageError("article \"" + article_id + "\" has no words to compare with");
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         Xapian::Query(article_term));
}

} // namespace newssearch::searcher
