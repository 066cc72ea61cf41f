#pragma once
/// English stopwords: words so common that requiring them in every hit ("all words" semantics)
/// would lose good answers to natural-language questions. They are still indexed (phrases need
/// them); queries drop them outside phrases. Deliberately absent: "us" (the folded form of
/// "U.S."), "may" (the month), "will" and "new" (content words in news).

#include <string_view>

namespace newssearch {

inline constexpr std::string_view english_stopwords[] = {
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from",
    "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "me", "my", "no", "nor", "of", "on", "or", "our",
    "ours", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "with",
    "would", "you", "your", "yours", "onto", "upon", "via", "per", "whose", "each", "either",
    "neither", "both", "shall", "must",
};

} // namespace newssearch
