#pragma once
/// Chooses the article text of a parsed page. The page is cut into blocks (the text of one
/// paragraph, heading, list item, table row, quote or caption); each decision — dropped with its
/// subtree, kept, or rejected as boilerplate — is recorded with its reason and score, so that
/// `newssearch clean --explain` can show it. The rules are described in docs/EXTRACTION.md.

#include "extract/html/html_document.hpp"

#include <string>
#include <vector>

namespace newssearch::extract::html {

enum class BlockKind { paragraph, heading, list_item, quote, table_row, preformatted, caption };

/// One block of page text and what was decided about it.
struct Block {
    std::string text;           ///< whitespace-collapsed text
    BlockKind kind = BlockKind::paragraph;
    std::string tag;            ///< tag of the element that owns the text ("p", "li", "div", ...)
    std::size_t link_chars = 0; ///< bytes of the text inside <a> elements
    double score = 0;           ///< the block's content score (0 when too short to count)
    double container_score = 0; ///< final score of the chosen container it lies in, 0 outside
    bool kept = false;          ///< part of the article body (captions: part of the captions)
    std::string reason;         ///< why it was kept or dropped, in words
};

/// The chosen content and every block decision, in document order.
struct BlockExtraction {
    std::vector<Block> blocks;  ///< kept and dropped blocks (dropped subtrees summarised as one)
    std::string container;      ///< description of the chosen container ("div#story-body, score 87.5")
};

/// Runs the block rules over `document`. `title` and `subtitle` are the article's (metadata
/// extractor): a heading that repeats the title and a block that repeats the subtitle are not
/// body text, nor are date lines and bylines. When the result is short, the choice is made again with only the class and
/// id rules of boxes that never hold an article (comments, cookie banners, newsletters), and
/// kept when it recovers an article box the other class rules removed ("share_wrapper" around a
/// story). Linear in the size of the page (times the bounded nesting depth).
[[nodiscard]] BlockExtraction extract_blocks(const HtmlDocument& document, const std::string& title,
                                             const std::string& subtitle = {});

/// Words of the body blocks kept (captions excluded).
[[nodiscard]] std::size_t kept_words(const BlockExtraction& extraction);

/// Why a line is page furniture by the plain-text cleaner's rules ("cookie banner", "share
/// widget", ...), or empty when it is not. Shared predicates: extract/cleaning_rules.hpp.
[[nodiscard]] std::string boilerplate_reason(const std::string& line);

/// Why element `node` and everything under it is never article text (a `nav`, a hidden element,
/// a class such as "comments" or "share-bar"...), or empty. `share_of_page` is the fraction of
/// the page's text under `node`: a class-name rule never drops the bulk of the page.
/// `share_of_prose` is the fraction of the page's prose paragraphs under `node`: a box holding
/// half of them is the article, not dropped for its name nor as an aside, header or footer.
/// `share_of_words` is the fraction of the page's text outside links under `node`: a box named as
/// the page's frame (sidebar, header, ...) that holds 80% of the page's text but under 80% of
/// this is the frame, its bulk archive links, and is dropped for its name.
[[nodiscard]] std::string drop_reason(const GumboNode* node, double share_of_page, bool class_rules = true,
                                      double share_of_prose = 0, double share_of_words = 1);

} // namespace newssearch::extract::html
