// plain_xapian_bm25: the baseline newssearch's ranking is compared with (docs/EVALUATION.md).
// Plain Xapian as its documentation shows it: TermGenerator with the English stemmer over title
// and text, one Xapian document per article, QueryParser with the English stemmer, default
// BM25Weight. It writes TREC runs, which `newssearch eval --run` scores like any other run.
//
//   plain_xapian_bm25 index --db DIR (--smart FILE [--naive-smart] | --articles FILE.json)
//   plain_xapian_bm25 batch --db DIR --topics FILE [--number-by-position] [--depth N] [--run-tag T]
//
// --articles reads the JSON array `newssearch clean` prints (title, paragraphs, captions).
// Topics are read by newssearch's reader (SMART: title + text); each query has every ASCII
// character other than a letter or digit replaced by a space before QueryParser sees it, as the
// runs in shared/data/trec_eval-reference were made. --naive-smart reads SMART files the way
// those runs did: every field marker starts a new field, so Cranfield 240's stray ".A" ends its
// text there (newssearch keeps the whole abstract). With both, this program reproduces the
// reference runs exactly.

#include "eval/run_file.hpp"
#include "extract/smart_reader.hpp"
#include "eval/topics.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

using newssearch::eval::Run;
using newssearch::eval::RunEntry;

struct Options {
    std::string command, db, smart, articles, topics, run_tag = "xapian-bm25";
    bool naive_smart = false, number_by_position = false;
    Xapian::doccount depth = 1000;
};

[[noreturn]] void usage(const std::string& message) {
    std::cerr << "plain_xapian_bm25: " << message << "\n"
              << "usage: plain_xapian_bm25 index --db DIR (--smart FILE [--naive-smart] | --articles FILE)\n"
              << "       plain_xapian_bm25 batch --db DIR --topics FILE [--number-by-position] [--depth N] "
                 "[--run-tag TAG]\n";
    std::exit(2);
}

Options parse(int argc, char** argv) {
    if (argc < 2) usage("no command");
    Options options;
    options.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--db") options.db = value();
        else if (arg == "--smart") options.smart = value();
        else if (arg == "--articles") options.articles = value();
        else if (arg == "--topics") options.topics = value();
        else if (arg == "--run-tag") options.run_tag = value();
        else if (arg == "--depth") options.depth = static_cast<Xapian::doccount>(std::stoul(value()));
        else if (arg == "--naive-smart") options.naive_smart = true;
        else if (arg == "--number-by-position") options.number_by_position = true;
        else usage("unknown option " + arg);
    }
    if (options.db.empty()) usage("--db is required");
    return options;
}

struct PlainDocument {
    std::string id, title, text;
};

/// SMART records read naively: a marker line starts that field (appending to it if it was seen).
std::vector<PlainDocument> read_naive_smart(const std::string& path) {
    std::ifstream in(path);
    if (!in) usage("cannot read " + path);
    std::vector<PlainDocument> documents;
    std::map<char, std::string> fields;
    char field = '\0';
    const auto flush = [&] {
        if (!documents.empty()) {
            documents.back().title = fields['T'];
            documents.back().text = fields['W'];
        }
        fields.clear();
    };
    for (std::string line; std::getline(in, line);) {
        if (line.size() >= 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' &&
            (line.size() == 2 || line[2] == ' ' || line[2] == '\t' || line[2] == '\r')) {
            if (line[1] == 'I') {
                flush();
                std::string id = line.substr(3);
                while (!id.empty() && (id.back() == ' ' || id.back() == '\r')) id.pop_back();
                documents.push_back({id, {}, {}});
            }
            field = line[1];
            continue;
        }
        fields[field] += line + "\n";
    }
    flush();
    return documents;
}

std::vector<PlainDocument> read_documents(const Options& options) {
    std::vector<PlainDocument> documents;
    if (!options.smart.empty()) {
        if (options.naive_smart) return read_naive_smart(options.smart);
        newssearch::extract::read_smart_collection(options.smart, [&](newssearch::extract::SmartDocument&& record) {
            documents.push_back({record.id, record.title, record.text});
        });
        return documents;
    }
    if (options.articles.empty()) usage("index needs --smart FILE or --articles FILE");
    std::ifstream in(options.articles);
    if (!in) usage("cannot read " + options.articles);
    for (const auto& article : nlohmann::json::parse(in)) {
        PlainDocument document{article.at("id"), article.value("title", ""), {}};
        for (const auto& paragraph : article.value("paragraphs", nlohmann::json::array()))
            document.text += paragraph.value("text", "") + "\n\n";
        for (const auto& caption : article.value("captions", nlohmann::json::array()))
            document.text += caption.value("text", "") + "\n\n";
        documents.push_back(std::move(document));
    }
    return documents;
}

void index(const Options& options) {
    Xapian::WritableDatabase database(options.db, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (const PlainDocument& plain : read_documents(options)) {
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(plain.title);
        generator.increase_termpos();
        generator.index_text(plain.text);
        document.set_data(plain.id);
        document.add_boolean_term("Q" + plain.id);
        database.replace_document("Q" + plain.id, document);
    }
    database.commit();
}

/// Every ASCII character other than a letter or digit becomes a space (UTF-8 bytes are kept).
std::string words_only(std::string text) {
    for (char& c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!keep) c = ' ';
    }
    return text;
}

void batch(const Options& options) {
    if (options.topics.empty()) usage("batch needs --topics FILE");
    newssearch::eval::TopicReadOptions read;
    read.number_by_position = options.number_by_position;
    const auto topics = newssearch::eval::read_topics(options.topics, read);

    Xapian::Database database(options.db);
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_database(database);
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Run run;
    for (const auto& topic : topics) {
        enquire.set_query(parser.parse_query(words_only(topic.query)));
        const Xapian::MSet mset = enquire.get_mset(0, options.depth);
        long rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            run.add(topic.id, RunEntry{it.get_document().get_data(), ++rank, it.get_weight(), options.run_tag});
    }
    newssearch::eval::write_run(std::cout, run);
}

} // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse(argc, argv);
        if (options.command == "index") index(options);
        else if (options.command == "batch") batch(options);
        else usage("unknown command " + options.command);
    } catch (const std::exception& e) {
        std::cerr << "plain_xapian_bm25: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "plain_xapian_bm25: " << e.get_description() << '\n';
        return 1;
    }
    return 0;
}
