#include "batch_options.hpp"
#include "commands.hpp"

#include "eval/run_file.hpp"

#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct BatchOnlyOptions {
    std::string output;
};

} // namespace

void add_batch_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<BatchCommandOptions>();
    auto own = std::make_shared<BatchOnlyOptions>();
    CLI::App* command = app.add_subcommand(
        "batch", "Run every topic of a topics file and write a TREC run (qid Q0 docid rank score tag)");
    command->add_option("--topics", options->topics, "Topics file (TSV, TREC topics or SMART .I/.W queries)")
        ->required();
    command->add_option("-o,--output", own->output, "Write the run to this file instead of stdout");
    add_batch_options(*command, options);
    command->callback([options, own, &exit_code] {
        const std::vector<eval::Topic> topics = read_batch_topics(*options);
        const eval::Run run = run_batch(*options, topics);
        if (own->output.empty()) eval::write_run(std::cout, run);
        else eval::write_run_file(own->output, run);
        exit_code = exit_ok;
    });
}

} // namespace newssearch::app
