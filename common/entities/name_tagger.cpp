#include "common/entities/name_tagger.hpp"

#include "common/entities/name_cues.hpp"
#include "common/hash.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>
#include <ostream>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace newssearch::entities::detail {
namespace {

constexpr int tag_count = EntityTagger::tag_count;

/// The keys of the features of one word (DocumentFeatures::features): always this many, so a
/// fixed array, filled in place for every word.
constexpr std::size_t feature_count = 38;
using Features = std::array<std::uint64_t, feature_count>;

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/// The key of feature template `id` with `value`; never 0 (0 marks an empty slot).
std::uint64_t feature(std::uint64_t id, std::uint64_t value) {
    const std::uint64_t key = mix(id * 0x100000001b3ULL + 0x51ed27ULL, value);
    return key == 0 ? 1 : key;
}

/// FNV-1a taken a byte at a time: the same hash as fnv1a_64 (common/hash.hpp) of the bytes added.
struct Fnv1a {
    std::uint64_t hash = fnv1a_64("");
    void add(char c) { hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; }
};

/// The hashes of the two shapes of a word as written.
struct Shapes {
    std::uint64_t shape = 0;       ///< runs longer than three shortened to three
    std::uint64_t short_shape = 0; ///< every run shortened to one
};

/// The shape of a word as written: X upper, x lower, d digit, other characters as they are;
/// runs longer than three shortened to three ("Xxxx" for "London", "XXX" for "NATO"), and in
/// the short shape to one ("Xx", "X"). With `lower_ascii` the letters A-Z count as lower case.
/// Both hashed as they are made: no string, one pass (every word of every article).
Shapes shapes_of(std::string_view written, bool lower_ascii) {
    Fnv1a shape;
    Fnv1a short_shape;
    const auto* bytes = reinterpret_cast<const uint8_t*>(written.data());
    const auto length = static_cast<int32_t>(written.size());
    bool started = false;
    char previous = 0; // the shape character before
    int run = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        char s = 'o';
        if (c >= 0 && c < 128) // ASCII without ICU: most words of English news
            s = c >= 'A' && c <= 'Z'   ? (lower_ascii ? 'x' : 'X')
                : c >= 'a' && c <= 'z' ? 'x'
                : c >= '0' && c <= '9' ? 'd'
                                       : static_cast<char>(c);
        else if (c < 0)
            s = '?';
        else if (u_isupper(c) || u_istitle(c))
            s = 'X';
        else if (u_islower(c))
            s = 'x';
        else if (u_isdigit(c))
            s = 'd';
        if (started && previous == s) {
            if (++run < 3)
                shape.add(s);
        } else {
            run = 0;
            shape.add(s);
            short_shape.add(s);
        }
        previous = s;
        started = true;
    }
    return {shape.hash, short_shape.hash};
}

/// How a sentence is written: normally, as a title-case line, or in capitals.
enum LineStyle : std::uint8_t { normal_line = 0, title_line = 1, capitals_line = 2 };

enum Cue : std::uint8_t {
    cue_title = 1,
    cue_calendar = 2,
    cue_nationality = 4,
    cue_function = 8,
    cue_organisation = 16,
    cue_place = 32,
    cue_generic = 64,
    cue_person = 128,
};

std::uint8_t cues_of(const std::string& term, std::uint64_t term_hash) {
    // The word lists are hash sets of their own; most words come again and again, so each
    // thread remembers what it looked up (bounded: forgotten when it grows large).
    thread_local std::unordered_map<std::uint64_t, std::uint8_t> known;
    if (const auto found = known.find(term_hash); found != known.end())
        return found->second;
    if (known.size() > 200000)
        known.clear();
    std::uint8_t cues = 0;
    if (cues::is_title(term))
        cues |= cue_title;
    if (cues::is_calendar(term))
        cues |= cue_calendar;
    if (cues::is_nationality(term))
        cues |= cue_nationality;
    if (cues::is_function_word(term))
        cues |= cue_function;
    if (cues::is_organisation_word(term))
        cues |= cue_organisation;
    if (cues::is_place_word(term))
        cues |= cue_place;
    if (cues::is_generic(term))
        cues |= cue_generic;
    if (cues::is_person_cue(term))
        cues |= cue_person;
    known.emplace(term_hash, cues);
    return cues;
}


