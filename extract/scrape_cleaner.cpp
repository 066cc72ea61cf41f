#include "extract/scrape_cleaner.hpp"

#include "common/errors.hpp"
#include "extract/cleaning_rules.hpp"
#include "extract/date_parser.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace newssearch::extract {

namespace {

/// One non-blank line of the scrape.
struct Line {
    std::string text;
    bool blank_after = false; ///< a blank line follows (separates a label from what comes next)
};

/// A header line that may be the title, subtitle, kicker or an author name.
struct Candidate {
    std::size_t line = 0;
    std::string text;  ///< markup stripped
    TitleParts parts;  ///< text with site furniture split off
    bool used = false; ///< already assigned to a field
};

/// A body paragraph with where it came from.
struct BodyItem {
    Paragraph paragraph;
    std::size_t line = 0;
    bool bullet = false;
};

// A prose paragraph this long marks the start of the body; shorter sentences occur in headers
// (standfirsts, captions).
constexpr std::size_t body_start_words = 20;
constexpr std::size_t short_body_start_words = 8;
// Consecutive captions sharing this share of words describe the same photo (scrapers often keep
// both the figure caption and the lightbox caption).
constexpr double duplicate_caption_overlap = 0.7;
constexpr std::size_t max_heading_words = 12;
constexpr std::size_t max_heading_bytes = 120;
constexpr std::size_t max_caption_label_words = 8;
// Headlines and standfirsts are short; a giant header line is something else.
constexpr std::size_t max_title_words = 40;
constexpr std::size_t max_subtitle_words = 80;
constexpr std::size_t max_title_bytes = 300;

/// Unifies line endings, turns Unicode spaces and control characters into spaces and removes
/// invisible characters (zero-width space, BOM, soft hyphen, word joiner) so that the rules see
/// plain words.
std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    // Bytes no rule below changes (printable ASCII, and UTF-8 but for the lead bytes of the
    // sequences handled) are copied a run at a time, not one push_back each.
    const auto plain = [](unsigned char c) {
        return c >= 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = at(i);
        const std::size_t left = text.size() - i;
        if (plain(c)) {
            std::size_t run = i + 1;
            while (run < text.size() && plain(at(run))) {
                ++run;
            }
            out.append(text.substr(i, run - i));
            i = run - 1;
        } else if (c == '\r') {
            out.push_back('\n');
            if (left > 1 && text[i + 1] == '\n') {
                ++i;
            }
        } else if (c == '\n') {
            out.push_back('\n');
        } else if (c < 0x20 || c == 0x7F) {
            out.push_back(' ');
        } else if (c == 0xC2 && left > 1 && at(i + 1) == 0xA0) { // no-break space
            out.push_back(' ');
            ++i;
        } else if (c == 0xC2 && left > 1 && at(i + 1) == 0xAD) { // soft hyphen
            ++i;
        } else if (c == 0xE2 && left > 2 && at(i + 1) == 0x80 &&
                   (at(i + 2) <= 0x8A || at(i + 2) == 0xAF)) { // en quad .. hair space, NNBSP
            out.push_back(' ');
            i += 2;
        } else if (c == 0xE2 && left > 2 && at(i + 1) == 0x80 && at(i + 2) == 0x8B) { // ZWSP
            i += 2;
        } else if (c == 0xE2 && left > 2 && at(i + 1) == 0x80 &&
                   (at(i + 2) == 0xA8 || at(i + 2) == 0xA9)) { // line / paragraph separator
            out.push_back('\n');
            i += 2;
        } else if (c == 0xE2 && left > 2 && at(i + 1) == 0x81 && at(i + 2) == 0xA0) { // WJ
            i += 2;
        } else if (c == 0xE2 && left > 2 && at(i + 1) == 0x81 && at(i + 2) == 0x9F) { // MMSP
            out.push_back(' ');
            i += 2;
        } else if (c == 0xE3 && left > 2 && at(i + 1) == 0x80 && at(i + 2) == 0x80) {
            out.push_back(' '); // ideographic space
            i += 2;
        } else if (c == 0xEF && left > 2 && at(i + 1) == 0xBB && at(i + 2) == 0xBF) { // BOM
            i += 2;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

/// Non-blank lines, each trimmed with inner runs of spaces collapsed.
std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string collapsed;
        bool pending_space = false;
        for (char c : text.substr(start, end - start)) {
            if (c == ' ') {
                pending_space = !collapsed.empty();
                continue;
            }
            if (pending_space) {
                collapsed.push_back(' ');
                pending_space = false;
            }
            collapsed.push_back(c);
        }
        if (collapsed.empty()) {
            if (!lines.empty()) {
                lines.back().blank_after = true;
            }
        } else {
            lines.push_back(Line{std::move(collapsed), false});
        }
        start = end + 1;
    }
    return lines;
}

/// Page furniture that is never article text, wherever it appears.
bool is_boilerplate(std::string_view t) {
    return is_cookie_banner(t) || is_language_switch_prompt(t) || is_share_line(t) || is_post_footer_line(t) ||
           is_comments_prompt(t) || is_rights_notice(t) ||
           is_advertisement_line(t) || is_audio_player_notice(t) || is_page_control_label(t) || is_reblog_note(t) ||
           is_navigation_line(t) ||
           is_alt_text_dump(t) || is_related_link_teaser(t);
}

/// Index of the first body line: the first prose paragraph; failing that (short articles) the
/// first shorter sentence after the first line; failing that, line 1 (line 0 being the title),
/// or 0 for a single-line text.
std::size_t find_body_start(const std::vector<Line>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_sentence_like(lines[i].text, body_start_words) && !is_boilerplate(lines[i].text)) {
            return i;
        }
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (is_sentence_like(lines[i].text, short_body_start_words) &&
            !is_boilerplate(lines[i].text)) {
            return i;
        }
    }
    return lines.size() == 1 ? 0 : 1;
}

