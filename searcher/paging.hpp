#pragma once
/// The page stage of a search: the hits of one page, in order, with the total they come from.

#include <newssearch/types.hpp>

#include <xapian.h>

#include <vector>

namespace newssearch::searcher {

/// Article hits: `articles` is already the page. Fills results.hits from `hits` (one per article,
/// in the matcher's order) and the total from the matcher's estimate.
void page_articles(const Xapian::MSet& articles, std::vector<Hit> hits, SearchResults& results);

/// Story hits (SearchOptions::collapse_copies): `articles` are the results from the first,
/// grouped into `stories` stories, of which `hits` are the page's. The total counts stories:
/// exact when every match was looked at, otherwise the matcher's estimate less the copies seen.
void page_stories(const Xapian::MSet& articles, std::size_t stories, std::vector<Hit> hits, SearchResults& results);

/// Passage hits: `passages` are the matching passages of the best articles up to the page's end
/// (`articles`, from the first). Sorts them by score (by date, by their article's place first,
/// which Hit::rank holds on the way in), keeps the page [offset, offset + limit), numbers it, and
/// estimates how many passages match in all.
void page_passages(const SearchOptions& options, const Xapian::MSet& articles, std::vector<Hit> passages,
                   SearchResults& results);

} // namespace newssearch::searcher
