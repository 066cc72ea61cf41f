#include "eval/qrels.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <fstream>
#include <vector>

namespace newssearch::eval {

void Qrels::add(std::string_view qid, std::string_view docid, int relevance) {
    if (qid.empty() || text::has_space(qid))
        throw UsageError("qrels: topic id '" + std::string(qid) + "' is empty or has whitespace");
    if (docid.empty() || text::has_space(docid))
        throw UsageError("qrels: document id '" + std::string(docid) +
                         "' is empty or has whitespace");
    auto topic = topics_.find(qid);
    if (topic == topics_.end())
        topic = topics_.emplace(std::string(qid), Judgments{}).first;
    if (!topic->second.emplace(std::string(docid), relevance).second)
        throw UsageError("qrels: document '" + std::string(docid) + "' judged twice for topic '" +
                         std::string(qid) + "'");
    ++size_;
}

const Judgments* Qrels::find(std::string_view qid) const {
    const auto topic = topics_.find(qid);
    return topic == topics_.end() ? nullptr : &topic->second;
}

std::optional<int> Qrels::relevance(std::string_view qid, std::string_view docid) const {
    const Judgments* judgments = find(qid);
    if (judgments == nullptr)
        return std::nullopt;
    const auto judgment = judgments->find(docid);
    if (judgment == judgments->end())
        return std::nullopt;
    return judgment->second;
}

std::size_t Qrels::num_relevant(std::string_view qid) const {
    const Judgments* judgments = find(qid);
    if (judgments == nullptr)
        return 0;
    std::size_t count = 0;
    for (const auto& [docid, relevance] : *judgments)
        if (relevance >= 1)
            ++count;
    return count;
}

Qrels parse_qrels(std::istream& in, std::string_view source) {
    Qrels qrels;
    std::string line;
    std::vector<std::string_view> fields;
    std::size_t line_number = 0;
    while (text::read_line(in, line)) {
        ++line_number;
        const std::string_view content = text::trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        text::split_fields(content, fields);
        if (fields.size() != 4)
            throw DataError(text::located(source, line_number,
                                            "expected 4 fields 'qid iter docid relevance', found " +
                                                std::to_string(fields.size())));
        const auto relevance = text::to_integer<int>(fields[3]);
        if (!relevance)
            throw DataError(
                text::located(source, line_number,
                                "relevance '" + std::string(fields[3]) + "' is not an integer"));
        if (qrels.relevance(fields[0], fields[2]))
            throw DataError(text::located(source, line_number,
                                            "document '" + std::string(fields[2]) +
                                                "' judged twice for topic '" +
                                                std::string(fields[0]) + "'"));
        qrels.add(fields[0], fields[2], *relevance);
    }
    if (in.bad())
        throw DataError(std::string(source) + ": read error");
    return qrels;
}

Qrels read_qrels(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path.string() + ": cannot open qrels file");
    return parse_qrels(in, path.string());
}

} // namespace newssearch::eval