/// What the features read of one word, computed once.
struct WordFacts {
    std::uint64_t term = 0;
    std::uint64_t shape = 0;
    std::uint64_t short_shape = 0;
    std::array<std::uint64_t, 5> affixes{}; ///< prefixes of 2, 3; suffixes of 2, 3, 4 bytes
    std::uint64_t gap_before = 0;
    std::uint64_t gap_after = 0;
    std::uint8_t case_class = 0; ///< 0 lower, 1 capitalised, 2 capitals, 3 no letters, 4 headline
    std::uint8_t gazetteer = 0;  ///< 0 none; 1 + 2*type (+1 inside); 9 ambiguous; 10-11 adjective
    std::uint8_t cues = 0;
    std::uint8_t line = normal_line;
    bool initial = false;
    bool lower_elsewhere = false;   ///< the document writes it in lower case
    bool capital_elsewhere = false; ///< capitalised mid-sentence in a normal line of the document
};

/// Punctuation between two words, spaces dropped, at most four bytes ("_" for none).
std::uint64_t gap_hash(std::string_view gap) {
    std::string kept;
    for (const char c : gap)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && kept.size() < 4)
            kept += c;
    return fnv1a_64(kept.empty() ? std::string_view("_") : std::string_view(kept));
}

/// A sentence of one part: words [first, last), tagged as one sequence.
struct Unit {
    std::size_t part = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

/// Every word's facts, and the order sentences are tagged in: normal sentences first, title-case
/// and capitals lines (headlines) after, so that a headline reads the tags the body gave.
class DocumentFeatures {
  public:
    explicit DocumentFeatures(const TaggerInput& input) {
        const std::size_t parts = input.texts.size();
        facts_.resize(parts);
        std::vector<Unit> later;
        std::unordered_set<std::uint64_t> capitalised_mid_sentence; // term hashes
        for (std::size_t p = 0; p < parts; ++p) {
            const AnalysedText& text = input.texts[p];
            const std::vector<Word>& words = text.words;
            std::vector<WordFacts>& facts = facts_[p];
            facts.resize(words.size());
            for (std::size_t first = 0; first < words.size();) {
                std::size_t last = first + 1;
                while (last < words.size() && words[last].sentence == words[first].sentence)
                    ++last;
                const std::uint8_t line = line_style(text, first, last);
                for (std::size_t i = first; i < last; ++i)
                    describe(text, i, first, line, facts[i]);
                (line == normal_line ? units_ : later).push_back({p, first, last});
                first = last;
            }
            for (const GazetteerMatch& match : input.matches[p]) {
                std::uint8_t code = 9;
                if (match.adjective)
                    code = 10;
                else if (!match.entries.empty())
                    code = static_cast<std::uint8_t>(
                        1 + 2 * conll_type(input.gazetteer.entries()[match.entries.front()].type));
                for (std::size_t i = match.first; i < match.last; ++i)
                    facts[i].gazetteer =
                        static_cast<std::uint8_t>(code + (i > match.first && code != 9 ? 1 : 0));
            }
        }
        units_.insert(units_.end(), later.begin(), later.end());

        for (std::size_t p = 0; p < parts; ++p)
            for (std::size_t i = 0; i < input.texts[p].words.size(); ++i) {
                const WordFacts& facts = facts_[p][i];
                if (facts.line == normal_line && !facts.initial && facts.case_class == 1)
                    capitalised_mid_sentence.insert(facts.term);
            }
        for (std::size_t p = 0; p < parts; ++p)
            for (std::size_t i = 0; i < input.texts[p].words.size(); ++i) {
                const std::string& term = input.texts[p].words[i].term;
                facts_[p][i].lower_elsewhere = input.lower_case_terms.contains(term);
                facts_[p][i].capital_elsewhere = capitalised_mid_sentence.contains(facts_[p][i].term);
            }
    }

    [[nodiscard]] const std::vector<Unit>& units() const { return units_; }

    [[nodiscard]] std::uint64_t term(std::size_t part, std::size_t i) const {
        return facts_[part][i].term;
    }

    [[nodiscard]] const WordFacts& facts(std::size_t part, std::size_t i) const {
        return facts_[part][i];
    }

