#pragma once
/// The word lists automatic name recognition reads as cues: titles and honorifics (a person
/// follows), words that are capitalised without being names (function words, months and days,
/// nationalities, generic institution words), and the endings that tell an organisation or a
/// place. Every function takes a word in index form (fold_word output: lower case, no accents).

#include <string_view>

namespace newssearch::entities::cues {

/// A title or honorific that, capitalised before a name, says the name is a person's and is not
/// part of it: "president", "minister", "secretary", "mr", "gen" ...
[[nodiscard]] bool is_title(std::string_view word);

/// A word that, written in lower case right before a capitalised name, says it is a person's:
/// "the special envoy Steve Witkoff", "the French president Emmanuel Macron".
[[nodiscard]] bool is_person_cue(std::string_view word);

/// Words that may follow "of" in a title without being the name: "Secretary of State",
/// "Minister of Foreign Affairs", "Secretary of the Treasury".
[[nodiscard]] bool is_department(std::string_view word);

/// Lower-case name particles that may sit inside a name: "de", "van", "von", "bin", "al" ...
[[nodiscard]] bool is_name_particle(std::string_view word);

/// Words after which "of" continues a name: titles, organisation and place words, "states"
/// ("Bank of England", "United States of America").
[[nodiscard]] bool takes_of(std::string_view word);

/// Months and days, full and abbreviated: "may", "thursday", "oct".
[[nodiscard]] bool is_calendar(std::string_view word);

/// Function words and sentence openers that are capitalised only for their position: "the",
/// "according", "despite", "i", "it" ...
[[nodiscard]] bool is_function_word(std::string_view word);

/// Nationality, religion and party words: capitalised adjectives, not names ("Russian",
/// "Europeans", "French", "Republican").
[[nodiscard]] bool is_nationality(std::string_view word);

/// Generic words of institutions, offices and news that name nothing on their own: "foreign",
/// "ministry", "state", "general", "press", "summit" ...
[[nodiscard]] bool is_generic(std::string_view word);

/// Upper-case abbreviations that are not names: "tv", "ceo", "gdp", "am", "pm" ...
[[nodiscard]] bool is_common_acronym(std::string_view word);

/// Roman numerals up to 39 ("ii", "xiv"): they continue a name but are none alone.
[[nodiscard]] bool is_roman_numeral(std::string_view word);

/// Abbreviations written with a final '.' inside names and titles: "mr", "dr", "gen", "dept" ...
[[nodiscard]] bool is_abbreviation(std::string_view word);

/// A last word saying the name is an organisation's: "ministry", "bank", "news", "party" ...
[[nodiscard]] bool is_organisation_word(std::string_view word);

/// A last word saying the name is a place's: "city", "river", "island", "republic", "garden" ...
[[nodiscard]] bool is_place_word(std::string_view word);

/// Xapian query operators, written in capitals in a query: "AND", "OR", "NOT", "XOR", "NEAR",
/// "ADJ".
[[nodiscard]] bool is_query_operator(std::string_view written);

} // namespace newssearch::entities::cues
