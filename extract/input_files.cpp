#include "extract/input_files.hpp"

#include "common/errors.hpp"
#include "common/utf8.hpp"
#include "extract/html/html_reader.hpp"
#include "extract/jsonl_reader.hpp"
#include "extract/not_article.hpp"
#include "extract/reuters_reader.hpp"
#include "extract/scrape_cleaner.hpp"
#include "extract/text_decoding.hpp"
#include "extract/smart_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace newssearch::extract {
namespace fs = std::filesystem;
namespace {

bool is_jsonl(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".jsonl" || extension == ".ndjson";
}

bool is_reuters(const fs::path& path) { return path.extension() == ".sgm"; }

bool is_indexable(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".txt" || extension == ".text" || is_jsonl(path) || is_reuters(path) ||
           html::is_html_path(path);
}

InputFile make_input(const fs::path& path, std::string id, std::optional<InputFormat> format) {
    if (!format) format = is_jsonl(path)              ? InputFormat::json_lines
                          : is_reuters(path)         ? InputFormat::reuters
                          : html::is_html_path(path) ? InputFormat::html
                                                     : InputFormat::scrape_text;
    // File names are bytes: an id must be printable, valid UTF-8 (it is stored as JSON and shown),
    // and still tell every file apart.
    return InputFile{path.string(), printable_utf8(id), *format};
}

/// Why a file found in a folder is no article (extract/not_article.hpp), or empty. Only text
/// scrapes are looked into: the other formats say what they hold.
std::string not_article_reason(const InputFile& file, const std::string& name) {
    if (std::string reason = not_article_by_name(name); !reason.empty()) return reason;
    if (file.format != InputFormat::scrape_text) return {};
    std::ifstream in(file.path, std::ios::binary);
    std::string start(shape_sample_bytes, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    return not_article_by_shape(utf16_bom_encoding(start).empty() ? start : utf16_to_utf8(start));
}

/// Why a file that is neither a regular file nor a folder is not read.
std::string special_file_reason(fs::file_type type) {
    switch (type) {
    case fs::file_type::fifo: return "a FIFO (named pipe), not a regular file";
    case fs::file_type::socket: return "a socket, not a regular file";
    case fs::file_type::character: return "a character device, not a regular file";
    case fs::file_type::block: return "a block device, not a regular file";
    default: return "not a regular file";
    }
}

/// Why a path whose type could not be found (`error` from a status call) is not read.
std::string unreadable_reason(const std::error_code& error, bool symlink) {
    if (error == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    if (symlink && error == std::errc::no_such_file_or_directory)
        return "broken symbolic link: its target does not exist";
    if (error == std::errc::permission_denied) return "permission denied";
    return "cannot read: " + error.message();
}

/// Why `text` cannot be read as text, or empty when it can.
std::string text_problem(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return "empty file";
    if (looks_binary(text)) return "binary file, not text";
    return {};
}

/// The folder a file sits in below the folder given (id "sport/199" -> "sport"), or empty.
std::string folder_category(const std::string& id) {
    const fs::path folder = fs::path(id).parent_path();
    return folder.empty() ? std::string() : folder.filename().string();
}

std::string_view without_bom(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

void read_scrape(const InputFile& file, const std::function<void(Article&&)>& on_article,
                 std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings) {
    std::error_code error;
    const auto size = fs::file_size(file.path, error);
    if (error) return problems.push_back({file.path, "cannot read: " + error.message()});
    if (size > max_scrape_bytes)
        return problems.push_back({file.path, "file too large for one article (" +
                                                           std::to_string(size) + " bytes)"});
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return problems.push_back({file.path, "cannot open for reading"});
    std::ostringstream contents;
    contents << in.rdbuf();
    std::string raw = contents.str();
    // UTF-16 (Windows Notepad's "Unicode") is text, however many zero bytes it has: known by its
    // byte order mark, as a web page's is.
    if (!utf16_bom_encoding(raw).empty()) raw = utf16_to_utf8(raw);
    if (std::string problem = text_problem(without_bom(raw)); !problem.empty())
        return problems.push_back({file.path, std::move(problem)});
    const DecodedText decoded = decode_text(raw);
    if (decoded.converted && warnings)
        warnings->push_back({file.path, "not UTF-8 (first invalid byte at offset " +
                                                     std::to_string(*find_invalid_utf8(without_bom(raw))) +
                                                     "): read as Windows-1252"});
    try {
        Article article = clean_scrape(decoded.text);
        article.id = file.id;
        // Folders of sections (bbc/sport/199.txt): the folder names the category the page did not.
        if (article.category.empty()) article.category = folder_category(file.id);
        on_article(std::move(article));
    } catch (const DataError& e) {
        problems.push_back({file.path, e.what()});
    }
}

void read_html(const InputFile& file, const std::function<void(Article&&)>& on_article,
               std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings) {
    try {
        html::HtmlExtraction extraction = html::extract_html(html::read_page_file(file.path), file.id);
        // A page that says it is Latin-1 but is UTF-8 (or the reverse) is read as what it is.
        if (extraction.encoding_corrected && warnings)
            warnings->push_back({file.path, "declared as " + extraction.declared_encoding + " but is not: read as " +
                                                extraction.encoding});
        on_article(std::move(extraction.article));
    } catch (const DataError& e) {
        problems.push_back({file.path, e.what()});
    }
}

void read_json_lines(const InputFile& file, const std::function<void(Article&&)>& on_article,
                     std::vector<InputProblem>& problems) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return problems.push_back({file.path, "cannot open for reading"});
    std::string line;
    std::size_t number = 0;
    std::size_t records = 0;
    bool too_long = false;
    while (read_bounded_line(in, line, max_record_bytes, too_long)) {
        ++number;
        const std::string where = file.path + ":" + std::to_string(number);
        if (too_long) {
            ++records;
            problems.push_back({where, "record longer than " + std::to_string(max_record_bytes) + " bytes"});
            continue;
        }
        std::string_view text = number == 1 ? without_bom(line) : std::string_view(line);
        if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ++records;
        if (const auto bad = find_invalid_utf8(text)) {
            problems.push_back({where, "not valid UTF-8 (invalid byte at column " + std::to_string(*bad + 1) + ")"});
            continue;
        }
        try {
            on_article(article_from_json_line(text, file.id + ":" + std::to_string(number)));
        } catch (const DataError& e) {
            problems.push_back({where, e.what()});
        }
    }
    if (records == 0) problems.push_back({file.path, "empty file"});
}

/// `text` as valid UTF-8 on one line: runs of whitespace become one space.
std::string clean_line(std::string_view text) {
    const std::string valid = find_invalid_utf8(text) ? repair_utf8(text) : std::string(text);
    std::string out;
    bool pending_space = false;
    for (const char c : valid) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

Article article_from_smart(const extract::SmartDocument& record) {
    Article article;
    article.id = record.id;
    article.title = clean_line(record.title);
    article.author = clean_line(record.author);
    // Both collections start a paragraph with an indented line, and a blank line ends one.
    article.paragraphs = indented_paragraphs(find_invalid_utf8(record.text) ? repair_utf8(record.text) : record.text);
    return article;
}

void read_smart(const InputFile& file, const std::function<void(Article&&)>& on_article,
                std::vector<InputProblem>& problems) {
    const std::string path = file.path;
    std::size_t records = 0;
    try {
        extract::SmartReader reader(file.path);
        while (const auto record = reader.next()) {
            on_article(article_from_smart(*record));
            ++records;
        }
    } catch (const DataError& e) {
        // The reader says "PATH:LINE: reason"; keep "PATH:LINE" as the place.
        const std::string message = e.what();
        const std::size_t colon = message.starts_with(path + ":") ? message.find(": ", path.size() + 1)
                                                                   : std::string::npos;
        if (colon == std::string::npos) return problems.push_back({path, message});
        return problems.push_back({message.substr(0, colon), message.substr(colon + 2)});
    }
    if (records == 0) problems.push_back({path, "no .I records: not a SMART collection file"});
}

/// Cuts `text` to at most `budget` bytes: at the last space of the last 256 bytes when there is
/// one, never inside a UTF-8 character.
void cut_text(std::string& text, std::size_t budget) {
    if (text.size() <= budget) return;
    std::size_t end = budget;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    const std::size_t space = text.rfind(' ', end);
    if (space != std::string::npos && space + 256 >= end) end = space;
    text.resize(end);
}

/// "15.0 MB", "1 MB", "900 KB".
std::string size_in_words(std::size_t bytes) {
    if (bytes < (1u << 20)) return std::to_string((bytes + 1023) / 1024) + " KB";
    if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
    return text;
}

} // namespace

std::size_t cap_article_text(Article& article, std::size_t max_bytes) {
    std::size_t total = article.title.size() + article.subtitle.size();
    for (const Paragraph& paragraph : article.paragraphs) total += paragraph.text.size();
    for (const Caption& caption : article.captions) total += caption.text.size() + caption.credit.size();
    if (total <= max_bytes) return 0;
    std::size_t budget = max_bytes;
    const auto take = [&budget](std::string& text) {
        cut_text(text, budget);
        budget -= text.size();
    };
    take(article.title);
    take(article.subtitle);
    std::size_t kept = 0;
    for (; kept < article.paragraphs.size() && budget > 0; ++kept) take(article.paragraphs[kept].text);
    article.paragraphs.resize(kept);
    if (!article.paragraphs.empty() && article.paragraphs.back().text.empty()) article.paragraphs.pop_back();
    kept = 0;
    for (; kept < article.captions.size() && budget > 0; ++kept) {
        take(article.captions[kept].text);
        take(article.captions[kept].credit);
    }
    article.captions.resize(kept);
    return total;
}

std::string_view to_string(InputFormat format) {
    switch (format) {
    case InputFormat::scrape_text: return "text";
    case InputFormat::json_lines: return "jsonl";
    case InputFormat::smart: return "smart";
    case InputFormat::reuters: return "reuters";
    case InputFormat::html: return "html";
    }
    return "text";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "auto") return std::nullopt;
    for (const InputFormat format :
         {InputFormat::scrape_text, InputFormat::json_lines, InputFormat::smart, InputFormat::reuters, InputFormat::html})
        if (name == to_string(format)) return format;
    throw UsageError("unknown input format '" + std::string(name) +
                     "' (expected auto, text, jsonl, smart, reuters or html)");
}

InputWalker::InputWalker(std::vector<std::string> paths, std::optional<InputFormat> format)
    : paths_(std::move(paths)), format_(format) {}

void InputWalker::enter(const fs::path& path, std::string relative, std::vector<InputProblem>& problems) {
    Folder folder{path, std::move(relative), {}};
    std::error_code error;
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue; // hidden
        std::error_code type_error;
        const fs::file_status own = it->symlink_status(type_error);
        // Not through symbolic links: a link to a folder could loop back to where it is.
        if (fs::is_directory(own)) {
            folder.entries.push_back({std::move(name), true, {}});
            continue;
        }
        const bool wanted = format_ || is_indexable(it->path());
        const fs::file_status target = it->status(type_error);
        if (type_error) {
            // A link that leads nowhere is named, whatever its name: it was meant to be something.
            if (fs::is_symlink(own) || wanted)
                folder.entries.push_back({std::move(name), false, unreadable_reason(type_error, fs::is_symlink(own))});
        } else if (fs::is_regular_file(target)) {
            if (wanted) folder.entries.push_back({std::move(name), false, {}});
        } else if (wanted && !fs::is_directory(target)) {
            folder.entries.push_back({std::move(name), false, special_file_reason(target.type())});
        }
    }
    if (error) {
        const std::string where = folder.relative.empty() ? root_name_ : (fs::path(root_name_) / folder.relative).string();
        problems.push_back({where, "cannot list folder: " + error.message()});
    }
    // Largest first, so the next entry is popped from the back.
    std::sort(folder.entries.begin(), folder.entries.end(), [](const Entry& a, const Entry& b) { return a.name > b.name; });
    folders_.push_back(std::move(folder));
}

std::optional<InputFile> InputWalker::next(std::vector<InputProblem>& problems) {
    for (;;) {
        while (!folders_.empty()) {
            Folder& folder = folders_.back();
            if (folder.entries.empty()) {
                folders_.pop_back();
                continue;
            }
            Entry entry = std::move(folder.entries.back());
            folder.entries.pop_back();
            const fs::path path = folder.path / entry.name;
            if (!entry.problem.empty()) {
                problems.push_back({path.string(), std::move(entry.problem)});
                continue;
            }
            if (entry.folder) {
                enter(path, folder.relative + entry.name + "/", problems);
                continue;
            }
            fs::path id(folder.relative + entry.name);
            id.replace_extension();
            if (html::is_html_path(path) && path.extension() == ".gz") id.replace_extension();
            InputFile file = make_input(path, id.generic_string(), format_);
            if (std::string reason = not_article_reason(file, entry.name); !reason.empty()) {
                not_articles_.push_back({file.path, std::move(reason)});
                continue;
            }
            return file;
        }
        if (next_path_ == paths_.size()) return std::nullopt;
        const std::string& name = paths_[next_path_++];
        const fs::path root(name);
        std::error_code error;
        const fs::file_status status = fs::status(root, error);
        if (error || !fs::exists(status)) {
            std::error_code link_error;
            const bool link = fs::is_symlink(fs::symlink_status(root, link_error));
            problems.push_back({name, error && error != std::errc::no_such_file_or_directory
                                          ? unreadable_reason(error, link)
                                          : link ? "broken symbolic link: its target does not exist"
                                                 : "no such file or folder"});
            continue;
        }
        if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
            problems.push_back({name, special_file_reason(status.type())});
            continue;
        }
        if (!fs::is_directory(status))
            return make_input(root, html::is_html_path(root) ? html::html_stem(root) : root.stem().string(), format_);
        root_name_ = name;
        enter(root, "", problems);
    }
}

