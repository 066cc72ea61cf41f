#include "extract/html/block_extractor.hpp"
#include "common/text.hpp"

#include "extract/cleaning_rules.hpp"
#include "extract/date_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace newssearch::extract::html {
namespace {

/// Blocks shorter than this (bytes) add nothing to their container's score (readability's rule).
constexpr std::size_t min_scoring_chars = 25;
/// A body shorter than this (words) after the class-name rules is suspicious (Readability: 500
/// characters).
constexpr std::size_t retry_below_words = 100;
/// Kept lines of at most this many words, without sentence punctuation, that end the body are
/// widget text.
constexpr std::size_t max_trailing_fragment_words = 5;
/// A box of mostly links is a link list unless it holds this much prose (bytes).
constexpr std::size_t min_box_prose_chars = 150;
/// A `<p>` of at least this many bytes (and few links) is prose when weighing a box's share of
/// the page's prose (Readability's threshold for a sibling paragraph).
constexpr std::size_t min_prose_chars = 80;
/// A box holding at least this share of the page's prose is not dropped for its name or for
/// being an <aside>/<header>/<footer>: it is the article, whatever the markup says.
constexpr double article_prose_share = 0.5;
/// A kept block whose text is more than this share links is a link list, not prose...
constexpr double max_block_link_density = 0.5;
/// ... unless it is a sentence of at least this many words, under this share links.
constexpr std::size_t min_linked_sentence_words = 10;
constexpr double max_sentence_link_density = 0.9;
/// A link-heavy block inside the story, before its last paragraph, is kept when at least this
/// share of it is not link text: "“Paper title” by Authors", "3. Product name" annotate their
/// links; a box of other stories' headlines is all links.
constexpr double max_annotated_link_density = 0.9;
/// A list marker ("Related stories") inside the story is followed by at least this many words of
/// prose; with fewer, it starts the list of other stories that ends the page's article.
constexpr std::size_t min_prose_words_after_list = 50;
/// A box named with a furniture word ("hidden", "meta", "tools") is kept for holding the article
/// when it holds at least this share of the page's prose.
constexpr double frame_article_prose_share = 0.75;
/// The story told twice: a later run of at least this many kept blocks that repeats, in order,
/// the body's opening, whose first paragraph has at least this many words, is a second copy.
constexpr std::size_t min_repeated_blocks = 2;
constexpr std::size_t min_repeated_opening_words = 8;
/// Containers scoring at least this share of the best one are near-ties, settled by closeness to
/// the title heading.
constexpr double near_tie_share = 0.8;
/// A sibling box of the container joins it when it holds at least this much text (bytes), ...
constexpr std::size_t min_sibling_box_chars = 300;
/// ... under this share of links, and at least this share of it in prose blocks.
constexpr double max_sibling_box_links = 0.1;
constexpr double sibling_box_prose_share = 0.8;
/// A page of story teasers (a section front, an index of posts): at least this many headlines in
/// the chosen boxes that link to their stories, ...
constexpr std::size_t min_teaser_headlines = 3;
/// ... each followed by at most this many words (a summary line or two) before the next one.
constexpr std::size_t max_teaser_words = 60;

/// Class/id fragments of boxes that never hold the article, whatever else the name says
/// ("comment-body"); they apply even when choosing again without the other class rules.
constexpr std::array<std::string_view, 14> never_article = {
    "comment", "disqus", "cookie", "consent", "gdpr", "newsletter", "outbrain", "taboola", "signup",
    "subscribe", "paywall", "captcha", "idc-", "comentario"};
/// Class/id fragments of page furniture that drop a box even when the name also says "content"
/// or "body" ("related-content"). A page that names its article box oddly ("share_wrapper") is
/// caught by the retry without these rules.
constexpr std::array<std::string_view, 10> strong_furniture = {
    "share", "social", "byline", "breadcrumb", "related", "recommend", "popular", "mostread", "most-read",
    "promo"};
/// Of those, the names of small widgets (a share bar, a byline): a box so named that holds half
/// the page's prose wraps the article ("share_wrapper", "byline-author" around a post). Boxes of
/// other stories (related, promo) can hold more prose than a short article and stay dropped.
constexpr std::array<std::string_view, 4> widget_furniture = {"share", "social", "byline", "breadcrumb"};
/// Class/id fragments of furniture that a content word ("article", "body", ...) overrides.
constexpr std::array<std::string_view, 22> weak_furniture = {
    "banner", "combx", "community", "footer", "header", "masthead", "menu", "navbar", "navigation",
    "pagination", "pager", "popup", "modal", "remark", "replies", "rss", "sidebar", "skyscraper",
    "toolbar", "tagcloud", "shoutbox", "footnote"};
/// Class/id fragments that lower a container's score without dropping it.
constexpr std::array<std::string_view, 3> scoring_furniture = {"widget", "profile", "sponsor"};
/// Whole class/id words (split at '-', '_', spaces) of furniture: short words that would match
/// inside longer names as fragments ("ad" in "head").
constexpr std::array<std::string_view, 14> furniture_words = {
    "ad", "ads", "advert", "advertisement", "nav", "tags", "hidden", "hide", "sr-only", "print",
    "tools", "login", "masthead", "meta"};
constexpr std::array<std::string_view, 8> content_words = {"article", "body", "content", "main",
                                                           "story", "entry", "post", "text"};
/// Words that, as the last word of a class word or id, say the box holds the page's content
/// ("entry-content", "print-this-content", "main-column"): Readability's "ok, maybe it is a
/// candidate" words. A short furniture word elsewhere in the names ("handle-adX2") then names a
/// hook on the box, not what it is.
constexpr std::array<std::string_view, 5> content_heads = {"article", "body", "column", "content", "main"};
constexpr std::array<std::string_view, 12> positive_words = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "column"};

std::string lower(std::string_view s) { return text::ascii_lower(s); }

bool contains_any(std::string_view haystack, auto const& needles) {
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return haystack.find(n) != std::string_view::npos; });
}

/// The words of one class word or id: cut at '-', '_', ':', '.', digits and camelCase humps,
/// lower-cased ("articlePageRow" -> article, page, row; "field-label-hidden" -> field, label,
/// hidden). Names run together in lower case stay one word ("commentlist").
std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        const bool hump = c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
        if (!letter || hump) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
            if (!letter) continue;
        }
        word += text::ascii_lower(c);
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

/// Words that make the furniture word after them a modifier: the box has (or lacks) a sidebar,
/// it is not one ("has-sidebar", "page-with-sidebar", "no-sidebar").
constexpr std::array<std::string_view, 6> having_words = {"has", "with", "no", "without", "show", "toggle"};
/// State words: they name the box's state only first in a name or after these ("hidden",
/// "is-hidden", "visually-hidden"); after another word it is that thing's state
/// ("field-label-hidden": the label is hidden, the field is shown).
constexpr std::array<std::string_view, 2> state_words = {"hidden", "hide"};
/// Furniture rules that name a state of the element, not what it is (the state words and
/// "sr-only", text for screen readers only): a content-word name does not keep such a box, and
/// they drop an inline element even in running text.
constexpr std::array<std::string_view, 3> state_furniture = {"hidden", "hide", "sr-only"};
constexpr std::array<std::string_view, 5> state_prefixes = {"is", "visually", "u", "js", "sr"};
/// Words naming a box: a state word after them is the box's own ("edit_box_hidden").
constexpr std::array<std::string_view, 9> box_words = {"box", "container", "wrap", "wrapper", "block",
                                                       "panel", "section", "area", "div"};

bool among(std::string_view word, auto const& list) { return std::find(list.begin(), list.end(), word) != list.end(); }

