#include "common/entities/name_spotter.hpp"

#include "common/entities/name_cues.hpp"

#include <optional>

namespace newssearch::entities::detail {
namespace {

bool is_lower_word(const Word& word, std::string_view term) {
    return word.lower_case && word.term == term;
}

/// "Reportedly", "Following", "Diplomatic", "Renewed": inflected and derived words, which open
/// sentences far more often than names do.
bool looks_like_common_word(std::string_view term) {
    if (term.size() < 5)
        return false;
    for (const std::string_view ending :
         {"ing", "ed", "ly", "ic", "ical", "ive", "ous", "ful", "less", "able", "ible", "ment",
          "tion", "sion", "ness", "ity"})
        if (term.ends_with(ending))
            return true;
    return false;
}

/// A Roman numeral as written in names: in capitals ("II", "XIV"; "Xi" is a name).
bool is_numeral(const Word& word) {
    return word.no_lower && cues::is_roman_numeral(word.term);
}

/// A word that says nothing of a name by itself. After a title ("Prime Minister May") a month
/// or day name may be a surname.
bool is_non_name(const Word& word, bool after_title) {
    const std::string& term = word.term;
    return word.lower_case || cues::is_generic(term) || cues::is_title(term) ||
           cues::is_department(term) || (!after_title && cues::is_calendar(term)) ||
           cues::is_function_word(term) || cues::is_nationality(term) || is_numeral(word) ||
           cues::is_common_acronym(term);
}

class Spotter {
  public:
    Spotter(const AnalysedText& text, const std::vector<bool>& claimed,
            const LowerCaseTerms& lower_case_terms, Mode mode)
        : text_(text), words_(text.words), claimed_(claimed), lower_(lower_case_terms),
          mode_(mode) {}

    std::vector<NameCandidate> run() {
        for (std::size_t i = 0; i < words_.size();) {
            if (!is_name_word(i)) {
                ++i;
                continue;
            }
            const std::size_t end = run_end(i);
            read_run(i, end);
            i = end;
        }
        return std::move(found_);
    }

  private:
    /// A capitalised Latin word that may be (part of) a name: not claimed, not in a title-case
    /// sentence, not a function word ("Ukraine | Amid | Renewed Violence"), not a query operator.
    /// Other scripts inflect names ("в Москве") or have no capitals: only the gazetteer finds them.
    bool is_name_word(std::size_t i) const {
        const Word& word = words_[i];
        if (claimed_[i] || !word.capitalised || !word.latin || word.key.empty() ||
            cues::is_function_word(word.term))
            return false;
        if (mode_ == Mode::article)
            return !text_.title_case[word.sentence];
        return !cues::is_query_operator(text_.text.substr(word.begin, word.end - word.begin));
    }

    /// Words of a lower-case connector at `i` that may sit inside a name: "of" after a word that
    /// takes it, "of the" after a title, or a name particle ("de", "von", "al"); 0 when none.
    std::size_t connector_length(std::size_t i) const {
        if (claimed_[i] || !words_[i].joined)
            return 0;
        if (is_lower_word(words_[i], "of") && cues::takes_of(words_[i - 1].term)) {
            // "Secretary of the Treasury", but not "Rose Garden of the White House".
            const bool the = i + 1 < words_.size() && is_lower_word(words_[i + 1], "the") &&
                             words_[i + 1].joined;
            if (the)
                return cues::is_title(words_[i - 1].term) ? 2 : 0;
            return 1;
        }
        if (words_[i].lower_case && cues::is_name_particle(words_[i].term))
            return 1;
        return 0;
    }

    /// One past the last word of the run of name words starting at `first`.
    std::size_t run_end(std::size_t first) const {
        std::size_t end = first + 1;
        while (end < words_.size() && !words_[end - 1].possessive) {
            if (is_name_word(end) && words_[end].joined) {
                ++end;
                continue;
            }
            const std::size_t connector = connector_length(end);
            const std::size_t next = end + connector;
            if (connector == 0 || next >= words_.size() || !is_name_word(next) ||
                !words_[next].joined)
                break;
            end = next + 1;
        }
        return end;
    }

    /// Where the name starts after a capitalised title inside words [first, last): the last title
    /// that has a name after it ("U.S. Secretary of State | Marco Rubio"). nullopt when none.
    std::optional<std::size_t> title_end(std::size_t first, std::size_t last) const {
        for (std::size_t j = last - 1; j-- > first;) {
            const std::string& term = words_[j].term;
            if (!words_[j].capitalised || !cues::is_title(term))
                continue;
            // "General" is a title after another ("Attorney General") or before a full name;
            // otherwise it starts a name ("General Motors").
            if (term == "general") {
                const std::string& before = j > first ? words_[j - 1].term : std::string();
                const bool compound = cues::is_title(before) || before == "attorney" ||
                                      before == "surgeon" || before == "solicitor" ||
                                      before == "consul" || before == "auditor";
                if (!compound && last - j - 1 < 2)
                    continue;
            }
            std::size_t k = j + 1;
            if (is_lower_word(words_[k], "of")) {
                // "Secretary of State": a department follows; "Lord of the Rings" is no title.
                bool department = false;
                for (++k; k < last && cues::is_department(words_[k].term); ++k)
                    department = department || words_[k].term != "the";
                if (!department)
                    continue;
            }
            if (k < last && words_[k].capitalised)
                return k;
        }
        return std::nullopt;
    }

