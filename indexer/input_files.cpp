#include "indexer/input_files.hpp"

#include "common/errors.hpp"
#include "common/utf8.hpp"
#include "indexer/jsonl_reader.hpp"
#include "indexer/scrape_cleaner.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace newssearch::indexer {
namespace fs = std::filesystem;
namespace {

bool is_jsonl(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".jsonl" || extension == ".ndjson";
}

bool is_indexable(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".txt" || extension == ".text" || is_jsonl(path);
}

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

InputFile make_input(const fs::path& path, std::string id) {
    return InputFile{path, std::move(id), is_jsonl(path) ? InputFormat::json_lines : InputFormat::scrape_text};
}

/// Why `text` cannot be read as UTF-8 text, or empty when it can.
std::string text_problem(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return "empty file";
    if (looks_binary(text)) return "binary file, not text";
    if (const auto bad = find_invalid_utf8(text))
        return "not valid UTF-8 (first invalid byte at offset " + std::to_string(*bad) +
               "); convert the file to UTF-8 and index it again";
    return {};
}

std::string_view without_bom(std::string_view text) {
    return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

void read_scrape(const InputFile& file, const std::function<void(Article&&)>& on_article,
                 std::vector<InputProblem>& problems) {
    std::error_code error;
    const auto size = fs::file_size(file.path, error);
    if (error) return problems.push_back({file.path.string(), "cannot read: " + error.message()});
    if (size > max_scrape_bytes)
        return problems.push_back({file.path.string(), "file too large for one article (" +
                                                           std::to_string(size) + " bytes)"});
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return problems.push_back({file.path.string(), "cannot open for reading"});
    std::ostringstream contents;
    contents << in.rdbuf();
    const std::string raw = contents.str();
    const std::string_view text = without_bom(raw);
    if (std::string problem = text_problem(text); !problem.empty())
        return problems.push_back({file.path.string(), std::move(problem)});
    try {
        Article article = clean_scrape(text);
        article.id = file.id;
        on_article(std::move(article));
    } catch (const DataError& e) {
        problems.push_back({file.path.string(), e.what()});
    }
}

void read_json_lines(const InputFile& file, const std::function<void(Article&&)>& on_article,
                     std::vector<InputProblem>& problems) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return problems.push_back({file.path.string(), "cannot open for reading"});
    std::string line;
    std::size_t number = 0;
    std::size_t records = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = file.path.string() + ":" + std::to_string(number);
        std::string_view text = number == 1 ? without_bom(line) : std::string_view(line);
        if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ++records;
        if (text.size() > max_record_bytes) {
            problems.push_back({where, "record too long (" + std::to_string(text.size()) + " bytes)"});
            continue;
        }
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
    if (records == 0) problems.push_back({file.path.string(), "empty file"});
}

} // namespace

std::vector<InputFile> collect_input_files(const std::vector<std::string>& paths,
                                           std::vector<InputProblem>& problems) {
    std::vector<InputFile> files;
    for (const std::string& name : paths) {
        const fs::path root(name);
        std::error_code error;
        const fs::file_status status = fs::status(root, error);
        if (error || !fs::exists(status)) {
            problems.push_back({name, "no such file or folder"});
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(make_input(root, root.stem().string()));
            continue;
        }
        std::vector<InputFile> found;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
        for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (is_hidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file() || !is_indexable(it->path())) continue;
            fs::path relative = it->path().lexically_relative(root);
            relative.replace_extension();
            found.push_back(make_input(it->path(), relative.generic_string()));
        }
        if (error) problems.push_back({name, "cannot list folder: " + error.message()});
        std::sort(found.begin(), found.end(),
                  [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

void read_articles(const InputFile& file, const std::function<void(Article&&)>& on_article,
                   std::vector<InputProblem>& problems) {
    if (file.format == InputFormat::json_lines) read_json_lines(file, on_article, problems);
    else read_scrape(file, on_article, problems);
}

} // namespace newssearch::indexer