    /// The features of word i of `unit`, after tags prev2, prev1; `earlier` is the tag type the
    /// document gave the same word before (0 none, 1-4 a type, 5 outside any name).
    void features(const Unit& unit, std::size_t i, int prev1, int prev2, int earlier,
                  Features& out) const {
        const std::vector<WordFacts>& facts = facts_[unit.part];
        const WordFacts& w = facts[i];
        static const std::uint64_t none = fnv1a_64("<none>");
        const auto at = [&](std::ptrdiff_t offset) -> const WordFacts* {
            const auto j = static_cast<std::ptrdiff_t>(i) + offset;
            if (j < static_cast<std::ptrdiff_t>(unit.first) ||
                j >= static_cast<std::ptrdiff_t>(unit.last))
                return nullptr;
            return &facts[static_cast<std::size_t>(j)];
        };
        const WordFacts* p1 = at(-1);
        const WordFacts* p2 = at(-2);
        const WordFacts* n1 = at(1);
        const WordFacts* n2 = at(2);
        const std::uint64_t tp1 = p1 ? p1->term : none;
        const std::uint64_t tn1 = n1 ? n1->term : none;
        const std::uint64_t style =
            w.case_class | (w.initial ? 8U : 0U) | (static_cast<unsigned>(w.line) << 4);

        std::size_t n = 0;
        const auto add = [&](std::uint64_t key) { out[n++] = key; };
        add(feature(1, 0));
        add(feature(2, w.term));
        add(feature(3, tp1));
        add(feature(4, tn1));
        add(feature(5, p2 ? p2->term : none));
        add(feature(6, n2 ? n2->term : none));
        add(feature(7, w.shape));
        add(feature(8, mix(p1 ? p1->short_shape : none, w.short_shape)));
        add(feature(9, mix(w.short_shape, n1 ? n1->short_shape : none)));
        for (std::size_t a = 0; a < w.affixes.size(); ++a)
            add(feature(10 + a, w.affixes[a]));
        add(feature(15, style));
        add(feature(16, w.gap_before));
        add(feature(17, w.gap_after));
        add(feature(18, mix(tp1, w.term)));
        add(feature(19, mix(w.term, tn1)));
        add(feature(20, static_cast<std::uint64_t>(prev1)));
        add(feature(21, static_cast<std::uint64_t>(prev2 * 16 + prev1)));
        add(feature(22, mix(static_cast<std::uint64_t>(prev1), w.term)));
        add(feature(23, mix(static_cast<std::uint64_t>(prev1), w.shape)));
        add(feature(24, w.gazetteer));
        add(feature(25, p1 ? p1->gazetteer : 99));
        add(feature(26, n1 ? n1->gazetteer : 99));
        add(feature(27, (w.lower_elsewhere ? 1U : 0U) | (w.capital_elsewhere ? 2U : 0U) |
                            (style << 2)));
        add(feature(28, static_cast<std::uint64_t>(earlier) | (w.line << 4U)));
        add(feature(29, mix(static_cast<std::uint64_t>(earlier), w.term)));
        add(feature(30, w.cues));
        add(feature(31, p1 ? p1->cues : 999));
        add(feature(32, mix(w.term, style)));
        add(feature(33, mix(w.gap_before, w.short_shape)));
        add(feature(34, mix(w.short_shape, w.gap_after)));
        add(feature(35, n1 ? n1->cues : 999));
        add(feature(36, mix(p1 ? p1->gap_before : none, tp1)));
        add(feature(39, mix(static_cast<std::uint64_t>(prev1), w.gap_before)));
        add(feature(40, mix(mix(static_cast<std::uint64_t>(prev1), w.gap_before), w.short_shape)));
        assert(n == feature_count);
    }

  private:
    static std::uint8_t line_style(const AnalysedText& text, std::size_t first, std::size_t last) {
        std::size_t cased = 0;
        bool lower = false;
        for (std::size_t i = first; i < last; ++i) {
            const Word& word = text.words[i];
            if (word.capitalised || word.lower_case)
                ++cased;
            if (!word.no_lower && (word.capitalised || word.lower_case))
                lower = true;
        }
        if (cased >= 2 && !lower)
            return capitals_line;
        return text.title_case[text.words[first].sentence] ? title_line : normal_line;
    }

