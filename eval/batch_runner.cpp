#include "eval/batch_runner.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <cmath>
#include <limits>

namespace newssearch::eval {
namespace {

/// Checks the settings a search request does not carry, then the request they make.
BatchSettings checked(BatchSettings settings) {
    if (settings.run_tag.empty() || text::has_space(settings.run_tag))
        throw UsageError("the run tag must be a non-empty word without spaces");
    validate(topic_search(settings, "topic"));
    return settings;
}

} // namespace

SearchOptions topic_search(const BatchSettings& settings, const std::string& query) {
    SearchOptions options;
    options.query = query;
    options.limit = settings.depth;
    options.passages = settings.passages;
    options.snippets = false; // a run needs ids and scores only
    options.bag_of_words = settings.bag_of_words;
    options.collapse_copies = settings.collapse_copies;
    options.ranking = settings.ranking;
    options.feedback = settings.feedback;
    return options;
}

std::string passage_docid(const std::string& article_id, std::size_t ordinal) {
    return article_id + "#" + std::to_string(ordinal);
}

BatchRunner::BatchRunner(const std::string& database_path, BatchSettings settings)
    : settings_(checked(std::move(settings))), searcher_(database_path) {}

std::vector<RunEntry> BatchRunner::run_topic(const Topic& topic) {
    SearchResults results;
    try {
        results = searcher_.search(topic_search(settings_, topic.query));
    } catch (const UsageError&) {
        return {}; // the settings were checked: it is the topic that has nothing searchable
    }
    std::vector<RunEntry> entries;
    entries.reserve(results.hits.size());
    for (const Hit& hit : results.hits) {
        std::string docid = settings_.passages ? passage_docid(hit.article.id, hit.passage) : hit.article.id;
        entries.push_back(RunEntry{std::move(docid), static_cast<long>(entries.size()) + 1, hit.score, settings_.run_tag});
        // A story's copies follow it, as the page lists them under it: each scores the next
        // double below the one before, so that scores still give the order (trec_eval sorts by
        // them).
        double score = hit.score;
        for (const std::string& copy : hit.copies) {
            score = std::nextafter(score, -std::numeric_limits<double>::infinity());
            entries.push_back(RunEntry{copy, static_cast<long>(entries.size()) + 1, score, settings_.run_tag});
        }
    }
    if (entries.size() > settings_.depth) entries.resize(settings_.depth);
    return entries;
}

Run BatchRunner::run(const std::vector<Topic>& topics,
                     const std::function<void(std::size_t, std::size_t)>& on_progress) {
    Run run;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        for (RunEntry& entry : run_topic(topics[i]))
            run.add(topics[i].id, std::move(entry));
        if (on_progress)
            on_progress(i + 1, topics.size());
    }
    return run;
}

} // namespace newssearch::eval
