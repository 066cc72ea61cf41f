#include "extract/html/html_document.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace newssearch::extract::html {
namespace {

constexpr std::array<std::string_view, 16> void_tags = {"area", "base", "br",    "col",  "embed", "hr",
                                                         "img",  "input", "link", "meta", "param", "source",
                                                         "track", "wbr", "keygen", "frame"};
constexpr std::array<std::string_view, 7> raw_text_tags = {"script", "style", "textarea", "title",
                                                           "xmp", "noscript", "plaintext"};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_'; }

std::string lower_name(std::string_view html, std::size_t pos, std::size_t& end) {
    end = pos;
    while (end < html.size() && is_name_char(html[end])) ++end;
    std::string name(html.substr(pos, end - pos));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

/// Position after the '>' closing the tag that starts at `pos`, respecting quoted values.
std::size_t tag_end(std::string_view html, std::size_t pos) {
    char quote = 0;
    for (; pos < html.size(); ++pos) {
        const char c = html[pos];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            // Quotes only open inside an attribute value position; a stray quote in a name
            // would otherwise swallow the page, so accept them only after '='.
            if (pos > 0 && (html[pos - 1] == '=' || html[pos - 1] == ' ')) quote = c;
        } else if (c == '>') {
            return pos + 1;
        }
    }
    return html.size();
}

/// Where the quoted attribute value of the tag whose name ends at `pos` opens, when that value
/// is broken: its closing quote is missing (it would run to the end of the page) or it spans
/// lines and holds an end tag ("<a href="x>Text</a>\n<p>..." up to the next quote swallows the
/// text between). npos when the tag's values are sound.
std::size_t broken_quote(std::string_view html, std::size_t pos) {
    for (; pos < html.size(); ++pos) {
        const char c = html[pos];
        if (c == '>') return std::string_view::npos;
        if ((c != '"' && c != '\'') || pos == 0 || (html[pos - 1] != '=' && html[pos - 1] != ' ')) continue;
        const std::size_t close = html.find(c, pos + 1);
        if (close == std::string_view::npos) return pos;
        const std::string_view value = html.substr(pos + 1, close - pos - 1);
        if (value.find('\n') != std::string_view::npos && value.find("</") != std::string_view::npos &&
            value.find('>') != std::string_view::npos)
            return pos;
        pos = close;
    }
    return std::string_view::npos;
}

/// For a raw-text element `name` whose text starts at `start` and whose end tag is at `stop`
/// (npos: missing): where markup starts inside a <title> that was left open (no end tag, or
/// tags inside it), else npos. Other raw-text elements (script, style, textarea) may hold "<".
std::size_t title_markup(std::string_view html, const std::string& name, std::size_t start, std::size_t stop) {
    if (name != "title") return std::string_view::npos;
    const std::size_t end = stop == std::string_view::npos ? html.size() : stop;
    for (std::size_t lt = html.find('<', start); lt != std::string_view::npos && lt < end; lt = html.find('<', lt + 1))
        if (lt + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[lt + 1])) || html[lt + 1] == '/' ||
                                     html[lt + 1] == '!'))
            return lt;
    return stop == std::string_view::npos ? end : std::string_view::npos;
}

void ascii_lower_inplace(std::string& s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

std::string limit_nesting(std::string_view html, std::size_t max_depth) {
    std::string out;
    out.reserve(html.size());
    std::size_t depth = 0;
    std::size_t pos = 0;
    while (pos < html.size()) {
        const std::size_t lt = html.find('<', pos);
        if (lt == std::string_view::npos) {
            out.append(html.substr(pos));
            break;
        }
        out.append(html.substr(pos, lt - pos));
        pos = lt;
        if (html.substr(pos, 4) == "<!--") {
            const std::size_t close = html.find("-->", pos + 4);
            const std::size_t end = close == std::string_view::npos ? html.size() : close + 3;
            out.append(html.substr(pos, end - pos));
            pos = end;
            continue;
        }
        const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
        const std::size_t name_start = pos + (closing ? 2 : 1);
        std::size_t name_end = name_start;
        const std::string name = lower_name(html, name_start, name_end);
        if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
            // Not a tag ("a < b", "<!DOCTYPE", "<?xml"): copy through the next '>' or the '<'.
            if (pos + 1 < html.size() && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
                const std::size_t end = tag_end(html, pos + 1);
                out.append(html.substr(pos, end - pos));
                pos = end;
            } else {
                out += '<';
                ++pos;
            }
            continue;
        }
        std::size_t end = tag_end(html, name_end);
        std::string repaired;
        std::string_view tag = html.substr(pos, end - pos);
        if (const std::size_t quote = broken_quote(html, name_end); quote != std::string_view::npos) {
            // A value whose quote never closes would swallow the page up to the next quote: it
            // is read unquoted, up to the first '>' (what the author meant).
            const std::size_t gt = html.find('>', quote);
            end = gt == std::string_view::npos ? html.size() : gt + 1;
            repaired = std::string(html.substr(pos, quote - pos)) + std::string(html.substr(quote + 1, end - quote - 1));
            tag = repaired;
        }
        if (closing) {
            if (depth > max_depth) {
                --depth; // the opening tag was dropped: drop its closing tag too
                out += ' ';
            } else {
                if (depth > 0) --depth;
                out.append(tag);
            }
            pos = end;
            continue;
        }
        const bool is_void = std::find(void_tags.begin(), void_tags.end(), name) != void_tags.end() ||
                             (tag.size() >= 2 && tag[tag.size() - 2] == '/');
        const bool raw_text = std::find(raw_text_tags.begin(), raw_text_tags.end(), name) != raw_text_tags.end();
        if (raw_text) {
            // Raw text: copied with both its tags whatever the depth (it cannot nest, and
            // dropping its tags would turn a script into page text); "<" inside is not a tag.
            out.append(tag);
            pos = end;
            std::size_t stop = html.find("</", pos);
            while (stop != std::string_view::npos) {
                std::size_t close_end = 0;
                if (lower_name(html, stop + 2, close_end) == name) break;
                stop = html.find("</", stop + 2);
            }
            if (const std::size_t markup = title_markup(html, name, pos, stop); markup != std::string_view::npos) {
                // A <title> left open (a truncated head) would make the whole page its text:
                // it ends where the markup starts.
                out.append(html.substr(pos, markup - pos));
                out.append("</" + name + ">");
                pos = markup;
                continue;
            }
            const std::size_t close_end = stop == std::string_view::npos ? html.size() : tag_end(html, stop + 2);
            out.append(html.substr(pos, close_end - pos));
            pos = close_end;
            continue;
        }
        if (!is_void) ++depth;
        // A dropped tag still separates words ("<p>a</p><p>b</p>" must not become "ab").
        if (is_void || depth <= max_depth) out.append(tag);
        else out += ' ';
        pos = end;
    }
    return out;
}