/// Index of the first "Related posts"-style marker or comments heading ("12 Comments") after
/// the body start, or lines.size(). Markers before the body are menu items ("Trending" in a
/// header menu) and do not cut.
std::size_t find_body_end(const std::vector<Line>& lines, std::size_t body_start) {
    for (std::size_t i = body_start + 1; i < lines.size(); ++i) {
        if (is_trailing_list_marker(lines[i].text) || is_comments_heading(lines[i].text)) {
            return i;
        }
    }
    return lines.size();
}

/// `text` cut to at most `max_bytes` at a word boundary (or, for one giant word, at a UTF-8
/// character boundary), with "…" appended when something was cut.
std::string cut_to_bytes(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return std::string(text);
    }
    std::size_t end = text.rfind(' ', max_bytes);
    if (end == std::string_view::npos || end == 0) {
        end = max_bytes;
        // Never split a multi-byte character: back up over continuation bytes.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
    }
    return std::string(trim(text.substr(0, end))) + "\xE2\x80\xA6";
}

/// A display title for a page whose header names none: the paragraph itself when short,
/// otherwise its first sentence, otherwise its first words; never more than max_title_bytes.
std::string headline_from_paragraph(std::string_view text) {
    constexpr std::size_t max_words = 20;
    if (word_count(text) <= max_words) {
        return cut_to_bytes(text, max_title_bytes);
    }
    const auto words = split_words(text);
    for (std::size_t k = 0; k < words.size() && k < max_words; ++k) {
        if (k >= 3 && ends_with_sentence_punctuation(words[k])) {
            const auto end =
                static_cast<std::size_t>(words[k].data() - text.data()) + words[k].size();
            return cut_to_bytes(text.substr(0, end), max_title_bytes);
        }
    }
    const auto end = static_cast<std::size_t>(words[max_words - 1].data() - text.data()) +
                     words[max_words - 1].size();
    return cut_to_bytes(std::string(text.substr(0, end)) + "\xE2\x80\xA6", max_title_bytes);
}

/// "Jane Doe | Feb 18, 2025" or "By Jane Doe · 18 February 2025": a header line made only of a
/// date, bylines and names. Fills date/author and returns true when it is one.
bool take_compound_metadata(std::string_view t, Article& article) {
    static constexpr std::string_view separators[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 "};
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start < t.size()) {
        std::size_t best = std::string_view::npos;
        std::size_t best_len = 0;
        for (std::string_view sep : separators) {
            const std::size_t p = t.find(sep, start);
            if (p < best) {
                best = p;
                best_len = sep.size();
            }
        }
        parts.push_back(
            trim(t.substr(start, best == std::string_view::npos ? t.npos : best - start)));
        if (best == std::string_view::npos) {
            break;
        }
        start = best + best_len;
    }
    if (parts.size() < 2) {
        return false;
    }
    std::optional<std::string> date;
    std::optional<std::string> author;
    for (std::string_view part : parts) {
        if (auto d = parse_date_line(part)) {
            date = date ? date : d;
        } else if (auto b = byline_name(part)) {
            author = author ? author : b;
        } else if (is_personal_name(part)) {
            author = author ? author : std::optional<std::string>(std::string(part));
        } else {
            return false;
        }
    }
    if (!date && !author) {
        return false;
    }
    // A name is only trusted next to a date or behind "By".
    if (date && article.date.empty()) {
        article.date = *date;
    }
    if (author && article.author.empty()) {
        article.author = *author;
    }
    return true;
}

