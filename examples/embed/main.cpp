// embed_example INDEX QUERY [FILE_OR_FOLDER...]: indexes the files and folders given (scraped
// .txt pages, .jsonl articles) into INDEX, then searches it and prints the best hits with the
// matched words in [brackets].
#include <newssearch/newssearch.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: embed_example INDEX QUERY [FILE_OR_FOLDER...]\n";
        return 2;
    }
    try {
        if (argc > 3) {
            newssearch::Index index(argv[1]);
            const newssearch::IndexSummary summary = index.add_files({argv + 3, argv + argc});
            std::cout << "indexed " << summary.added + summary.updated << " articles\n";
        }
        newssearch::Searcher searcher(argv[1]);
        const newssearch::SearchResults results = searcher.search({.query = argv[2], .limit = 3});
        for (const newssearch::Hit& hit : results.hits) {
            std::cout << hit.rank << ". " << hit.article.title << " (" << hit.article.source << ")\n   ";
            std::size_t at = 0;
            for (const newssearch::ByteRange& mark : hit.highlights) {
                std::cout << hit.snippet.substr(at, mark.begin - at) << '['
                          << hit.snippet.substr(mark.begin, mark.end - mark.begin) << ']';
                at = mark.end;
            }
            std::cout << hit.snippet.substr(at) << '\n';
        }
        std::cout << results.total_estimate << " matching articles\n";
    } catch (const newssearch::Error& e) {
        std::cerr << "embed_example: " << e.what() << '\n';
        return 1;
    }
}
