// duplicate_pairs: how well the near-duplicate fingerprints of an index (common/near_duplicate.hpp)
// find labelled pairs of copies. For each fingerprint distance 0..8 it counts the article pairs
// within that distance, and their precision and recall against the labels.
//
//   duplicate_pairs DB LABELS
//
// LABELS: "id<TAB>id[<TAB>anything]" lines, '#' comments (corpus/eval/bbc-duplicate-pairs.tsv).
// All pairs are compared (n^2 / 2 XORs: a few million for BBC, well under a second).

#include "common/near_duplicate.hpp"
#include "common/schema.hpp"

#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: duplicate_pairs DB LABELS\n";
        return 2;
    }
    try {
        const Xapian::Database database(argv[1]);
        std::vector<std::pair<std::string, std::uint64_t>> articles;
        std::size_t without = 0;
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
            const Xapian::Document document = database.get_document(*it);
            const auto fingerprint =
                newssearch::parse_fingerprint(document.get_value(newssearch::schema::slot_fingerprint));
            if (fingerprint) articles.emplace_back(document.get_value(newssearch::schema::slot_article_id), *fingerprint);
            else ++without;
        }
        std::set<std::pair<std::string, std::string>> labelled;
        std::ifstream labels(argv[2]);
        if (!labels) throw std::runtime_error(std::string("cannot read ") + argv[2]);
        for (std::string line; std::getline(labels, line);) {
            if (line.empty() || line[0] == '#') continue;
            const std::size_t tab = line.find('\t');
            const std::size_t end = line.find('\t', tab + 1);
            std::string a = line.substr(0, tab), b = line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1);
            if (b < a) std::swap(a, b);
            labelled.emplace(a, b);
        }
        constexpr int max_distance = 16;
        std::vector<std::size_t> found(max_distance + 1), correct(max_distance + 1);
        for (std::size_t i = 0; i < articles.size(); ++i)
            for (std::size_t j = i + 1; j < articles.size(); ++j) {
                const int distance = newssearch::fingerprint_distance(articles[i].second, articles[j].second);
                if (distance > max_distance) continue;
                std::string a = articles[i].first, b = articles[j].first;
                if (b < a) std::swap(a, b);
                const bool is_labelled = labelled.contains({a, b});
                for (int k = distance; k <= max_distance; ++k) {
                    ++found[static_cast<std::size_t>(k)];
                    if (is_labelled) ++correct[static_cast<std::size_t>(k)];
                }
            }
        std::printf("%zu articles with a fingerprint, %zu without; %zu labelled pairs\n", articles.size(), without,
                    labelled.size());
        std::printf("distance  pairs  correct  precision  recall\n");
        for (int k = 0; k <= max_distance; ++k) {
            const auto at = static_cast<std::size_t>(k);
            std::printf("%8d %6zu %8zu %10.3f %7.3f%s\n", k, found[at], correct[at],
                        found[at] ? static_cast<double>(correct[at]) / static_cast<double>(found[at]) : 1.0,
                        labelled.empty() ? 0.0 : static_cast<double>(correct[at]) / static_cast<double>(labelled.size()),
                        k == newssearch::max_duplicate_distance ? "   <- newssearch's threshold" : "");
        }
    } catch (const std::exception& e) {
        std::cerr << "duplicate_pairs: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "duplicate_pairs: " << e.get_description() << '\n';
        return 1;
    }
}