/// Whether `part` lies inside `word`, run together with other words: anywhere for a distinctive
/// part of five letters or more ("commentlist", "sidebarbox"), at the start or end of the word for
/// a shorter one ("menubar", "submenu"; "idc" is not inside "midcontainer").
bool inside(std::string_view word, std::string_view part) {
    if (part.size() >= 5) return word.find(part) != std::string_view::npos;
    return word.starts_with(part) || word.ends_with(part);
}

/// Whether `rule` (a furniture name: "sidebar", "most-read", "ads") names a box whose class
/// words and id are `names` (each cut by split_name). The rule's parts must be whole words of a
/// name (or the word plus "s"); with `inside_word`, a one-part rule may also lie inside a word
/// run together in lower case ("commentlist", "sidebarbox"), never across words ("pageRow" is
/// not "pager"). A modifier compound does not count: after having_words ("has-sidebar"), a state
/// word after another word ("label-hidden"), or a furniture word before "field" ("meta-field":
/// a CMS field).
bool names_rule(const std::vector<std::vector<std::string>>& names, std::string_view rule, bool inside_word) {
    std::vector<std::string> parts = split_name(rule);
    if (parts.empty()) return false;
    for (const auto& words : names) {
        for (std::size_t i = 0; i + parts.size() <= words.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < parts.size() && match; ++k) {
                const std::string& word = words[i + k];
                const std::string& part = parts[k];
                match = word == part || word == part + "s" || (inside_word && parts.size() == 1 && inside(word, part));
            }
            if (!match) continue;
            const std::size_t last = i + parts.size() - 1;
            if (i > 0 && among(words[i - 1], having_words)) continue;
            if (among(parts[0], state_words) && i > 0 && !among(words[i - 1], state_prefixes) &&
                !among(words[i - 1], box_words))
                continue;
            if (last + 1 < words.size() && (words[last + 1] == "field" || words[last + 1] == "fields")) continue;
            return true;
        }
    }
    return false;
}

/// The first rule of `rules` that names the box (names_rule), or empty.
std::string_view named_rule(const std::vector<std::vector<std::string>>& names, auto const& rules, bool inside_word) {
    for (const std::string_view rule : rules)
        if (names_rule(names, rule, inside_word)) return rule;
    return {};
}

/// Whether a class word labels the story's taxonomy rather than the box: blog engines class a
/// post's box with its categories and tags ("category-social-media", "tag-cookies",
/// "entry-category-news"), which say nothing about what the box is.
bool is_taxonomy_class(std::string_view word) {
    return word.starts_with("tag-") || word.find("category-") != std::string_view::npos;
}

/// The element's class attribute, lower-cased, without taxonomy words.
std::string box_class(const GumboNode* node) {
    std::string out;
    std::string word;
    const std::string value = lower(attribute(node, "class")) + " ";
    for (const char c : value) {
        if (c != ' ' && c != '\t' && c != '\n') {
            word += c;
            continue;
        }
        if (!word.empty() && !is_taxonomy_class(word)) out += (out.empty() ? "" : " ") + word;
        word.clear();
    }
    return out;
}

/// "class id" of an element, lower-cased, without taxonomy class words.
std::string class_and_id(const GumboNode* node) {
    return box_class(node) + " " + lower(attribute(node, "id"));
}

/// The names in `value` (class words or an id, space-separated) without taxonomy words, each
/// cut into words (split_name).
std::vector<std::vector<std::string>> box_names_of(std::string_view raw) {
    std::vector<std::vector<std::string>> names;
    std::string word;
    const std::string value = std::string(raw) + " ";
    for (const char c : value) {
        if (c != ' ' && c != '\t' && c != '\n') {
            word += c;
            continue;
        }
        if (!word.empty() && !is_taxonomy_class(lower(word)))
            if (auto words = split_name(word); !words.empty()) names.push_back(std::move(words));
        word.clear();
    }
    return names;
}

/// The element's class words (without taxonomy words) and id, each cut into words.
std::vector<std::vector<std::string>> box_names(const GumboNode* node) {
    return box_names_of(std::string(attribute(node, "class")) + " " + std::string(attribute(node, "id")));
}

/// Whether one of the box's names (class words, id) ends in a content word (content_heads) and
/// the furniture word `rule` is a hook beside it, not part of that name: in "ad_content",
/// "nav-main", "login_box_content" the content is the furniture's own. "print" is the exception:
/// "print-this-content" is the printable version of the article, the article itself.
bool headed_by_content_word(const std::vector<std::vector<std::string>>& names, std::string_view rule) {
    return std::any_of(names.begin(), names.end(), [&](const std::vector<std::string>& words) {
        return among(words.back(), content_heads) && (rule == "print" || !names_rule({words}, rule, false));
    });
}

constexpr std::string_view author_profile_reason = "class/id names the author's profile";

/// Whether a class word or id names the author's profile box: "author" (or "authors") with
/// bio/box/info/profile/description/details/about among its words ("author-bio",
/// "about_author", "authorinfo", "authorsure-author-box"). "author-profile-picture" is a
/// picture in it and "author-profile-link" a link to it (a name in a sentence, as often as not);
/// "entry-author" or "author-name" is the byline, handled as metadata.
bool names_author_profile(const std::vector<std::vector<std::string>>& names) {
    static constexpr std::array<std::string_view, 9> profile_words = {
        "bio", "box", "info", "information", "profile", "description", "details", "about", "biography"};
    for (const auto& words : names) {
        bool author = false;
        bool profile = false;
        bool part = false;
        for (const std::string& word : words) {
            if (word == "author" || word == "authors") author = true;
            else if (among(word, profile_words)) profile = true;
            else if (word == "picture" || word == "pic" || word == "photo" || word == "image" || word == "avatar" ||
                     word == "link" || word == "url")
                part = true;
            else if (word == "authorinfo" || word == "authorbox" || word == "authorbio" || word == "aboutauthor") author = profile = true;
        }
        if (author && profile && !part) return true;
    }
    return false;
}

bool is_hidden(const GumboNode* node) {
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
    if (lower(attribute(node, "aria-hidden")) == "true") return true;
    std::string style;
    for (const char c : lower(attribute(node, "style")))
        if (c != ' ') style += c;
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

/// Readability's class weight: +25 for a content-like class or id, -25 for a furniture-like one.
/// The bonus only for a box with some text (`prose`: at least min_prose_chars): a near-empty box named
/// "article-teaser" must not win on its name alone.
double class_weight(const GumboNode* node, bool prose = true) {
    double weight = 0;
    for (const std::string_view raw : {attribute(node, "class"), attribute(node, "id")}) {
        const std::vector<std::vector<std::string>> names = box_names_of(raw);
        if (names.empty()) continue;
        std::string value;
        for (const auto& words : names)
            for (const auto& word : words) value += word + " ";
        // Both can apply, as in Readability: "entry-footer" is -25 + 25.
        if (!named_rule(names, never_article, true).empty() || !named_rule(names, strong_furniture, true).empty() ||
            !named_rule(names, weak_furniture, true).empty() || !named_rule(names, scoring_furniture, true).empty())
            weight -= 25;
        if (prose && contains_any(value, positive_words)) weight += 25;
    }
    return weight;
}

BlockKind kind_of(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return BlockKind::heading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: return BlockKind::list_item;
    case GUMBO_TAG_BLOCKQUOTE: return BlockKind::quote;
    case GUMBO_TAG_TR: return BlockKind::table_row;
    case GUMBO_TAG_PRE: return BlockKind::preformatted;
    case GUMBO_TAG_FIGCAPTION: return BlockKind::caption;
    default: return BlockKind::paragraph;
    }
}

