#include "searcher/suggest.hpp"

#include "common/schema.hpp"
#include "searcher/stored_article.hpp"
#include "common/text_fold.hpp"

#include <algorithm>
#include <array>

namespace newssearch::searcher {
namespace {

/// Terms looked at per request at most, so that a one-letter prefix stays fast on a large index.
constexpr std::size_t max_terms_scanned = 20000;

/// Entity names are matched on any of their words only from this many letters on; shorter
/// prefixes match first words (a prefix scan instead of a scan of every entity).
constexpr std::size_t min_prefix_for_any_word = 3;

constexpr std::array<std::string_view, 6> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

/// Characters that may come before a word without being part of it: quotes, brackets, + and -.
bool is_word_lead(char c) {
    return c == '"' || c == '(' || c == '+' || c == '-';
}

bool more_frequent(const Suggestion& a, const Suggestion& b) {
    if (a.frequency != b.frequency)
        return a.frequency > b.frequency;
    if (a.kind != b.kind)
        return a.kind == "entity";
    return a.completion < b.completion;
}

/// Keeps the `limit` best of what it is given.
class Best {
  public:
    explicit Best(std::size_t limit) : limit_(limit) {}
    void offer(Suggestion suggestion) {
        if (limit_ == 0)
            return;
        if (best_.size() == limit_ && !more_frequent(suggestion, best_.back()))
            return;
        const auto at = std::upper_bound(best_.begin(), best_.end(), suggestion, more_frequent);
        best_.insert(at, std::move(suggestion));
        if (best_.size() > limit_)
            best_.pop_back();
    }
    [[nodiscard]] std::vector<Suggestion> take() { return std::move(best_); }

  private:
    std::size_t limit_;
    std::vector<Suggestion> best_;
};

/// Whether one of the '_'-separated words of `key` starts with `prefix`.
bool key_has_word_starting_with(std::string_view key, std::string_view prefix) {
    std::size_t start = 0;
    while (start <= key.size()) {
        const std::size_t end = std::min(key.find('_', start), key.size());
        if (key.substr(start, end - start).starts_with(prefix))
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

std::vector<Suggestion> suggest(const Xapian::Database& database, std::string_view text,
                                std::size_t limit) {
    if (text.empty() || limit == 0)
        return {};
    const std::size_t space = text.find_last_of(" \t\r\n");
    std::size_t word_start = space == std::string_view::npos ? 0 : space + 1;
    // A field name ("title:") and leading quotes or signs stay as typed; the word after them is
    // completed.
    const std::size_t colon = text.find(':', word_start);
    if (colon != std::string_view::npos)
        word_start = colon + 1;
    while (word_start < text.size() && is_word_lead(text[word_start]))
        ++word_start;
    const std::string_view word = text.substr(word_start);
    if (word.empty())
        return {};
    if (std::find(operators.begin(), operators.end(), word) != operators.end())
        return {};
    const std::string prefix = fold_word(word);
    if (prefix.empty())
        return {};
    const std::string before(text.substr(0, word_start));

    Best best(limit);
    std::size_t scanned = 0;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        if (++scanned > max_terms_scanned)
            break;
        const std::string term = *it;
        best.offer({before + term, term, "word", "", it.get_termfreq()});
    }
    // Entities only complete free text: after a field name the word is the field's value.
    if (colon == std::string_view::npos) {
        // A name's first word is a prefix scan; later words ("lav" for Sergey Lavrov) need a scan
        // of every entity, done only once the prefix is long enough to be worth it.
        const std::string count_prefix(schema::article_entity_prefix);
        const std::string scan_from =
            prefix.size() >= min_prefix_for_any_word ? count_prefix : count_prefix + prefix;
        Best entities(limit);
        for (auto it = database.allterms_begin(scan_from); it != database.allterms_end(scan_from);
             ++it) {
            const std::string key = (*it).substr(count_prefix.size());
            if (!key_has_word_starting_with(key, prefix))
                continue;
            // Named by key until chosen: only the chosen few cost a metadata look-up.
            entities.offer({"", key, "entity", key, it.get_termfreq()});
        }
        for (Suggestion entity : entities.take()) {
            entity.completion = stored_entity(database, entity.entity_key).canonical;
            entity.text = before + entity.completion;
            best.offer(std::move(entity));
        }
    }
    return best.take();
}

} // namespace newssearch::searcher