    static void describe(const AnalysedText& text, std::size_t i, std::size_t first,
                         std::uint8_t line, WordFacts& facts) {
        const Word& word = text.words[i];
        const std::string_view written = text.text.substr(word.begin, word.end - word.begin);
        const std::string& term = word.term;
        facts.term = fnv1a_64(term);
        // A headline's capitals say nothing: title-case and capitals lines are read alike, as
        // if in lower case, so that the Title Case headlines of web news read like the capitals
        // headlines of the training news.
        const Shapes shapes = shapes_of(written, line != normal_line);
        facts.shape = shapes.shape;
        facts.short_shape = shapes.short_shape;
        const std::string_view t = term;
        facts.affixes = {fnv1a_64(t.substr(0, 2)), fnv1a_64(t.substr(0, 3)),
                         fnv1a_64(t.substr(t.size() - std::min<std::size_t>(2, t.size()))),
                         fnv1a_64(t.substr(t.size() - std::min<std::size_t>(3, t.size()))),
                         fnv1a_64(t.substr(t.size() - std::min<std::size_t>(4, t.size())))};
        const std::size_t gap_begin = i > first ? text.words[i - 1].end : word.begin;
        facts.gap_before =
            i > first ? gap_hash(text.text.substr(gap_begin, word.begin - gap_begin)) : 0;
        const std::size_t gap_end =
            i + 1 < text.words.size() ? text.words[i + 1].begin : text.text.size();
        facts.gap_after = word.possessive
                              ? fnv1a_64("'s")
                              : gap_hash(text.text.substr(word.end, gap_end - word.end));
        if (!word.capitalised && !word.lower_case)
            facts.case_class = 3;
        else if (line != normal_line && word.capitalised)
            facts.case_class = 4;
        else if (word.capitalised)
            facts.case_class = word.no_lower && written.size() > 1 ? 2 : 1;
        else
            facts.case_class = 0;
        facts.cues = cues_of(term, facts.term);
        facts.line = line == normal_line ? normal_line : title_line;
        facts.initial = word.initial || i == first;
    }

    std::vector<std::vector<WordFacts>> facts_;
    std::vector<Unit> units_;
};

bool is_inside(int tag) { return tag > 0 && tag % 2 == 0; }
int type_of(int tag) { return (tag - 1) / 2; }

/// An I- tag only continues a name of its type.
bool allowed(int tag, int previous) {
    return !is_inside(tag) || previous == tag || previous == tag - 1;
}

/// Greedy tagging of one document by `model`, learning when `gold` is given.
template <class Model>
std::vector<std::vector<int>> run_document(const DocumentFeatures& document,
                                           const std::vector<std::size_t>& part_sizes,
                                           Model& model,
                                           const std::vector<std::vector<int>>* gold) {
    std::vector<std::vector<int>> tags(part_sizes.size());
    for (std::size_t p = 0; p < part_sizes.size(); ++p)
        tags[p].assign(part_sizes[p], 0);
    std::unordered_map<std::uint64_t, int> earlier;
    Features features;
    for (const Unit& unit : document.units()) {
        int prev1 = 0;
        int prev2 = 0;
        for (std::size_t i = unit.first; i < unit.last; ++i) {
            const std::uint64_t term = document.term(unit.part, i);
            const auto seen = earlier.find(term);
            document.features(unit, i, prev1, prev2, seen == earlier.end() ? 0 : seen->second,
                              features);
            std::array<float, tag_count> scores{};
            model.score(features, scores);
            // Learning compares the gold tag with the best of all tags, so that an I- tag where
            // it cannot stand is penalised too; the tag given is the best allowed one.
            int best = 0;
            int best_any = 0;
            for (int t = 1; t < tag_count; ++t) {
                const float score = scores[static_cast<std::size_t>(t)];
                if (score > scores[static_cast<std::size_t>(best_any)])
                    best_any = t;
                if (allowed(t, prev1) && score > scores[static_cast<std::size_t>(best)])
                    best = t;
            }
            if (gold)
                model.learn(features, (*gold)[unit.part][i], best_any);
            tags[unit.part][i] = best;
            earlier[term] = best == 0 ? 5 : 1 + type_of(best);
            prev2 = prev1;
            prev1 = best;
        }
    }
    return tags;
}

/// A trained model, read only.
struct Scorer {
    const EntityTagger& tagger;
    void score(const Features& features, std::array<float, tag_count>& scores) {
        std::array<std::int32_t, tag_count> sums{};
        for (const std::uint64_t f : features)
            tagger.prefetch(f);
        // Tags 0-7 in a loop of exactly eight, which the compiler turns into a few vector
        // instructions, and tag 8 on its own: a loop of nine stayed scalar, a fifth of the
        // tagger's instructions.
        static_assert(tag_count == 9);
        for (const std::uint64_t f : features)
            if (const std::int16_t* row = tagger.weights(f)) {
                for (std::size_t t = 0; t < 8; ++t)
                    sums[t] += row[t];
                sums[8] += row[8];
            }
        for (std::size_t t = 0; t < tag_count; ++t)
            scores[t] = static_cast<float>(sums[t]);
    }
    void learn(const Features&, int, int) {}
};

/// The averaged perceptron being trained: weights, and their sums over time for the average.
class Trainer {
  public:
    void score(const Features& features, std::array<float, tag_count>& scores) {
        for (const std::uint64_t f : features)
            if (const auto found = index_.find(f); found != index_.end())
                for (std::size_t t = 0; t < tag_count; ++t)
                    scores[t] += weights_[found->second * tag_count + t];
    }