/// Marks short lines that introduce prose as headings: at most 12 words, no sentence or
/// clause punctuation at the end, not starting in lower case, preceded by prose (or the body
/// start) and followed by a prose paragraph. A short line after another short line is a label
/// block (a quote's speaker and role), not a heading.
void mark_headings(std::vector<BodyItem>& body) {
    for (std::size_t k = 0; k < body.size(); ++k) {
        BodyItem& item = body[k];
        const std::string& t = item.paragraph.text;
        if (item.paragraph.heading || item.bullet || k + 1 == body.size()) {
            continue;
        }
        const std::size_t words = word_count(t);
        const char last = t.back();
        const bool shape = words >= 1 && words <= max_heading_words &&
                           t.size() <= max_heading_bytes && !ends_with_sentence_punctuation(t) &&
                           last != ':' && last != ';' && last != ',' &&
                           !(t.front() >= 'a' && t.front() <= 'z');
        const bool next_is_prose =
            is_sentence_like(body[k + 1].paragraph.text, short_body_start_words);
        const bool prev_is_prose =
            k == 0 || is_sentence_like(body[k - 1].paragraph.text, 6) || body[k - 1].bullet;
        item.paragraph.heading = shape && next_is_prose && prev_is_prose;
    }
}

/// What the header lines said, before the fields are assigned.
struct Header {
    std::string label_source;
    std::string label_category;
    std::string share_source;
    std::vector<std::size_t> date_lines; ///< lines stating the date (a byline may sit next to one)
    std::vector<Candidate> candidates;
    std::vector<std::pair<std::size_t, std::string>> credits;   ///< line, credit
    std::vector<Caption> captions;       ///< header paragraphs with a parenthesised credit
    std::vector<std::string> paragraphs; ///< header sentences that belong to the body
};

/// Classifies every header line: boilerplate, label, date, credit, alt text, byline, caption,
/// or a candidate for title / subtitle / kicker / author. Date and author go straight into
/// `article`.
Header classify_header(const std::vector<Line>& lines, std::size_t body_start, std::size_t body_end,
                       Article& article) {
    Header header;
    for (std::size_t i = 0; i < body_end; ++i) {
        if (auto s = source_from_share_line(lines[i].text)) {
            header.share_source = *s;
            break;
        }
    }
    std::vector<bool> consumed(body_start, false);
    for (std::size_t i = 0; i < body_start; ++i) {
        if (consumed[i]) {
            continue;
        }
        const std::string t = strip_markup(lines[i].text);
        if (t.empty()) {
            continue;
        }
        // Image alt-text dumps are boilerplate: dropped, never turned into text (not even a
        // caption), so nothing of them is indexed.
        if (is_alt_text_dump(t)) {
            continue;
        }
        if (is_boilerplate(t)) {
            continue;
        }
        const std::string_view next =
            i + 1 < body_start ? std::string_view(lines[i + 1].text) : std::string_view();
        if (auto lv = label_value(t, next, lines[i].blank_after)) {
            if (lv->value_on_next_line) {
                consumed[i + 1] = true;
            }
            auto keep_first = [](std::string& field, const std::string& value) {
                if (field.empty()) {
                    field = value;
                }
            };
            switch (lv->label) {
            case HeaderLabel::source:
                keep_first(header.label_source, lv->value);
                break;
            case HeaderLabel::category:
                keep_first(header.label_category, lv->value);
                break;
            case HeaderLabel::author:
                keep_first(article.author, lv->value);
                break;
            case HeaderLabel::date:
                if (!lv->value.empty()) {
                    keep_first(article.date, lv->value);
                    header.date_lines.push_back(lv->value_on_next_line ? i + 1 : i);
                }
                break;
            }
            continue;
        }
        if (auto d = parse_date_line(t)) {
            if (article.date.empty()) {
                article.date = *d;
            }
            header.date_lines.push_back(i);
            continue;
        }
        if (auto c = credit_line(t)) {
            header.credits.emplace_back(i, *c);
            continue;
        }
        if (auto b = byline_name(t)) {
            if (article.author.empty()) {
                article.author = *b;
            }
            continue;
        }
        if (take_compound_metadata(t, article)) {
            continue;
        }
        if (auto cap = split_caption_credit(t)) {
            header.captions.push_back(Caption{cap->text, cap->credit});
            continue;
        }
        header.candidates.push_back(Candidate{i, t, {}, false});
    }

    // A bare personal name is a byline only right next to a stated date.
    for (Candidate& c : header.candidates) {
        const bool next_to_date =
            std::any_of(header.date_lines.begin(), header.date_lines.end(),
                        [&](std::size_t d) { return d + 1 == c.line || c.line + 1 == d; });
        if (next_to_date && is_personal_name(c.text)) {
            if (article.author.empty()) {
                article.author = c.text;
            }
            c.used = true;
        }
    }
    return header;
}

