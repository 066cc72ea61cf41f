#pragma once
/// Keys that make every spelling of a name one name. A word's key is its index form (fold_word)
/// transliterated to ASCII Latin through ICU, so "Лавров" and "Lavrov" agree, with the spelling
/// variants of transliterated names unified (see word_key). The gazetteer indexes aliases by these
/// match keys and the recognizer looks words up by them. entity_key() names entities in the index
/// and in filters: the readable form of one canonical name ("tony_blair", not the match key
/// "toni_blair").

#include "common/analyzer.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace newssearch::entities {

/// Not thread-safe (it owns ICU break iterators and a transliterator): use one per thread, e.g.
/// for_this_thread(). Its transliterator is built on the first word outside ASCII, and costly
/// (ICU compiles the transliteration rules): reuse the normalizer.
class NameNormalizer {
  public:
    NameNormalizer();
    ~NameNormalizer();
    NameNormalizer(const NameNormalizer&) = delete;
    NameNormalizer& operator=(const NameNormalizer&) = delete;

    /// The calling thread's instance, created on first use and kept until the thread ends.
    [[nodiscard]] static const NameNormalizer& for_this_thread();

    /// The analyser that cuts names into words: the index's own, so names and text agree.
    [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

    /// The key of one word given in index form (a Token::term, fold_word output):
    ///  - other scripts transliterated to ASCII Latin ("Russian-Latin/BGN; Any-Latin;
    ///    Latin-ASCII; Lower": "лавров" -> "lavrov", "сергей" -> "sergey");
    ///  - only ASCII letters and digits kept ("d'ivoire" -> "divoire");
    ///  - a 'y' between a vowel and a consonant read as 'i' ("shoygu" -> "shoigu");
    ///  - a final 'j' after a vowel read as 'i', then a final run of 'i'/'y' after two or more
    ///    letters made one 'i' ("sergey", "sergej" -> "sergei"; "zelenskyy", "zelenskiy" ->
    ///    "zelenski"; "ii" stays "ii").
    /// Empty when nothing is left. Throws std::runtime_error when a word outside ASCII needs
    /// ICU's transliteration data and it is missing.
    [[nodiscard]] std::string word_key(std::string_view folded_word) const;

    /// The match key of a name: the word keys of its words joined by '_' ("Sergey Lavrov" ->
    /// "sergei_lavrov", "Сергей Лавров" -> "sergei_lavrov", "U.S." -> "us"). Empty when the name
    /// has no words.
    [[nodiscard]] std::string name_key(std::string_view name) const;

    /// The readable key of one word in index form: its ASCII letters and digits as written
    /// ("tony" stays "tony", "d'ivoire" -> "divoire"); a word outside ASCII after folding is
    /// transliterated as word_key does, variants unified.
    [[nodiscard]] std::string readable_word_key(std::string_view folded_word) const;

    /// The readable key of a name: readable_word_key of its words joined by '_' ("Tony Blair" ->
    /// "tony_blair", "Germany" -> "germany", "U.S." -> "us"). Empty when the name has no words.
    [[nodiscard]] std::string readable_key(std::string_view name) const;

  private:
    struct Icu;
    /// A word outside ASCII in ASCII Latin letters, through ICU.
    std::string to_latin(std::string_view word) const;
    Analyzer analyzer_;
    std::unique_ptr<Icu> icu_;
};

/// NameNormalizer::for_this_thread().readable_key(name): the stable, readable ASCII key
/// ([a-z0-9_]) of an entity's canonical name, the key the index stores, facets print and filters
/// take ("Tony Blair" -> "tony_blair"). Thread-safe.
[[nodiscard]] std::string entity_key(std::string_view name);

/// NameNormalizer::for_this_thread().name_key(name): the match key of a name, the same for all
/// its spellings and scripts ("Sergey Lavrov", "Сергей Лавров" -> "sergei_lavrov"). Thread-safe.
[[nodiscard]] std::string name_match_key(std::string_view name);

/// The match key of an entity key ("sergey_lavrov" or "sergei_lavrov" -> "sergei_lavrov";
/// "tony_blair", "toni_blair" -> "toni_blair"): the spelling variants of word_key unified in each
/// '_'-separated word. Two keys name the same entity spelled alike when these agree.
[[nodiscard]] std::string key_match_form(std::string_view key);

} // namespace newssearch::entities
