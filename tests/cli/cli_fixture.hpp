#pragma once
// Shared helpers of the end-to-end tests: a temporary index of the bundled corpus.

#include "../unit/temp_dir.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace newssearch::test {

inline const std::string corpus_raw = std::string(NEWSSEARCH_CORPUS_DIR) + "/raw";

/// A temporary index built from the bundled corpus by the real `newssearch index`.
class CorpusIndex {
  public:
    CorpusIndex() {
        const CommandResult result = run_newssearch({"index", "--db", db(), corpus_raw});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
    }
    [[nodiscard]] std::string db() const { return dir_ / "db"; }
    [[nodiscard]] const TempDir& dir() const { return dir_; }

    /// `newssearch --db DB --json ARGS...`, parsed.
    [[nodiscard]] nlohmann::json search_json(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db(), "--json"});
        const CommandResult result = run_newssearch(args);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out);
    }

  private:
    TempDir dir_;
};

/// Article ids of a JSON result, in rank order.
inline std::vector<std::string> article_ids(const nlohmann::json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["hits"]) ids.push_back(hit["article_id"]);
    return ids;
}

/// The highlighted parts of a hit's snippet.
inline std::vector<std::string> highlighted(const nlohmann::json& hit) {
    std::vector<std::string> parts;
    const std::string text = hit["snippet"]["text"];
    for (const auto& range : hit["snippet"]["highlights"]) {
        const std::size_t begin = range[0];
        const std::size_t end = range[1];
        parts.push_back(text.substr(begin, end - begin));
    }
    return parts;
}

} // namespace newssearch::test