HtmlDocument::HtmlDocument(std::string html) : html_(limit_nesting(html)) {
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are not used; recording them costs memory proportional to the open
    // element stack for each one.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
    std::vector<const GumboNode*> stack{output_->root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
        elements_.push_back(node);
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
}

HtmlDocument::~HtmlDocument() {
    if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* HtmlDocument::root() const { return output_->root; }

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!node || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

std::string tag_name(const GumboNode* node) {
    if (!node || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)) return {};
    const GumboElement& element = node->v.element;
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data ? std::string_view(piece.data, piece.length) : std::string_view());
    std::size_t end = 0;
    while (end < name.size() && is_name_char(name[end])) ++end;
    name.resize(end);
    ascii_lower_inplace(name);
    return name;
}

bool is_block_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_MENU:
        return true;
    default:
        return false;
    }
}

bool precedes(const GumboNode* a, const GumboNode* b) {
    // Each node's path from the root; below where the paths part, the children's positions in
    // their common parent decide.
    const auto path = [](const GumboNode* node) {
        std::vector<const GumboNode*> nodes;
        for (; node; node = node->parent) nodes.push_back(node);
        std::reverse(nodes.begin(), nodes.end());
        return nodes;
    };
    const std::vector<const GumboNode*> path_a = path(a);
    const std::vector<const GumboNode*> path_b = path(b);
    std::size_t i = 0;
    while (i < path_a.size() && i < path_b.size() && path_a[i] == path_b[i]) ++i;
    if (i == path_a.size()) return i < path_b.size(); // a holds b (or is b)
    if (i == path_b.size()) return false;             // b holds a
    return path_a[i]->index_within_parent < path_b[i]->index_within_parent;
}

bool is_tag(const GumboNode* node, GumboTag tag) {
    return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            if (nbsp) ++i;
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string text_content(const GumboNode* node) {
    std::string raw;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* current = stack.back();
        stack.pop_back();
        if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_CDATA ||
            current->type == GUMBO_NODE_WHITESPACE) {
            raw += current->v.text.text;
            continue;
        }
        if (current->type != GUMBO_NODE_ELEMENT) continue;
        const GumboTag tag = current->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) continue;
        // Block boundaries must not glue words: "<p>a</p><p>b</p>" -> "a b".
        if (tag == GUMBO_TAG_BR || is_block_tag(tag)) raw += ' ';
        const GumboVector& children = current->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    return collapse_whitespace(raw);
}

std::string text_lines(const GumboNode* node) {
    std::string out;
    std::string line;
    const auto end_line = [&] {
        if (std::string text = collapse_whitespace(line); !text.empty()) out += text + "\n";
        line.clear();
    };
    // (node, leaving): a block element ends its line when it is entered and when it is left.
    std::vector<std::pair<const GumboNode*, bool>> stack{{node, false}};
    while (!stack.empty()) {
        const auto [current, leaving] = stack.back();
        stack.pop_back();
        if (leaving) {
            end_line();
            continue;
        }
        if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_CDATA ||
            current->type == GUMBO_NODE_WHITESPACE) {
            line += current->v.text.text;
            continue;
        }
        if (current->type != GUMBO_NODE_ELEMENT) continue;
        const GumboTag tag = current->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) continue;
        const bool block = tag == GUMBO_TAG_BR || is_block_tag(tag);
        if (block) {
            end_line();
            stack.push_back({current, true});
        }
        const GumboVector& children = current->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
    end_line();
    return out;
}

} // namespace newssearch::extract::html