/// Elements whose text is a leaf paragraph: they score their parent, not themselves.
bool is_paragraph_like(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ADDRESS:
        return true;
    default:
        return false;
    }
}

/// Readability's starting score of a container by its tag.
double tag_weight(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
    }
}

/// Semantic markup of the article's body: schema.org articleBody, <article>, <main>.
double semantic_bonus(const GumboNode* node) {
    const std::string itemprop = lower(attribute(node, "itemprop"));
    if (itemprop.find("articlebody") != std::string::npos) return 30;
    if (is_tag(node, GUMBO_TAG_ARTICLE)) return 10;
    if (is_tag(node, GUMBO_TAG_MAIN)) return 5;
    return 0;
}

/// Content score of a paragraph: 1, plus one per comma, plus one per 100 bytes (at most 3).
double paragraph_score(const std::string& text) {
    if (text.size() < min_scoring_chars) return 0;
    double commas = 0;
    for (const char c : text) commas += c == ',';
    return 1 + commas + std::min(3.0, static_cast<double>(text.size()) / 100.0);
}

struct ElementStats {
    std::size_t chars = 0;      ///< text bytes of kept-candidate blocks under the element
    std::size_t link_chars = 0; ///< of which inside links
    std::size_t prose_chars = 0; ///< of which in scoring paragraphs that are mostly not links
    double score = 0;
    bool candidate = false;     ///< received content score
};

double link_density(const ElementStats& stats) {
    return stats.chars ? static_cast<double>(stats.link_chars) / static_cast<double>(stats.chars) : 0.0;
}

std::string describe(const GumboNode* node) {
    std::string out = tag_name(node);
    if (const auto id = attribute(node, "id"); !id.empty()) out += "#" + std::string(id);
    if (const auto cls = attribute(node, "class"); !cls.empty()) {
        std::string first(cls.substr(0, cls.find(' ')));
        out += "." + first;
    }
    return out;
}

std::string format_score(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", score);
    return buffer;
}

/// Text bytes under each element, computed bottom-up (children before parents).
std::unordered_map<const GumboNode*, std::size_t> subtree_chars(const HtmlDocument& document) {
    std::unordered_map<const GumboNode*, std::size_t> chars;
    const auto& elements = document.elements();
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
        const GumboNode* node = *it;
        const GumboTag tag = node->v.element.tag;
        std::size_t total = 0;
        if (tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE) {
            const GumboVector& children = node->v.element.children;
            for (unsigned i = 0; i < children.length; ++i) {
                const auto* child = static_cast<const GumboNode*>(children.data[i]);
                if (child->type == GUMBO_NODE_TEXT) total += std::strlen(child->v.text.text);
                else if (child->type == GUMBO_NODE_ELEMENT) total += chars[child];
            }
        }
        chars[node] = total;
    }
    return chars;
}

/// Bytes of prose under each element: the text of `<p>` elements of at least `min_prose_chars`
/// bytes with under a quarter of it in links. `chars` is subtree_chars().
std::unordered_map<const GumboNode*, std::size_t> subtree_prose(
    const HtmlDocument& document, const std::unordered_map<const GumboNode*, std::size_t>& chars,
    std::unordered_map<const GumboNode*, std::size_t>& links) {
    std::unordered_map<const GumboNode*, std::size_t> prose;
    const auto& elements = document.elements();
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
        const GumboNode* node = *it;
        const GumboTag tag = node->v.element.tag;
        std::size_t link_total = 0;
        std::size_t prose_total = 0;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            link_total += links[child];
            prose_total += prose[child];
        }
        const std::size_t own = chars.at(node);
        if (tag == GUMBO_TAG_A) link_total = own;
        if (tag == GUMBO_TAG_P && own >= min_prose_chars && link_total * 4 < own) prose_total = own;
        links[node] = link_total;
        prose[node] = prose_total;
    }
    return prose;
}

/// Data tables (cells of inline text only) keep a row per block; layout tables do not.
std::unordered_set<const GumboNode*> data_tables(const HtmlDocument& document) {
    std::unordered_map<const GumboNode*, bool> has_block; // under the element, outside table parts
    std::unordered_set<const GumboNode*> tables;
    const auto& elements = document.elements();
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
        const GumboNode* node = *it;
        bool block = false;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            const GumboTag tag = child->v.element.tag;
            const bool table_part = tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT ||
                                    tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
            if (has_block[child] || (is_block_tag(tag) && !table_part) || tag == GUMBO_TAG_BR) block = true;
        }
        has_block[node] = block;
        if (is_tag(node, GUMBO_TAG_TABLE) && !block) tables.insert(node);
    }
    return tables;
}

const GumboNode* parent_element(const GumboNode* node) {
    const GumboNode* parent = node->parent;
    return parent && parent->type == GUMBO_NODE_ELEMENT ? parent : nullptr;
}

/// Radio buttons and check boxes under `node`.
std::size_t choice_inputs(const GumboNode* node) {
    std::size_t choices = 0;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* current = stack.back();
        stack.pop_back();
        if (current->type != GUMBO_NODE_ELEMENT) continue;
        if (current->v.element.tag == GUMBO_TAG_INPUT) {
            const std::string type = lower(attribute(current, "type"));
            choices += type == "radio" || type == "checkbox";
        }
        const GumboVector& children = current->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    return choices;
}

} // namespace

std::string boilerplate_reason(const std::string& line) {
    if (is_cookie_banner(line)) return "cookie banner";
    if (is_language_switch_prompt(line)) return "language switch";
    if (is_share_line(line)) return "share widget";
    if (is_post_footer_line(line)) return "post footer";
    if (is_comments_prompt(line)) return "comment widget";
    if (is_rights_notice(line)) return "rights notice";
    if (is_advertisement_line(line)) return "advertisement";
    if (is_audio_player_notice(line)) return "audio player";
    if (is_page_control_label(line)) return "page control label";
    if (is_reblog_note(line)) return "reblog note";
    if (is_navigation_line(line)) return "navigation line";
    if (is_alt_text_dump(line)) return "alt-text dump";
    if (is_related_link_teaser(line)) return "related-story teaser";
    return {};
}

