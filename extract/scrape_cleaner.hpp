#pragma once
/// Plain-text scrape -> cleaned Article.

#include "common/article.hpp"

#include <string_view>

namespace newssearch::extract {

/// Cleans the text of a scraped news page as the scraper saved it (one paragraph per line,
/// boilerplate included) into an Article. Pure and rule-based (see cleaning_rules.hpp):
///  - the body starts at the first prose paragraph (20+ words ending a sentence); the lines
///    before it are the header, where title, subtitle, section, author, date, source and photo
///    credits are looked for; metadata is only taken when the page states it
///  - the body ends at the first "Related posts" / "More like this" style marker after it
///  - boilerplate (cookie and language prompts, share widgets, ads, menus, audio players,
///    alt-text dumps) and lines repeating the title or subtitle are dropped; captions with
///    their credits go to `captions`; short lines introducing prose become headings.
/// `id` and `url` are left empty for the caller. Input need not be valid UTF-8 (nothing
/// crashes or loops on bad bytes), and time is linear-ish in the input size.
/// Throws DataError when the text holds no article: empty, whitespace only, or no body left
/// after cleaning.
[[nodiscard]] Article clean_scrape(std::string_view text);

} // namespace newssearch::extract