    /// The type the words [first, last) tell by their head word: the one before "of" ("Bank of
    /// England"), else the last ("Rose Garden").
    EntityType type_of(std::size_t first, std::size_t last) const {
        std::size_t head = last - 1;
        for (std::size_t k = first + 1; k < last; ++k)
            if (is_lower_word(words_[k], "of")) {
                head = k - 1;
                break;
            }
        if (cues::is_organisation_word(words_[head].term))
            return EntityType::organisation;
        if (cues::is_place_word(words_[head].term))
            return EntityType::place;
        for (std::size_t k = first; k < last; ++k)
            if (words_[k].term == "news")
                return EntityType::organisation;
        return EntityType::other;
    }

    void read_run(std::size_t first, std::size_t last) {
        std::size_t name = first;
        bool cue = false;
        const std::optional<std::size_t> title = title_end(first, last);
        if (title) {
            name = *title;
            cue = true;
        } else if (first > 0 && words_[first].joined && words_[first - 1].lower_case &&
                   cues::is_person_cue(words_[first - 1].term)) {
            cue = true;
        }
        // People's names do not end in "Island" or "Ministry": "Prince Edward Island" is a place.
        if (cue && type_of(name, last) != EntityType::other) {
            if (title)
                name = first;
            cue = false;
        }

        // A capital opening a sentence, quotation or query says nothing. A first word that looks
        // common is dropped; one word left ("Then | Trump", "'No | Kings'", "New | York") or one
        // word alone is a name only if the document has it as a name elsewhere (weak).
        bool weak = false;
        if (!title && (words_[name].initial || mode_ == Mode::query)) {
            const std::string& term = words_[name].term;
            if (cues::is_function_word(term) || cues::is_calendar(term) || lower_.contains(term) ||
                looks_like_common_word(term) || cues::is_generic(term) ||
                cues::is_nationality(term))
                ++name;
            weak = true;
        }
        while (name < last &&
               (words_[name].lower_case || cues::is_function_word(words_[name].term) ||
                (!cue && cues::is_calendar(words_[name].term))))
            ++name;
        if (name >= last)
            return;
        const std::size_t length = last - name;
        if (length > 1)
            weak = false;
        // "St. Mary's Elementary", "Lavrov's Status": a word after a possessive is a noun.
        if (length == 1 && name > 0 && words_[name - 1].possessive && words_[name].joined)
            return;

        if (length > 6)
            return;
        bool all_non_names = true;
        bool all_seen_lower = true;
        for (std::size_t k = name; k < last; ++k) {
            if (words_[k].lower_case)
                continue; // connectors
            all_non_names = all_non_names && is_non_name(words_[k], cue);
            all_seen_lower = all_seen_lower && lower_.contains(words_[k].term);
        }
        // Capitalised words the same document also writes in lower case are common words; after
        // a title they are a surname all the same ("President Trump" beside "trump card").
        if (all_non_names || (all_seen_lower && !cue))
            return;
        if (length == 1) {
            const Word& word = words_[name];
            if (mode_ == Mode::query && !cue)
                return;
            if (word.key.size() < 2 || cues::is_function_word(word.term) ||
                cues::is_generic(word.term) || cues::is_title(word.term) ||
                cues::is_nationality(word.term) || is_numeral(word))
                return;
            if (!cue && (cues::is_calendar(word.term) || cues::is_common_acronym(word.term)))
                return;
        }
        found_.push_back(
            NameCandidate{name, last, cue ? EntityType::person : type_of(name, last), cue, weak});
    }

    const AnalysedText& text_;
    const std::vector<Word>& words_;
    const std::vector<bool>& claimed_;
    const LowerCaseTerms& lower_;
    Mode mode_;
    std::vector<NameCandidate> found_;
};

} // namespace

void collect_lower_case_terms(const AnalysedText& text, LowerCaseTerms& terms) {
    for (const Word& word : text.words)
        if (word.lower_case)
            terms.insert(word.term);
}

std::vector<NameCandidate> spot_names(const AnalysedText& text, const std::vector<bool>& claimed,
                                      const LowerCaseTerms& lower_case_terms, Mode mode) {
    return Spotter(text, claimed, lower_case_terms, mode).run();
}

} // namespace newssearch::entities::detail