std::string drop_reason(const GumboNode* node, double share_of_page, bool class_rules, double share_of_prose,
                        double share_of_words) {
    const bool holds_article = share_of_prose >= article_prose_share;
    switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
        return "<" + tag_name(node) + "> is not text";
    case GUMBO_TAG_NAV:
        if (share_of_page < 0.5) return "<" + tag_name(node) + "> is page furniture";
        break;
    case GUMBO_TAG_FORM:
        // A form of choices is a poll or a survey, whatever its question says.
        // (Some sites wrap the whole page in one form: a poll holds little of the page.)
        if (share_of_page < 0.5 && share_of_prose < 0.1 && choice_inputs(node) >= 2) return "a poll (a form of choices)";
        break;
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
        if (share_of_page < 0.5 && !(holds_article && contains_any(class_and_id(node), content_words))) return "<" + tag_name(node) + "> is page furniture";
        break;
    default:
        break;
    }
    if (is_hidden(node)) return "hidden element";
    const std::string role = lower(attribute(node, "role"));
    for (const char* furniture : {"navigation", "banner", "contentinfo", "complementary", "dialog", "alert",
                                  "search", "menu", "menubar", "alertdialog"})
        if (role == furniture && share_of_page < 0.5) return "role=" + role;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN)
        return {};
    if (lower(attribute(node, "itemprop")).find("articlebody") != std::string::npos) return {};
    // A higher share-of-page guard than the tag rules': a sidebar can hold more text than a
    // short post, but a box with nearly all of the page is the page, whatever its name.
    const std::vector<std::vector<std::string>> names = box_names(node);
    if (names.empty()) return {};
    const auto because = [](std::string_view rule) { return "class/id '" + std::string(rule) + "'"; };
    // Readers' comments can outweigh a short post many times over: a box named for them is
    // dropped whatever its share of the page, unless it holds the article's prose.
    if (const auto rule = named_rule(names, never_article, true); !rule.empty() && !holds_article) return because(rule);
    if (share_of_page >= 0.8) {
        // A page wrapped in a box named after something else holds the page's own words, not just
        // its text: a sidebar that outweighs a short post with its archive links holds few of them.
        const bool frame = class_rules && !contains_any(class_and_id(node), content_words) &&
                           !named_rule(names, weak_furniture, true).empty();
        if (!frame || share_of_words >= 0.8) return {};
    }
    if (const auto rule = named_rule(names, never_article, true); !rule.empty()) return because(rule);
    if (!class_rules) return {};
    // A link is not a box: <a class="author-profile-link"> names the person in a sentence.
    if (!holds_article && tag != GUMBO_TAG_A && names_author_profile(names)) return std::string(author_profile_reason);
    for (const std::string_view rule : strong_furniture)
        if (names_rule(names, rule, true) && !(holds_article && among(rule, widget_furniture))) return because(rule);
    // A box named with a state or a short furniture word (a CMS field's "label-hidden", "meta")
    // around nearly all of the page's prose is the article. Frame names (sidebar, header) are
    // not given that benefit: a blog's "About me" can hold more prose than a photo post.
    // Nor is a box dropped for a furniture word when one of its names ends in a content word
    // ("entry-content handle-adX2", "print-this-content"): the name says what the box is, the
    // furniture word is a hook on it. A state word (hidden) is the box's state, whatever it is.
    if (const auto rule = named_rule(names, furniture_words, false);
        !rule.empty() && share_of_prose < frame_article_prose_share &&
        (among(rule, state_furniture) || !headed_by_content_word(names, rule)))
        return because(rule);
    if (!contains_any(class_and_id(node), content_words))
        if (const auto rule = named_rule(names, weak_furniture, true); !rule.empty()) return because(rule);
    return {};
}

namespace {

/// An inline element lies in running text when its parent holds at least this many words of
/// text of its own, outside elements.
constexpr std::size_t min_running_text_words = 3;

/// Whether `node` is an inline element inside running text ("claimed by <a class="meta-loc">
/// Vietnam</a> and the Philippines"): not a block, and its parent has min_running_text_words
/// words of text directly.
bool in_running_text(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (is_block_tag(tag) || tag == GUMBO_TAG_BR) return false;
    const GumboNode* parent = parent_element(node);
    if (!parent) return false;
    std::size_t words = 0;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < siblings.length && words < min_running_text_words; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling->type == GUMBO_NODE_TEXT) words += word_count(sibling->v.text.text);
    }
    return words >= min_running_text_words;
}

/// Builds the blocks of the page body in document order.
class BlockCollector {
public:
    BlockCollector(const HtmlDocument& document, bool class_rules)
        : chars_(subtree_chars(document)), prose_(subtree_prose(document, chars_, links_)), data_tables_(data_tables(document)),
          class_rules_(class_rules) {}

    std::vector<Block> blocks;
    std::vector<const GumboNode*> owners; ///< element owning each block (nullptr for dropped subtrees)
    std::vector<const GumboNode*> dropped; ///< the dropped subtree's root for each such block, else nullptr
    std::unordered_set<const GumboNode*> class_dropped; ///< subtrees dropped for their class/id

    void collect(const GumboNode* body) {
        page_chars_ = std::max<std::size_t>(1, chars_[body]);
        page_prose_ = prose_[body];
        page_words_ = std::max<std::size_t>(1, page_chars_ - links_[body]);
        struct Frame {
            const GumboNode* node;
            unsigned next_child;
        };
        std::vector<Frame> stack{{body, 0}};
        owner_stack_.push_back(body);
        while (!stack.empty()) {
            Frame& frame = stack.back();
            const GumboNode* node = frame.node;
            const GumboVector& children = node->v.element.children;
            if (frame.next_child >= children.length) {
                leave(node);
                stack.pop_back();
                continue;
            }
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                child->type == GUMBO_NODE_CDATA) {
                const std::string_view text = child->v.text.text;
                current_ += text;
                if (link_depth_ > 0) current_links_ += collapse_whitespace(text).size();
                continue;
            }
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            const double share = static_cast<double>(chars_[child]) / static_cast<double>(page_chars_);
            const double prose_share =
                page_prose_ ? static_cast<double>(prose_[child]) / static_cast<double>(page_prose_) : 0.0;
            const double words_share =
                static_cast<double>(chars_[child] - links_[child]) / static_cast<double>(page_words_);
            // An inline element in running text (a link or span inside a sentence) is part of the
            // sentence: its class names a style or a hook ("meta-loc", "byline-author",
            // "hidden_link"), not a box of furniture. Only never-an-article names and a state
            // (hidden, sr-only: text no reader sees) drop it there.
            const bool running = in_running_text(child);
            std::string reason = drop_reason(child, share, class_rules_ && !running, prose_share, words_share);
            if (running && class_rules_ && reason.empty())
                if (const auto rule = named_rule(box_names(child), state_furniture, false); !rule.empty())
                    reason = "class/id '" + std::string(rule) + "'";
            if (!reason.empty()) {
                const bool silent = child->v.element.tag == GUMBO_TAG_SCRIPT || child->v.element.tag == GUMBO_TAG_STYLE ||
                                    child->v.element.tag == GUMBO_TAG_NOSCRIPT || chars_[child] == 0;
                if (reason.starts_with("class/id")) class_dropped.insert(child);
                if (!silent) {
                    flush();
                    Block block;
                    block.text = text_content(child);
                    block.tag = describe(child);
                    block.reason = "dropped subtree: " + reason;
                    if (!block.text.empty()) {
                        blocks.push_back(std::move(block));
                        owners.push_back(nullptr);
                        dropped.push_back(child);
                    }
                }
                continue;
            }
            enter(child);
            stack.push_back({child, 0});
        }
        flush();
    }

