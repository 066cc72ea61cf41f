#include "eval/metrics.hpp"

#include "common/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
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

// Measures beyond the trec_eval command of metrics.hpp: in JSON and group tables only.
constexpr std::array<Measure, 3> extra_measures{{
    {"success_1", &TopicMetrics::success1},
    {"success_5", &TopicMetrics::success5},
    {"success_10", &TopicMetrics::success10},
}};

/// Sums and means of every measure, the trec_eval ones and the extra ones.
void add_measures(TopicMetrics& sum, const TopicMetrics& topic) {
    for (const Measure& measure : measures) sum.*measure.value += topic.*measure.value;
    for (const Measure& measure : extra_measures) sum.*measure.value += topic.*measure.value;
}

void divide_measures(TopicMetrics& sum, std::size_t count) {
    for (const Measure& measure : measures) sum.*measure.value /= static_cast<double>(count);
    for (const Measure& measure : extra_measures) sum.*measure.value /= static_cast<double>(count);
}

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
    for (const Measure& measure : extra_measures)
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
        if (rel_so_far == 1) {
            metrics.recip_rank = 1.0 / static_cast<double>(i + 1);
            metrics.success1 = i < 1 ? 1.0 : 0.0;
            metrics.success5 = i < 5 ? 1.0 : 0.0;
            metrics.success10 = i < 10 ? 1.0 : 0.0;
        }
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
        add_measures(report.mean, report.per_topic.back());
    }
    report.num_q = report.per_topic.size();
    if (report.num_q == 0)
        throw DataError("evaluate: no topic of the run has relevance judgments (" +
                        std::to_string(run.topic_ids().size()) + " run topics, " +
                        std::to_string(qrels.num_topics()) +
                        " judged topics): do they number their topics the same way?");
    divide_measures(report.mean, report.num_q);
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

std::map<std::string, std::string> read_groups(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw DataError("cannot read the groups file " + path);
    std::map<std::string, std::string> groups;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
            throw DataError(path + ":" + std::to_string(number) + ": expected 'qid<TAB>group'");
        groups[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return groups;
}

GroupReport group_means(const EvalReport& report, const std::map<std::string, std::string>& groups) {
    std::map<std::string, GroupReport::Group> by_name;
    for (const TopicMetrics& topic : report.per_topic) {
        const auto group = groups.find(topic.qid);
        if (group == groups.end()) continue;
        GroupReport::Group& entry = by_name[group->second];
        entry.name = group->second;
        entry.mean.qid = group->second;
        ++entry.num_q;
        add_measures(entry.mean, topic);
    }
    GroupReport result;
    for (auto& [name, group] : by_name) {
        divide_measures(group.mean, group.num_q);
        result.groups.push_back(std::move(group));
    }
    return result;
}

void write_group_table(std::ostream& out, const GroupReport& groups, const EvalReport& report) {
    const auto row = [&](const std::string& name, std::size_t num_q, const TopicMetrics& m) {
        std::array<char, 160> line{};
        std::snprintf(line.data(), line.size(), "%-14s %5zu %10.4f %9.4f %10.4f %6.4f %11.4f %6.4f\n", name.c_str(),
                      num_q, m.recip_rank, m.success1, m.success10, m.map, m.ndcg10, m.p10);
        out << line.data();
    };
    out << "group          num_q recip_rank success_1 success_10    map ndcg_cut_10   P_10\n";
    for (const GroupReport::Group& group : groups.groups) row(group.name, group.num_q, group.mean);
    row("all", report.num_q, report.mean);
}

nlohmann::json to_json(const GroupReport& groups) {
    nlohmann::json object = nlohmann::json::object();
    for (const GroupReport::Group& group : groups.groups) {
        nlohmann::json measures_of_group = measures_json(group.mean);
        measures_of_group["num_q"] = group.num_q;
        object[group.name] = std::move(measures_of_group);
    }
    return object;
}

} // namespace newssearch::eval
