#include "batch_options.hpp"

#include "db_location.hpp"
#include "ranking_options.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace newssearch::app {

void add_batch_options(CLI::App& command, const std::shared_ptr<BatchCommandOptions>& options) {
    eval::BatchSettings& settings = options->settings;
    command.add_option("--db", options->db,
                       "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command.add_option("--topics-format", options->topics_format,
                       "Topics file format: tsv (id<TAB>query), trec (<top> ... <title>), smart "
                       "(.I/.W query files), or auto (guessed from the first line)")
        ->check(CLI::IsMember({"auto", "tsv", "trec", "smart"}))
        ->capture_default_str();
    command.add_flag("--number-by-position", options->number_by_position,
                     "Number topics 1..N in file order instead of using their ids (Cranfield's "
                     "judgments number cran.qry's queries this way)");
    command.add_option("--depth", settings.depth, "Results per topic (a search's limit: 1..10000)")
        ->capture_default_str();
    command.add_option("--run-tag", settings.run_tag, "Run name written in the last column")
        ->capture_default_str();
    command.add_flag("--passages", settings.passages,
                     "Rank passages instead of articles: docid = ARTICLE#ORDINAL (ordinal from 0)");
    command.add_flag("--bag-of-words", settings.bag_of_words,
                     "Search each topic as a bag of words (query syntax ignored, any word counts) instead "
                     "of as a user's query (all words first)");
    command.add_flag("--all-copies", [&settings](std::int64_t) { settings.collapse_copies = false; },
                     "Copies of a story are results of their own (by default only the best of them is)");
    add_ranking_options(command, settings.ranking);
    command.add_flag("--feedback", settings.feedback.on,
                     "Pseudo-relevance feedback: expand each query with terms from its best results "
                     "and search again");
    command.add_option("--feedback-docs", settings.feedback.documents,
                       "Feedback: top articles taken as relevant")
        ->capture_default_str();
    command.add_option("--feedback-terms", settings.feedback.terms, "Feedback: expansion terms")
        ->capture_default_str();
    command.add_option("--feedback-weight", settings.feedback.weight,
                       "Feedback: share of the expansion terms in the final query, below 1")
        ->capture_default_str();
    command.add_flag("-q,--quiet", options->quiet, "No progress report on stderr");
}

std::vector<eval::Topic> read_batch_topics(const BatchCommandOptions& options) {
    eval::TopicReadOptions read;
    read.format = eval::parse_topic_format(options.topics_format);
    read.number_by_position = options.number_by_position;
    return eval::read_topics(options.topics, read);
}

eval::Run run_batch(const BatchCommandOptions& options, const std::vector<eval::Topic>& topics) {
    const DatabaseLocation location = database_location(options.db);
    eval::BatchRunner runner(location.path, options.settings);

    using clock = std::chrono::steady_clock;
    const auto started = clock::now();
    auto last_report = started;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    const auto seconds_since = [](clock::time_point since) {
        return std::chrono::duration<double>(clock::now() - since).count();
    };
    const auto progress = [&](std::size_t done, std::size_t total) {
        if (options.quiet || done == total) return;
        if (std::chrono::duration<double>(clock::now() - last_report).count() < (terminal ? 0.2 : 5.0)) return;
        last_report = clock::now();
        char line[96];
        std::snprintf(line, sizeof line, "newssearch: batch: %zu/%zu topics, %.1f s", done, total,
                      seconds_since(started));
        std::cerr << (terminal ? "\r" : "") << line << (terminal ? "" : "\n") << std::flush;
    };
    eval::Run run = runner.run(topics, progress);

    if (!options.quiet) {
        std::vector<std::string> empty;
        for (const eval::Topic& topic : topics)
            if (!run.contains(topic.id)) empty.push_back(topic.id);
        char line[128];
        std::snprintf(line, sizeof line, "newssearch: batch: %zu topics, %zu results in %.2f s", topics.size(),
                      run.size(), seconds_since(started));
        std::cerr << (terminal ? "\r" : "") << line << (terminal ? "\033[K" : "") << '\n';
        if (!empty.empty()) {
            std::cerr << "newssearch: batch: " << empty.size() << (empty.size() == 1 ? " topic" : " topics")
                      << " retrieved nothing:";
            for (std::size_t i = 0; i < empty.size() && i < 20; ++i) std::cerr << ' ' << empty[i];
            std::cerr << (empty.size() > 20 ? " ...\n" : "\n");
        }
    }
    return run;
}

} // namespace newssearch::app