private:
    std::unordered_map<const GumboNode*, std::size_t> chars_;
    std::unordered_map<const GumboNode*, std::size_t> links_; ///< link text bytes under each element
    std::unordered_map<const GumboNode*, std::size_t> prose_;
    std::size_t page_prose_ = 0;
    std::size_t page_words_ = 1; ///< text bytes of the page outside links
    std::unordered_set<const GumboNode*> data_tables_;
    bool class_rules_ = true;
    std::size_t page_chars_ = 1;
    std::vector<const GumboNode*> owner_stack_;
    std::vector<const GumboNode*> table_stack_; ///< enclosing tables, innermost last
    std::string current_;
    std::size_t current_links_ = 0;
    int link_depth_ = 0;

    bool in_data_table() const { return !table_stack_.empty() && data_tables_.count(table_stack_.back()); }

    bool is_boundary(GumboTag tag) const {
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) return !in_data_table();
        return is_block_tag(tag);
    }

    void enter(const GumboNode* node) {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_A) ++link_depth_;
        if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
            flush();
            return;
        }
        if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && in_data_table()) {
            if (collapse_whitespace(current_).size() > 0) current_ += " | ";
            return;
        }
        if (tag == GUMBO_TAG_IMG) {
            // Inline images separate words only.
            current_ += ' ';
            return;
        }
        if (!is_boundary(tag)) return;
        flush();
        if (tag == GUMBO_TAG_TABLE) table_stack_.push_back(node);
        owner_stack_.push_back(node);
    }

    void leave(const GumboNode* node) {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_A && link_depth_ > 0) --link_depth_;
        if (!is_boundary(tag) || owner_stack_.size() <= 1 || owner_stack_.back() != node) {
            if (tag == GUMBO_TAG_TABLE && !table_stack_.empty() && table_stack_.back() == node) table_stack_.pop_back();
            return;
        }
        flush();
        owner_stack_.pop_back();
        if (tag == GUMBO_TAG_TABLE && !table_stack_.empty() && table_stack_.back() == node) table_stack_.pop_back();
    }

    void flush() {
        std::string text = collapse_whitespace(current_);
        const std::size_t links = current_links_;
        current_.clear();
        current_links_ = 0;
        if (text.empty()) return;
        const GumboNode* owner = owner_stack_.back();
        // The nearest ancestor that says what kind of text this is (a <p> inside an <li> is a
        // list item's text, a <div> inside a <blockquote> is quoted).
        BlockKind kind = kind_of(owner->v.element.tag);
        for (auto it = owner_stack_.rbegin(); it != owner_stack_.rend() && kind == BlockKind::paragraph; ++it)
            kind = kind_of((*it)->v.element.tag);
        if (kind == BlockKind::table_row && !is_tag(owner, GUMBO_TAG_TR)) kind = BlockKind::paragraph;
        Block block;
        if (text.size() > 2 && text.ends_with(" |")) text.resize(text.size() - 2);
        block.text = std::move(text);
        block.kind = kind;
        block.tag = tag_name(owner);
        block.link_chars = std::min(links, block.text.size());
        blocks.push_back(std::move(block));
        owners.push_back(owner);
        dropped.push_back(nullptr);
    }
};

/// A sentence of prose that links much of its text ("The court, <a>as reported earlier</a>,
/// ruled ..."): kept in the article, unless it is nearly all link (a teaser).
/// The bullet a line written as a list item starts with ("• ", "- ", "* "...), or empty.
std::string_view bullet_of(std::string_view text) {
    for (const std::string_view bullet : {"• ", "· ", "▪ ", "► ", "- ", "* ", "– "})
        if (text.starts_with(bullet)) return bullet;
    return {};
}

/// "Categories: A, B, C", "More from us: X | Y | Z": a label of one or two words and a colon,
/// then a run of items — the way taxonomy and teaser lines introduce their links ("Part 1: How
/// it began" is a title, not a label).
bool starts_with_label(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || word_count(text.substr(0, colon)) > 2) return false;
    const std::string_view items = text.substr(colon + 1);
    return std::count(items.begin(), items.end(), ',') + std::count(items.begin(), items.end(), '|') >= 2;
}

/// "About the author", "About the Author: Jane writes ...": the author's profile that blogs set
/// after the post, in the post's own box. It introduces the author, not the story.
bool starts_author_profile(std::string_view text) {
    if (word_count(text) <= 5) {
        const std::string key = line_key(text);
        for (const std::string_view marker : {"about the author", "about the authors", "about this author",
                                              "about the writer", "about author"})
            if (key == marker) return true;
        return false;
    }
    const std::string opening = lower(text.substr(0, 18));
    return opening.starts_with("about the author:") || opening.starts_with("about the authors:");
}

bool is_linked_sentence(const Block& block, double density) {
    return density < max_sentence_link_density && word_count(block.text) >= min_linked_sentence_words &&
           ends_with_sentence_punctuation(block.text);
}

/// Whether a block that repeats the subtitle is the story's lede, set in the body: a paragraph
/// whose own element and its parents are not named as a standfirst (a standfirst is the subtitle's
/// source; the lede is the first paragraph, which some sites also give as the subtitle).
bool is_lede(const Block& block, const GumboNode* owner) {
    if (block.kind != BlockKind::paragraph || !owner) return false;
    for (const GumboNode* node = owner; node; node = parent_element(node)) {
        const std::string names = class_and_id(node);
        for (const std::string_view word : {"standfirst", "subtitle", "sub-title", "subheadline", "sub-headline", "strapline"})
            if (names.find(word) != std::string::npos) return false;
    }
    return true;
}

/// Whether `node` lies inside one of the `selected` containers.
bool lies_in(const GumboNode* node, const std::unordered_set<const GumboNode*>& selected) {
    if (!node) return false;
    for (const GumboNode* parent = parent_element(node); parent; parent = parent_element(parent))
        if (selected.count(parent)) return true;
    return false;
}

/// Whether `dropped` (a subtree dropped for its name) is a heading named for the comments
/// ("<h2 id="comments">") inside one of the chosen containers.
bool starts_comments(const GumboNode* dropped, const std::unordered_set<const GumboNode*>& selected) {
    if (!dropped || kind_of(dropped->v.element.tag) != BlockKind::heading ||
        class_and_id(dropped).find("comment") == std::string::npos)
        return false;
    return lies_in(dropped, selected);
}

/// The parts of a table between a cell and the table: a cell's score passes through them.
bool is_table_structure(GumboTag tag) {
    return tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT;
}

/// Whether the page says it is one article: `og:type` article, a schema.org Article or
/// BlogPosting item (microdata or JSON-LD).
bool declares_article(const HtmlDocument& document) {
    for (const GumboNode* node : document.elements()) {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_META) {
            const std::string property = lower(attribute(node, "property")) + lower(attribute(node, "name"));
            if (property == "og:type" && lower(attribute(node, "content")).find("article") != std::string::npos) return true;
        } else if (tag == GUMBO_TAG_SCRIPT && lower(attribute(node, "type")) == "application/ld+json" &&
                   node->v.element.children.length > 0) {
            const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
            if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA || text->type == GUMBO_NODE_WHITESPACE) {
                const std::string_view json = text->v.text.text;
                if (json.find("Article\"") != std::string_view::npos || json.find("BlogPosting\"") != std::string_view::npos)
                    return true;
            }
        }
        const std::string itemtype(attribute(node, "itemtype"));
        if (itemtype.find("Article") != std::string::npos || itemtype.find("BlogPosting") != std::string::npos)
            return true;
    }
    return false;
}

/// The element whose score a paragraph owned by `owner` feeds first.
const GumboNode* scoring_start(const GumboNode* owner) {
    return is_paragraph_like(owner->v.element.tag) ? parent_element(owner) : owner;
}

/// The heading element that states the page's title (the article's own headline), or nullptr.
const GumboNode* title_heading(const std::vector<Block>& blocks, const std::vector<const GumboNode*>& owners,
                               const std::string& title) {
    if (title.empty()) return nullptr;
    const std::string key = line_key(title);
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (owners[i] && blocks[i].kind == BlockKind::heading &&
            (line_key(blocks[i].text) == key || words_contained_in(blocks[i].text, title)))
            return owners[i];
    return nullptr;
}

/// Among the containers scoring at least `near_tie_share` of the best one's score, the one whose
/// lowest common ancestor with `heading` is deepest (it holds the heading, or shares its box);
/// equal closeness goes to the higher score. The best container when none is closer.
const GumboNode* nearest_to_heading(const std::unordered_map<const GumboNode*, double>& final_score,
                                    const GumboNode* top, double top_score, const GumboNode* heading) {
    std::unordered_map<const GumboNode*, int> heading_depth;
    std::vector<const GumboNode*> path;
    for (const GumboNode* node = heading; node; node = parent_element(node)) path.push_back(node);
    for (std::size_t i = 0; i < path.size(); ++i) heading_depth[path[i]] = static_cast<int>(path.size() - 1 - i);
    const auto closeness = [&](const GumboNode* node) {
        for (; node; node = parent_element(node))
            if (const auto found = heading_depth.find(node); found != heading_depth.end()) return found->second;
        return -1;
    };
    const GumboNode* best = top;
    int best_closeness = closeness(top);
    double best_score = top_score;
    for (const auto& [node, score] : final_score) {
        if (score < top_score * near_tie_share) continue;
        const int c = closeness(node);
        if (c > best_closeness || (c == best_closeness && (score > best_score || (score == best_score && precedes(node, best))))) {
            best = node;
            best_closeness = c;
            best_score = score;
        }
    }
    return best;
}

} // namespace