/// Picks the title among the candidates: the first headline-like line (3-40 words, not a
/// sentence, not a name) that the page repeats (og:title, h1, breadcrumb), else the first
/// headline-like line, else the first unused candidate. nullptr when there is none.
Candidate* choose_title(const std::vector<Line>& lines, std::size_t body_end,
                        std::vector<Candidate>& candidates) {
    std::unordered_map<std::string, int> key_counts;
    std::size_t next_candidate = 0;
    for (std::size_t i = 0; i < body_end; ++i) {
        // Only titles' keys are looked up below, and a line of more key words than a title can
        // have never shares one: such lines (most of a body) are not keyed at all.
        const bool keyed = !more_key_words_than(lines[i].text, max_title_words);
        const std::string raw_key = keyed ? line_key(lines[i].text) : std::string();
        if (next_candidate < candidates.size() && candidates[next_candidate].line == i) {
            const std::string split_key = line_key(candidates[next_candidate].parts.title);
            if (!keyed || split_key != raw_key) {
                ++key_counts[split_key];
            }
            ++next_candidate;
        }
        if (keyed) {
            ++key_counts[raw_key];
        }
    }
    auto headline_like = [](const Candidate& c) {
        const std::size_t words = word_count(c.parts.title);
        return !c.used && words >= 3 && words <= max_title_words &&
               !ends_with_sentence_punctuation(c.parts.title) && !is_personal_name(c.parts.title);
    };
    for (Candidate& c : candidates) {
        if (headline_like(c) && key_counts[line_key(c.parts.title)] >= 2) {
            return &c;
        }
    }
    for (Candidate& c : candidates) {
        if (headline_like(c)) {
            return &c;
        }
    }
    for (Candidate& c : candidates) {
        if (!c.used) {
            return &c;
        }
    }
    return nullptr;
}

/// Fills title, subtitle, source and category from the classified header. The kicker is a
/// short section line right above the title; the subtitle the first 4+ word line after it.
/// Precedence: label lines, then the title line's furniture, then share widget / kicker.
void assign_header_fields(const std::vector<Line>& lines, std::size_t body_end, Header& header,
                          Article& article) {
    const std::string known_source =
        !header.label_source.empty() ? header.label_source : header.share_source;
    for (Candidate& c : header.candidates) {
        c.parts = site_suffix_split(c.text, known_source);
    }
    std::string title_section;
    std::string title_source;
    std::string kicker;
    if (Candidate* title = choose_title(lines, body_end, header.candidates)) {
        title->used = true;
        article.title = cut_to_bytes(title->parts.title, max_title_bytes);
        title_section = title->parts.section;
        title_source = title->parts.source;
        const std::string title_key = line_key(article.title);
        for (Candidate& c : header.candidates) {
            if (c.used) {
                continue;
            }
            const std::size_t words = word_count(c.text);
            if (line_key(c.parts.title) == title_key) {
                c.used = true; // the headline repeated
            } else if (c.line + 1 == title->line && is_kicker(c.text)) {
                kicker = c.text;
                c.used = true;
            } else if (c.line > title->line && article.subtitle.empty() && words >= 4 &&
                       words <= max_subtitle_words && !is_personal_name(c.text) &&
                       c.text.back() != ':') {
                article.subtitle = c.text;
                c.used = true;
            }
        }
        for (Candidate& c : header.candidates) {
            // Unassigned header sentences are article text the layout put above the body;
            // unassigned fragments are site chrome.
            if (!c.used && is_sentence_like(c.text, 6)) {
                header.paragraphs.push_back(c.text);
            }
        }
    }
    article.source = !header.label_source.empty() ? header.label_source
                     : !title_source.empty()      ? title_source
                                                  : header.share_source;
    article.category = !header.label_category.empty() ? header.label_category
                       : !title_section.empty()       ? title_section
                                                      : kicker;

    // A header credit line is the credit of the lead photo, whose caption the page did not give.
    for (const auto& credit : header.credits) {
        article.captions.push_back(Caption{"", credit.second});
    }
    for (Caption& c : header.captions) {
        article.captions.push_back(std::move(c));
    }
}

