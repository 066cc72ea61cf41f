#include "batch_options.hpp"
#include "commands.hpp"

#include "common/errors.hpp"
#include "eval/metrics.hpp"
#include "eval/qrels.hpp"
#include "eval/run_file.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <memory>

namespace newssearch::app {
namespace {

struct EvalOnlyOptions {
    std::string run;
    std::string qrels;
    std::string save_run;
    std::string groups;
    bool per_query = false;
    bool json = false;
};

/// Judged topics with relevant documents that the run does not contain: trec_eval (without -c)
/// leaves them out of the means, which flatters the run, so they are named on stderr.
void warn_missing_topics(const eval::Run& run, const eval::Qrels& qrels) {
    std::vector<std::string> missing;
    for (const auto& [qid, judgments] : qrels.topics())
        if (qrels.num_relevant(qid) > 0 && !run.contains(qid)) missing.push_back(qid);
    if (missing.empty()) return;
    std::cerr << "newssearch: eval: " << missing.size()
              << (missing.size() == 1 ? " judged topic is" : " judged topics are")
              << " not in the run and not counted (as trec_eval without -c):";
    for (std::size_t i = 0; i < missing.size() && i < 20; ++i) std::cerr << ' ' << missing[i];
    std::cerr << (missing.size() > 20 ? " ...\n" : "\n");
}

/// A run whose documents the judgments never mention scores 0 everywhere, which is almost always
/// a naming mismatch (article ids vs. passage ids, another collection's numbering): say so.
void warn_unjudged_run(const eval::Run& run, const eval::Qrels& qrels) {
    bool shared_topic = false;
    for (const std::string& qid : run.topic_ids()) {
        const eval::Judgments* judgments = qrels.find(qid);
        if (!judgments) continue;
        shared_topic = true;
        for (const eval::RunEntry& entry : run.entries(qid))
            if (judgments->contains(entry.docid)) return;
    }
    if (shared_topic)
        std::cerr << "newssearch: eval: no document of the run is judged: do the run and the judgments name "
                     "documents the same way (articles vs. passages --passages, the same collection)?\n";
}

} // namespace

void add_eval_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<BatchCommandOptions>();
    auto own = std::make_shared<EvalOnlyOptions>();
    CLI::App* command = app.add_subcommand(
        "eval", "Score a run against relevance judgments as trec_eval does (map, P@5, P@10, nDCG@10, MRR, "
                "R-precision, recall@100, recall@1000): the run of --topics searched now, or a --run file");
    CLI::Option* topics = command->add_option("--topics", options->topics,
                                              "Topics file to run against the index (TSV, TREC or SMART)");
    CLI::Option* run_file = command->add_option("--run", own->run, "Existing TREC run file to score (any system's)");
    topics->excludes(run_file);
    command->add_option("--qrels", own->qrels, "Relevance judgments, TREC format: qid 0 docid relevance")
        ->required();
    command->add_flag("--per-query", own->per_query, "Also print each topic's figures (trec_eval -q)");
    command->add_flag("--json", own->json, "Print the figures as JSON");
    command->add_option("--groups", own->groups,
                        "Also report the means per group of topics (qid<TAB>group lines, e.g. query styles)");
    command->add_option("--save-run", own->save_run, "With --topics: also write the run to this file");
    add_batch_options(*command, options);
    command->callback([options, own, &exit_code] {
        if (options->topics.empty() && own->run.empty())
            throw UsageError("eval needs --topics FILE (run them now) or --run FILE (score a run)");
        // Judgments first: a malformed qrels file should not cost a whole batch run.
        const eval::Qrels qrels = eval::read_qrels(own->qrels);
        const std::map<std::string, std::string> groups =
            own->groups.empty() ? std::map<std::string, std::string>{} : eval::read_groups(own->groups);
        eval::Run run;
        if (!own->run.empty()) {
            run = eval::read_run(own->run);
        } else {
            run = run_batch(*options, read_batch_topics(*options));
            if (!own->save_run.empty()) eval::write_run_file(own->save_run, run);
        }
        if (!options->quiet) {
            warn_missing_topics(run, qrels);
            warn_unjudged_run(run, qrels);
        }
        const eval::EvalReport report = eval::evaluate(run, qrels);
        if (own->json) {
            nlohmann::json json = eval::to_json(report);
            if (!own->groups.empty()) json["groups"] = eval::to_json(eval::group_means(report, groups));
            std::cout << json.dump(2) << '\n';
        } else {
            eval::write_trec_eval(std::cout, report, own->per_query);
            if (!own->groups.empty()) {
                std::cout << '\n';
                eval::write_group_table(std::cout, eval::group_means(report, groups), report);
            }
        }
        exit_code = exit_ok;
    });
}

} // namespace newssearch::app
