#include "indexer/passage_splitter.hpp"

#include "common/text.hpp"

#include <algorithm>

namespace newssearch::indexer {
namespace {

struct Sentence {
    ByteRange range;
    std::size_t words = 0;
    bool heading = false;
};

std::vector<Sentence> body_sentences(const Article& article, const BodyCuts& body) {
    const std::vector<Token>& tokens = body.tokens;
    std::vector<Sentence> sentences;
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        const Paragraph& paragraph = article.paragraphs[p];
        const std::size_t paragraph_begin = body.paragraph_begin[p];
        if (paragraph.heading) {
            sentences.push_back({ByteRange{paragraph_begin, paragraph_begin + paragraph.text.size()}, 0, true});
        } else {
            for (const ByteRange& range : body.paragraph_sentences[p])
                sentences.push_back({ByteRange{paragraph_begin + range.begin, paragraph_begin + range.end}, 0, false});
        }
    }
    // Count words per sentence with one pass over the body's tokens.
    std::size_t t = 0;
    for (Sentence& sentence : sentences) {
        while (t < tokens.size() && tokens[t].begin < sentence.range.begin) ++t;
        while (t < tokens.size() && tokens[t].end <= sentence.range.end) ++sentence.words, ++t;
    }
    return sentences;
}

std::vector<Token> tokens_within(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::vector<Token> inside;
    Xapian::termpos position = 0;
    // Tokens are in text order: start at the window, not at the article's first word (a scan from
    // the start made a long article cost the square of its length).
    const auto first = std::partition_point(tokens.begin(), tokens.end(),
                                            [begin](const Token& token) { return token.begin < begin; });
    for (auto token = first; token != tokens.end() && token->end <= end; ++token)
        inside.push_back(Token{token->term, token->begin - begin, token->end - begin, ++position});
    return inside;
}

} // namespace

TextCuts BodyCuts::paragraph(std::size_t p) const {
    const auto first = static_cast<std::ptrdiff_t>(paragraph_first_token[p]);
    const auto last = static_cast<std::ptrdiff_t>(paragraph_first_token[p + 1]);
    return TextCuts{std::span<const Token>(tokens.begin() + first, tokens.begin() + last), paragraph_begin[p],
                    paragraph_sentences[p]};
}

BodyCuts cut_body(const Article& article, const Analyzer& analyzer) {
    BodyCuts body;
    body.text = article_body_text(article);
    body.tokens = analyzer.tokenize(body.text);
    const std::size_t count = article.paragraphs.size();
    body.paragraph_begin.reserve(count);
    body.paragraph_first_token.reserve(count + 1);
    body.paragraph_sentences.reserve(count);
    std::size_t begin = 0;
    auto token = body.tokens.begin();
    for (const Paragraph& paragraph : article.paragraphs) {
        body.paragraph_begin.push_back(begin);
        while (token != body.tokens.end() && token->begin < begin) ++token;
        body.paragraph_first_token.push_back(static_cast<std::size_t>(token - body.tokens.begin()));
        body.paragraph_sentences.push_back(analyzer.sentences(paragraph.text));
        begin += paragraph.text.size() + 2; // the "\n\n" joining paragraphs
    }
    body.paragraph_first_token.push_back(body.tokens.size());
    return body;
}

std::string_view to_string(PassageKind kind) {
    switch (kind) {
    case PassageKind::body: return "body";
    case PassageKind::caption: return "caption";
    case PassageKind::lede: return "lede";
    case PassageKind::title: return "title";
    }
    return "body";
}

std::vector<Passage> split_passages(const Article& article, const Analyzer& analyzer,
                                    const PassageOptions& options) {
    return split_passages(article, cut_body(article, analyzer), analyzer, options);
}

std::vector<Passage> split_passages(const Article& article, const BodyCuts& cuts, const Analyzer& analyzer,
                                    const PassageOptions& options) {
    std::vector<Passage> passages;
    const std::string& body = cuts.text;
    const std::vector<Token>& tokens = cuts.tokens;
    const std::vector<Sentence> sentences = body_sentences(article, cuts);

    const auto emit = [&](std::size_t first, std::size_t last) { // sentences [first, last)
        const std::size_t begin = sentences[first].range.begin;
        const std::size_t end = sentences[last - 1].range.end;
        Passage passage;
        passage.ordinal = static_cast<unsigned>(passages.size());
        passage.text = body.substr(begin, end - begin);
        passage.begin = begin;
        passage.end = end;
        passage.tokens = tokens_within(tokens, begin, end);
        if (!passage.tokens.empty()) passages.push_back(std::move(passage));
    };

    const std::size_t count = sentences.size();
    for (std::size_t first = 0; first < count;) {
        std::size_t last = first;
        std::size_t words = 0;
        while (last < count && words < options.target_words && last - first < options.max_sentences) {
            // A heading opens a new window once this one has a fair amount of text.
            if (last > first && sentences[last].heading && words * 2 >= options.target_words) break;
            words += sentences[last++].words;
        }
        // A heading heads the text after it: never leave it at the end of a window.
        while (last - first > 1 && sentences[last - 1].heading) --last;
        emit(first, last);
        first = last;
    }

    for (std::size_t c = 0; c < article.captions.size(); ++c) {
        const Caption& caption = article.captions[c];
        if (caption.text.empty()) continue;
        Passage passage;
        passage.caption = c;
        passage.ordinal = static_cast<unsigned>(passages.size());
        passage.kind = PassageKind::caption;
        passage.text = caption.text;
        passage.end = caption.text.size();
        passage.tokens = analyzer.tokenize(caption.text);
        if (!passage.tokens.empty()) passages.push_back(std::move(passage));
    }
    const bool lede_repeats_body =
        !article.paragraphs.empty() && text::trim(article.paragraphs.front().text) == text::trim(article.subtitle);
    if (!text::is_blank(article.subtitle) && !lede_repeats_body) {
        Passage passage;
        passage.ordinal = static_cast<unsigned>(passages.size());
        passage.kind = PassageKind::lede;
        passage.text = article.subtitle;
        passage.end = article.subtitle.size();
        passage.tokens = analyzer.tokenize(article.subtitle);
        if (!passage.tokens.empty()) passages.push_back(std::move(passage));
    }
    if (passages.empty() && !article.title.empty()) {
        // A headline-only article must still be findable: its title is its one passage.
        Passage passage;
        passage.kind = PassageKind::title;
        passage.text = article.title;
        passage.end = article.title.size();
        passage.tokens = analyzer.tokenize(article.title);
        if (!passage.tokens.empty()) passages.push_back(std::move(passage));
    }
    return passages;
}

} // namespace newssearch::indexer
