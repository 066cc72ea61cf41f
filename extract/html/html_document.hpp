#pragma once
/// A parsed HTML page: the gumbo tree of a UTF-8 page, with bounded nesting, plus small
/// accessors shared by the extractors. Every walk over the tree uses an explicit stack, never
/// recursion, so any nesting depth is safe.

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::extract::html {

/// Deepest element nesting handed to the parser. Deeper markup is flattened (its tags are
/// dropped, its text kept): gumbo's tree building is quadratic in the depth of open elements,
/// and no real article nests this deep.
inline constexpr std::size_t max_nesting_depth = 256;

/// `html` with opening tags beyond `max_depth` open elements replaced by a space (and their
/// matching closing tags), so that the parser never sees deeper nesting. Text, comments, raw-text elements
/// (script, style, textarea, title) and void elements pass through. Linear time.
[[nodiscard]] std::string limit_nesting(std::string_view html, std::size_t max_depth = max_nesting_depth);

/// Owns one parsed page. Not copyable.
class HtmlDocument {
public:
    /// Parses UTF-8 `html` (after limit_nesting()).
    explicit HtmlDocument(std::string html);
    ~HtmlDocument();
    HtmlDocument(const HtmlDocument&) = delete;
    HtmlDocument& operator=(const HtmlDocument&) = delete;

    /// The <html> element.
    [[nodiscard]] const GumboNode* root() const;

    /// All element nodes in document order (pre-order), computed without recursion.
    [[nodiscard]] const std::vector<const GumboNode*>& elements() const { return elements_; }

private:
    std::string html_;
    GumboOutput* output_ = nullptr;
    std::vector<const GumboNode*> elements_;
};

/// Value of attribute `name` of element `node`, empty when absent or not an element.
[[nodiscard]] std::string_view attribute(const GumboNode* node, const char* name);

/// Lower-case tag name of an element ("div", "h1", or the original name of an unknown tag).
[[nodiscard]] std::string tag_name(const GumboNode* node);

/// True for elements that start a new line of text (p, div, li, h1-h6, td, tr, table, ...).
[[nodiscard]] bool is_block_tag(GumboTag tag);

/// True when node `a` comes before node `b` in document order: an ancestor before what it holds,
/// an earlier sibling's subtree before a later one's; false for the same node. Ties between
/// equal scores are broken with this, never by address, so that a page's extraction does not
/// depend on where its nodes happen to lie in memory.
[[nodiscard]] bool precedes(const GumboNode* a, const GumboNode* b);

/// True when `node` is an element with tag `tag`.
[[nodiscard]] bool is_tag(const GumboNode* node, GumboTag tag);

/// All text under `node` (text, CDATA and whitespace nodes), in order, with runs of whitespace
/// collapsed to one space and trimmed. Script, style and template contents are skipped.
[[nodiscard]] std::string text_content(const GumboNode* node);

/// The text under `node` as lines: one line per block element (p, div, li, td, ...) and `<br>`,
/// each line's whitespace collapsed, empty lines left out; every line ends with '\n'.
[[nodiscard]] std::string text_lines(const GumboNode* node);

/// `text` with runs of Unicode-ish whitespace (ASCII whitespace and U+00A0) collapsed to one
/// space and trimmed.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

} // namespace newssearch::extract::html
