#include "render/render_text.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace newssearch::render {
namespace {

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view mark = "\x1b[1;33m";
constexpr std::string_view dim = "\x1b[2m";
constexpr std::string_view reset = "\x1b[0m";

/// `text` with control characters (the terminal's escape sequences among them) shown as '?', so
/// that nothing typed or indexed can drive the terminal. Bytes that are not UTF-8 become U+FFFD,
/// which can change the length: byte offsets into `text` apply to it before, not after.
std::string terminal_safe(std::string_view text, bool keep_newlines = false) {
    // Bytes that are not UTF-8 (a query typed in another encoding) show as U+FFFD, as in --json.
    std::string out = repair_utf8(text);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && !(keep_newlines && c == '\n')) || byte == 0x7F) c = '?';
    }
    return out;
}

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string format_score(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", score);
    return buffer;
}

/// Snippet text on one line: a paragraph break inside a passage becomes " ¶ ".
void write_snippet(std::ostream& out, const Hit& hit, const TextStyle& style) {
    const std::string& snippet = hit.snippet;
    std::string text;
    std::vector<std::size_t> moved(snippet.size() + 1); // old byte offset -> new
    for (std::size_t i = 0; i < snippet.size(); ++i) {
        moved[i] = text.size();
        if (snippet[i] != '\n') {
            text += snippet[i];
        } else if (i == 0 || snippet[i - 1] != '\n') {
            text += " \xC2\xB6 ";
        }
    }
    moved[snippet.size()] = text.size();
    std::vector<ByteRange> highlights;
    for (const ByteRange& range : hit.highlights) highlights.push_back({moved[range.begin], moved[range.end]});
    out << "   " << (hit.snippet_starts_mid_text ? "\xE2\x80\xA6" : "");
    write_marked(out, text, highlights, style);
    out << (hit.snippet_ends_mid_text ? "\xE2\x80\xA6" : "") << '\n';
}

/// The passage's entities, each once, in order of first mention.
void write_entities(std::ostream& out, const std::vector<EntityMention>& mentions, const TextStyle& style) {
    std::vector<std::string> seen;
    std::string line;
    for (const EntityMention& mention : mentions) {
        const Entity& entity = mention.entity;
        if (std::find(seen.begin(), seen.end(), entity.key) != seen.end()) continue;
        seen.push_back(entity.key);
        if (!line.empty()) line += ", ";
        line += entity.canonical + " (" + entity.type + ")";
    }
    if (!line.empty()) out << "   " << (style.color ? dim : "") << "entities: " << terminal_safe(line) << (style.color ? reset : "") << '\n';
}

/// --facets: what the matching articles have in common, to narrow the search with.
void write_facets(std::ostream& out, const Facets& facets, const TextStyle& style) {
    out << '\n' << (style.color ? bold : "") << "Facets over " << plural(facets.articles_counted, "matching article")
        << (style.color ? reset : "") << '\n';
    const auto row = [&](const char* name, const std::vector<FacetCount>& values, bool entity) {
        if (values.empty()) return;
        out << "  " << name << ":";
        for (std::size_t i = 0; i < values.size(); ++i) {
            out << (i ? ", " : " ") << values[i].value << " (" << values[i].articles << ")";
            if (entity) out << (style.color ? dim : "") << " entity:" << values[i].key << (style.color ? reset : "");
        }
        out << '\n';
    };
    row("entities", facets.entities, true);
    row("sources", facets.sources, false);
    row("categories", facets.categories, false);
    row("months", facets.months, false);
}

