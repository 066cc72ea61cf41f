#pragma once
/// Entity recognition for indexing, query parsing and display: finds the people, places,
/// organisations and events a text mentions and gives every spelling of one entity the same
/// canonical name and key. Gazetteer names come first (aliases, adjectives, transliteration, case
/// rules); names the gazetteer does not know are recognised automatically from capitalisation,
/// titles and context, precision first. Rules and gazetteer format: docs/ENTITIES.md.

#include "common/entities/entity.hpp"
#include "common/entities/gazetteer.hpp"

#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace newssearch::entities {

/// Thread-safe: every method is const, the gazetteer is immutable and shared, and the ICU objects
/// used are per thread (NameNormalizer::for_this_thread). One recognizer can serve all threads.
class EntityRecognizer {
  public:
    /// Automatic recognition only (an empty gazetteer).
    EntityRecognizer();

    /// Recognition with `gazetteer`'s names first. Throws UsageError when it is null.
    explicit EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer);

    /// The entity mentions of one article text (a title, a paragraph, a caption), sorted by
    /// offset and never overlapping. Offsets are bytes into `text`. Sentence-aware: a capital at
    /// a sentence or quotation start, or in a title-case line, is not taken as evidence of a name.
    [[nodiscard]] std::vector<EntityMention> recognize(std::string_view text) const;

    /// The mentions of each part of one document (title, paragraphs, captions), the evidence
    /// shared across parts: words written in lower case anywhere are common words, a name seen
    /// mid-sentence in one part is recognised at a sentence start in another, a surname alone
    /// ("Witkoff") is the full name seen elsewhere ("Steve Witkoff"), and a gazetteer alias shared
    /// by several entities resolves to the one named unambiguously elsewhere. Result i holds the
    /// mentions of parts[i] with offsets into it. Prefer this to recognize() per paragraph.
    [[nodiscard]] std::vector<std::vector<EntityMention>>
    recognize_document(std::span<const std::string_view> parts) const;

    /// The entity mentions of a short user query, offsets into `query`. No sentence logic, and
    /// gazetteer names match in any case ("lavrov", "sergei lavrov", "kiev"), except acronyms of up
    /// to three letters ("us" is a pronoun: "US" or "u.s." is the country). Names the gazetteer
    /// does not know are returned only when they are two or more capitalised words ("Steve
    /// Witkoff") or follow a title ("President Xi"); query operators (AND, OR ...) are no names.
    [[nodiscard]] std::vector<EntityMention> recognize_query(std::string_view query) const;

    /// The gazetteer used (possibly empty).
    [[nodiscard]] const Gazetteer& gazetteer() const { return *gazetteer_; }

  private:
    std::shared_ptr<const Gazetteer> gazetteer_;
};

} // namespace newssearch::entities
