#include "searcher/copies.hpp"

#include "common/near_duplicate.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <optional>

namespace newssearch::searcher {

std::size_t results_for_stories(std::size_t offset, std::size_t limit) {
    return std::min(offset + 2 * limit + 20, 2 * max_grouped_results);
}

namespace {

/// The value in `slot` of each of `docids` (ascending), empty where an article has none. Read
/// along the slot's value stream, so articles whose values share a block share its one read:
/// looked up one by one in rank order, a page's 40 candidates took a B-tree read each.
std::vector<std::string> values_along_stream(const Xapian::Database& database, Xapian::valueno slot,
                                             const std::vector<Xapian::docid>& docids) {
    std::vector<std::string> values(docids.size());
    Xapian::ValueIterator value = database.valuestream_begin(slot);
    const Xapian::ValueIterator end = database.valuestream_end(slot);
    for (std::size_t i = 0; i < docids.size() && value != end; ++i) {
        value.skip_to(docids[i]);
        if (value == end) break;
        if (value.get_docid() == docids[i]) values[i] = *value;
    }
    return values;
}

} // namespace

std::vector<Story> group_stories(const Xapian::Database& database, const Xapian::MSet& articles,
                                 bool from_documents) {
    struct Key {
        std::optional<std::uint64_t> fingerprint;
        std::string headline;
    };
    // Each candidate's keys, read in document order.
    std::vector<Xapian::docid> docids;
    for (auto it = articles.begin(); it != articles.end(); ++it) docids.push_back(*it);
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    const auto position = [&docids](Xapian::docid docid) {
        return static_cast<std::size_t>(std::lower_bound(docids.begin(), docids.end(), docid) - docids.begin());
    };
    std::vector<std::string> fingerprints(docids.size());
    std::vector<std::string> headlines(docids.size());
    if (from_documents) {
        for (auto it = articles.begin(); it != articles.end(); ++it) {
            const Xapian::Document document = it.get_document();
            fingerprints[position(*it)] = document.get_value(schema::slot_fingerprint);
            headlines[position(*it)] = document.get_value(schema::slot_dated_headline);
        }
    } else {
        fingerprints = values_along_stream(database, schema::slot_fingerprint, docids);
        headlines = values_along_stream(database, schema::slot_dated_headline, docids);
    }

    std::vector<Story> stories;
    std::vector<Key> keys; // of each story's first article
    for (auto it = articles.begin(); it != articles.end(); ++it) {
        const std::size_t at = position(*it);
        Key key{parse_fingerprint(fingerprints[at]), headlines[at]};
        const auto same_story = [&](const Key& first) {
            return (key.fingerprint && first.fingerprint &&
                    fingerprint_distance(*first.fingerprint, *key.fingerprint) <= max_duplicate_distance) ||
                   (!key.headline.empty() && key.headline == first.headline);
        };
        const auto story = std::find_if(keys.begin(), keys.end(), same_story);
        if (story != keys.end()) {
            stories[static_cast<std::size_t>(story - keys.begin())].copies.push_back(
                it.get_document().get_value(schema::slot_article_id));
        } else {
            stories.push_back({it, {}});
            keys.push_back(std::move(key));
        }
    }
    return stories;
}

} // namespace newssearch::searcher
