#pragma once
// Articles and an index for the library API tests, built through the public API only.

#include "../temp_dir.hpp"

#include <newssearch/newssearch.hpp>

#include <string>
#include <vector>

namespace newssearch::test {

inline Article article(const std::string& id, const std::string& title, std::vector<std::string> paragraphs,
                       const std::string& date = "", const std::string& source = "Example News") {
    Article a;
    a.id = id;
    a.title = title;
    a.date = date;
    a.source = source;
    a.url = "https://example.com/" + id;
    for (auto& text : paragraphs) a.paragraphs.push_back({std::move(text), false});
    return a;
}

/// The marked words of a hit's snippet, "[word][word]".
inline std::string marked(const Hit& hit) {
    std::string out;
    for (const ByteRange& range : hit.highlights) out += "[" + hit.snippet.substr(range.begin, range.end - range.begin) + "]";
    return out;
}

/// The bundled corpus (corpus/raw, with its gazetteer), indexed through Index::add_files.
class CorpusIndex {
  public:
    CorpusIndex() {
        Index index(path());
        AddFilesOptions options;
        options.gazetteer_path = std::string(NEWSSEARCH_CORPUS_DIR) + "/entities.tsv";
        summary_ = index.add_files({std::string(NEWSSEARCH_CORPUS_DIR) + "/raw"}, options);
    }
    [[nodiscard]] std::string path() const { return dir_ / "db"; }
    [[nodiscard]] const IndexSummary& summary() const { return summary_; }

  private:
    TempDir dir_;
    IndexSummary summary_;
};

} // namespace newssearch::test