std::size_t count_input_files(const std::vector<std::string>& paths, std::optional<InputFormat> format) {
    InputWalker walker(paths, format);
    std::vector<InputProblem> ignored;
    std::size_t count = 0;
    while (walker.next(ignored)) ++count;
    return count;
}

std::vector<InputFile> collect_input_files(const std::vector<std::string>& paths,
                                           std::vector<InputProblem>& problems,
                                           std::optional<InputFormat> format) {
    std::vector<InputFile> files;
    InputWalker walker(paths, format);
    while (std::optional<InputFile> file = walker.next(problems)) files.push_back(std::move(*file));
    return files;
}

void read_articles(const InputFile& file, const std::function<void(Article&&)>& on_article_as_read,
                   std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings) {
    // One article's indexing costs memory in proportion to its text: a 15 MB one-line page cost
    // 900 MB. Whatever the format, an article is cut to the cap before it goes on.
    const std::function<void(Article&&)> on_article = [&](Article&& article) {
        if (const std::size_t bytes = cap_article_text(article); bytes != 0 && warnings)
            warnings->push_back({article.id == file.id ? file.path : file.path + " (article " + article.id + ")",
                                 "article text is " + size_in_words(bytes) + ": only its first " +
                                     size_in_words(max_article_text_bytes) + " is indexed"});
        on_article_as_read(std::move(article));
    };
    switch (file.format) {
    case InputFormat::json_lines: return read_json_lines(file, on_article, problems);
    case InputFormat::smart: return read_smart(file, on_article, problems);
    case InputFormat::scrape_text: return read_scrape(file, on_article, problems, warnings);
    case InputFormat::reuters: {
        std::ifstream in(file.path, std::ios::binary);
        if (!in) return problems.push_back({file.path, "cannot open for reading"});
        return read_reuters(in, file.path, on_article, problems, warnings);
    }
    case InputFormat::html: return read_html(file, on_article, problems, warnings);
    }
}

} // namespace newssearch::extract
