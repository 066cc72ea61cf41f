#include "commands.hpp"
#include "db_location.hpp"

#include "searcher/searcher.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct EntitiesOptions {
    std::string db;
    std::string type;
    bool json = false;
};

} // namespace

void add_entities_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<EntitiesOptions>();
    CLI::App* command = app.add_subcommand("entities", "List the entities the index knows, with how many articles mention each");
    command->add_option("--db", options->db, "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_option("--type", options->type, "Only this type")
        ->check(CLI::IsMember({"person", "place", "organisation", "other"}));
    command->add_flag("--json", options->json, "Print JSON: [{\"canonical\",\"type\",\"key\",\"articles\"}]");
    command->callback([options, &exit_code] {
        const Xapian::Database database = searcher::open_database(database_location(options->db).path);
        const auto entities = searcher::known_entities(database, options->type);
        if (options->json) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& entity : entities)
                list.push_back({{"canonical", entity.value}, {"type", entity.type}, {"key", entity.key},
                                {"articles", entity.articles}});
            std::cout << list.dump(2) << '\n';
        } else {
            for (const auto& entity : entities)
                std::cout << entity.articles << '\t' << entity.type << '\t' << entity.value << '\n';
        }
        exit_code = exit_ok;
    });
}

} // namespace newssearch::app