    void learn(const Features& features, int gold, int guess) {
        ++now_;
        if (gold == guess)
            return;
        for (const std::uint64_t f : features) {
            auto [found, added] = index_.emplace(f, index_.size());
            if (added) {
                weights_.resize(weights_.size() + tag_count, 0.0F);
                totals_.resize(totals_.size() + tag_count, 0.0);
                stamps_.resize(stamps_.size() + tag_count, 0);
            }
            update(found->second * tag_count + static_cast<std::size_t>(gold), 1.0F);
            update(found->second * tag_count + static_cast<std::size_t>(guess), -1.0F);
        }
    }

    [[nodiscard]] std::size_t size() const { return index_.size(); }

    /// The averaged weights, features whose weights are all below `min_weight` dropped.
    [[nodiscard]] EntityTagger average(float min_weight) const {
        std::vector<std::uint64_t> keys;
        std::vector<float> rows;
        for (const auto& [key, row] : index_) {
            std::array<float, tag_count> averaged{};
            bool kept = false;
            for (std::size_t t = 0; t < tag_count; ++t) {
                const std::size_t k = row * tag_count + t;
                const double total =
                    totals_[k] + static_cast<double>(now_ - stamps_[k]) * weights_[k];
                averaged[t] = static_cast<float>(total / static_cast<double>(now_));
                kept |= std::fabs(averaged[t]) >= min_weight;
            }
            if (!kept)
                continue;
            keys.push_back(key);
            rows.insert(rows.end(), averaged.begin(), averaged.end());
        }
        // A stable order, so that the same training writes the same file.
        std::vector<std::size_t> order(keys.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
        std::vector<std::uint64_t> sorted_keys;
        std::vector<float> sorted_rows;
        for (const std::size_t i : order) {
            sorted_keys.push_back(keys[i]);
            sorted_rows.insert(sorted_rows.end(), rows.begin() + static_cast<std::ptrdiff_t>(i * tag_count),
                               rows.begin() + static_cast<std::ptrdiff_t>((i + 1) * tag_count));
        }
        return EntityTagger(std::move(sorted_keys), std::move(sorted_rows));
    }

  private:
    void update(std::size_t k, float delta) {
        totals_[k] += static_cast<double>(now_ - stamps_[k]) * weights_[k];
        stamps_[k] = now_;
        weights_[k] += delta;
    }

    std::unordered_map<std::uint64_t, std::size_t> index_;
    std::vector<float> weights_;
    std::vector<double> totals_;
    std::vector<std::uint64_t> stamps_;
    std::uint64_t now_ = 0;
};

/// True when word i may continue the name the word before it is in: same sentence, and only a
/// space, hyphen, abbreviation dot, possessive, '&' or a plural possessive's "'" between them
/// ("Procter & Gamble", "McDonald's Corp", "Bond Traders' Association", not "Fox News: The").
bool continues_name(const AnalysedText& text, std::size_t i) {
    const Word& word = text.words[i];
    const Word& previous = text.words[i - 1];
    if (word.sentence != previous.sentence)
        return false;
    if (word.joined || previous.possessive)
        return true;
    std::string_view gap = text.text.substr(previous.end, word.begin - previous.end);
    while (!gap.empty() && gap.front() == ' ')
        gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ')
        gap.remove_suffix(1);
    return gap == "&" || gap == "'";
}

std::vector<std::size_t> part_sizes(const std::vector<AnalysedText>& texts) {
    std::vector<std::size_t> sizes;
    for (const AnalysedText& text : texts)
        sizes.push_back(text.words.size());
    return sizes;
}

/// "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir" (index forms): only people are called so.
bool is_honorific(std::string_view term) {
    return term == "mr" || term == "mrs" || term == "ms" || term == "miss" || term == "dr" || term == "sir";
}

} // namespace

std::vector<std::vector<TaggedSpan>> tag_document(const EntityTagger& tagger,
                                                  const TaggerInput& input) {
    const DocumentFeatures document(input);
    Scorer scorer{tagger};
    const auto tags = run_document(document, part_sizes(input.texts), scorer, nullptr);
    std::vector<std::vector<TaggedSpan>> spans(tags.size());
    for (std::size_t p = 0; p < tags.size(); ++p) {
        const std::vector<int>& part = tags[p];
        for (std::size_t i = 0; i < part.size();) {
            if (part[i] == 0) {
                ++i;
                continue;
            }
            int type = type_of(part[i]);
            std::size_t last = i + 1;
            while (last < part.size() && part[last] == 2 + 2 * type &&
                   continues_name(input.texts[p], last))
                ++last;
            // A name neither starts nor ends with a word in lower case, but for particles
            // ("de Silva"): "the Kremlin", "Hachette in" are the Kremlin and Hachette.
            const std::vector<Word>& words = input.texts[p].words;
            // Nor does a person's name start with a title: "Mr Blair" is Blair (Tony Blair, when
            // the article says so).
            // After an honorific ("Mr Brown", "Mrs Thatcher") a name is a person's, whatever
            // the tagger read.
            if ((i > 0 && words[i].joined && is_honorific(words[i - 1].term)) ||
                (i + 1 < last && is_honorific(words[i].term)))
                type = 0;
            std::size_t first = i;
            while (first < last && ((words[first].lower_case &&
                                     !cues::is_name_particle(words[first].term)) ||
                                    (type == 0 && first + 1 < last &&
                                     cues::is_title(words[first].term))))
                ++first;
            std::size_t end = last;
            while (end > first && words[end - 1].lower_case)
                --end;
            i = last;
            if (first == end)
                continue;
            // A title is no name ("National Security Advisor" before Mike Waltz); nor is one
            // word capitalised only for its place (a sentence start, a headline) that the
            // document also writes in lower case ("Diplomatic Dialogue: ...").
            if (cues::is_title(words[end - 1].term))
                continue;
            const WordFacts& facts = document.facts(p, first);
            if (end - first == 1 &&
                ((facts.cues & cue_function) != 0 ||
                 (facts.lower_elsewhere && (facts.initial || facts.line != normal_line))))
                continue;
            spans[p].push_back({first, end, type});
        }
    }
    return spans;
}

EntityTagger train_tagger(const std::vector<TrainingDocument>& documents,
                          const Gazetteer& gazetteer, const TrainingOptions& options,
                          std::ostream* log) {
    std::vector<DocumentFeatures> features;
    features.reserve(documents.size());
    for (const TrainingDocument& document : documents)
        features.emplace_back(TaggerInput{document.texts, document.matches, gazetteer,
                                          document.lower_case_terms});
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(options.seed);
    Trainer trainer;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), random);
        std::size_t words = 0;
        std::size_t right = 0;
        for (const std::size_t d : order) {
            const TrainingDocument& document = documents[d];
            const auto tags =
                run_document(features[d], part_sizes(document.texts), trainer, &document.gold);
            for (std::size_t p = 0; p < tags.size(); ++p)
                for (std::size_t i = 0; i < tags[p].size(); ++i) {
                    ++words;
                    right += tags[p][i] == document.gold[p][i] ? 1 : 0;
                }
        }
        if (log)
            *log << "epoch " << epoch << ": " << right << " of " << words
                 << " words tagged right, " << trainer.size() << " features\n";
    }
    return trainer.average(options.min_weight);
}

int conll_type(EntityType type) {
    switch (type) {
    case EntityType::person:
        return 0;
    case EntityType::place:
        return 1;
    case EntityType::organisation:
        return 2;
    case EntityType::other:
        break;
    }
    return 3;
}

} // namespace newssearch::entities::detail
