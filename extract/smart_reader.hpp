#pragma once
/// Reader for document files of the SMART test collections (Cranfield `cran.all.1400`, CISI
/// `CISI.ALL`, also their query files): records start with `.I <id>`, then field markers alone on
/// their line (`.T` title, `.A` authors, `.B` bibliographic note, `.W` text) each followed by the
/// field's lines. Other markers (`.X` citation list, `.K`, `.C`, ...) are not text: their lines are
/// skipped. The reader streams: one record in memory at a time.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newssearch::extract {

/// One record of a SMART file. Fields the record lacks are empty (Cranfield 471 and 995 have
/// nothing but empty markers).
struct SmartDocument {
    std::string id;            ///< the `.I` number as text, leading zeros dropped ("001" -> "1")
    std::string title;         ///< `.T`, its lines joined into one line
    std::string author;        ///< `.A`, one author per line in the file, joined by "; "
    std::string bibliographic; ///< `.B`, its lines joined into one line
    std::string text; ///< `.W`, lines right-trimmed and joined by '\n', outer blank lines dropped
    std::size_t line = 0; ///< 1-based line of the `.I` marker, for messages

    bool operator==(const SmartDocument&) const = default;
};

/// Pulls the records of a SMART file one by one.
///
/// A marker for a field the record already has is a stray line, not a new field: it is dropped
/// and the lines after it stay in the current field. This keeps Cranfield's damaged abstracts
/// (240: `.A`/`.B` inside `.W`; 576, 578: a second `.W`) whole, and CISI's one-`.A`-per-author
/// records in one author field.
class SmartReader {
  public:
    /// Reads the file at `path`; DataError when it cannot be opened.
    explicit SmartReader(const std::filesystem::path& path);

    /// Reads `in`, which must outlive the reader; `source` names it in error messages.
    SmartReader(std::istream& in, std::string source);

    /// The next record, or nothing at the end. Throws DataError "<source>:<line>: ..." for text
    /// before the first `.I`, text outside any field, an `.I` without a single id, or an id seen
    /// before in this file.
    [[nodiscard]] std::optional<SmartDocument> next();

    /// The name used in error messages (the path, or the name given).
    [[nodiscard]] const std::string& source() const { return source_; }

  private:
    std::unique_ptr<std::ifstream> file_;
    std::istream* in_;
    std::string source_;
    std::string line_;
    std::size_t line_number_ = 0;
    bool pending_id_line_ = false; // line_ holds a `.I` line not yet consumed
    std::unordered_map<std::string, std::size_t> first_line_of_id_;
};

/// Calls `on_document` for each record of the SMART file at `path`, in file order; returns how
/// many there were. Errors as SmartReader.
std::size_t read_smart_collection(const std::filesystem::path& path,
                                  const std::function<void(SmartDocument&&)>& on_document);

/// An all-digit id without its leading zeros ("001" -> "1", "0" -> "0"), so that ids written
/// with padding match judgments written without; any other id is returned unchanged.
[[nodiscard]] std::string normalise_numeric_id(std::string_view id);

} // namespace newssearch::extract
