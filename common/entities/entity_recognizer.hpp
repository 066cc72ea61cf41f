#pragma once
/// Entity recognition for indexing, query parsing and display: finds the people, places,
/// organisations and events a text mentions and gives every spelling of one entity the same
/// canonical name and key. In article text a learned tagger (EntityTagger, trained on CoNLL-2003)
/// finds the names, with gazetteer names (aliases, adjectives, transliteration, case rules) as its
/// features and as the canonical form of what it finds; in queries, and without a tagger, the
/// gazetteer comes first and unknown names are recognised from capitalisation, titles and context,
/// precision first. Rules, tagger and gazetteer format: docs/ENTITIES.md.

#include "common/analyzer.hpp"
#include "common/entities/entity.hpp"
#include "common/entities/entity_tagger.hpp"
#include "common/entities/gazetteer.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace newssearch::entities {

/// Thread-safe: every method is const, the gazetteer is immutable and shared, and the ICU objects
/// used are per thread (NameNormalizer::for_this_thread). One recognizer can serve all threads.
class EntityRecognizer {
  public:
    /// Automatic recognition only (an empty gazetteer), with the bundled tagger
    /// (EntityTagger::bundled(): DataError when its model is missing).
    EntityRecognizer();

    /// Recognition with `gazetteer`'s names and the bundled tagger. Throws UsageError when the
    /// gazetteer is null, DataError when the tagger's model is missing.
    explicit EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer);

    /// Recognition with `gazetteer` and `tagger`; a null tagger recognises article text by the
    /// rules alone (gazetteer first, then capitalisation cues), as queries always are.
    EntityRecognizer(std::shared_ptr<const Gazetteer> gazetteer,
                     std::shared_ptr<const EntityTagger> tagger);

    /// The entity mentions of one article text (a title, a paragraph, a caption), sorted by
    /// offset and never overlapping. Offsets are bytes into `text`. Sentence-aware: a capital at
    /// a sentence or quotation start, or in a title-case or capitals line, is weak evidence.
    [[nodiscard]] std::vector<EntityMention> recognize(std::string_view text) const;

    /// The mentions of each part of one document (title, paragraphs, captions), the evidence
    /// shared across parts: words written in lower case anywhere are likely common words, a name
    /// seen in the body is recognised in a headline, a surname alone ("Witkoff") is the full name
    /// seen elsewhere ("Steve Witkoff"), one name has one type and one spelling in the whole
    /// document (a mixed-case one over capitals), and a gazetteer alias shared by several entities
    /// resolves to the one named unambiguously elsewhere. Result i holds the mentions of parts[i]
    /// with offsets into it. Prefer this to recognize() per paragraph.
    [[nodiscard]] std::vector<std::vector<EntityMention>>
    recognize_document(std::span<const std::string_view> parts) const;

    /// One part of a document for recognize_document, with the words and sentences the caller
    /// has already cut it into, if any (the indexer has each paragraph's for its passages);
    /// otherwise recognition cuts `text` itself. The mentions are the same either way.
    struct Part {
        std::string_view text;
        std::optional<TextCuts> cuts;
    };

    /// recognize_document() of parts some of which are already cut into words and sentences.
    [[nodiscard]] std::vector<std::vector<EntityMention>>
    recognize_document(std::span<const Part> parts) const;

    /// The entity mentions of a short user query, offsets into `query`. No sentence logic, and
    /// gazetteer names match in any case ("lavrov", "sergei lavrov", "kiev"), except acronyms of up
    /// to three letters ("us" is a pronoun: "US" or "u.s." is the country). Names the gazetteer
    /// does not know are returned only when they are two or more capitalised words ("Steve
    /// Witkoff") or follow a title ("President Xi"); query operators (AND, OR ...) are no names.
    [[nodiscard]] std::vector<EntityMention> recognize_query(std::string_view query) const;

    /// The gazetteer used (possibly empty).
    [[nodiscard]] const Gazetteer& gazetteer() const { return *gazetteer_; }

    /// The tagger used for article text; null when recognising by the rules alone.
    [[nodiscard]] const EntityTagger* tagger() const { return tagger_.get(); }

  private:
    std::shared_ptr<const Gazetteer> gazetteer_;
    std::shared_ptr<const EntityTagger> tagger_;
};

} // namespace newssearch::entities
