#include "commands.hpp"

#include "common/article_json.hpp"
#include "common/errors.hpp"
#include "common/utf8.hpp"
#include "extract/html/html_reader.hpp"
#include "extract/input_files.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct CleanOptions {
    std::vector<std::string> paths;
    bool json = false;
    bool explain = false;
};

std::string_view kind_name(extract::html::BlockKind kind) {
    using extract::html::BlockKind;
    switch (kind) {
    case BlockKind::paragraph: return "para";
    case BlockKind::heading: return "head";
    case BlockKind::list_item: return "item";
    case BlockKind::quote: return "quote";
    case BlockKind::table_row: return "row";
    case BlockKind::preformatted: return "pre";
    case BlockKind::caption: return "caption";
    }
    return "para";
}

/// At most `limit` bytes of `text`, cut at a UTF-8 character boundary.
std::string excerpt(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "…";
}

/// One line per block: decision, kind, own score, container score, link share, reason, text.
void print_explanation(const extract::InputFile& file, const extract::html::HtmlExtraction& extraction) {
    const Article& article = extraction.article;
    std::cout << "== " << file.path << "\n"
              << "encoding: " << extraction.encoding << (extraction.encoding_corrected ? " (declaration corrected)" : "")
              << "\ncontainer: " << extraction.blocks.container << "\nbody from: " << extraction.body_source
              << "\ntitle: " << article.title << "\ndate: " << article.date << "\nauthor: " << article.author
              << "\nsource: " << article.source << "\nlanguage: " << article.language << "\nurl: " << article.url
              << "\n";
    for (const auto& block : extraction.blocks.blocks) {
        char scores[64];
        std::snprintf(scores, sizeof scores, "%5.1f %6.1f %3.0f%%", block.score, block.container_score,
                      block.text.empty() ? 0.0 : 100.0 * static_cast<double>(block.link_chars) / static_cast<double>(block.text.size()));
        std::cout << (block.kept ? "KEEP " : "drop ") << kind_name(block.kind) << '\t' << block.tag << '\t' << scores
                  << '\t' << block.reason << '\t' << excerpt(block.text, 100) << '\n';
    }
}

} // namespace

void add_clean_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CleanOptions>();
    CLI::App* command = app.add_subcommand(
        "clean", "Print the cleaned articles (JSON) that indexing these files would store");
    command->add_option("paths", options->paths,
                        "Files or folders of scraped .txt pages, .html/.htm(.gz) pages and .jsonl articles")
        ->required();
    command->add_flag("--json", options->json, "Print the articles as JSON (the default)");
    command->add_flag("--explain", options->explain,
                      "For web pages: print every block with its score and why it was kept or dropped");
    command->callback([options, &exit_code] {
        if (options->json && options->explain) throw UsageError("--json and --explain exclude each other");
        std::vector<extract::InputProblem> problems;
        nlohmann::ordered_json articles = nlohmann::ordered_json::array();
        for (const extract::InputFile& file : extract::collect_input_files(options->paths, problems)) {
            if (!options->explain) {
                extract::read_articles(file, [&](Article&& article) { articles.push_back(to_display_json(article)); }, problems);
                continue;
            }
            if (file.format != extract::InputFormat::html) {
                problems.push_back({file.path, "--explain applies to web pages (.html, .htm) only"});
                continue;
            }
            try {
                print_explanation(file, extract::html::extract_html(extract::html::read_page_file(file.path), file.id));
            } catch (const DataError& e) {
                problems.push_back({file.path, e.what()});
            }
        }
        if (!options->explain) std::cout << articles.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        for (const auto& problem : problems)
            std::cerr << "newssearch: skipped " << printable_utf8(problem.where) << ": " << problem.reason << '\n';
        exit_code = problems.empty() ? exit_ok : exit_partial;
    });
}

} // namespace newssearch::app
