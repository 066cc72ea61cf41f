#pragma once
/// The JSON form of a cleaned article: printed by `newssearch clean`, stored in the index for
/// display, and read back by the searcher. Field names are part of the documented output.

#include "common/article.hpp"

#include <nlohmann/json.hpp>

namespace newssearch {

/// {"id","title","subtitle","author","date","source","category","url","language",
///  "paragraphs":[{"text","heading"}], "captions":[{"text","credit"}]}; empty date is null.
[[nodiscard]] nlohmann::ordered_json to_json(const Article& article);

/// to_json() as shown to people and programs (`newssearch clean`, the service's /api/article):
/// every unknown field (an empty subtitle, author, date, source, category, url or language) is
/// null, as in search results, never "".
[[nodiscard]] nlohmann::ordered_json to_display_json(const Article& article);

/// Inverse of to_json(); missing fields stay empty. Throws DataError on a non-object.
[[nodiscard]] Article article_from_json(const nlohmann::json& json);

} // namespace newssearch
