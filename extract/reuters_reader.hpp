#pragma once
/// Reuters-21578 SGML input (`reut2-000.sgm`...): one article per `<REUTERS>` record.
///  - id: the NEWID attribute (the collection's standard numbering);
///  - date: `<DATE>` ("26-FEB-1987 15:01:01.79" -> "1987-02-26");
///  - title: `<TITLE>`; body: `<BODY>` (a paragraph per indented line), the closing "Reuter"
///    sign-off dropped; records without either (TYPE="UNPROC") keep their `<TEXT>` as the body;
///  - source: "Reuters"; category: the first `<TOPICS>` code ("earn", "acq", "cocoa"), so
///    `category:cocoa` filters. Places, people and other topic codes are not indexed as fields.
/// Character references (`&lt;`, `&#3;`) are decoded, control characters dropped. A record that
/// is not UTF-8 is read as Windows-1252 (the collection's reut2-017.sgm has such bytes).

#include "common/article.hpp"
#include "extract/input_files.hpp"

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::extract {

/// Reads every record of `in` (named `path` in problems and warnings), calling `on_article` for
/// each. Records over max_record_bytes and records without NEWID go to `problems` as
/// "PATH:LINE"; converted records go to `warnings` when given.
void read_reuters(std::istream& in, const std::string& path, const std::function<void(Article&&)>& on_article,
                  std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings = nullptr);

/// One `<REUTERS>...</REUTERS>` record (valid UTF-8) as an article; DataError when it has no NEWID.
[[nodiscard]] Article article_from_reuters(std::string_view record);

/// `text` cut into paragraphs the way typed wire copy and SMART files mark them: an indented line
/// or a blank line starts a new one; other line breaks are spaces. Whitespace runs become one space.
[[nodiscard]] std::vector<Paragraph> indented_paragraphs(std::string_view text);

} // namespace newssearch::extract
