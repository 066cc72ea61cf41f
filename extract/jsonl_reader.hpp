#pragma once
/// JSON Lines input for articles that are already clean: one object per line with the fields
/// id, title, date, source, url, body (and optionally author, category, subtitle).

#include "common/article.hpp"

#include <string>
#include <string_view>

namespace newssearch::extract {

/// Parses one JSON Lines record. The body becomes paragraphs at line breaks; a date is kept when
/// it starts with a valid "YYYY-MM-DD" (time and zone dropped) and left empty otherwise. When the
/// record has no "id", `fallback_id` is used. Throws DataError naming what is wrong (not JSON, not
/// an object, a field of the wrong type, neither title nor body).
[[nodiscard]] Article article_from_json_line(std::string_view line, const std::string& fallback_id);

/// "YYYY-MM-DD" when `text` starts with a valid calendar date in that form, else empty.
[[nodiscard]] std::string iso_date_prefix(std::string_view text);

} // namespace newssearch::extract
