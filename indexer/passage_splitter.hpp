#pragma once
/// Passages are the unit of retrieval: an article's body is cut along ICU sentence boundaries into
/// consecutive windows of a few sentences; each caption is a passage of its own. Windows do not
/// overlap: every word is indexed once, which keeps the index small and the indexer fast
/// (overlapping windows cost many more postings and did not rank better on the evaluation sets:
/// docs/EVALUATION.md).

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/article_document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::indexer {

/// `lede`: the standfirst (Article::subtitle), a passage of its own after the body and captions;
/// `title`: the one passage of an article with neither body, captions nor lede.
enum class PassageKind { body, caption, lede, title };

[[nodiscard]] std::string_view to_string(PassageKind kind);

struct Passage {
    unsigned ordinal = 0;    ///< 0-based position within the article (body passages first)
    PassageKind kind = PassageKind::body;
    std::string text;        ///< the passage's text
    std::size_t begin = 0;   ///< byte offset of `text` in article_body_text() (captions, lede, title: 0)
    std::size_t end = 0;     ///< byte offset one past its end
    std::size_t caption = 0; ///< captions: the index in Article::captions
    std::vector<Token> tokens; ///< words of `text`; offsets into `text`, positions from 1
};

struct PassageOptions {
    std::size_t target_words = 60; ///< a window grows until it holds at least this many words...
    std::size_t max_sentences = 5; ///< ...or this many sentences
};

/// An article's body (article_body_text: its paragraphs joined by "\n\n") cut into words, and
/// each paragraph into sentences, once: passages and entity recognition both read them, and each
/// used to cut the body again with ICU.
struct BodyCuts {
    std::string text;                                      ///< article_body_text(article)
    std::vector<Token> tokens;                             ///< Analyzer::tokenize(text)
    std::vector<std::size_t> paragraph_begin;              ///< byte offset of each paragraph in text
    std::vector<std::size_t> paragraph_first_token;        ///< index in tokens of each paragraph's
                                                           ///< first word; one more at the end
    std::vector<std::vector<ByteRange>> paragraph_sentences; ///< Analyzer::sentences(paragraph)

    /// Paragraph `p`'s words and sentences, its tokens' offsets paragraph_begin[p] too far.
    [[nodiscard]] TextCuts paragraph(std::size_t p) const;
};

/// Cuts the body of `article`. Tokenising the joined body gives each paragraph the words
/// tokenising it alone would (a line break always ends a word), with offsets shifted.
[[nodiscard]] BodyCuts cut_body(const Article& article, const Analyzer& analyzer);

/// Cuts `article` into passages. Sentences never span paragraphs; a heading never ends a window
/// (it opens the next one, with the text it heads). The body is analysed once. The standfirst
/// (subtitle) is a passage of its own, unless the body opens with the same text: in news it is
/// the most read paragraph. An article with no body, captions or standfirst gets its title as its
/// only passage, so it can still be found.
[[nodiscard]] std::vector<Passage> split_passages(const Article& article, const Analyzer& analyzer,
                                                  const PassageOptions& options = {});

/// The same with the body already cut (cut_body(article, analyzer)).
[[nodiscard]] std::vector<Passage> split_passages(const Article& article, const BodyCuts& body,
                                                  const Analyzer& analyzer, const PassageOptions& options = {});

} // namespace newssearch::indexer
