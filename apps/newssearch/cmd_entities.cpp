#include "commands.hpp"
#include "db_location.hpp"

#include "common/entities/conll.hpp"
#include "common/errors.hpp"
#include "common/file_text.hpp"
#include "searcher/searcher.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct EntitiesOptions {
    std::string db;
    std::string type;
    bool json = false;
    std::string conll;
    std::string train;
    std::string model_out;
    std::string model;
    std::string gazetteer;
    int epochs = 15;
};

std::shared_ptr<const entities::Gazetteer> gazetteer_of(const EntitiesOptions& options) {
    const std::string path = options.gazetteer.empty() ? bundled_gazetteer() : options.gazetteer;
    return std::make_shared<const entities::Gazetteer>(
        entities::Gazetteer::parse(read_text_file(path, "entity gazetteer"), path));
}

/// --conll: the recogniser indexing uses, run over a CoNLL file, its tags appended.
void tag_conll(const EntitiesOptions& options) {
    const entities::ConllFile file =
        entities::parse_conll(read_text_file(options.conll, "CoNLL file"), options.conll);
    auto tagger = options.model.empty()
                      ? entities::EntityTagger::bundled()
                      : std::make_shared<const entities::EntityTagger>(entities::EntityTagger::load(options.model));
    const entities::EntityRecognizer recognizer(gazetteer_of(options), std::move(tagger));
    entities::write_conll_predictions(file, recognizer, std::cout);
}

/// --train: a tagger model trained on a CoNLL file.
void train_model(const EntitiesOptions& options) {
    if (options.model_out.empty()) throw CLI::ValidationError("--train needs --model-out FILE");
    const entities::ConllFile file =
        entities::parse_conll(read_text_file(options.train, "CoNLL file"), options.train);
    const auto gazetteer = gazetteer_of(options);
    const entities::EntityTagger tagger = entities::train_entity_tagger(file, *gazetteer, options.epochs, &std::cerr);
    std::ofstream out(options.model_out, std::ios::binary);
    const std::string train_name = std::filesystem::path(options.train).filename().string();
    const std::string gazetteer_path = options.gazetteer.empty() ? bundled_gazetteer() : options.gazetteer;
    tagger.save(out, "Entity tagger for newssearch: an averaged perceptron, see docs/ENTITIES.md.\n"
                     "Trained on the CoNLL-2003 English named-entity data, " + train_name + " (" +
                         std::to_string(file.documents.size()) +
                         " articles of Reuters news, 1996, RCV1; Tjong Kim Sang and De Meulder 2003),\n"
                         "with the gazetteer " + std::filesystem::path(gazetteer_path).filename().string() +
                         " as features, " + std::to_string(options.epochs) + " epochs.\n"
                         "Retrain: newssearch entities --train " + options.train + " --model-out " +
                         options.model_out + " --epochs " + std::to_string(options.epochs));
    if (!out.flush()) throw DataError("cannot write the model " + options.model_out);
    std::cerr << tagger.feature_count() << " features written to " << options.model_out << '\n';
}

} // namespace

void add_entities_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<EntitiesOptions>();
    CLI::App* command = app.add_subcommand("entities", "List the entities the index knows, with how many articles mention each");
    command->add_option("--db", options->db, "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_option("--type", options->type, "Only this type")
        ->check(CLI::IsMember({"person", "place", "organisation", "other"}));
    command->add_flag("--json", options->json, "Print JSON: [{\"canonical\",\"type\",\"key\",\"articles\"}]");
    command->add_option("--conll", options->conll,
                        "Recognise the articles of a CoNLL-2003 file (token first, tag last) as indexing does and "
                        "print each line with the predicted tag appended (IOB2: PER, LOC, ORG, MISC)")
        ->check(CLI::ExistingFile);
    command->add_option("--train", options->train, "Train the entity tagger on a CoNLL-2003 file (with --model-out)")
        ->check(CLI::ExistingFile);
    command->add_option("--model-out", options->model_out, "Where --train writes the model");
    command->add_option("--epochs", options->epochs, "Training passes for --train")->check(CLI::Range(1, 100));
    command->add_option("--model", options->model,
                        "Tagger model for --conll (default: $NEWSSEARCH_ENTITY_MODEL or the bundled one)")
        ->check(CLI::ExistingFile);
    command->add_option("--gazetteer", options->gazetteer, "Gazetteer for --conll and --train (default: the bundled one)")
        ->check(CLI::ExistingFile);
    command->callback([options, &exit_code] {
        if (!options->train.empty()) {
            train_model(*options);
            exit_code = exit_ok;
            return;
        }
        if (!options->conll.empty()) {
            tag_conll(*options);
            exit_code = exit_ok;
            return;
        }
        const searcher::OpenShards index = searcher::open_index(database_location(options->db).path, {});
        // Over remote shards the entities' counts come from matches, not a round trip each.
        const auto entities =
            searcher::known_entities(index.database, options->type, searcher::has_remote_shard(index));
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
