#pragma once
/// CoNLL-2003 named-entity files: measuring the recogniser on them and training its tagger from
/// them. A file holds one token a line (token first, gold tag last, columns separated by spaces),
/// a blank line between sentences and a "-DOCSTART-" line between articles. Each article is
/// written back as text (tokens joined as news text writes them: "Blair 's" -> "Blair's", no
/// space before a comma), one part per sentence, and read by the very recogniser indexing uses.

#include "common/entities/entity_recognizer.hpp"
#include "common/entities/entity_tagger.hpp"
#include "common/entities/gazetteer.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::entities {

/// One token line of a CoNLL file.
struct ConllToken {
    std::size_t line = 0; ///< index into ConllFile::lines
    std::string word;     ///< the first column
    std::string gold;     ///< the last column (IOB1 or IOB2 tag)
};

/// One article: its sentences of tokens.
struct ConllDocument {
    std::vector<std::vector<ConllToken>> sentences;
};

struct ConllFile {
    std::vector<std::string> lines; ///< every line as read, without its line end
    std::vector<ConllDocument> documents;
};

/// Reads a CoNLL file's text. `source` names it in errors (DataError: a token line whose tag
/// column is not O, B-X or I-X).
[[nodiscard]] ConllFile parse_conll(std::string_view text, std::string_view source);

/// A sentence written back as text, and the byte range of each token in it.
struct ConllSentenceText {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> tokens; ///< [begin, end) per token
};

/// `tokens` joined as news text writes them: no space before closing punctuation and "'s", none
/// after an opening bracket or quote.
[[nodiscard]] ConllSentenceText join_tokens(const std::vector<ConllToken>& tokens);

/// Every line of `file` with the tag `recognizer` predicts appended as one more column (IOB2:
/// PER, LOC, ORG, MISC from person, place, organisation, other; a gazetteer adjective such as
/// "American" is MISC); blank and -DOCSTART- lines as they came. Articles are recognised one at
/// a time with recognize_document, one part per sentence.
void write_conll_predictions(const ConllFile& file, const EntityRecognizer& recognizer,
                             std::ostream& out);

/// A tagger trained on `file`'s gold tags, with `gazetteer`'s names as features; `epochs` passes;
/// one progress line per pass on `log` when not null.
[[nodiscard]] EntityTagger train_entity_tagger(const ConllFile& file, const Gazetteer& gazetteer,
                                               int epochs, std::ostream* log);

} // namespace newssearch::entities
