#pragma once
/// Finding and reading input: files and folders (recursively) of scraped .txt pages and JSON
/// Lines files, and document files of the SMART test collections (Cranfield, CISI). A bad file is
/// reported with its reason and skipped; the rest goes on.

#include "common/article.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::extract {

enum class InputFormat {
    scrape_text, ///< one scraped page per file, cleaned by clean_scrape()
    json_lines,  ///< one clean article per line (see jsonl_reader.hpp)
    /// A SMART collection file (`cran.all.1400`, `CISI.ALL`): one article per `.I` record, its id
    /// the record number, title `.T`, author `.A`, body `.W` (a paragraph per indented line or
    /// blank-line break); `.B` and other fields are not indexed. Records without any text (Cranfield
    /// 471 and 995) are kept as articles without passages, so the collection's numbering holds.
    smart,
    /// Reuters-21578 SGML (`.sgm`): one article per `<REUTERS>` record (see reuters_reader.hpp).
    reuters,
    html, ///< a saved web page (.html, .htm, optionally .gz): see extract/html/html_reader.hpp
};

/// "text", "jsonl", "smart", "reuters" or "html".
[[nodiscard]] std::string_view to_string(InputFormat format);

/// The format named `name` ("text", "jsonl", "smart", "reuters", "html"), or nothing for "auto"; UsageError for any
/// other name.
[[nodiscard]] std::optional<InputFormat> parse_input_format(std::string_view name);

struct InputFile {
    /// A string, not a std::filesystem::path, which also keeps each of its components: listing
    /// a folder of 200,000 files costs a third of the memory.
    std::string path;
    std::string id; ///< article id: path relative to the folder given (no extension), or file stem
    InputFormat format = InputFormat::scrape_text;
};

/// A file (or one record of it) that was not indexed, and why.
struct InputProblem {
    std::string where;  ///< file path, with ":LINE" for a JSON Lines record
    std::string reason; ///< what was wrong, in words a user can act on
};

/// The per-article size cap. Largest text scrape read, in bytes: a page bigger than this is not
/// one article, and is skipped unread.
inline constexpr std::size_t max_scrape_bytes = 16u << 20;
/// Longest JSON Lines record or Reuters SGML record read, in bytes: longer ones are skipped while
/// being read, never held whole in memory.
inline constexpr std::size_t max_record_bytes = 16u << 20;
/// Most text one article is indexed with, in bytes (title, standfirst, body and captions, in that
/// order): an article is cut after it, at a space, and named in the warnings. A real news article
/// is a few tens of kilobytes; indexing costs about 60 bytes of memory per byte of text.
inline constexpr std::size_t max_article_text_bytes = 1u << 20;

/// Cuts `article`'s text to `max_bytes` (see max_article_text_bytes), never inside a UTF-8
/// character. Returns how many bytes of text it had when it was cut, 0 when it fitted.
std::size_t cap_article_text(Article& article, std::size_t max_bytes = max_article_text_bytes);

/// The input files named by `paths`, one at a time, in collect_input_files' order. Only the
/// entries of the folders on the way down to the current file are held, so memory follows the
/// biggest folder, not the number of files: indexing a million files does not list them first.
class InputWalker {
  public:
    explicit InputWalker(std::vector<std::string> paths, std::optional<InputFormat> format = {});

    /// The next file, or nothing once every path is walked. A path that does not exist, a folder
    /// that cannot be listed, a symbolic link that loops or leads nowhere, and a FIFO, socket or
    /// device named like an input file go to `problems` with the reason, and the walk goes on.
    [[nodiscard]] std::optional<InputFile> next(std::vector<InputProblem>& problems);

    /// The files of the folders walked so far that were left out as no articles
    /// (extract/not_article.hpp), each with its reason. Files named on their own are never here.
    [[nodiscard]] const std::vector<InputProblem>& not_articles() const { return not_articles_; }

  private:
    struct Entry {
        std::string name;
        bool folder = false;
        std::string problem; ///< why it is not read (a FIFO, a link loop), reported in its turn
    };
    /// A folder being walked: its entries not yet visited, the smallest name last.
    struct Folder {
        std::filesystem::path path;
        std::string relative; ///< from the folder given, with a trailing '/' (empty for it)
        std::vector<Entry> entries;
    };

    void enter(const std::filesystem::path& path, std::string relative, std::vector<InputProblem>& problems);

    std::vector<std::string> paths_;
    std::size_t next_path_ = 0;
    std::optional<InputFormat> format_;
    std::string root_name_; ///< the folder given, as given (named in its problems)
    std::vector<Folder> folders_;
    std::vector<InputProblem> not_articles_;
};

/// How many files InputWalker yields for `paths` (walks them without keeping any).
[[nodiscard]] std::size_t count_input_files(const std::vector<std::string>& paths, std::optional<InputFormat> format = {});

/// The input files named by `paths`, in a stable order. Folders are walked recursively for
/// *.txt, *.text, *.jsonl, *.ndjson, *.sgm and web pages (*.html, *.htm, *.html.gz, *.htm.gz)
/// (hidden entries skipped); a file is read as JSON Lines when it ends in .jsonl/.ndjson, as
/// Reuters SGML when it ends in .sgm, as a web page when it ends in .html/.htm (.gz), and as a
/// text scrape otherwise. With `format`, every file is read in that format, and folders yield all
/// their (non-hidden) files. Files come path by path as given; inside a folder, in path order,
/// component by component (a folder's files and sub-folders by name). Symbolic links to folders
/// are not followed. Paths that do not exist are reported in `problems`, as are links that loop or
/// lead nowhere and special files (FIFOs, sockets, devices), which are never opened.
[[nodiscard]] std::vector<InputFile> collect_input_files(const std::vector<std::string>& paths,
                                                         std::vector<InputProblem>& problems,
                                                         std::optional<InputFormat> format = {});

/// Reads, validates and cleans one input file, calling `on_article` for each article in it
/// (its text capped by cap_article_text(), the cut named in `warnings`).
/// Empty, binary and over-long files, and bad JSON Lines records, go to `problems`. A text scrape
/// or SGML record that is not UTF-8 is read as Windows-1252 and named in `warnings` (when given),
/// as is a web page whose declared charset was wrong (read as what it is).
/// A scrape in a sub-folder of the folder given gets that folder's name as its category when the
/// page states none. A malformed SMART file goes to `problems` as "FILE:LINE" with the reason; the
/// records before the bad line have been passed on. Invalid UTF-8 in a SMART file is repaired.
void read_articles(const InputFile& file, const std::function<void(Article&&)>& on_article,
                   std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings = nullptr);

} // namespace newssearch::extract
