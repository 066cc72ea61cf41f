#pragma once
/// One story once: the matcher's articles grouped by story, so that copies of a story (the same
/// text re-sent, or lightly edited: common/near_duplicate.hpp) make one hit. Done on the results,
/// not at index time, so it is the same on one index, on shards (local or remote) and after any
/// update, and costs one stored value per article looked at.

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::searcher {

/// Article hits are grouped among the first this many results; deeper pages are not grouped.
inline constexpr std::size_t max_grouped_results = 1000;

/// One story: its best-ranked article, and the ids of its copies in rank order.
struct Story {
    Xapian::MSetIterator article;
    std::vector<std::string> copies;
};

/// How many results the matcher fetches, from the first, to fill the page [offset, offset +
/// limit) with stories: the page and as many again, plus a few, for the copies it skips.
[[nodiscard]] std::size_t results_for_stories(std::size_t offset, std::size_t limit);

/// `articles` (matched in `database`) grouped by story, in rank order. An article joins the first story whose first
/// article's fingerprint is within max_duplicate_distance bits of its own, or that has its dated
/// headline; an article with neither (short and undated, or indexed before they existed) is a
/// story of its own. `from_documents`: read the keys from each article's document, which
/// `articles.fetch()` has asked for already (remote shards: a value stream there costs a round
/// trip per article); else along the value streams (local: neighbouring articles share blocks).
[[nodiscard]] std::vector<Story> group_stories(const Xapian::Database& database, const Xapian::MSet& articles,
                                               bool from_documents = false);

} // namespace newssearch::searcher
