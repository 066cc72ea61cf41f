#pragma once
/// The hits stage of a search: turns each matching article into hits. Its passages are ranked
/// for the query (searcher/passage_ranking.hpp); an article hit shows the best one, a passage
/// list gets every matching one. Snippets, title marks, entity mentions and explanations are
/// filled here; the names the index gives the entities come after paging
/// (EntityNames::name_mentions).

#include "searcher/highlighter.hpp"
#include "searcher/matcher.hpp"
#include "searcher/passage_ranking.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace newssearch::searcher {

/// The hits of one matching article.
struct ArticleHits {
    std::vector<Hit> hits;     ///< one (its best passage), or every matching passage with --passages
    bool undated = false;      ///< the article's date is unknown
};

/// Not thread-safe; one per search.
class HitBuilder {
  public:
    /// `match` and `matcher` are the match stage's; all must outlive the builder. `path` names
    /// the index in errors.
    HitBuilder(const Analyzer& analyzer, const Xapian::Database& database, const SearchOptions& options,
               const MatchResult& match, const Matcher& matcher, StemmedTerms& stemmed, const std::string& path);

    /// The hits of the article at `it`. None when the article has no passage. Throws IndexError
    /// when its stored document is damaged.
    [[nodiscard]] ArticleHits build(const Xapian::MSetIterator& it);

  private:
    const Analyzer& analyzer_;
    const Xapian::Database& database_;
    const SearchOptions& options_;
    const MatchResult& match_;
    const Matcher& matcher_;
    const std::string& path_;
    const Xapian::Query& query_;
    PassageQuery passage_query_;
    /// Which words a wildcard stands for, each article's matching terms tell; they cost a look at
    /// the article's terms, so they are asked for only when needed.
    bool need_matching_terms_;
    PassageRanker ranker_;
};

} // namespace newssearch::searcher
