#include "eval/run_file.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <unordered_map>

namespace newssearch::eval {

void Run::add(std::string_view qid, RunEntry entry) {
    if (qid.empty() || text::has_space(qid))
        throw UsageError("run: topic id '" + std::string(qid) + "' is empty or has whitespace");
    if (entry.docid.empty() || text::has_space(entry.docid))
        throw UsageError("run: document id '" + entry.docid + "' is empty or has whitespace");
    if (entry.tag.empty() || text::has_space(entry.tag))
        throw UsageError("run: tag '" + entry.tag + "' is empty or has whitespace");
    if (std::isnan(entry.score))
        throw UsageError("run: score of document '" + entry.docid + "' is NaN");
    auto topic = topics_.find(qid);
    if (topic == topics_.end()) {
        topic = topics_.emplace(std::string(qid), Topic{}).first;
        order_.emplace_back(qid);
    }
    if (!topic->second.docids.insert(entry.docid).second)
        throw UsageError("run: document '" + entry.docid + "' listed twice for topic '" +
                         std::string(qid) + "'");
    topic->second.entries.push_back(std::move(entry));
    ++size_;
}

std::span<const RunEntry> Run::entries(std::string_view qid) const {
    const auto topic = topics_.find(qid);
    if (topic == topics_.end())
        return {};
    return topic->second.entries;
}

bool Run::contains(std::string_view qid) const {
    return topics_.find(qid) != topics_.end();
}

Run parse_run(std::istream& in, std::string_view source) {
    Run run;
    std::string line;
    std::vector<std::string_view> fields;
    // (qid, docid) -> line of first appearance, to name both lines of a duplicate.
    std::unordered_map<std::string, std::size_t> first_line;
    std::size_t line_number = 0;
    while (text::read_line(in, line)) {
        ++line_number;
        const std::string_view content = text::trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        text::split_fields(content, fields);
        if (fields.size() != 6)
            throw DataError(
                text::located(source, line_number,
                                "expected 6 fields 'qid Q0 docid rank score tag', found " +
                                    std::to_string(fields.size())));
        const auto rank = text::to_integer<long>(fields[3]);
        if (!rank)
            throw DataError(text::located(
                source, line_number, "rank '" + std::string(fields[3]) + "' is not an integer"));
        const auto score = text::to_double(fields[4]);
        if (!score || std::isnan(*score))
            throw DataError(text::located(
                source, line_number, "score '" + std::string(fields[4]) + "' is not a number"));
        std::string key;
        key.reserve(fields[0].size() + fields[2].size() + 1);
        key.append(fields[0]).append(1, ' ').append(fields[2]);
        const auto [seen, inserted] = first_line.emplace(std::move(key), line_number);
        if (!inserted)
            throw DataError(text::located(source, line_number,
                                            "document '" + std::string(fields[2]) +
                                                "' listed twice for topic '" +
                                                std::string(fields[0]) + "' (first at line " +
                                                std::to_string(seen->second) + ")"));
        run.add(fields[0], RunEntry{std::string(fields[2]), *rank, *score, std::string(fields[5])});
    }
    if (in.bad())
        throw DataError(std::string(source) + ": read error");
    return run;
}

Run read_run(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path.string() + ": cannot open run file");
    return parse_run(in, path.string());
}

std::string format_score(double score) {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), score);
    // 64 bytes hold any double's shortest form; an error here would be a library bug.
    if (ec != std::errc{})
        return std::to_string(score);
    return std::string(buffer.data(), end);
}

void write_run(std::ostream& out, const Run& run) {
    std::string line;
    for (const std::string& qid : run.topic_ids()) {
        for (const RunEntry& entry : run.entries(qid)) {
            line.clear();
            line.append(qid).append(" Q0 ").append(entry.docid).append(" ");
            line.append(std::to_string(entry.rank)).append(" ");
            line.append(format_score(entry.score)).append(" ").append(entry.tag).append("\n");
            out << line;
        }
    }
}

void write_run_file(const std::filesystem::path& path, const Run& run) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw DataError(path.string() + ": cannot create run file");
    write_run(out, run);
    out.flush();
    if (!out)
        throw DataError(path.string() + ": write error");
}

} // namespace newssearch::eval
