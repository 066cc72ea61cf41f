#include "common/entities/conll.hpp"

#include "common/entities/analysed_text.hpp"
#include "common/entities/gazetteer_matcher.hpp"
#include "common/entities/name_normalizer.hpp"
#include "common/entities/name_tagger.hpp"
#include "common/errors.hpp"

#include <ostream>

namespace newssearch::entities {
namespace {

/// The type (0-3) of a CoNLL tag, -1 for O, -2 for no tag at all.
int type_of_tag(std::string_view tag) {
    if (tag == "O")
        return -1;
    if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')
        return -2;
    for (int type = 0; type < 4; ++type)
        if (tag.substr(2) == conll_type_name(type))
            return type;
    return -2;
}

std::vector<std::string_view> columns(std::string_view line) {
    std::vector<std::string_view> found;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
            ++at;
        std::size_t end = at;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        if (end > at)
            found.push_back(line.substr(at, end - at));
        at = end;
    }
    return found;
}

bool attaches_left(std::string_view word) {
    if (word.size() == 1 && std::string_view(",.;:!?)]}%").find(word[0]) != std::string_view::npos)
        return true;
    return word == "'s" || word == "'S" || word == "n't" || word == "'re" || word == "'ve" ||
           word == "'ll" || word == "'d" || word == "'m" || word == "''" || word == "...";
}

bool attaches_right(std::string_view word) {
    return word == "(" || word == "[" || word == "{" || word == "``";
}

/// The CoNLL type (0-3) a mention is reported as.
int conll_type(const EntityMention& mention) {
    return mention.adjective ? 3 : detail::conll_type(mention.type);
}

} // namespace

ConllFile parse_conll(std::string_view text, std::string_view source) {
    ConllFile file;
    ConllDocument document;
    std::vector<ConllToken> sentence;
    const auto end_sentence = [&] {
        if (!sentence.empty())
            document.sentences.push_back(std::move(sentence));
        sentence.clear();
    };
    const auto end_document = [&] {
        end_sentence();
        if (!document.sentences.empty())
            file.documents.push_back(std::move(document));
        document = {};
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        file.lines.emplace_back(line);
        const std::vector<std::string_view> fields = columns(line);
        if (fields.empty()) {
            end_sentence();
            continue;
        }
        if (fields.front() == "-DOCSTART-") {
            end_document();
            continue;
        }
        if (fields.size() < 2 || type_of_tag(fields.back()) == -2)
            throw DataError(std::string(source) + ":" + std::to_string(file.lines.size()) +
                            ": expected a token and a tag (O, B-PER, I-LOC ...) last");
        sentence.push_back({file.lines.size() - 1, std::string(fields.front()),
                            std::string(fields.back())});
    }
    end_document();
    return file;
}

ConllSentenceText join_tokens(const std::vector<ConllToken>& tokens) {
    ConllSentenceText joined;
    bool glue = true;
    bool quote_open = false;
    for (const ConllToken& token : tokens) {
        const std::string_view word = token.word;
        bool left = attaches_left(word);
        bool right = attaches_right(word);
        if (word == "\"") {
            left = quote_open;
            right = !quote_open;
            quote_open = !quote_open;
        }
        if (!glue && !left)
            joined.text += ' ';
        const std::size_t begin = joined.text.size();
        joined.text += word;
        joined.tokens.emplace_back(begin, joined.text.size());
        glue = right;
    }
    return joined;
}

void write_conll_predictions(const ConllFile& file, const EntityRecognizer& recognizer,
                             std::ostream& out) {
    std::vector<std::string> predicted(file.lines.size());
    for (const ConllDocument& document : file.documents) {
        std::vector<ConllSentenceText> sentences;
        std::vector<std::string_view> parts;
        for (const auto& sentence : document.sentences)
            sentences.push_back(join_tokens(sentence));
        for (const ConllSentenceText& sentence : sentences)
            parts.emplace_back(sentence.text);
        const auto mentions = recognizer.recognize_document(parts);
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            const auto& tokens = document.sentences[s];
            const auto& found = mentions[s];
            std::size_t m = 0;
            const EntityMention* previous = nullptr;
            for (std::size_t t = 0; t < tokens.size(); ++t) {
                const auto [begin, end] = sentences[s].tokens[t];
                while (m < found.size() && found[m].end <= begin)
                    ++m;
                const EntityMention* mention =
                    m < found.size() && found[m].begin < end ? &found[m] : nullptr;
                std::string tag = "O";
                if (mention)
                    tag = std::string(mention == previous ? "I-" : "B-") +
                          std::string(conll_type_name(conll_type(*mention)));
                predicted[tokens[t].line] = std::move(tag);
                previous = mention;
            }
        }
    }
    for (std::size_t i = 0; i < file.lines.size(); ++i) {
        out << file.lines[i];
        if (!predicted[i].empty())
            out << ' ' << predicted[i];
        out << '\n';
    }
}

EntityTagger train_entity_tagger(const ConllFile& file, const Gazetteer& gazetteer, int epochs,
                                 std::ostream* log) {
    const NameNormalizer& normalizer = NameNormalizer::for_this_thread();
    std::vector<detail::TrainingDocument> documents(file.documents.size());
    for (std::size_t d = 0; d < file.documents.size(); ++d) {
        const ConllDocument& source = file.documents[d];
        detail::TrainingDocument& document = documents[d];
        std::vector<ConllSentenceText> sentences;
        for (const auto& sentence : source.sentences) {
            sentences.push_back(join_tokens(sentence));
            document.parts.push_back(sentences.back().text);
        }
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            document.texts.push_back(
                detail::analyse(document.parts[s], detail::Mode::article, normalizer));
            detail::collect_lower_case_terms(document.texts.back(), document.lower_case_terms);
            document.matches.push_back(
                detail::match_gazetteer(document.texts.back(), gazetteer, detail::Mode::article));
        }
        detail::resolve_shared_aliases(document.matches);

        // Gold tags per word: the tag of the token the word starts in, B- where a name starts
        // (IOB1: at B-, or at I- after another type) or a sentence does.
        for (std::size_t s = 0; s < sentences.size(); ++s) {
            const auto& tokens = source.sentences[s];
            std::vector<int> chunk(tokens.size(), -1);
            int chunks = 0;
            int previous_type = -1;
            for (std::size_t t = 0; t < tokens.size(); ++t) {
                const int type = type_of_tag(tokens[t].gold);
                if (type >= 0) {
                    if (tokens[t].gold[0] == 'B' || type != previous_type)
                        ++chunks;
                    chunk[t] = chunks;
                }
                previous_type = type;
            }
            const std::vector<detail::Word>& words = document.texts[s].words;
            std::vector<int> gold(words.size(), 0);
            std::size_t t = 0;
            int previous_chunk = -1;
            for (std::size_t i = 0; i < words.size(); ++i) {
                while (t + 1 < tokens.size() && sentences[s].tokens[t].second <= words[i].begin)
                    ++t;
                const int type = type_of_tag(tokens[t].gold);
                if (type < 0) {
                    previous_chunk = -1;
                    continue;
                }
                const bool starts = chunk[t] != previous_chunk ||
                                    (i > 0 && words[i].sentence != words[i - 1].sentence);
                gold[i] = starts ? 1 + 2 * type : 2 + 2 * type;
                previous_chunk = chunk[t];
            }
            document.gold.push_back(std::move(gold));
        }
    }
    return detail::train_tagger(documents, gazetteer, detail::TrainingOptions{.epochs = epochs},
                                log);
}

} // namespace newssearch::entities