std::size_t kept_words(const BlockExtraction& extraction) {
    std::size_t words = 0;
    for (const Block& block : extraction.blocks)
        if (block.kept && block.kind != BlockKind::caption) words += word_count(block.text);
    return words;
}

namespace {

struct Pass {
    BlockExtraction extraction;
    const GumboNode* top = nullptr;
    std::unordered_set<const GumboNode*> class_dropped;
};

Pass run_pass(const HtmlDocument& document, const std::string& title, const std::string& subtitle,
              bool class_rules, bool declared_article) {
    Pass pass;
    BlockExtraction& result = pass.extraction;
    const GumboNode* body = nullptr;
    for (const GumboNode* element : document.elements())
        if (is_tag(element, GUMBO_TAG_BODY)) {
            body = element;
            break;
        }
    if (!body) return pass;
    BlockCollector collector(document, class_rules);
    collector.collect(body);
    pass.class_dropped = std::move(collector.class_dropped);
    std::vector<Block>& blocks = collector.blocks;
    const std::vector<const GumboNode*>& owners = collector.owners;

    // 1. Text and link totals per element; content scores of paragraphs flow to their container
    //    (full), its parent (half) and grandparent (a sixth), as in Readability.
    std::unordered_map<const GumboNode*, ElementStats> stats;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!owners[i]) continue;
        const bool prose = blocks[i].text.size() >= min_scoring_chars &&
                           blocks[i].link_chars * 4 < blocks[i].text.size();
        for (const GumboNode* node = owners[i]; node; node = parent_element(node)) {
            stats[node].chars += blocks[i].text.size();
            stats[node].link_chars += blocks[i].link_chars;
            if (prose) stats[node].prose_chars += blocks[i].text.size();
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!owners[i] || blocks[i].kind == BlockKind::heading || blocks[i].kind == BlockKind::caption) continue;
        blocks[i].score = paragraph_score(blocks[i].text);
        if (blocks[i].score == 0) continue;
        const GumboNode* node = scoring_start(owners[i]);
        for (int level = 0; node && level < 3; node = parent_element(node)) {
            // Scores pass through the table structure the parser inserts (tbody, tr): the rows
            // of a layout table, a paragraph each, add up in the table.
            if (level > 0 && is_table_structure(node->v.element.tag)) continue;
            ElementStats& s = stats[node];
            if (!s.candidate) {
                s.candidate = true;
                s.score += tag_weight(node->v.element.tag) + class_weight(node, s.chars >= min_prose_chars) +
                           semantic_bonus(node);
            }
            s.score += blocks[i].score / (level == 0 ? 1.0 : level == 1 ? 2.0 : 6.0);
            ++level;
        }
    }

    // 2. The best container, its score discounted by its share of link text.
    const GumboNode* top = nullptr;
    double top_score = 0;
    std::unordered_map<const GumboNode*, double> final_score;
    for (const auto& [node, s] : stats) {
        if (!s.candidate) continue;
        const double score = s.score * (1.0 - link_density(s));
        final_score[node] = score;
        if (!top || score > top_score || (score == top_score && precedes(node, top))) {
            top = node;
            top_score = score;
        }
    }
    if (!top) {
        top = body;
        top_score = 0;
    }
    // Near-ties go to the container closest to the article's own heading: a short post and a
    // sidebar box of similar score are told apart by where the title stands.
    const GumboNode* heading = title_heading(blocks, owners, title);
    if (heading) {
        const GumboNode* near = nearest_to_heading(final_score, top, top_score, heading);
        if (near != top) {
            top = near;
            top_score = final_score[near];
        }
    }
    // A container that is its parent's only element child says nothing more than the parent.
    while (top != body) {
        const GumboNode* parent = parent_element(top);
        if (!parent) break;
        unsigned element_children = 0;
        const GumboVector& children = parent->v.element.children;
        for (unsigned i = 0; i < children.length; ++i)
            element_children += static_cast<const GumboNode*>(children.data[i])->type == GUMBO_NODE_ELEMENT;
        if (element_children != 1) break;
        top = parent;
    }

    // 3. Siblings of the container that also hold article text (pages split the story into
    //    several boxes): a good score of their own, or one substantial low-link paragraph.
    std::unordered_set<const GumboNode*> selected{top};
    // Elements holding a heading (a box of teasers has one per story).
    std::unordered_set<const GumboNode*> has_heading;
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (owners[i] && blocks[i].kind == BlockKind::heading)
            for (const GumboNode* node = owners[i]; node && node != body && has_heading.insert(node).second;
                 node = parent_element(node)) {
            }
    if (const GumboNode* parent = parent_element(top); parent && top != body) {
        const double threshold = std::max(10.0, top_score * 0.2);
        const std::string top_class(attribute(top, "class"));
        const GumboVector& children = parent->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* sibling = static_cast<const GumboNode*>(children.data[i]);
            if (sibling == top || sibling->type != GUMBO_NODE_ELEMENT) continue;
            double bonus = 0;
            if (!top_class.empty() && attribute(sibling, "class") == top_class) bonus = top_score * 0.2;
            const auto found = final_score.find(sibling);
            if (found != final_score.end() && found->second + bonus >= threshold) {
                selected.insert(sibling);
                continue;
            }
            const auto s = stats.find(sibling);
            if (s == stats.end()) continue;
            // A box of prose beside the container (the story's second half in a box of its
            // own): mostly prose paragraphs, few links, no heading (a box of teasers has one
            // per story) and no furniture name (an author's profile box).
            if (!is_tag(sibling, GUMBO_TAG_P)) {
                if (s->second.chars >= min_sibling_box_chars && link_density(s->second) < max_sibling_box_links &&
                    static_cast<double>(s->second.prose_chars) >= sibling_box_prose_share * static_cast<double>(s->second.chars) &&
                    !has_heading.count(sibling) && class_weight(sibling, false) >= 0)
                    selected.insert(sibling);
                continue;
            }
            const double density = link_density(s->second);
            const std::string text = text_content(sibling);
            if ((text.size() > 80 && density < 0.25) ||
                (text.size() <= 80 && density == 0 && ends_with_sentence_punctuation(text) && text.size() > 0))
                selected.insert(sibling);
        }
        // A lead paragraph set beside the box that wraps the container (a standfirst above the
        // story's own box): prose <p> children of the grandparent.
        const GumboNode* grandparent = parent_element(parent);
        if (grandparent && parent != body) {
            const GumboVector& uncles = grandparent->v.element.children;
            for (unsigned i = 0; i < uncles.length; ++i) {
                const auto* uncle = static_cast<const GumboNode*>(uncles.data[i]);
                if (uncle->type != GUMBO_NODE_ELEMENT || !is_tag(uncle, GUMBO_TAG_P)) continue;
                const auto s = stats.find(uncle);
                if (s != stats.end() && s->second.chars > 80 && link_density(s->second) < 0.25) selected.insert(uncle);
            }
        }
    }
    result.container = describe(top) + ", score " + format_score(top_score);
    pass.top = top;

    // 4. Blocks inside the chosen containers, minus furniture by the shared line rules.
    const std::string title_key = line_key(title);
    const std::string subtitle_key = line_key(subtitle);
    // Each block's chosen container (nullptr outside) and the link-heavy box around it, if any.
    std::vector<const GumboNode*> inside_of(blocks.size(), nullptr);
    std::vector<const GumboNode*> heavy_box_of(blocks.size(), nullptr);
    // The last prose paragraph of the article: a link list before it is part of the story (a
    // list of sources, of products reviewed); lists after it are other stories.
    std::size_t last_prose = 0;
    bool has_prose = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!owners[i]) continue;
        for (const GumboNode* node = owners[i]; node; node = parent_element(node)) {
            if (selected.count(node)) {
                inside_of[i] = node;
                break;
            }
            const GumboTag tag = node->v.element.tag;
            const auto s = stats.find(node);
            if (!heavy_box_of[i] && s != stats.end() && s->second.chars > 0 &&
                link_density(s->second) > max_block_link_density && s->second.prose_chars < min_box_prose_chars &&
                (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_TABLE ||
                 tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_DL))
                heavy_box_of[i] = node;
        }
        const Block& block = blocks[i];
        if (inside_of[i] && block.kind == BlockKind::paragraph && block.text.size() >= min_prose_chars &&
            static_cast<double>(block.link_chars) < 0.25 * static_cast<double>(block.text.size())) {
            last_prose = i;
            has_prose = true;
        }
    }
    // A link list box that opens with prose (a post's paragraph, then its "Related posts"): the
    // paragraphs before the box's first mostly-linked block are the story, not the list. A box of
    // teasers opens with a linked headline.
    {
        std::unordered_set<const GumboNode*> list_started;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const GumboNode* box = heavy_box_of[i];
            if (!box) continue;
            const Block& block = blocks[i];
            const bool lead_prose = block.kind == BlockKind::paragraph && block.text.size() >= min_prose_chars &&
                                    block.link_chars * 4 < block.text.size() &&
                                    word_count(block.text) >= min_linked_sentence_words;
            if (!list_started.count(box) && lead_prose) {
                heavy_box_of[i] = nullptr;
                continue;
            }
            list_started.insert(box);
        }
    }
    // Words of the prose paragraphs (as for last_prose) after each block.
    std::vector<std::size_t> prose_words_after(blocks.size() + 1, 0);
    for (std::size_t i = blocks.size(); i-- > 0;) {
        const Block& block = blocks[i];
        const bool prose = inside_of[i] && block.kind == BlockKind::paragraph && block.text.size() >= min_prose_chars &&
                           static_cast<double>(block.link_chars) < 0.25 * static_cast<double>(block.text.size());
        prose_words_after[i] = prose_words_after[i + 1] + (prose ? word_count(block.text) : 0);
    }
    std::size_t body_words = 0;
    bool stopped = false;
    std::string stop_reason;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block& block = blocks[i];
        if (!owners[i]) {
            // A dropped subtree (its reason already set); a comments heading inside the story's
            // box ends the story: what follows is the readers'.
            if (!stopped && body_words > 0 && starts_comments(collector.dropped[i], selected)) {
                stopped = true;
                stop_reason = "after the comments heading";
            }
            // So does the author's profile box: what follows it is the blog's, not the story's.
            if (!stopped && body_words > 0 && block.reason.ends_with(author_profile_reason) &&
                lies_in(collector.dropped[i], selected)) {
                stopped = true;
                stop_reason = "after the author's profile";
            }
            continue;
        }
        const GumboNode* inside = inside_of[i];
        const GumboNode* heavy_box = heavy_box_of[i];
        const bool before_last_prose = has_prose && i < last_prose && body_words > 0;
        if (!inside) {
            block.reason = "outside the article container";
            continue;
        }
        block.container_score = final_score.count(inside) ? final_score[inside] : top_score;
        const double density = static_cast<double>(block.link_chars) / static_cast<double>(block.text.size());
        if (stopped) {
            block.reason = stop_reason;
        } else if (block.kind == BlockKind::caption) {
            block.kept = true;
            block.reason = "caption";
        } else if (block.kind == BlockKind::heading && !title_key.empty() &&
                   (line_key(block.text) == title_key || words_contained_in(block.text, title))) {
            block.reason = "repeats the title";
        } else if (!subtitle_key.empty() && line_key(block.text) == subtitle_key && !is_lede(block, owners[i])) {
            block.reason = "repeats the subtitle";
        } else if (word_count(block.text) <= 12 && parse_date_line(block.text)) {
            block.reason = "date line (metadata)";
        } else if (word_count(block.text) <= 8 && byline_name(block.text)) {
            block.reason = "byline (metadata)";
        } else if (body_words > 0 && block.kind == BlockKind::heading && is_comments_heading(block.text)) {
            block.reason = "starts the comments";
            stopped = true;
            stop_reason = "after the comments heading";
        } else if (body_words > 0 && starts_author_profile(block.text)) {
            block.reason = "starts the author's profile";
            stopped = true;
            stop_reason = "after the author's profile heading";
        } else if ((heavy_box || density > max_block_link_density) && before_last_prose &&
                   block.kind != BlockKind::heading && density > 0 && density <= max_annotated_link_density &&
                   !starts_with_label(block.text) && boilerplate_reason(block.text).empty()) {
            block.kept = true;
            block.reason = "links inside the article (prose follows)";
            body_words += word_count(block.text);
        } else if (heavy_box) {
            block.reason = "inside a link list (" + describe(heavy_box) + ")";
        } else if (density > max_block_link_density && !is_linked_sentence(block, density)) {
            block.reason = "mostly link text (" + format_score(density * 100) + "%)";
        } else if (std::string furniture = boilerplate_reason(block.text); !furniture.empty()) {
            block.reason = furniture;
        } else if (block.kind == BlockKind::paragraph && is_photo_credit_line(block.text)) {
            // A picture's credit set as a line of its own, outside a <figcaption>: the
            // article's captions keep it, the body does not.
            block.kind = BlockKind::caption;
            block.kept = true;
            block.reason = "photo credit (kept with the captions)";
        } else if (body_words >= 50 && word_count(block.text) <= 6 && is_trailing_list_marker(block.text)) {
            // Only a list after the story ends it: "Related: ..." set inside the story is
            // followed by more of it (at least a third as many words of prose as came before,
            // and min_prose_words_after_list; a post footer or a few teasers are not).
            if (prose_words_after[i] >= min_prose_words_after_list && prose_words_after[i] * 3 >= body_words) {
                block.reason = "introduces a list inside the article (prose follows)";
            } else {
                block.reason = "starts a list of other stories";
                stopped = true;
                stop_reason = "after a list of other stories";
            }
        } else {
            block.kept = true;
            block.reason = block.score > 0 ? "article text" : "short text in the article";
            body_words += word_count(block.text);
        }
    }
    // A container that holds nothing but annotated links (a week's roundup: "Title - what it
    // says") is a post made of links: with no other text kept, its linked items with words of
    // their own are the article.
    if (body_words == 0 && !stopped) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            Block& block = blocks[i];
            if (!owners[i] || !inside_of[i] || block.kept || block.kind == BlockKind::heading) continue;
            const double density = static_cast<double>(block.link_chars) / static_cast<double>(block.text.size());
            if (!(block.reason.starts_with("inside a link list") || block.reason.starts_with("mostly link text")) ||
                density > max_annotated_link_density || word_count(block.text) < min_linked_sentence_words ||
                starts_with_label(block.text) || !boilerplate_reason(block.text).empty())
                continue;
            block.kept = true;
            block.reason = "links with words of their own (the container holds nothing else)";
        }
    }
    // A page that holds the story twice (a copy for print or for subscribers, a hidden second
    // layout) starts it over: from a later kept block that repeats the body's opening paragraph,
    // the blocks that repeat the opening in order are the copy.
    {
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].kept && blocks[i].kind != BlockKind::caption) kept.push_back(i);
        if (kept.size() >= 2 * min_repeated_blocks && word_count(blocks[kept[0]].text) >= min_repeated_opening_words) {
            const std::string opening = line_key(blocks[kept[0]].text);
            for (std::size_t start = 1; start < kept.size(); ++start) {
                if (line_key(blocks[kept[start]].text) != opening) continue;
                std::size_t run = 0;
                while (run < start && start + run < kept.size() &&
                       line_key(blocks[kept[start + run]].text) == line_key(blocks[kept[run]].text))
                    ++run;
                if (run >= min_repeated_blocks)
                    for (std::size_t k = start; k < start + run; ++k) {
                        blocks[kept[k]].kept = false;
                        blocks[kept[k]].reason = "repeats the article from its first paragraph (a second copy)";
                    }
                break;
            }
        }
    }
    // 5. Short fragments after the last paragraph are widgets ("Tweet", "0 recs", "Tags: ...")
    //    and a heading with no text after it introduces something that was dropped.
    const auto is_fragment = [](const Block& block) {
        return word_count(block.text) <= max_trailing_fragment_words && !ends_with_sentence_punctuation(block.text);
    };
    const bool has_paragraph = std::any_of(blocks.begin(), blocks.end(), [&](const Block& block) {
        return block.kept && block.kind != BlockKind::caption && !is_fragment(block);
    });
    std::size_t first_fragment = has_paragraph ? blocks.size() : 0;
    while (first_fragment > 0) {
        const Block& block = blocks[first_fragment - 1];
        if (block.kept && block.kind != BlockKind::caption && (!is_fragment(block) || block.kind == BlockKind::table_row))
            break;
        --first_fragment;
    }
    // The paragraph before them may start a bulleted list written as lines ("• Kobo eReader"):
    // short items with its bullet go on with that list.
    const std::string_view list_bullet = first_fragment > 0 ? bullet_of(blocks[first_fragment - 1].text) : "";
    for (std::size_t i = has_paragraph ? first_fragment : blocks.size(); i < blocks.size(); ++i) {
        Block& block = blocks[i];
        if (!block.kept || block.kind == BlockKind::caption) continue;
        if (!list_bullet.empty() && bullet_of(block.text) == list_bullet) continue;
        block.kept = false;
        block.reason = "short fragment after the last paragraph";
    }
    // 6. A page of story teasers (a section front, an index of posts) is no article: in the
    //    chosen boxes, headlines that link to their stories, each followed by a summary of a
    //    line or two, and no text before the first of them. A page that says it is an article
    //    (og:type, schema.org) is taken at its word: a list of linked products is its story.
    if (!declared_article) {
        std::size_t headlines = 0;
        std::size_t words_since = 0;
        bool teasers = true;
        for (std::size_t i = 0; i < blocks.size() && teasers; ++i) {
            const Block& block = blocks[i];
            if (!inside_of[i] || block.kind == BlockKind::caption) continue;
            if (block.kind == BlockKind::heading && word_count(block.text) >= 2 &&
                block.link_chars * 10 >= block.text.size() * 9) {
                ++headlines;
                words_since = 0;
                continue;
            }
            if (!block.kept) continue;
            words_since += word_count(block.text);
            teasers = headlines > 0 && words_since <= max_teaser_words;
        }
        if (teasers && headlines >= min_teaser_headlines) {
            for (std::size_t i = 0; i < blocks.size(); ++i) {
                if (!blocks[i].kept) continue;
                blocks[i].kept = false;
                blocks[i].reason = "a page of story teasers (" + std::to_string(headlines) +
                                   " linked headlines, each with a short summary): no article";
            }
            result.container += " (a page of story teasers)";
        }
    }
    // 7. A widget is not the post: when the best box is named as one (a sidebar's text widget,
    //    a profile), keeps a blurb of under retry_below_words, and the post's own heading stands
    //    outside it, the post has no text of its own (a photo, a video) and the widget's blurb is
    //    not its story. ("Text" names a text widget: only the other content words exempt a box.)
    static constexpr std::array<std::string_view, 7> story_words = {"article", "body", "content", "main",
                                                                    "story", "entry", "post"};
    if (class_rules && heading && top != body && !contains_any(class_and_id(top), story_words) &&
        !named_rule(box_names(top), scoring_furniture, true).empty() &&
        std::accumulate(blocks.begin(), blocks.end(), std::size_t{0}, [](std::size_t words, const Block& block) {
            return words + (block.kept && block.kind != BlockKind::caption ? word_count(block.text) : 0);
        }) < retry_below_words) {
        bool inside = false;
        for (const GumboNode* node = heading; node && !inside; node = parent_element(node)) inside = node == top;
        if (!inside) {
            for (Block& block : blocks) {
                if (!block.kept) continue;
                block.kept = false;
                block.reason = "the best box is a widget (" + describe(top) + "), the post's heading is outside it: no article text";
            }
            result.container += " (a widget beside the post's heading: no article text)";
        }
    }
    result.blocks = std::move(blocks);
    return pass;
}

} // namespace

