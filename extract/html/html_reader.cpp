#include "extract/html/html_reader.hpp"

#include "common/errors.hpp"
#include "extract/cleaning_rules.hpp"
#include "extract/html/gzip_file.hpp"
#include "extract/html/html_encoding.hpp"
#include "extract/html/metadata_extractor.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace newssearch::extract::html {
namespace fs = std::filesystem;
namespace {

std::vector<Paragraph> paragraphs_of(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (std::string line = collapse_whitespace(text.substr(0, end)); !line.empty())
            paragraphs.push_back({std::move(line), false});
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return paragraphs;
}

/// Whether `text` holds markup: a tag ("<p>", "</div>", "<br/>") or a character reference
/// ("&lt;p&gt;", "&amp;", "&#8217;").
bool has_markup(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char next = text[i + 1];
        if (text[i] == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/')) return true;
        if (text[i] == '&' && (std::isalpha(static_cast<unsigned char>(next)) || next == '#')) {
            const std::size_t semicolon = text.find(';', i);
            if (semicolon != std::string_view::npos && semicolon - i <= 10) return true;
        }
    }
    return false;
}

/// A JSON-LD articleBody as lines of text. Publishers put the page's HTML there, raw or
/// entity-escaped ("&lt;p&gt;Text&lt;/p&gt;"): it is parsed as HTML, a line per block, twice at
/// most (the first parse turns escaped markup into markup).
std::string json_ld_text(std::string text) {
    for (int round = 0; round < 2 && has_markup(text); ++round) {
        const HtmlDocument document("<body>" + text + "</body>");
        text = text_lines(document.root());
    }
    return text;
}

/// A credit line's text without the parentheses around it: "(Name/Agency)" -> "Name/Agency".
std::string credit_text(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\n')) line.remove_suffix(1);
    if (line.size() > 2 && line.front() == '(' && line.back() == ')') line = line.substr(1, line.size() - 2);
    return std::string(line);
}

std::size_t words_of(const std::vector<Paragraph>& paragraphs) {
    std::size_t words = 0;
    for (const Paragraph& paragraph : paragraphs) words += word_count(paragraph.text);
    return words;
}

std::string lower_extension(const fs::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

} // namespace

bool is_html_path(const fs::path& path) {
    std::string extension = lower_extension(path);
    if (extension == ".gz") extension = lower_extension(path.stem());
    return extension == ".html" || extension == ".htm" || extension == ".xhtml";
}

std::string html_stem(const fs::path& path) {
    fs::path name = path.filename();
    if (lower_extension(name) == ".gz") name = name.stem();
    return name.stem().string();
}

std::string read_page_file(const fs::path& path) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error) throw DataError("cannot read: " + error.message());
    if (size > max_page_bytes) throw DataError("file too large for one page (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open for reading");
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

HtmlExtraction extract_html(std::string_view bytes, std::string id) {
    std::string inflated;
    if (is_gzip(bytes)) {
        inflated = gunzip(bytes, max_page_bytes);
        bytes = inflated;
    }
    if (bytes.size() > max_page_bytes) throw DataError("page too large (" + std::to_string(bytes.size()) + " bytes)");
    if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) throw DataError("empty file");
    DecodedPage page = decode_page(bytes);
    const HtmlDocument document(std::move(page.text));
    const PageMetadata meta = extract_metadata(document);

    HtmlExtraction result;
    result.encoding = page.encoding;
    result.declared_encoding = page.declared;
    result.encoding_corrected = page.corrected;
    result.blocks = extract_blocks(document, meta.title, meta.subtitle);

    Article& article = result.article;
    article.id = std::move(id);
    article.title = meta.title;
    article.subtitle = meta.subtitle;
    article.author = meta.author;
    article.date = meta.date;
    article.source = meta.source;
    article.category = meta.category;
    article.url = meta.url;
    article.language = meta.language;
    for (const Block& block : result.blocks.blocks) {
        if (!block.kept) continue;
        if (block.kind == BlockKind::caption) {
            if (auto parts = split_caption_credit(block.text)) article.captions.push_back({parts->text, parts->credit});
            else if (is_photo_credit_line(block.text)) article.captions.push_back({"", credit_text(block.text)});
            else article.captions.push_back({block.text, ""});
            continue;
        }
        article.paragraphs.push_back({block.text, block.kind == BlockKind::heading});
    }
    result.body_source = "page blocks";
    // Publishers put the full text in JSON-LD; a teaser-length articleBody does not replace
    // the page text.
    std::vector<Paragraph> json_ld = paragraphs_of(json_ld_text(meta.json_ld_body));
    const std::size_t json_ld_words = words_of(json_ld);
    if (json_ld_words >= 30 && json_ld_words * 10 >= words_of(article.paragraphs) * 8) {
        article.paragraphs = std::move(json_ld);
        result.body_source = "JSON-LD articleBody";
    }
    if (article.paragraphs.empty() && article.title.empty()) throw DataError("no article text found in the page");
    return result;
}

} // namespace newssearch::extract::html
