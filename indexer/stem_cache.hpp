#pragma once
/// The stems of the words an indexing thread has seen. News repeats its words (a few thousand make
/// up most of any article), and Xapian's English stemmer cost about as much per word as the rest
/// of building a document: a lookup here replaces nearly every call. Not thread-safe: one per
/// document builder, which is one per indexing thread.

#include "common/analyzer.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace newssearch::indexer {

class StemCache {
  public:
    explicit StemCache(const Analyzer& analyzer) : analyzer_(analyzer) {}

    /// `analyzer.stem(word)`, remembered.
    [[nodiscard]] const std::string& of(const std::string& word) {
        auto found = stems_.find(word);
        if (found == stems_.end()) {
            // Bounded: past this many words (a few MB), start again rather than grow with the
            // vocabulary of millions of articles; the common words come back at once.
            if (stems_.size() >= max_words) stems_.clear();
            found = stems_.emplace(word, analyzer_.stem(word)).first;
        }
        return found->second;
    }

  private:
    static constexpr std::size_t max_words = 50'000;
    const Analyzer& analyzer_;
    std::unordered_map<std::string, std::string> stems_;
};

} // namespace newssearch::indexer
