#include "common/entities/entity_recognizer.hpp"

#include "common/entities/analysed_text.hpp"
#include "common/entities/gazetteer_matcher.hpp"
#include "common/entities/name_normalizer.hpp"
#include "common/entities/name_spotter.hpp"
#include "common/errors.hpp"
#include "common/text_fold.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace newssearch::entities {
namespace {

using detail::AnalysedText;
using detail::GazetteerMatch;
using detail::Mode;
using detail::NameCandidate;

/// The name as written between two words: typographic punctuation made plain, spaces collapsed.
std::string written_name(const AnalysedText& text, std::size_t first, std::size_t last) {
    const std::size_t begin = text.words[first].begin;
    const std::string plain =
        plain_punctuation(text.text.substr(begin, text.words[last - 1].name_end - begin));
    std::string name;
    for (const char c : plain) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!name.empty() && name.back() != ' ')
                name += ' ';
        } else {
            name += c;
        }
    }
    while (!name.empty() && name.back() == ' ')
        name.pop_back();
    return name;
}

/// An entity recognised automatically, as the whole document names it.
struct AutoEntity {
    std::string canonical;
    std::string key;
    EntityType type = EntityType::other;
};

/// Unifies the automatic names of one document: one canonical spelling per key, the most
/// specific type seen, surnames and sentence-initial names resolved against the rest.
class DocumentNames {
  public:
    explicit DocumentNames(const NameNormalizer& normalizer) : normalizer_(normalizer) {}

    /// Registers a name found with evidence of its own (not weak).
    void add_strong(const AnalysedText& text, const NameCandidate& candidate) {
        const AutoEntity entity = entity_of(text, candidate);
        if (entity.key.empty())
            return;
        auto [it, added] = by_key_.emplace(entity.key, entity);
        if (!added && it->second.type == EntityType::other)
            it->second.type = entity.type;
        if (entity.type == EntityType::person && candidate.last - candidate.first >= 2) {
            const std::string surname = text.words[candidate.last - 1].key;
            const auto [found, fresh] = surnames_.emplace(surname, entity.key);
            if (!fresh && found->second != entity.key)
                found->second.clear(); // two people share it
        }
    }

    /// What `candidate` names once the whole document is known; nullopt when it is not a name.
    std::optional<AutoEntity> resolve(const AnalysedText& text,
                                      const NameCandidate& candidate) const {
        const AutoEntity entity = entity_of(text, candidate);
        if (entity.key.empty())
            return std::nullopt;
        if (candidate.last - candidate.first == 1) {
            const auto surname = surnames_.find(entity.key);
            if (surname != surnames_.end() && !surname->second.empty())
                return by_key_.at(surname->second);
        }
        const auto known = by_key_.find(entity.key);
        if (known != by_key_.end())
            return known->second;
        if (candidate.weak)
            return std::nullopt;
        return entity;
    }

  private:
    AutoEntity entity_of(const AnalysedText& text, const NameCandidate& candidate) const {
        AutoEntity entity;
        entity.canonical = written_name(text, candidate.first, candidate.last);
        entity.key = normalizer_.name_key(entity.canonical);
        entity.type = candidate.type;
        return entity;
    }

    const NameNormalizer& normalizer_;
    std::map<std::string, AutoEntity, std::less<>> by_key_;
    std::map<std::string, std::string, std::less<>>
        surnames_; ///< last word key -> person key ("" if shared)
};

std::vector<std::vector<EntityMention>>
recognize_parts(const Gazetteer& gazetteer, std::span<const std::string_view> parts, Mode mode) {
    const NameNormalizer& normalizer = NameNormalizer::for_this_thread();
    std::vector<AnalysedText> texts;
    texts.reserve(parts.size());
    detail::LowerCaseTerms lower_case_terms;
    for (const std::string_view part : parts) {
        texts.push_back(detail::analyse(part, mode, normalizer));
        if (mode == Mode::article)
            detail::collect_lower_case_terms(texts.back(), lower_case_terms);
    }

    // Gazetteer names. An alias several entities share names the one the document also names
    // unambiguously; with no such evidence it names none (a wrong entity is worse than none).
    std::vector<std::vector<GazetteerMatch>> matches;
    std::set<std::size_t> certain;
    for (const AnalysedText& text : texts) {
        matches.push_back(detail::match_gazetteer(text, gazetteer, mode));
        for (const GazetteerMatch& match : matches.back())
            if (match.entries.size() == 1)
                certain.insert(match.entries.front());
    }
    for (auto& part_matches : matches)
        for (GazetteerMatch& match : part_matches) {
            if (match.entries.size() == 1)
                continue;
            std::erase_if(match.entries,
                          [&](std::size_t entry) { return !certain.contains(entry); });
            if (match.entries.size() > 1)
                match.entries.clear();
        }

    // Automatic names, outside the words gazetteer names took (resolved or not).
    std::vector<std::vector<NameCandidate>> candidates;
    DocumentNames names(normalizer);
    for (std::size_t p = 0; p < texts.size(); ++p) {
        std::vector<bool> claimed(texts[p].words.size(), false);
        for (const GazetteerMatch& match : matches[p])
            std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(match.first),
                      claimed.begin() + static_cast<std::ptrdiff_t>(match.last), true);
        candidates.push_back(detail::spot_names(texts[p], claimed, lower_case_terms, mode));
        for (const NameCandidate& candidate : candidates.back())
            if (!candidate.weak)
                names.add_strong(texts[p], candidate);
    }

    std::vector<std::vector<EntityMention>> mentions(texts.size());
    for (std::size_t p = 0; p < texts.size(); ++p) {
        const std::vector<detail::Word>& words = texts[p].words;
        for (const GazetteerMatch& match : matches[p]) {
            if (match.entries.empty())
                continue;
            const std::size_t entry = match.entries.front();
            mentions[p].push_back(
                EntityMention{gazetteer.entries()[entry].canonical, gazetteer.key(entry),
                              gazetteer.entries()[entry].type, words[match.first].begin,
                              words[match.last - 1].name_end, true, match.adjective});
        }
        for (const NameCandidate& candidate : candidates[p]) {
            std::optional<AutoEntity> entity = names.resolve(texts[p], candidate);
            if (!entity)
                continue;
            mentions[p].push_back(EntityMention{
                std::move(entity->canonical), std::move(entity->key), entity->type,
                words[candidate.first].begin, words[candidate.last - 1].name_end, false, false});
        }
        std::sort(mentions[p].begin(), mentions[p].end(),
                  [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
    }
    return mentions;
}

} // namespace

EntityRecognizer::EntityRecognizer() : gazetteer_(std::make_shared<const Gazetteer>()) {}

EntityRecognizer::EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {
    if (!gazetteer_)
        throw UsageError("EntityRecognizer needs a gazetteer (an empty one for none)");
}

std::vector<EntityMention> EntityRecognizer::recognize(std::string_view text) const {
    return std::move(recognize_parts(*gazetteer_, std::span(&text, 1), Mode::article).front());
}

std::vector<std::vector<EntityMention>>
EntityRecognizer::recognize_document(std::span<const std::string_view> parts) const {
    return recognize_parts(*gazetteer_, parts, Mode::article);
}

std::vector<EntityMention> EntityRecognizer::recognize_query(std::string_view query) const {
    return std::move(recognize_parts(*gazetteer_, std::span(&query, 1), Mode::query).front());
}

} // namespace newssearch::entities
