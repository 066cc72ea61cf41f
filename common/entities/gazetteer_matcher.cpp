#include "common/entities/gazetteer_matcher.hpp"

#include <algorithm>
#include <set>

namespace newssearch::entities::detail {

bool case_fits(WordCase need, const Word& word, Mode mode) {
    switch (need) {
    case WordCase::any:
        return true;
    case WordCase::capitalised:
        return mode == Mode::query || word.capitalised;
    case WordCase::acronym:
        if (mode == Mode::query && word.key.size() > 3)
            return true;
        return word.no_lower || word.dotted;
    }
    return false;
}

std::vector<GazetteerMatch> match_gazetteer(const AnalysedText& text, const Gazetteer& gazetteer,
                                            Mode mode) {
    std::vector<GazetteerMatch> matches;
    if (gazetteer.empty())
        return matches;
    const std::vector<Word>& words = text.words;
    std::string key;
    for (std::size_t i = 0; i < words.size();) {
        const std::size_t longest =
            words[i].key.empty() ? 0 : gazetteer.longest_alias(words[i].key);
        // How far a name starting here may reach: joined words of the same sentence.
        std::size_t reach = 1;
        while (reach < longest && i + reach < words.size() && words[i + reach].joined &&
               !words[i + reach].key.empty())
            ++reach;
        bool matched = false;
        for (std::size_t length = std::min(longest, reach); length > 0 && !matched; --length) {
            key.clear();
            for (std::size_t j = i; j < i + length; ++j) {
                if (j > i)
                    key += ' ';
                key += words[j].key;
            }
            GazetteerMatch match{i, i + length, {}, true};
            for (const AliasForm& form : gazetteer.lookup(key)) {
                bool fits = true;
                for (std::size_t j = 0; j < length && fits; ++j)
                    fits = case_fits(form.cases[j], words[i + j], mode);
                if (!fits)
                    continue;
                if (std::find(match.entries.begin(), match.entries.end(), form.entry) ==
                    match.entries.end())
                    match.entries.push_back(form.entry);
                match.adjective = match.adjective && form.adjective;
            }
            if (match.entries.empty())
                continue;
            matches.push_back(std::move(match));
            i += length;
            matched = true;
        }
        if (!matched)
            ++i;
    }
    return matches;
}

void resolve_shared_aliases(std::vector<std::vector<GazetteerMatch>>& matches) {
    std::set<std::size_t> certain;
    for (const auto& part : matches)
        for (const GazetteerMatch& match : part)
            if (match.entries.size() == 1)
                certain.insert(match.entries.front());
    for (auto& part : matches)
        for (GazetteerMatch& match : part) {
            if (match.entries.size() == 1)
                continue;
            std::erase_if(match.entries,
                          [&](std::size_t entry) { return !certain.contains(entry); });
            if (match.entries.size() > 1)
                match.entries.clear();
        }
}

} // namespace newssearch::entities::detail
