#include "common/entities/entity_recognizer.hpp"

#include "common/entities/analysed_text.hpp"
#include "common/entities/gazetteer_matcher.hpp"
#include "common/entities/name_normalizer.hpp"
#include "common/entities/name_spotter.hpp"
#include "common/entities/name_tagger.hpp"
#include "common/errors.hpp"
#include "common/text_fold.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

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

/// True when every letter of `name` is a capital ("KUWAIT", "U.S."): a headline's spelling.
bool all_capitals(std::string_view name) {
    bool upper = false;
    for (const char c : name) {
        if (c >= 'a' && c <= 'z')
            return false;
        upper |= c >= 'A' && c <= 'Z';
    }
    return upper;
}

/// A name the document writes only in headlines and datelines in capitals, in its usual case:
/// "KUWAIT" -> "Kuwait", "NEW YORK" -> "New York", "AL-QAEDA" -> "Al-Qaeda". Such a line says
/// nothing about case, but acronyms are kept: a single word of up to four letters ("IBM",
/// "NATO", "IRAQ" too, which the index's names from other articles correct), and in a longer
/// name a word of up to three letters without a vowel ("BBC NEWS" -> "BBC News").
std::string usual_case(std::string name) {
    if (!all_capitals(name))
        return name;
    std::vector<std::pair<std::size_t, std::size_t>> words; // letter runs: begin, end
    for (std::size_t i = 0; i < name.size();) {
        if (name[i] < 'A' || name[i] > 'Z') {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < name.size() && name[i] >= 'A' && name[i] <= 'Z')
            ++i;
        words.emplace_back(begin, i);
    }
    if (words.size() == 1 && words.front().second - words.front().first <= 4)
        return name;
    const auto keep = [&](std::size_t begin, std::size_t end) {
        if (end - begin > 3)
            return false;
        for (std::size_t i = begin; i < end; ++i)
            if (std::string_view("AEIOUY").find(name[i]) != std::string_view::npos)
                return false;
        return true;
    };
    std::vector<bool> kept(name.size(), false);
    for (const auto& [begin, end] : words)
        if (keep(begin, end))
            std::fill(kept.begin() + static_cast<std::ptrdiff_t>(begin),
                      kept.begin() + static_cast<std::ptrdiff_t>(end), true);
    const auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    bool word_start = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (is_letter(c)) {
            if (!word_start && !kept[i])
                name[i] = static_cast<char>(c - 'A' + 'a');
            word_start = false;
        } else if (c == '\'') {
            // After an apostrophe a word starts again only after one letter ("O'Neill").
            word_start = i >= 1 && is_letter(name[i - 1]) && (i < 2 || !is_letter(name[i - 2]));
        } else {
            word_start = static_cast<unsigned char>(c) < 0x80;
        }
    }
    return name;
}

using Part = EntityRecognizer::Part;

/// A part as name recognition reads it, cut into words here unless the caller already had.
AnalysedText analyse_part(const Part& part, Mode mode, const NameNormalizer& normalizer) {
    return part.cuts ? detail::analyse(part.text, *part.cuts, mode, normalizer)
                    : detail::analyse(part.text, mode, normalizer);
}

std::vector<Part> uncut(std::span<const std::string_view> texts) {
    std::vector<Part> parts;
    parts.reserve(texts.size());
    for (const std::string_view text : texts)
        parts.push_back(Part{text, std::nullopt});
    return parts;
}

std::vector<std::vector<EntityMention>>
recognize_parts(const Gazetteer& gazetteer, std::span<const Part> parts, Mode mode) {
    const NameNormalizer& normalizer = NameNormalizer::for_this_thread();
    std::vector<AnalysedText> texts;
    texts.reserve(parts.size());
    detail::LowerCaseTerms lower_case_terms;
    for (const Part& part : parts) {
        texts.push_back(analyse_part(part, mode, normalizer));
        if (mode == Mode::article)
            detail::collect_lower_case_terms(texts.back(), lower_case_terms);
    }

    // Gazetteer names. An alias several entities share names the one the document also names
    // unambiguously; with no such evidence it names none (a wrong entity is worse than none).
    std::vector<std::vector<GazetteerMatch>> matches;
    for (const AnalysedText& text : texts)
        matches.push_back(detail::match_gazetteer(text, gazetteer, mode));
    detail::resolve_shared_aliases(matches);

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
            std::string key = normalizer.readable_key(entity->canonical);
            mentions[p].push_back(EntityMention{
                std::move(entity->canonical), std::move(key), entity->type,
                words[candidate.first].begin, words[candidate.last - 1].name_end, false, false});
        }
        std::sort(mentions[p].begin(), mentions[p].end(),
                  [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
    }
    return mentions;
}