/// Cleans the body lines [body_start, body_end): drops boilerplate and title/subtitle repeats,
/// moves captions (with their photo-title line) to `article.captions`, unwraps bullets and
/// collapses consecutive duplicates.
std::vector<BodyItem> clean_body(const std::vector<Line>& lines, std::size_t body_start,
                                 std::size_t body_end, Article& article) {
    const std::string title_key = line_key(article.title);
    const std::string subtitle_key = line_key(article.subtitle);
    std::vector<BodyItem> body;
    enum class Last { none, paragraph, caption } last = Last::none;
    for (std::size_t i = body_start; i < body_end; ++i) {
        std::string_view raw = lines[i].text;
        const bool markdown_heading = is_markdown_heading(raw);
        bool bullet = false;
        if (auto item = strip_bullet(raw)) {
            raw = *item;
            bullet = true;
        }
        std::string t = strip_markup(raw);
        if (t.empty() || is_boilerplate(t)) {
            continue;
        }
        if (auto credit = credit_line(t)) {
            article.captions.push_back(Caption{"", *credit});
            last = Last::caption;
            continue;
        }
        const std::string key = line_key(t);
        if (key.empty() || key == title_key || (!subtitle_key.empty() && key == subtitle_key)) {
            continue;
        }
        if (auto cap = split_caption_credit(t)) {
            // A short line right above a caption and naming its subject is the photo's title.
            if (last == Last::paragraph && !body.empty() && body.back().line + 1 == i &&
                !body.back().bullet && !body.back().paragraph.heading &&
                word_count(body.back().paragraph.text) <= max_caption_label_words &&
                !ends_with_sentence_punctuation(body.back().paragraph.text) &&
                words_contained_in(body.back().paragraph.text, cap->text)) {
                body.pop_back();
            }
            const bool near_duplicate =
                last == Last::caption && !article.captions.empty() &&
                word_overlap(article.captions.back().text, cap->text) >= duplicate_caption_overlap;
            if (!near_duplicate) {
                article.captions.push_back(Caption{cap->text, cap->credit});
            }
            last = Last::caption;
            continue;
        }
        if (last == Last::paragraph && !body.empty() &&
            line_key(body.back().paragraph.text) == key) {
            continue; // the same line twice in a row (a label rendered twice)
        }
        body.push_back(BodyItem{Paragraph{std::move(t), markdown_heading}, i, bullet});
        last = Last::paragraph;
    }
    return body;
}

} // namespace

Article clean_scrape(std::string_view text) {
    const std::vector<Line> lines = split_lines(normalise(text));
    if (lines.empty()) {
        throw DataError("scraped text is empty or whitespace only: no article in it");
    }
    const std::size_t body_start = find_body_start(lines);
    const std::size_t body_end = find_body_end(lines, body_start);

    Article article;
    Header header = classify_header(lines, body_start, body_end, article);
    assign_header_fields(lines, body_end, header, article);

    std::vector<BodyItem> body;
    for (std::string& p : header.paragraphs) {
        body.push_back(BodyItem{Paragraph{std::move(p), false}, 0, false});
    }
    std::vector<BodyItem> rest = clean_body(lines, body_start, body_end, article);
    body.insert(body.end(), std::make_move_iterator(rest.begin()),
                std::make_move_iterator(rest.end()));
    mark_headings(body);

    for (BodyItem& item : body) {
        article.paragraphs.push_back(std::move(item.paragraph));
    }
    if (article.paragraphs.empty()) {
        throw DataError("no article body left after removing boilerplate from the scraped text");
    }
    if (article.title.empty()) {
        article.title = headline_from_paragraph(article.paragraphs.front().text);
    }
    return article;
}

} // namespace newssearch::extract
