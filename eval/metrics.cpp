#include "eval/metrics.hpp"

#include "common/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

namespace newssearch::eval {
namespace {

// Every sum below is taken in the same order, and every division made with the same operands,
// as in trec_eval's m_*.c, so that the doubles (and so the printed 4 decimals) are identical.

/// Discounted gain of `gains` (relevance values in rank order) over the first `cutoff` ranks:
/// the gain at rank r divided by log2(r + 1), non-positive gains ignored. trec_eval 9's formula;
/// trec_eval 8 left rank 1 undiscounted and divided by log2(r) after it.
double discounted_gain(const std::vector<int>& gains, std::size_t cutoff) {
    double sum = 0.0;
    const std::size_t n = std::min(cutoff, gains.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double gain = gains[i];
        if (gain > 0)
            sum += gain / std::log2(static_cast<double>(i + 2));
    }
    return sum;
}

struct Measure {
    const char* name;
    double TopicMetrics::*value;
};

// trec_eval's print order for these measures.
constexpr std::array<Measure, 8> measures{{
    {"map", &TopicMetrics::map},
    {"Rprec", &TopicMetrics::rprec},
    {"recip_rank", &TopicMetrics::recip_rank},
    {"P_5", &TopicMetrics::p5},
    {"P_10", &TopicMetrics::p10},
    {"recall_100", &TopicMetrics::recall100},
    {"recall_1000", &TopicMetrics::recall1000},
    {"ndcg_cut_10", &TopicMetrics::ndcg10},
}};

void write_line(std::ostream& out, const char* name, const std::string& qid, double value) {
    std::array<char, 64> number{};
    std::snprintf(number.data(), number.size(), "%6.4f", value);
    std::array<char, 32> padded{};
    std::snprintf(padded.data(), padded.size(), "%-22s", name);
    out << padded.data() << '\t' << qid << '\t' << number.data() << '\n';
}

nlohmann::json measures_json(const TopicMetrics& metrics) {
    nlohmann::json object = nlohmann::json::object();
    for (const Measure& measure : measures)
        object[measure.name] = metrics.*measure.value;
    return object;
}

} // namespace

TopicMetrics evaluate_topic(std::string_view qid, std::span<const RunEntry> ranking,
                            const Judgments& judgments) {
    std::vector<const RunEntry*> order;
    order.reserve(ranking.size());
    for (const RunEntry& entry : ranking)
        order.push_back(&entry);
    // Score descending, then document id descending: trec_eval's comp_sim_docno().
    std::sort(order.begin(), order.end(), [](const RunEntry* a, const RunEntry* b) {
        if (a->score != b->score)
            return a->score > b->score;
        return a->docid > b->docid;
    });
    std::vector<std::string_view> docids;
    docids.reserve(order.size());
    for (const RunEntry* entry : order)
        docids.push_back(entry->docid);
    std::sort(docids.begin(), docids.end());
    if (const auto twice = std::adjacent_find(docids.begin(), docids.end()); twice != docids.end())
        throw UsageError("evaluate: document '" + std::string(*twice) +
                         "' retrieved twice for topic '" + std::string(qid) + "'");

    // Relevance in rank order; unjudged documents count as -1 (non-relevant).
    std::vector<int> relevance;
    relevance.reserve(order.size());
    for (const RunEntry* entry : order) {
        const auto judgment = judgments.find(entry->docid);
        relevance.push_back(judgment == judgments.end() ? -1 : judgment->second);
    }
    std::vector<int> ideal;
    for (const auto& [docid, value] : judgments)
        if (value >= 1)
            ideal.push_back(value);
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    const std::size_t num_rel = ideal.size();

    TopicMetrics metrics;
    metrics.qid = std::string(qid);
    const auto relevant_within = [&](std::size_t cutoff) {
        const std::size_t n = std::min(cutoff, relevance.size());
        return static_cast<long>(std::count_if(relevance.begin(),
                                               relevance.begin() + static_cast<long>(n),
                                               [](int value) { return value >= 1; }));
    };
    const auto precision_at = [&](std::size_t cutoff) {
        return static_cast<double>(relevant_within(cutoff)) / static_cast<double>(cutoff);
    };
    const auto recall_at = [&](std::size_t cutoff) {
        if (num_rel == 0)
            return 0.0;
        return static_cast<double>(relevant_within(cutoff)) / static_cast<double>(num_rel);
    };

    long rel_so_far = 0;
    double precision_sum = 0.0;
    for (std::size_t i = 0; i < relevance.size(); ++i) {
        if (relevance[i] < 1)
            continue;
        ++rel_so_far;
        precision_sum += static_cast<double>(rel_so_far) / static_cast<double>(i + 1);
        if (rel_so_far == 1)
            metrics.recip_rank = 1.0 / static_cast<double>(i + 1);
    }
    if (rel_so_far > 0)
        metrics.map = precision_sum / static_cast<double>(num_rel);

    metrics.p5 = precision_at(5);
    metrics.p10 = precision_at(10);
    metrics.recall100 = recall_at(100);
    metrics.recall1000 = recall_at(1000);
    if (std::min(relevance.size(), num_rel) > 0)
        metrics.rprec =
            static_cast<double>(relevant_within(num_rel)) / static_cast<double>(num_rel);

    const double dcg = discounted_gain(relevance, 10);
    const double ideal_dcg = discounted_gain(ideal, 10);
    metrics.ndcg10 = ideal_dcg > 0.0 ? dcg / ideal_dcg : dcg;
    return metrics;
}

EvalReport evaluate(const Run& run, const Qrels& qrels) {
    EvalReport report;
    report.mean.qid = "all";
    for (const auto& [qid, judgments] : qrels.topics()) {
        if (!run.contains(qid))
            continue;
        report.per_topic.push_back(evaluate_topic(qid, run.entries(qid), judgments));
        const TopicMetrics& topic = report.per_topic.back();
        for (const Measure& measure : measures)
            report.mean.*measure.value += topic.*measure.value;
    }
    report.num_q = report.per_topic.size();
    if (report.num_q == 0)
        throw DataError("evaluate: no topic of the run has relevance judgments (" +
                        std::to_string(run.topic_ids().size()) + " run topics, " +
                        std::to_string(qrels.num_topics()) +
                        " judged topics): do they number their topics the same way?");
    for (const Measure& measure : measures)
        report.mean.*measure.value /= static_cast<double>(report.num_q);
    return report;
}

void write_trec_eval(std::ostream& out, const EvalReport& report, bool per_topic) {
    if (per_topic) {
        for (const TopicMetrics& topic : report.per_topic)
            for (const Measure& measure : measures)
                write_line(out, measure.name, topic.qid, topic.*measure.value);
    }
    std::array<char, 32> padded{};
    std::snprintf(padded.data(), padded.size(), "%-22s", "num_q");
    out << padded.data() << "\tall\t" << report.num_q << '\n';
    for (const Measure& measure : measures)
        write_line(out, measure.name, "all", report.mean.*measure.value);
}

std::string format_trec_eval(const EvalReport& report, bool per_topic) {
    std::ostringstream out;
    write_trec_eval(out, report, per_topic);
    return out.str();
}

nlohmann::json to_json(const EvalReport& report) {
    nlohmann::json per_topic = nlohmann::json::array();
    for (const TopicMetrics& topic : report.per_topic) {
        nlohmann::json object = measures_json(topic);
        object["qid"] = topic.qid;
        per_topic.push_back(std::move(object));
    }
    return nlohmann::json{
        {"num_q", report.num_q}, {"all", measures_json(report.mean)}, {"per_topic", per_topic}};
}

} // namespace newssearch::eval
