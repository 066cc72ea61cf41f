// xapian_write_cost: how much CPU Xapian itself needs to write an index's documents, whoever made
// them. Every document of SOURCE is copied into memory (terms, wdf, positions, values, data) in
// batches of 2,500, and each batch is added to a fresh database at DEST in one transaction,
// newssearch's commit interval. Only the adding and committing is timed (thread CPU), so the
// same program on newssearch's index and on scriptindex's index of the same articles says how
// much of the writing cost comes from what each index holds (docs/BENCHMARKS.md, "Indexing").
//
//   xapian_write_cost SOURCE DEST        (DEST is deleted first)

#include <xapian.h>

#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <vector>

namespace {

constexpr std::size_t batch_size = 2500;

double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

/// A memory-resident copy of a stored document: adding it reads nothing from the source.
Xapian::Document copy_of(const Xapian::Document& stored) {
    Xapian::Document copy;
    copy.set_data(stored.get_data());
    for (auto term = stored.termlist_begin(); term != stored.termlist_end(); ++term) {
        Xapian::termcount positions = 0;
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position, ++positions)
            copy.add_posting(*term, *position, 0);
        if (term.get_wdf() > positions) copy.add_term(*term, term.get_wdf() - positions);
        else if (positions == 0) copy.add_boolean_term(*term);
    }
    for (auto value = stored.values_begin(); value != stored.values_end(); ++value)
        copy.add_value(value.get_valueno(), *value);
    return copy;
}

} // namespace

int main(int argc, char** argv) try {
    if (argc != 3) {
        std::fprintf(stderr, "usage: xapian_write_cost SOURCE DEST\n");
        return 2;
    }
    const Xapian::Database source(argv[1]);
    std::filesystem::remove_all(argv[2]);
    Xapian::WritableDatabase dest(argv[2], Xapian::DB_CREATE);
    double writing = 0;
    std::size_t documents = 0;
    std::vector<Xapian::Document> batch;
    const auto write_batch = [&] {
        const double start = thread_cpu_seconds();
        dest.begin_transaction();
        for (const Xapian::Document& document : batch) dest.add_document(document);
        dest.commit_transaction();
        writing += thread_cpu_seconds() - start;
        documents += batch.size();
        batch.clear();
    };
    for (auto docid = source.postlist_begin(""); docid != source.postlist_end(""); ++docid) {
        batch.push_back(copy_of(source.get_document(*docid)));
        if (batch.size() == batch_size) write_batch();
    }
    write_batch();
    const double start = thread_cpu_seconds();
    dest.close();
    writing += thread_cpu_seconds() - start;
    std::printf("%s: %zu documents, Xapian writing %.1f s CPU\n", argv[1], documents, writing);
    return 0;
} catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian_write_cost: %s\n", e.get_description().c_str());
    return 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "xapian_write_cost: %s\n", e.what());
    return 1;
}
