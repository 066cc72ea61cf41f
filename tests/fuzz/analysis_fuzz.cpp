// Any bytes through the analysis pipeline the indexer, the query side and the highlighter share:
// word and sentence boundaries, folding, query normalisation, and entity recognition with the
// bundled gazetteer. Offsets must stay inside the text, sorted, and never overlap.
#include "fuzz_check.hpp"

#include "common/analyzer.hpp"
#include "common/entities/entity_recognizer.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/text_fold.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace newssearch;

const entities::EntityRecognizer& recognizer() {
    static const entities::EntityRecognizer instance(std::make_shared<const entities::Gazetteer>(
        entities::Gazetteer::load(NEWSSEARCH_CORPUS_DIR "/entities.tsv")));
    return instance;
}

void check_mentions(const std::vector<entities::EntityMention>& mentions, std::size_t size) {
    std::size_t previous_end = 0;
    for (const entities::EntityMention& mention : mentions) {
        FUZZ_CHECK(mention.begin < mention.end && mention.end <= size, "a mention lies in the text");
        FUZZ_CHECK(mention.begin >= previous_end, "mentions are sorted and never overlap");
        FUZZ_CHECK(!mention.key.empty(), "a mention has a key");
        previous_end = mention.end;
    }
}

// The text split at line breaks, as an article's parts (title, paragraphs).
std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> parts;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        parts.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return parts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Analyzer analyzer;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::size_t previous_end = 0;
    for (const Token& token : analyzer.tokenize(text)) {
        FUZZ_CHECK(!token.term.empty(), "a token has a term");
        FUZZ_CHECK(token.begin < token.end && token.end <= size, "a token lies in the text");
        FUZZ_CHECK(token.begin >= previous_end, "tokens are sorted and never overlap");
        previous_end = token.end;
        (void)analyzer.stem(token.term);
    }
    previous_end = 0;
    for (const ByteRange& sentence : analyzer.sentences(text)) {
        FUZZ_CHECK(sentence.begin < sentence.end && sentence.end <= size, "a sentence lies in the text");
        FUZZ_CHECK(sentence.begin >= previous_end, "sentences are sorted and never overlap");
        previous_end = sentence.end;
    }
    (void)fold_word(text.substr(0, 2 * max_word_bytes));
    (void)plain_punctuation(text);
    (void)analyzer.normalize_query(text);
    (void)analyzer.filter_form(text);

    check_mentions(recognizer().recognize(text), size);
    check_mentions(recognizer().recognize_query(text), size);
    const std::vector<std::string_view> parts = lines(text);
    const auto per_part = recognizer().recognize_document(parts);
    FUZZ_CHECK(per_part.size() == parts.size(), "one mention list per part");
    for (std::size_t i = 0; i < parts.size(); ++i) check_mentions(per_part[i], parts[i].size());
    return 0;
}
