#pragma once
/// Small pure rules used by the scrape cleaner. Each one recognises or transforms a single line
/// (a paragraph as the scraper saved it) by its *shape*: vocabulary, length, punctuation and
/// position cues that hold across news sites, never strings copied from one page.
///
/// Lines are UTF-8 and assumed trimmed with single spaces (the cleaner normalises them); every
/// function also accepts arbitrary bytes without crashing and runs in time linear in the input.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.hpp"

namespace newssearch::extract {

// ---------------------------------------------------------------------------------------------
// Text helpers

using text::ascii_lower; // common/text.hpp
using text::trim;

/// Whitespace-separated words of `s` (views into `s`).
[[nodiscard]] std::vector<std::string_view> split_words(std::string_view s);

/// Number of whitespace-separated words in `s`.
[[nodiscard]] std::size_t word_count(std::string_view s);

/// word_count(s) > limit, reading no further than the word past the limit: the line rules ask
/// this of every paragraph, most of which are far longer than the lines they look for.
[[nodiscard]] bool more_words_than(std::string_view s, std::size_t limit);

/// True when `s` ends a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes,
/// brackets or emphasis markers (`said.”`, `(AP).`, `end.**`).
[[nodiscard]] bool ends_with_sentence_punctuation(std::string_view s);

/// True when `s` has at least `min_words` words and ends a sentence: the shape of running prose.
[[nodiscard]] bool is_sentence_like(std::string_view s, std::size_t min_words);

/// Comparison key of a line: lower-cased ASCII, edge punctuation of each word removed, words
/// joined by one space. Two lines with equal keys say the same thing.
[[nodiscard]] std::string line_key(std::string_view s);

/// More than `limit` key words in `s` (words with something besides edge punctuation), without
/// building any: a line that long cannot have the key of a shorter one.
[[nodiscard]] bool more_key_words_than(std::string_view s, std::size_t limit);

/// Overlap coefficient of the two lines' key-word sets: |A ∩ B| / min(|A|, |B|), 0 when empty.
[[nodiscard]] double word_overlap(std::string_view a, std::string_view b);

/// True when every key word of `part` occurs among the key words of `whole`.
[[nodiscard]] bool words_contained_in(std::string_view part, std::string_view whole);

/// True when the first character of `word` is an upper-case or title-case letter (any script).
[[nodiscard]] bool starts_with_capital(std::string_view word);

/// True for a host name such as `online.ua` or `london-news-net.preview-domain.com`: ASCII
/// labels of letters, digits and hyphens joined by dots, the last label 2+ letters. A leading
/// `http(s)://` or `www.` is tolerated.
[[nodiscard]] bool is_domain_like(std::string_view s);

/// `s` without a leading `http(s)://` and `www.` and a trailing `/`.
[[nodiscard]] std::string_view bare_domain(std::string_view s);

/// True for common English function words ("the", "of", "with", ...); `low` is lower-case.
[[nodiscard]] bool is_function_word(std::string_view low);

// ---------------------------------------------------------------------------------------------
// Boilerplate predicates: a true result means the line is page furniture, not article text.

/// Cookie / consent banners. Rule: the line mentions cookies together with consent or browsing
/// vocabulary ("accept", "consent", "website", "experience", "opt-out", ...) and is at most 80
/// words; or it is a short consent-button line ("Accept all", "Reject all", "I agree").
/// Why both cues: an article *about* cookies mentions them without consent vocabulary.
[[nodiscard]] bool is_cookie_banner(std::string_view line);

/// Language / edition switch prompts ("...you might prefer the English version of our website.
/// Would you like to switch?", "Read in English", "English version"). Rule: at most 40 words,
/// an offer verb (switch / prefer / available in / read in) plus "version" or "language" plus a
/// page word (website, site, page, browser, settings, article); or a line of at most 4 words
/// naming a version/edition or starting "Switch to" / "Read in".
[[nodiscard]] bool is_language_switch_prompt(std::string_view line);

/// Share widgets ("Share this", "Share this page", "Share on Facebook", "Share this @site.com",
/// "Facebook Twitter Email", "Copy link"). Rule: at most 8 words, and either the first word is
/// "Share" followed by nothing or by a widget word (this, on, via, article, page, story, the, to,
/// with, an @-handle), or every word is social-network / sharing vocabulary with 2+ words.
/// Why: "Share prices fell" starts with "Share" but continues with prose.
[[nodiscard]] bool is_share_line(std::string_view line);

/// A blog post's footer line: items set apart by "|", "·" or "•", one of which is a post link
/// ("Posted by Kathy on April 2, 2007 | Permalink", "Posted in: News | comments", "By Radish
/// on Nov 7 | Permalink | Comments (3)", "Permalink | 1 Comment | Trackback"). Rule: at most 30
/// words, at least two items, and an item that is "Permalink", "Trackback(s)", "Comment(s)",
/// "Reply", "No comments" or "Leave a comment", with or without a count.
/// Why: "Comments" alone is a heading (is_comments_heading); a sentence never has "| Permalink".
/// Also the blog engine's sentence about the post: at most 80 words, starting "This entry (or
/// post) was posted (or published)" and saying "filed under" ("This entry was posted on May 3,
/// 2012 at 9:14 am and is filed under News. You can follow any responses to this entry ...").
[[nodiscard]] bool is_post_footer_line(std::string_view line);

/// A publisher's rights or print-edition notice, not the story: "Copyright 2012 The Associated
/// Press. All rights reserved. This material may not be published, broadcast, rewritten or
/// redistributed.", "© 2024 Example News Ltd. All rights reserved", "A version of this article
/// appeared in print on July 24, 2012, on page A1". Rule: at most 40 words, and either it starts
/// with "©", "(c)" or "Copyright" and says "all rights reserved" or "may not be published /
/// reproduced / redistributed / rewritten", or it is one of those sentences alone, or it starts
/// "A version of this article/story/review/column appear(s/ed)".
/// Why: "Copyright law" starts with the word but says neither phrase.
[[nodiscard]] bool is_rights_notice(std::string_view line);

/// Advertisement slots ("Advertisement", "Sponsored content", "Story continues below
/// advertisement", "Article continues below"). Rule: at most 6 words, all from advertising
/// vocabulary, at least one of them a core word (advertisement, ad, sponsored, promoted,
/// continues, ...).
[[nodiscard]] bool is_advertisement_line(std::string_view line);

/// Audio / text-to-speech player notices ("Loading the Elevenlabs Text to Speech AudioNative
/// Player...", "Listen to this article", "5 min listen", "Your browser does not support the audio
/// element"). Rule: at most 20 words containing a player phrase.
[[nodiscard]] bool is_audio_player_notice(std::string_view line);

/// The label of a control on the page, set as a line of its own: a caption toggle ("HIDE
/// CAPTION"), a text size switch ("Text Size:", "A | A | A"), a bare "Follow us!". Rule: the
/// whole line, punctuation aside, is one of these labels.
[[nodiscard]] bool is_page_control_label(std::string_view line);

/// A note under a reblogged post: "<user> liked this", "<user> posted this", "<user> reblogged
/// this from <user>" with or without "and added:". Rule: exactly those words, the user names one
/// word each, no sentence end.
[[nodiscard]] bool is_reblog_note(std::string_view line);

/// Menu / subscribe / donate / login lines. Rule: at most 12 words, no sentence punctuation, and
/// either (a) every word is navigation vocabulary (actions such as Subscribe, Donate, Log in,
/// Menu, Search, Skip to content; section names such as Politics, World, Culture; joiners such
/// as "in", "to", "&", "|") with at least one action word, or (b) 3+ words, all capitalised, no
/// function words, and at least half of them (and at least 2) navigation vocabulary
/// ("Politics Foreign Affairs Culture Fellows Program").
/// A line split by " - ", " | ", " · " is also navigation when one segment is and the others
/// are at most 3 words ("The Guardian - Back to homepage": a site name glued to a menu item).
/// Why: a lone section name ("Foreign Affairs") is a category kicker, not a menu, and headings
/// such as "Recent Diplomatic Track" are capitalised but carry no navigation vocabulary.
[[nodiscard]] bool is_navigation_line(std::string_view line);

/// Inline links to other stories: "Read more: <headline>", "READ ALSO: ...", "See also: ...",
/// "Related: ...", "Watch: ..." (a label and colon at the start, at most 25 words). Unlike
/// is_trailing_list_marker the article continues after it, so only the line is dropped.
[[nodiscard]] bool is_related_link_teaser(std::string_view line);

/// Image alt text / file-name dumps whose spaces were replaced by commas or underscores
/// (`Milwaukee,,Wisconsin,-,July,16,,2024:,Florida,Senator,Marco,Rubio`). Rule: at least 15
/// bytes, no spaces, at least 4 comma/underscore separators and at least 3 parts with letters.
[[nodiscard]] bool is_alt_text_dump(std::string_view line);

/// A short line (at most 6 words) that opens a list of *other* stories, after which nothing
/// belongs to the article: "Related posts", "Related articles/stories/coverage", "More like
/// this", "You may also like", "Read more", "Recommended", "Most read", "Most popular",
/// "More from <anything>", "More stories", "Trending", "Read next", "Further reading", "Up
/// next", "See also", "Also read", "Editor's picks", "Explore more", "Top stories", "Latest
/// news". Case and a trailing ':' or '…' are ignored. The cleaner only honours it after the
/// body has started.
[[nodiscard]] bool is_trailing_list_marker(std::string_view line);

/// A heading that opens the readers' comments, after which nothing belongs to the article:
/// "Comments", "12 Comments", "1 Comment" (not a lone "Comment": an opinion section's name),
/// "3 Responses to <title>", "5 thoughts on <title>" (with their count), "Leave a
/// reply", "Leave a comment", "Post a comment", "Reader comments", "Discussion", "Join the
/// discussion", "What readers say". Case, counts in digits and trailing punctuation are ignored.
[[nodiscard]] bool is_comments_heading(std::string_view line);

/// The comment widget's own lines: a comments heading (is_comments_heading) standing as a line
/// of its own, or "No comments yet", "Be the first to comment", "Comments are closed".
[[nodiscard]] bool is_comments_prompt(std::string_view line);

// ---------------------------------------------------------------------------------------------
// Transforms

/// Removes Markdown-style markup left by scrapers: `**bold**` and stray `**`, `__x__` at word
/// boundaries, paired `*x*` emphasis, leading `#` heading markers, `[text](url)` and
/// `![alt](url)` become their text. Unpaired single `*` (footnote marks) and `[brackets]` not
/// followed by `(url)` are kept. Result is trimmed with runs of spaces collapsed.
[[nodiscard]] std::string strip_markup(std::string_view line);

/// True when the line starts with 1-6 `#` and a space (a Markdown heading).
[[nodiscard]] bool is_markdown_heading(std::string_view line);

/// The item text when the line starts with a bullet (`•`, `·`, `◦`, `▪`, `‣`, `-`, `*`, `–`)
/// followed by a space; nullopt otherwise.
[[nodiscard]] std::optional<std::string_view> strip_bullet(std::string_view line);

/// A caption split from its credit.
struct CaptionParts {
    std::string text;   ///< what the picture shows; may be empty
    std::string credit; ///< photographer / agency
};

/// Splits a paragraph that ends in a parenthesised photo credit: `... in Hamburg. (Mikhail
/// Klimentyev, Kremlin Pool Photo via AP)`. The parenthesis must close the line, hold at most 12
/// words without sentence punctuation, and carry a credit cue: an agency or photo word (via,
/// Photo, Getty, Images, AP, AFP, EPA, Reuters, Shutterstock, Bloomberg, Pool, Alamy, Handout,
/// Courtesy, ...) or a `Name/Agency` slash form. nullopt when the paragraph is not a caption.
[[nodiscard]] std::optional<CaptionParts> split_caption_credit(std::string_view paragraph);

/// Whether the line is a photo credit on its own: `Saul Loeb / AFP - Getty Images`,
/// `(Phelan M. Ebenhack/Associated Press)`, `Rex/AP Photo`. At most 10 words of names (each
/// capitalised but for via/for/and/of/the...), no sentence punctuation at the end, a
/// `Name/Agency` slash, and either an agency or photo word (has the cues of
/// split_caption_credit) or the whole line in parentheses. `Jim Wilson/The New York Times`,
/// with neither, is not taken for one; nor is `TCP/IP`.
[[nodiscard]] bool is_photo_credit_line(std::string_view line);

/// The credit of a credit line: `Credit: X`, `Photo: X`, `Image: X`, `Photograph: X`,
/// `Picture: X`, `Photo credit: X`, `Image credit: X`, `Image source: X`, `Illustration: X`
/// (label case-insensitive; the value at most 8 words and not a sentence).
[[nodiscard]] std::optional<std::string> credit_line(std::string_view line);

/// A title line split into the headline and its site furniture.
struct TitleParts {
    std::string title;   ///< the headline itself
    std::string section; ///< section named in the title line, or empty
    std::string source;  ///< site named in the title line, or empty
};

/// Splits `Title | World | site.com` style title lines. With " | " parts, the longest part is the
/// headline; a trailing part is the source when it is domain-like, equals `known_source`
/// (case-insensitive), or is the last of 3+ parts and at most 5 words; other short parts (at
/// most 3 words) give the section. Without pipes, a ` - Site`, ` – Site` or ` — Site` suffix is
/// split off only when it is domain-like or equals `known_source`: dashes also occur inside
/// headlines, so an unknown suffix stays part of the title.
[[nodiscard]] TitleParts site_suffix_split(std::string_view line, std::string_view known_source);

/// The site of a share widget that names it: `Share this @internewscast.com` -> internewscast.com.
/// Only domain-like handles count (a bare `@BBCNews` is a social account, not a site name).
[[nodiscard]] std::optional<std::string> source_from_share_line(std::string_view line);

/// Header metadata labels.
enum class HeaderLabel { source, category, author, date };

/// A header label and its value.
struct LabelValue {
    HeaderLabel label;
    std::string value;               ///< empty when the label has no value; ISO date for `date`
    bool value_on_next_line = false; ///< the value was taken from `next_line`
};

/// Header label lines. Inline form `Label: value` (`Source: online.ua`); or a line that is only
/// the label (`Category`, `Publication date`) whose value is `next_line`, unless a blank line
/// separates them (`blank_between`), which means an empty value. Labels (case-insensitive):
/// source/publisher; category/section/topic/rubric/filed under; author/authors/written by;
/// date/publication date/published/published on/posted on/updated/date published. Values are
/// validated: a category is at most 4 words without sentence punctuation, a source at most 5
/// words or a domain, an author a list of personal names, a date must parse. A next-line value
/// that fails validation is not taken (the label then has an empty value).
[[nodiscard]] std::optional<LabelValue> label_value(std::string_view line,
                                                    std::string_view next_line, bool blank_between);

/// Author names of a byline: `By Jane Doe` -> "Jane Doe"; `By Jane Doe, Reuters` -> "Jane Doe"
/// (the affiliation is dropped); `By Jane Doe and John Roe` keeps both. Also "Written by",
/// "Words by", "Story by", "Reporting by". nullopt when what follows is not a personal name.
[[nodiscard]] std::optional<std::string> byline_name(std::string_view line);

/// A 2-4 word personal name: capitalised words of letters (hyphen, apostrophe and initials
/// allowed), optional lower-case particles (de, van, von, bin, al, ...), no digits, no function
/// or navigation words. Alone this is weak evidence; the cleaner only trusts it next to a date.
[[nodiscard]] bool is_personal_name(std::string_view line);

/// A section kicker printed above a headline ("Foreign Affairs", "World", "Science & Tech"):
/// 1-3 capitalised words (and "&"/"and"), at most 40 bytes, no digits, no punctuation, no other
/// function words, no navigation actions or weekday/month words, not a domain.
[[nodiscard]] bool is_kicker(std::string_view line);

} // namespace newssearch::extract
