#include "extract/smart_reader.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <string_view>
#include <vector>

namespace newssearch::extract {
namespace {

/// The marker letter of a line such as ".W" or ".I 12", or '\0' for any other line.
char marker_of(std::string_view line) {
    if (line.size() < 2 || line[0] != '.' || line[1] < 'A' || line[1] > 'Z')
        return '\0';
    if (line.size() > 2 && !text::is_space(line[2]))
        return '\0';
    // Only .I carries a value on its line; ".T something" is text that happens to start so.
    if (line[1] != 'I' && !text::trim(line.substr(2)).empty())
        return '\0';
    return line[1];
}

enum class Field { none, title, author, bibliographic, text, skipped };

Field field_of(char marker) {
    switch (marker) {
    case 'T':
        return Field::title;
    case 'A':
        return Field::author;
    case 'B':
        return Field::bibliographic;
    case 'W':
        return Field::text;
    default:
        return Field::skipped;
    }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty())
            out.append(separator);
        out.append(part);
    }
    return out;
}

} // namespace

SmartReader::SmartReader(const std::filesystem::path& path)
    : file_(std::make_unique<std::ifstream>(path, std::ios::binary)), in_(file_.get()),
      source_(path.string()) {
    if (!*file_)
        throw DataError(source_ + ": cannot open SMART file");
}

SmartReader::SmartReader(std::istream& in, std::string source)
    : in_(&in), source_(std::move(source)) {}

std::optional<SmartDocument> SmartReader::next() {
    while (!pending_id_line_) {
        if (!text::read_line(*in_, line_)) {
            if (in_->bad())
                throw DataError(source_ + ": read error");
            return std::nullopt;
        }
        ++line_number_;
        if (marker_of(line_) == 'I') {
            pending_id_line_ = true;
        } else if (!text::trim(line_).empty()) {
            throw DataError(
                text::located(source_, line_number_, "expected '.I <id>' to start a record"));
        }
    }
    pending_id_line_ = false;

    SmartDocument document;
    document.line = line_number_;
    std::vector<std::string_view> fields;
    text::split_fields(std::string_view(line_).substr(2), fields);
    if (fields.size() != 1)
        throw DataError(text::located(source_, line_number_, "expected '.I <id>'"));
    document.id = normalise_numeric_id(fields[0]);
    if (const auto [seen, inserted] = first_line_of_id_.emplace(document.id, line_number_);
        !inserted)
        throw DataError(text::located(source_, line_number_,
                                        "duplicate id '" + document.id + "' (first at line " +
                                            std::to_string(seen->second) + ")"));

    std::string title;
    std::string bibliographic;
    std::vector<std::string> authors;
    std::vector<std::string> text_lines;
    Field current = Field::none;
    unsigned seen_markers = 0; // bit (letter - 'A') set once the record had that marker
    while (text::read_line(*in_, line_)) {
        ++line_number_;
        if (const char marker = marker_of(line_); marker != '\0') {
            if (marker == 'I') {
                pending_id_line_ = true;
                break;
            }
            const unsigned bit = 1u << static_cast<unsigned>(marker - 'A');
            if ((seen_markers & bit) == 0) {
                seen_markers |= bit;
                current = field_of(marker);
            }
            continue;
        }
        switch (current) {
        case Field::none:
            if (!text::trim(line_).empty())
                throw DataError(text::located(source_, line_number_,
                                                "text outside any field (expected .T, .A, .B "
                                                "or .W after '.I " +
                                                    document.id + "')"));
            break;
        case Field::title:
            title.append(line_).append(1, ' ');
            break;
        case Field::bibliographic:
            bibliographic.append(line_).append(1, ' ');
            break;
        case Field::author:
            if (const std::string_view author = text::trim(line_); !author.empty())
                authors.emplace_back(author);
            break;
        case Field::text:
            text_lines.emplace_back(text::trim_right(line_));
            break;
        case Field::skipped:
            break;
        }
    }
    if (in_->bad())
        throw DataError(source_ + ": read error");

    document.title = text::collapse_spaces(title);
    document.bibliographic = text::collapse_spaces(bibliographic);
    document.author = join(authors, "; ");
    std::size_t first = 0;
    std::size_t last = text_lines.size();
    while (first < last && text_lines[first].empty())
        ++first;
    while (last > first && text_lines[last - 1].empty())
        --last;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first)
            document.text += '\n';
        document.text += text_lines[i];
    }
    return document;
}

std::size_t read_smart_collection(const std::filesystem::path& path,
                                  const std::function<void(SmartDocument&&)>& on_document) {
    SmartReader reader(path);
    std::size_t count = 0;
    while (auto document = reader.next()) {
        on_document(std::move(*document));
        ++count;
    }
    return count;
}

std::string normalise_numeric_id(std::string_view id) {
    if (id.empty()) return {};
    for (const char c : id)
        if (!text::is_digit(c)) return std::string(id);
    while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
    return std::string(id);
}

} // namespace newssearch::extract
