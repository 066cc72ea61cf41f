#include "searcher/date_filter.hpp"

#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newssearch::searcher {
namespace {

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::string date_bound(std::string_view text, bool upper, std::string_view what) {
    if (text.empty()) return {};
    const auto fail = [&]() -> std::string {
        throw UsageError(std::string(what) + " expects a date like 2025-02-18, 2025-02 or 2025, not \"" +
                         std::string(text) + "\"");
    };
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return fail();
    if (!all_digits(text.substr(0, 4))) return fail();
    std::string bound(text.substr(0, 4));
    if (text.size() == 4) return bound + (upper ? "-12-31" : "-01-01");
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) return fail();
    const int month = std::stoi(std::string(text.substr(5, 2)));
    if (month < 1 || month > 12) return fail();
    bound += text.substr(4, 3);
    // "-31" closes every month: stored dates are real dates, so none sorts above it wrongly.
    if (text.size() == 7) return bound + (upper ? "-31" : "-01");
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) return fail();
    const int day = std::stoi(std::string(text.substr(8, 2)));
    // The calendar's own days: 2025-02-30 is no date, 2024-02-29 is.
    const int year = std::stoi(bound.substr(0, 4));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = days_in[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day < 1 || day > last) return fail();
    return std::string(text);
}

Xapian::Query date_range_query(const std::string& low, const std::string& high, bool include_undated) {
    Xapian::Query range;
    if (!low.empty() && !high.empty())
        range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, low, high);
    else if (!low.empty())
        range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, low);
    else if (!high.empty())
        // "" (undated) sorts below every date: keep the range to real dates.
        range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, "0000-01-01", high);
    else
        range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, "0000-01-01");
    if (!include_undated) return range;
    return Xapian::Query(Xapian::Query::OP_OR, range, Xapian::Query(std::string(schema::undated_term)));
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos)
        return date_range_query(date_bound(value, false, "date:"), date_bound(value, true, "date:"), include_undated_);
    const std::string low = date_bound(std::string_view(value).substr(0, dots), false, "date:");
    const std::string high = date_bound(std::string_view(value).substr(dots + 2), true, "date:");
    if (!low.empty() && !high.empty() && low > high)
        throw UsageError("date:" + value + " is an empty range (the start is after the end)");
    return date_range_query(low, high, include_undated_);
}

} // namespace newssearch::searcher