namespace {

/// Words in the boxes of `dropped` that lie inside `container` and are named like small widgets
/// (widget_furniture), not like the page's frame (weak_furniture).
std::size_t words_in_widget_named_boxes(const GumboNode* container, const std::unordered_set<const GumboNode*>& dropped) {
    std::size_t words = 0;
    for (const GumboNode* box : dropped) {
        const auto names = box_names(box);
        if (named_rule(names, widget_furniture, true).empty() || !named_rule(names, weak_furniture, true).empty()) continue;
        for (const GumboNode* node = parent_element(box); node; node = parent_element(node))
            if (node == container) {
                words += word_count(text_content(box));
                break;
            }
    }
    return words;
}

} // namespace

BlockExtraction extract_blocks(const HtmlDocument& document, const std::string& title, const std::string& subtitle) {
    const bool declared = declares_article(document);
    Pass first = run_pass(document, title, subtitle, true, declared);
    if (kept_words(first.extraction) >= retry_below_words) return std::move(first.extraction);
    // Class names are only a hint: when the first choice is short, choose again without them,
    // as Readability does. The new choice is taken only when it lies in a box the class rules
    // dropped ("share_wrapper" around a story) and its own name is not furniture-like:
    // otherwise a short post would lose to a sidebar's "About me" box.
    Pass retry = run_pass(document, title, subtitle, false, declared);
    if (!retry.top || kept_words(retry.extraction) <= kept_words(first.extraction) || class_weight(retry.top) < 0)
        return std::move(first.extraction);
    for (const GumboNode* node = retry.top; node; node = parent_element(node))
        if (first.class_dropped.count(node)) {
            // A box named as the page's frame (a sidebar, a header) holds widgets, not the story.
            if (!named_rule(box_names(node), weak_furniture, true).empty()) return std::move(first.extraction);
            retry.extraction.container += " (chosen without class-name rules)";
            return std::move(retry.extraction);
        }
    // Or the story lies in several boxes inside the new choice, each named like a small widget
    // (an editor that wrapped every paragraph in the byline's <span class="byline-author">):
    // taken when most of what the new choice keeps comes from such boxes.
    if (words_in_widget_named_boxes(retry.top, first.class_dropped) * 2 >= kept_words(retry.extraction)) {
        retry.extraction.container += " (chosen without class-name rules: the story was in boxes named as widgets)";
        return std::move(retry.extraction);
    }
    return std::move(first.extraction);
}

} // namespace newssearch::extract::html
