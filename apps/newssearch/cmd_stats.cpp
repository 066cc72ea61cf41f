#include "commands.hpp"
#include "db_location.hpp"

#include "searcher/index_stats.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct StatsOptions {
    std::string db;
    bool json = false;
};

std::string megabytes(std::uintmax_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

} // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command = app.add_subcommand("stats", "What the index holds: articles, passages, terms, size, last update");
    command->add_option("--db", options->db, "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_flag("--json", options->json, "Print the statistics as one JSON object");
    command->callback([options, &exit_code] {
        const searcher::IndexStats stats = searcher::read_index_stats(database_location(options->db).path);
        if (options->json) {
            nlohmann::json json = {
                {"path", stats.path},         {"articles", stats.articles},
                {"passages", stats.passages}, {"terms", stats.terms},
                {"bytes", stats.bytes},       {"updated", stats.updated},
                {"schema", stats.schema},     {"compatible", stats.compatible},
                {"gazetteer_entries", stats.gazetteer_entries}, {"source_files", stats.source_files}};
            if (!stats.shards.empty()) {
                json["shards"] = nlohmann::json::array();
                for (const searcher::ShardStats& shard : stats.shards)
                    json["shards"].push_back({{"name", shard.name}, {"articles", shard.articles}, {"passages", shard.passages}});
            }
            std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            std::cout << "Index:         " << stats.path << '\n'
                      << "Articles:      " << stats.articles << '\n'
                      << "Passages:      " << stats.passages << '\n'
                      << "Terms:         " << stats.terms << '\n'
                      << "Size on disk:  " << megabytes(stats.bytes) << '\n'
                      << "Last update:   " << (stats.updated.empty() ? "unknown" : stats.updated) << '\n'
                      << "Schema:        " << (stats.schema.empty() ? "none" : stats.schema) << '\n'
                      << "Gazetteer:     " << stats.gazetteer_entries << " entities\n"
                      << "Source files:  " << stats.source_files << '\n';
            for (const searcher::ShardStats& shard : stats.shards)
                std::cout << "Shard:         " << shard.name << ": " << shard.articles << " articles, " << shard.passages
                          << " passages\n";
        }
        if (!stats.compatible) {
            std::cerr << "newssearch: " << stats.problem << '\n';
            exit_code = exit_error;
        }
    });
}

} // namespace newssearch::app