/// normalizer.name_key(name), or readable_key when `readable`, remembered by the calling thread:
/// each costs an ICU word break of the name, and articles name the same people and places again
/// and again (bounded: forgotten when it grows large).
std::string remembered_key(const NameNormalizer& normalizer, const std::string& name,
                           bool readable) {
    thread_local std::array<std::unordered_map<std::string, std::string>, 2> remembered;
    auto& keys = remembered[readable ? 1 : 0];
    if (const auto found = keys.find(name); found != keys.end())
        return found->second;
    if (keys.size() > 50000)
        keys.clear();
    std::string key = readable ? normalizer.readable_key(name) : normalizer.name_key(name);
    keys.emplace(name, key);
    return key;
}

/// A name the tagger found, before the document decides its type, spelling and key.
struct TaggedName {
    std::size_t part = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t words = 0;
    std::string written;
    std::string key;
    int type = 0; ///< CoNLL type: PER, LOC, ORG, MISC
    bool headline = false; ///< in a Title Case or capitals line (headline, dateline)
};

/// Article text read by the tagger: its names, with the gazetteer's where they agree, unified
/// over the whole document (docs/ENTITIES.md, "The tagger").
std::vector<std::vector<EntityMention>> recognize_tagged(const Gazetteer& gazetteer,
                                                         const EntityTagger& tagger,
                                                         std::span<const Part> parts) {
    const NameNormalizer& normalizer = NameNormalizer::for_this_thread();
    std::vector<AnalysedText> texts;
    texts.reserve(parts.size());
    detail::LowerCaseTerms lower_case_terms;
    std::vector<std::vector<GazetteerMatch>> matches;
    for (const Part& part : parts) {
        texts.push_back(analyse_part(part, Mode::article, normalizer));
        detail::collect_lower_case_terms(texts.back(), lower_case_terms);
        matches.push_back(detail::match_gazetteer(texts.back(), gazetteer, Mode::article));
    }
    detail::resolve_shared_aliases(matches);
    const auto spans = detail::tag_document(
        tagger, detail::TaggerInput{texts, matches, gazetteer, lower_case_terms});

    std::vector<std::vector<EntityMention>> mentions(texts.size());
    std::vector<TaggedName> names;
    for (std::size_t p = 0; p < texts.size(); ++p) {
        const std::vector<detail::Word>& words = texts[p].words;
        std::vector<bool> tagged(words.size(), false);
        for (const detail::TaggedSpan& span : spans[p])
            std::fill(tagged.begin() + static_cast<std::ptrdiff_t>(span.first),
                      tagged.begin() + static_cast<std::ptrdiff_t>(span.last), true);
        // A gazetteer name stands where the tagger found nothing or found it (or part of it);
        // a longer tagged name around it wins ("Bank of England" over England, "American
        // League" over American), except around a person ("State Marco Rubio" is Marco Rubio:
        // names of people hardly ever sit inside other names).
        std::vector<bool> taken(words.size(), false);
        for (const GazetteerMatch& match : matches[p]) {
            if (match.entries.empty())
                continue;
            const std::size_t entry = match.entries.front();
            const bool person =
                !match.adjective && gazetteer.entries()[entry].type == EntityType::person;
            bool inside_longer = false;
            for (const detail::TaggedSpan& span : spans[p])
                inside_longer |= span.first <= match.first && match.last <= span.last &&
                                 span.last - span.first > match.last - match.first && !person;
            if (inside_longer)
                continue;
            mentions[p].push_back(
                EntityMention{gazetteer.entries()[entry].canonical, gazetteer.key(entry),
                              gazetteer.entries()[entry].type, words[match.first].begin,
                              words[match.last - 1].name_end, true, match.adjective});
            std::fill(taken.begin() + static_cast<std::ptrdiff_t>(match.first),
                      taken.begin() + static_cast<std::ptrdiff_t>(match.last), true);
        }
        // The tagger learned English: in other scripts (which inflect names, "в Москве") only
        // the gazetteer finds names.
        for (const detail::TaggedSpan& span : spans[p]) {
            if (std::any_of(taken.begin() + static_cast<std::ptrdiff_t>(span.first),
                            taken.begin() + static_cast<std::ptrdiff_t>(span.last),
                            [](bool t) { return t; }) ||
                !words[span.first].latin)
                continue;
            TaggedName name{p,
                            words[span.first].begin,
                            words[span.last - 1].name_end,
                            span.last - span.first,
                            written_name(texts[p], span.first, span.last),
                            {},
                            span.type,
                            texts[p].title_case[words[span.first].sentence]};
            name.key = remembered_key(normalizer, name.written, false);
            if (!name.key.empty())
                names.push_back(std::move(name));
        }
    }

    // A surname alone is the one person of the document with that surname ("Blair" after
    // "Tony Blair"); then each key takes the type most of its mentions have, and the first
    // spelling not in capitals.
    std::unordered_map<std::string, std::string> surnames; // last word key -> full key, "" shared
    for (const TaggedName& name : names) {
        if (name.type != 0 || name.words < 2)
            continue;
        const std::string last =
            remembered_key(normalizer, name.written.substr(name.written.rfind(' ') + 1), false);
        const auto [found, fresh] = surnames.emplace(last, name.key);
        if (!fresh && found->second != name.key)
            found->second.clear();
    }
    std::unordered_map<std::string, const TaggedName*> full_names;
    for (const TaggedName& name : names)
        if (name.type == 0 && name.words >= 2)
            full_names.emplace(name.key, &name);
    struct Unified {
        std::array<int, 4> votes{};
        const TaggedName* spelling = nullptr;
        bool headlines_only = true; ///< every mention is in a headline or dateline
    };
    std::unordered_map<std::string, Unified> unified;
    for (TaggedName& name : names) {
        if (name.words == 1)
            if (const auto surname = surnames.find(name.key);
                surname != surnames.end() && !surname->second.empty())
                name.key = surname->second;
        Unified& entity = unified[name.key];
        ++entity.votes[static_cast<std::size_t>(name.type)];
        entity.headlines_only &= name.headline;
        if (!entity.spelling || (all_capitals(entity.spelling->written) && !all_capitals(name.written)))
            entity.spelling = &name;
    }
    for (auto& [key, entity] : unified)
        if (const auto full = full_names.find(key); full != full_names.end())
            entity.spelling = full->second;
    // The key a mention carries is the readable key of the spelling chosen for it.
    std::unordered_map<std::string, std::pair<std::string, std::string>> named; // key -> name, key
    for (const TaggedName& name : names) {
        const Unified& entity = unified.at(name.key);
        const auto most = std::max_element(entity.votes.begin(), entity.votes.end());
        auto [spelling, fresh] = named.try_emplace(name.key);
        if (fresh) {
            spelling->second.first = entity.headlines_only ? usual_case(entity.spelling->written)
                                                           : entity.spelling->written;
            spelling->second.second = remembered_key(normalizer, spelling->second.first, true);
        }
        mentions[name.part].push_back(EntityMention{
            spelling->second.first, spelling->second.second,
            entity_type_of(static_cast<int>(most - entity.votes.begin())), name.begin, name.end,
            false, false});
    }
    for (auto& part : mentions)
        std::sort(part.begin(), part.end(),
                  [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
    return mentions;
}

} // namespace

EntityRecognizer::EntityRecognizer()
    : EntityRecognizer(std::make_shared<const Gazetteer>(), EntityTagger::bundled()) {}

EntityRecognizer::EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer)
    : EntityRecognizer(std::move(gazetteer), EntityTagger::bundled()) {}

EntityRecognizer::EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer,
                                   std::shared_ptr<const EntityTagger> tagger)
    : gazetteer_(std::move(gazetteer)), tagger_(std::move(tagger)) {
    if (!gazetteer_)
        throw UsageError("EntityRecognizer needs a gazetteer (an empty one for none)");
}

std::vector<EntityMention> EntityRecognizer::recognize(std::string_view text) const {
    return std::move(recognize_document(std::span(&text, 1)).front());
}

std::vector<std::vector<EntityMention>>
EntityRecognizer::recognize_document(std::span<const std::string_view> parts) const {
    return recognize_document(uncut(parts));
}

std::vector<std::vector<EntityMention>>
EntityRecognizer::recognize_document(std::span<const Part> parts) const {
    if (tagger_)
        return recognize_tagged(*gazetteer_, *tagger_, parts);
    return recognize_parts(*gazetteer_, parts, Mode::article);
}

std::vector<EntityMention> EntityRecognizer::recognize_query(std::string_view query) const {
    return std::move(recognize_parts(*gazetteer_, uncut(std::span(&query, 1)), Mode::query).front());
}

} // namespace newssearch::entities
