#include "eval/batch_runner.hpp"

#include "common/analyzer.hpp"
#include "common/article_document.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "searcher/passage_ranking.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <limits>

namespace newssearch::eval {
namespace {

/// The topic's words as written, separated by spaces: whatever syntax the text had is gone.
/// Capitals stay (entity names are recognised by them); upper-case operator words do not.
std::string bag_of_words(const Analyzer& analyzer, std::string_view text) {
    static constexpr std::string_view operators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::string words;
    for (const Token& token : analyzer.tokenize(text)) {
        const std::string_view surface = text.substr(token.begin, token.end - token.begin);
        const bool is_operator =
            std::find(std::begin(operators), std::end(operators), surface) != std::end(operators);
        if (!words.empty())
            words += ' ';
        words += is_operator ? std::string_view(token.term) : surface;
    }
    return words;
}

std::string article_of(const Xapian::Document& document) {
    return document.get_value(schema::slot_article_id);
}

Xapian::doccount as_doccount(std::size_t n) {
    return static_cast<Xapian::doccount>(
        std::min<std::size_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

} // namespace

void validate(const BatchSettings& settings) {
    if (settings.depth == 0)
        throw UsageError("the depth (results per topic) must be at least 1");
    if (settings.run_tag.empty() || text::has_space(settings.run_tag))
        throw UsageError("the run tag must be a non-empty word without spaces");
    if (!(settings.ranking.k1 >= 0.0) || !(settings.ranking.b >= 0.0) || settings.ranking.b > 1.0)
        throw UsageError("BM25 needs k1 >= 0 and b in [0, 1]");
    if (!(settings.feedback.weight >= 0.0) || settings.feedback.weight >= 1.0)
        throw UsageError("the feedback weight must be in [0, 1)");
}

std::string passage_docid(const std::string& article_id, unsigned ordinal) {
    return article_id + "#" + std::to_string(ordinal);
}

struct BatchRunner::State {
    explicit State(const std::string& path)
        : database(searcher::open_database(path)),
          builder(analyzer, &database, searcher::index_recognizer(database)), decider(analyzer) {
    }

    Xapian::Database database;
    Analyzer analyzer;
    searcher::QueryBuilder builder;
    searcher::FeedbackTermDecider decider;
    searcher::StemmedTerms stemmed{analyzer};
};

BatchRunner::BatchRunner(const std::string& database_path, BatchSettings settings)
    : settings_(std::move(settings)) {
    validate(settings_);
    state_ = std::make_unique<State>(database_path);
}

BatchRunner::~BatchRunner() = default;

std::vector<RunEntry> BatchRunner::run_topic(const Topic& topic) {
    State& state = *state_;
    const std::string words = bag_of_words(state.analyzer, topic.query);
    if (words.empty())
        return {};
    Xapian::Query query;
    try {
        searcher::QueryOptions options;
        options.default_op = Xapian::Query::OP_OR;
        options.entity_boost = settings_.ranking.entity_boost;
        query = state.builder.parse(words, options).query;
    } catch (const UsageError&) {
        return {}; // nothing searchable
    }

    Xapian::Enquire enquire(state.database);
    // k2, k3 and min_normlen as the interactive search sets them.
    enquire.set_weighting_scheme(
        Xapian::BM25Weight(settings_.ranking.k1, 0, 1, settings_.ranking.b, 0.5));

    if (settings_.feedback.enabled()) {
        // First pass: the top articles are taken as relevant.
        enquire.set_query(query);
        const Xapian::MSet first = enquire.get_mset(0, as_doccount(settings_.feedback.documents));
        Xapian::RSet relevant;
        for (auto it = first.begin(); it != first.end(); ++it)
            relevant.add_document(*it);
        if (!relevant.empty()) {
            const Xapian::ESet eset =
                enquire.get_eset(as_doccount(settings_.feedback.terms), relevant, &state.decider);
            query = searcher::expand_query(query, eset, settings_.feedback);
        }
    }
    enquire.set_query(query);

    std::vector<RunEntry> entries;
    const auto add = [&](std::string docid, double score) {
        const long rank = static_cast<long>(entries.size()) + 1;
        entries.push_back(RunEntry{std::move(docid), rank, score, settings_.run_tag});
    };

    const Xapian::MSet mset = enquire.get_mset(0, as_doccount(settings_.depth));
    if (!settings_.passages) {
        for (auto it = mset.begin(); it != mset.end(); ++it) add(article_of(it.get_document()), it.get_weight());
        return entries;
    }
    // Every matching passage of the best articles, by its own score.
    searcher::PassageRanker ranker(state.analyzer, state.database, settings_.ranking, state.stemmed);
    const searcher::PassageQuery query_passages = searcher::passage_query(query);
    std::vector<std::pair<std::string, double>> passages;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const ArticleDocument stored = parse_article_document(it.get_document().get_data());
        const std::vector<searcher::ScoredPassage> scored = ranker.score(stored, query_passages);
        for (const std::size_t index : searcher::matching_passages(scored))
            passages.emplace_back(passage_docid(stored.article.id, static_cast<unsigned>(index)), scored[index].score);
    }
    std::stable_sort(passages.begin(), passages.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [docid, score] : passages) {
        if (entries.size() >= settings_.depth) break;
        add(std::move(docid), score);
    }
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
