#pragma once
/// Recognises header lines of a scraped page that state a publication date.

#include <optional>
#include <string>
#include <string_view>

namespace newssearch::extract {

/// Returns the date a line *states*, as ISO 8601 "YYYY-MM-DD", or nullopt.
///
/// A line states a date when, after optional leading labels, it is a date and little else.
/// Accepted, in order:
///  - leading labels (case-insensitive, optional trailing ':'): "Published", "Updated", "Posted",
///    "Date", "Dated", "on", "Last", "Modified", "Publication", "First", "Created", "Originally";
///    separator tokens ("|", "-", "–", "—", "·", "•") and one weekday ("Tuesday", "Tue.")
///  - the date itself, one of:
///      `2025-02-18`, `2025/02/18`, `2025.02.18` (year first; ISO `T13:06:00Z` tails allowed),
///      `18.02.2025` (dotted day-first, the European convention),
///      `Feb 18, 2025`, `February 18th 2025`, `Sept. 8, 2025` (English month name, day, year),
///      `18 February 2025`, `18th Feb. 2025` (day, English month name, year)
///  - trailing tokens: times (`1:06`, `13:06:00`, `1:06PM`, `13.06`), am/pm, timezones
///    (`UTC`, `ET`, `Eastern`, `GMT+2`, `+02:00`), separators, a second date line
///    ("| Updated Feb 19, 2025"),
///    or at most two junk tokens that are lower-case ASCII and not English function words
///    (tracking leftovers such as "fbpx").
/// Rejected: impossible dates (2025-02-30), years outside 1900..2100, ambiguous slash forms
/// (`02/03/2025`), weekday-only or relative lines ("Thursday", "3 hours ago"), and prose that
/// merely contains a date ("Rubio met Lavrov on February 18, 2025 in Riyadh.").
/// Lines longer than 160 bytes are never date lines. Never throws; any bytes are safe.
[[nodiscard]] std::optional<std::string> parse_date_line(std::string_view line);

/// True when year/month/day form a real Gregorian calendar date with 1900 <= year <= 2100.
[[nodiscard]] bool is_valid_date(int year, int month, int day);

} // namespace newssearch::extract