/// --explain: one line per matching term, then how they add up.
void write_explanation(std::ostream& out, const Explanation& explanation, const TextStyle& style) {
    out << "   " << (style.color ? dim : "") << "why: score " << format_score(explanation.score)
        << (explanation.bonuses.empty() ? " = BM25 sum of\n" : " = BM25 sum of the words and bonuses\n");
    for (const TermContribution& term : explanation.terms) {
        out << "     " << format_score(term.weight) << "  " << term.term << "  in " << term.field << ", "
            << term.wdf << (term.wdf == 1 ? " time" : " times");
        if (term.from_title > 0) out << " (" << term.from_title << " from the title, which counts extra)";
        out << "; in " << term.articles_with_term << " articles of the index\n";
    }
    for (const ScoreBonus& bonus : explanation.bonuses)
        out << "     " << format_score(bonus.weight) << "  bonus: " << bonus.reason << '\n';
    out << (style.color ? reset : "");
}

} // namespace

void write_marked(std::ostream& out, std::string_view text, const std::vector<ByteRange>& highlights,
                  const TextStyle& style) {
    if (!style.color) {
        out << terminal_safe(text);
        return;
    }
    // The marks are placed by the text's own offsets, each piece made safe on its own.
    std::size_t at = 0;
    for (const ByteRange& range : highlights) {
        if (range.begin < at || range.end > text.size()) continue;
        out << terminal_safe(text.substr(at, range.begin - at)) << mark
            << terminal_safe(text.substr(range.begin, range.end - range.begin)) << reset;
        at = range.end;
    }
    out << terminal_safe(text.substr(at));
}

void render_text(std::ostream& out, const SearchResults& result, const TextStyle& style) {
    const std::string_view unit = result.passages ? "passage" : "article";
    const std::string query = terminal_safe(result.query);
    for (const std::string& notice : result.notices) out << "Note: " << terminal_safe(notice) << '\n';
    if (!result.did_you_mean.empty()) out << "Did you mean: " << terminal_safe(result.did_you_mean) << "?\n";
    if (result.hits.empty()) {
        out << "No " << unit << "s match: " << query;
        if (result.offset > 0 && result.total_estimate > 0) out << " (past result " << result.offset << ")";
        out << '\n';
        return;
    }
    out << (result.total_is_exact ? "" : "About ") << plural(result.total_estimate, unit)
        << (result.total_estimate == 1 ? " matches: " : " match: ")
        << (result.corrected_query.empty() ? query
                                           : terminal_safe(result.corrected_query) + " (nothing matched " + query + ")")
        << " (showing "
        << result.hits.front().rank << "-" << result.hits.back().rank << ")\n";
    for (const Hit& hit : result.hits) {
        out << '\n' << hit.rank << ". " << (style.color ? bold : "");
        write_marked(out, hit.article.title.empty() ? hit.article.id : hit.article.title, hit.title_highlights, style);
        out << (style.color ? reset : "") << '\n';

        std::string meta = hit.article.source.empty() ? "unknown source" : hit.article.source;
        meta += " \xC2\xB7 " + (hit.article.date.empty() ? std::string("undated") : hit.article.date);
        meta += " \xC2\xB7 " + hit.article.id + " \xC2\xB7 " +
                (hit.passage_kind == "caption" || hit.passage_kind == "lede" ? hit.passage_kind
                                                                              : "passage " + std::to_string(hit.passage + 1)) +
                "/" + std::to_string(hit.article_passages);
        if (hit.other_matching_passages > 0)
            meta += " (+" + plural(hit.other_matching_passages, "more matching passage") + ")";
        meta += " \xC2\xB7 score " + format_score(hit.score);
        out << "   " << (style.color ? dim : "") << terminal_safe(meta) << (style.color ? reset : "") << '\n';
        write_snippet(out, hit, style);
        write_entities(out, hit.entities, style);
        if (!hit.copies.empty()) {
            std::string copies = "   " + std::to_string(hit.copies.size()) +
                                 (hit.copies.size() == 1 ? " more copy" : " more copies") + " of this story:";
            for (const std::string& id : hit.copies) copies += " " + id;
            out << (style.color ? dim : "") << terminal_safe(copies) << (style.color ? reset : "") << '\n';
        }
        if (hit.explanation) write_explanation(out, *hit.explanation, style);
    }
    if (result.facets) write_facets(out, *result.facets, style);
}

} // namespace newssearch::render
