#include "commands.hpp"

#include "common/article_json.hpp"
#include "indexer/input_files.hpp"

#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct CleanOptions {
    std::vector<std::string> paths;
};

} // namespace

void add_clean_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CleanOptions>();
    CLI::App* command = app.add_subcommand(
        "clean", "Print the cleaned articles (JSON) that indexing these files would store");
    command->add_option("paths", options->paths, "Files or folders of scraped .txt pages and .jsonl articles")
        ->required();
    command->callback([options, &exit_code] {
        std::vector<indexer::InputProblem> problems;
        nlohmann::ordered_json articles = nlohmann::ordered_json::array();
        for (const indexer::InputFile& file : indexer::collect_input_files(options->paths, problems))
            indexer::read_articles(file, [&](Article&& article) { articles.push_back(to_json(article)); }, problems);
        std::cout << articles.dump(2) << '\n';
        for (const auto& problem : problems)
            std::cerr << "newssearch: skipped " << problem.where << ": " << problem.reason << '\n';
        exit_code = problems.empty() ? exit_ok : exit_partial;
    });
}

} // namespace newssearch::app
