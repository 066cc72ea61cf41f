#pragma once
/// Publication-date filters: `--since`/`--until` and `date:FROM..TO` in a query. Dates are stored
/// as "YYYY-MM-DD" in a value slot, so a range is a string range. Undated articles (the page never
/// stated a date) are kept by a date filter unless the caller asks to exclude them: their date is
/// unknown, not outside the range.

#include <xapian.h>

#include <string>
#include <string_view>

namespace newssearch::searcher {

/// A bound as typed ("2025", "2025-02" or "2025-02-18") made a full inclusive ISO bound: a lower
/// bound opens at the period's first day, an upper bound closes at its last. Empty stays empty
/// (open). Throws UsageError naming `what` ("--since", "date:") for anything else.
[[nodiscard]] std::string date_bound(std::string_view text, bool upper, std::string_view what);

/// Passages of articles dated within [low, high] (either may be empty = open), plus undated
/// ones when `include_undated`.
[[nodiscard]] Xapian::Query date_range_query(const std::string& low, const std::string& high,
                                             bool include_undated);

/// `date:` in a query: "FROM..TO", "FROM..", "..TO" or a single period ("2025-02" = that month).
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit DateFieldProcessor(const bool& include_undated) : include_undated_(include_undated) {}
    Xapian::Query operator()(const std::string& value) override;

  private:
    const bool& include_undated_; ///< owned by the QueryBuilder; read at parse time
};

} // namespace newssearch::searcher
