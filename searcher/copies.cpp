#include "searcher/copies.hpp"

#include "common/near_duplicate.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <optional>

namespace newssearch::searcher {

std::size_t results_for_stories(std::size_t offset, std::size_t limit) {
    return std::min(offset + 2 * limit + 20, 2 * max_grouped_results);
}

std::vector<Story> group_stories(const Xapian::MSet& articles) {
    struct Key {
        std::optional<std::uint64_t> fingerprint;
        std::string headline;
    };
    std::vector<Story> stories;
    std::vector<Key> keys; // of each story's first article
    for (auto it = articles.begin(); it != articles.end(); ++it) {
        const Xapian::Document document = it.get_document();
        Key key{parse_fingerprint(document.get_value(schema::slot_fingerprint)),
                document.get_value(schema::slot_dated_headline)};
        const auto same_story = [&](const Key& first) {
            return (key.fingerprint && first.fingerprint &&
                    fingerprint_distance(*first.fingerprint, *key.fingerprint) <= max_duplicate_distance) ||
                   (!key.headline.empty() && key.headline == first.headline);
        };
        const auto story = std::find_if(keys.begin(), keys.end(), same_story);
        if (story != keys.end()) {
            stories[static_cast<std::size_t>(story - keys.begin())].copies.push_back(
                document.get_value(schema::slot_article_id));
        } else {
            stories.push_back({it, {}});
            keys.push_back(std::move(key));
        }
    }
    return stories;
}

} // namespace newssearch::searcher
