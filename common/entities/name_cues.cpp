#include "common/entities/name_cues.hpp"

#include "common/stopwords.hpp"

#include <string>
#include <string_view>
#include <unordered_set>

namespace newssearch::entities::cues {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Each list is built the first time it is asked for: a one-shot search asks for few of them, and
// building all of them when the program started was 2% of its instructions.

const WordSet& titles() {
    static const WordSet words{
        "president",    "minister",    "premier",       "chancellor",     "secretary", "senator",
        "sen",          "congressman", "congresswoman", "representative", "rep",       "governor",
        "gov",          "mayor",       "ambassador",    "envoy",          "spokesman", "spokeswoman",
        "spokesperson", "adviser",     "advisor",       "aide",           "director",  "chairman",
        "chairwoman",   "chairperson", "commissioner",  "judge",          "justice",   "king",
        "queen",        "prince",      "princess",      "emperor",        "empress",   "pope",
        "patriarch",    "cardinal",    "archbishop",    "bishop",         "rabbi",     "imam",
        "sheikh",       "sheik",       "emir",          "ayatollah",      "sultan",    "admiral",
        "adm",          "colonel",     "col",           "captain",        "capt",      "lieutenant",
        "lt",           "sergeant",    "sgt",           "commander",      "cmdr",      "marshal",
        "general",      "gen",         "brigadier",     "brig",           "mr",        "mrs",
        "ms",           "dr",          "prof",          "professor",      "sir",       "dame",
        "lord",         "lady",        "madam",         "mister",         "messrs",    "chief",
        "leader",       "ceo",         "dictator",      "inspector",      "detective", "agent",
        "officer"};
    return words;
}

const WordSet& person_cues() {
    static const WordSet words{
        "president",   "minister",      "premier",      "chancellor",   "secretary",     "senator",
        "congressman", "congresswoman", "governor",     "mayor",        "ambassador",    "envoy",
        "spokesman",   "spokeswoman",   "spokesperson", "adviser",      "advisor",       "aide",
        "director",    "chairman",      "chairwoman",   "commissioner", "diplomat",      "counterpart",
        "leader",      "dictator",      "king",         "queen",        "prince",        "princess",
        "pope",        "patriarch",     "emperor",      "admiral",      "colonel",       "commander",
        "lieutenant",  "sergeant",      "journalist",   "reporter",     "correspondent", "analyst",
        "lawyer",      "negotiator",    "mediator",     "businessman",  "businesswoman", "billionaire",
        "oligarch",    "tycoon",        "activist",     "blogger",      "wife",          "husband",
        "son",         "daughter",      "ceo",          "founder",      "executive",     "nominee",
        "candidate"};
    return words;
}

const WordSet& departments() {
    static const WordSet words{
        "state",     "defense",     "defence",  "foreign",     "affairs",    "homeland",
        "security",  "treasury",    "commerce", "justice",     "health",     "education",
        "energy",    "agriculture", "labor",    "labour",      "interior",   "transportation",
        "transport", "finance",     "economy",  "economic",    "war",        "trade",
        "culture",   "housing",     "veterans", "internal",    "home",       "human",
        "services",  "development", "urban",    "emergency",   "situations", "digital",
        "science",   "technology",  "industry", "environment", "europe",     "european",
        "national",  "public",      "the"};
    return words;
}

const WordSet& particles() {
    static const WordSet words{"de", "da",  "di",  "del", "della", "van", "von", "der", "den", "du", "la",
                            "le", "bin", "ibn", "al",  "el",    "dos", "das", "ben", "ter", "ten"};
    return words;
}

const WordSet& calendar() {
    static const WordSet words{"monday",   "tuesday",   "wednesday", "thursday", "friday",   "saturday",
                           "sunday",   "mon",       "tue",       "tues",     "wed",      "thu",
                           "thur",     "thurs",     "fri",       "sat",      "sun",      "january",
                           "february", "march",     "april",     "may",      "june",     "july",
                           "august",   "september", "october",   "november", "december", "jan",
                           "feb",      "mar",       "apr",       "jun",      "jul",      "aug",
                           "sep",      "sept",      "oct",       "nov",      "dec"};
    return words;
}

const WordSet& sentence_openers() {
    static const WordSet words{
        "according",  "despite",   "following", "during",  "earlier",   "later",     "meanwhile",
        "however",    "although",  "though",    "since",   "until",     "unless",    "because",
        "before",     "then",      "now",       "today",   "yesterday", "tonight",   "tomorrow",
        "yet",        "still",     "even",      "only",    "instead",   "moreover",  "furthermore",
        "thus",       "therefore", "hence",     "indeed",  "perhaps",   "maybe",     "finally",
        "first",      "second",    "third",     "last",    "next",      "another",   "other",
        "many",       "most",      "more",      "much",    "several",   "few",       "every",
        "not",        "none",      "one",       "two",     "three",     "four",      "five",
        "six",        "seven",     "eight",     "nine",    "ten",       "once",      "again",
        "already",    "almost",    "always",    "never",   "often",     "sometimes", "soon",
        "among",      "amid",      "amongst",   "against", "between",   "around",    "through",
        "throughout", "toward",    "towards",   "under",   "without",   "within",    "across",
        "along",      "behind",    "beyond",    "near",    "off",       "out",       "over",
        "down",       "above",     "below",     "like",    "unlike",    "whether",   "whatever",
        "whoever",    "let",       "yes",       "oh",      "please",    "thanks",    "dear",
        "hello",      "well",      "here",      "there",   "where",     "everyone",  "everything",
        "nothing",    "someone",   "something", "anyone",  "anything",  "nobody",    "somebody"};
    return words;
}

const WordSet& nationalities() {
    static const WordSet words{
        "american",     "americans",     "mexican",     "mexicans",     "african",   "africans",
        "german",       "germans",       "moroccan",    "moroccans",    "cuban",     "cubans",
        "french",       "dutch",         "greek",       "greeks",       "thai",      "iraqi",
        "iraqis",       "israeli",       "israelis",    "saudi",        "saudis",    "pakistani",
        "pakistanis",   "afghan",        "afghans",     "swiss",        "czech",     "czechs",
        "slovak",       "slovaks",       "azerbaijani", "azerbaijanis", "kazakh",    "kazakhs",
        "uzbek",        "uzbeks",        "croat",       "croats",       "icelandic", "welsh",
        "argentine",    "argentines",    "filipino",    "filipinos",    "kenyan",    "kenyans",
        "yemeni",       "yemenis",       "emirati",     "emiratis",     "qatari",    "qataris",
        "kuwaiti",      "kuwaitis",      "libyan",      "libyans",      "somali",    "somalis",
        "soviet",       "soviets",       "western",     "eastern",      "northern",  "southern",
        "arab",         "arabs",         "arabic",      "muslim",       "muslims",   "catholic",
        "catholics",    "orthodox",      "sunni",       "sunnis",       "shia",      "shiite",
        "shiites",      "latino",        "latinos",     "baltic",       "nordic",    "slavic",
        "hispanic",     "republican",    "republicans", "democrat",     "democrats", "democratic",
        "conservative", "conservatives", "liberal",     "liberals",     "communist", "communists",
        "socialist",    "socialists",    "nazi",        "nazis",        "bolshevik", "bolsheviks",
        "zionist",      "jew",           "jews",        "irish",        "scots",     "turk",
        "turks",        "kurd",          "kurds",       "serb",         "serbs",     "brit",
        "brits",        "briton",        "britons",     "yankee",       "yankees",   "venezuelan",
        "paraguayan",   "uruguayan",     "guatemalan",  "nicaraguan",   "honduran",  "salvadoran",
        "dominican",    "jamaican",      "tibetan",     "moldovan",     "chechen",   "tajik",
        "kyrgyz",       "turkmen",       "rwandan",     "angolan",      "ugandan",   "omani",
        "bahraini",     "bangladeshi",   "lankan",      "montenegrin",  "kosovar",   "slovene",
        "tatar",        "abkhaz",        "finn",        "dane",         "swede",     "puerto",
        "rican",        "ossetian",      "abkhazian"};
    return words;
}

const WordSet& generic() {
    static const WordSet words{
        "foreign",    "defense",      "defence",        "interior",   "state",      "states",
        "general",    "supreme",      "national",       "security",   "federal",    "central",
        "special",    "military",     "press",          "public",     "health",     "finance",
        "justice",    "home",         "internal",       "emergency",  "high",       "joint",
        "armed",      "forces",       "force",          "ministry",   "ministries", "department",
        "dept",       "assembly",     "court",          "council",    "office",     "service",
        "services",   "government",   "administration", "committee",  "commission", "agency",
        "parliament", "senate",       "congress",       "house",      "army",       "navy",
        "police",     "cabinet",      "embassy",        "consulate",  "republic",   "kingdom",
        "union",      "federation",   "party",          "chamber",    "bureau",     "board",
        "authority",  "church",       "city",           "region",     "province",   "border",
        "guard",      "intelligence", "staff",          "operations", "operation",  "coalition",
        "alliance",   "summit",       "conference",     "talks",      "agreement",  "agreements",
        "treaty",     "accord",       "accords",        "war",        "truce",      "ceasefire",
        "pool",       "photo",        "photos",         "telegram",   "channel",    "news",
        "media",      "digital",      "international",  "global",     "world",      "regional",
        "local",      "royal",        "presidential",   "prime",      "vice",       "deputy",
        "acting",     "former",       "senior",         "top",        "head",       "headquarters",
        "north",      "south",        "east",           "west",       "northern",   "southern",
        "eastern",    "western",      "upper",          "lower",      "greater",    "grand",
        "affairs",    "ministers",    "officials",      "official",   "leaders",    "group",
        "people",     "peoples",      "nations",        "nation",     "country",    "county",
        "district",   "province",     "capital",        "breaking",   "live",       "update",
        "updates",    "exclusive",    "opinion",        "editorial",  "analysis",   "video",
        "watch",      "read",         "more",           "related",    "source",     "sources",
        "report",     "reports"};
    return words;
}

const WordSet& common_acronyms() {
    static const WordSet words{"tv",  "ceo", "cfo", "coo", "gdp", "am",  "pm",  "ok",   "utc",
                                  "gmt", "pdf", "faq", "diy", "hq",  "id",  "vip", "usd",  "eur",
                                  "rub", "gbp", "dna", "ai",  "it",  "pr",  "hr",  "sms",  "gps",
                                  "ufo", "ad",  "bc",  "ce",  "bce", "url", "www", "html", "usb",
                                  "ps",  "nb",  "etc", "eta", "rip", "lol", "ft"};
    return words;
}

const WordSet& abbreviations() {
    static const WordSet words{"mr",   "mrs",    "ms",   "dr",  "st",   "jr",  "sr",   "gen",
                                "sen",  "rep",    "gov",  "lt",  "col",  "sgt", "capt", "prof",
                                "dept", "corp",   "inc",  "co",  "ltd",  "mt",  "ft",   "adm",
                                "cmdr", "messrs", "pres", "maj", "brig", "cpl", "pvt",  "hon",
                                "rev",  "fr",     "gov",  "sec", "atty"};
    return words;
}

const WordSet& organisation_words() {
    static const WordSet words{
        "ministry",    "department",  "dept",         "agency",      "council",      "committee",
        "commission",  "party",       "bank",         "university",  "institute",    "institution",
        "corporation", "corp",        "inc",          "ltd",         "llc",          "plc",
        "company",     "co",          "group",        "holdings",    "news",         "times",
        "post",        "journal",     "tribune",      "herald",      "gazette",      "telegraph",
        "press",       "network",     "broadcasting", "television",  "tv",           "radio",
        "magazine",    "service",     "services",     "office",      "court",        "parliament",
        "assembly",    "congress",    "senate",       "army",        "navy",         "forces",
        "police",      "guard",       "foundation",   "association", "organization", "organisation",
        "alliance",    "fund",        "board",        "bureau",      "authority",    "administration",
        "embassy",     "club",        "league",       "union",       "federation",   "airlines",
        "airways",     "motors",      "industries",   "academy",     "college",      "school",
        "hospital",    "church",      "team",         "fc",          "house",        "cabinet",
        "secretariat", "directorate", "command",      "brigade",     "regiment",     "battalion",
        "hotel",       "agencies",    "society",      "movement",    "front",        "coalition"};
    return words;
}

const WordSet& place_words() {
    static const WordSet words{
        "city",      "town",     "village",   "river",     "sea",       "ocean",   "lake",
        "bay",       "gulf",     "strait",    "straits",   "island",    "islands", "isle",
        "peninsula", "mountain", "mountains", "mount",     "hills",     "valley",  "desert",
        "coast",     "province", "region",    "oblast",    "krai",      "county",  "district",
        "republic",  "kingdom",  "square",    "street",    "avenue",    "road",    "boulevard",
        "park",      "garden",   "gardens",   "ave",       "blvd",      "airport", "port",
        "harbor",    "harbour",  "bridge",    "canal",     "heights",   "plains",  "basin",
        "delta",     "steppe",   "forest",    "falls",     "highlands", "cape",    "reservoir",
        "dam",       "station",  "palace",    "cathedral", "stadium",   "arena",   "plant"};
    return words;
}

const WordSet& of_heads() {
    static const WordSet words{"states",      "nations",   "battle", "siege",  "treaty",
                           "declaration", "statue",    "order",  "house",  "prince",
                           "museum",      "cathedral", "church", "chamber"};
    return words;
}

const WordSet& query_operators() {
    static const WordSet words{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return words;
}

bool is_english_stopword(std::string_view word) {
    static const WordSet stopwords(std::begin(english_stopwords), std::end(english_stopwords));
    return stopwords.contains(word);
}

} // namespace

bool is_title(std::string_view word) {
    return titles().contains(word);
}
bool is_person_cue(std::string_view word) {
    return person_cues().contains(word);
}
bool is_department(std::string_view word) {
    return departments().contains(word);
}
bool is_name_particle(std::string_view word) {
    return particles().contains(word);
}
bool is_calendar(std::string_view word) {
    return calendar().contains(word);
}
bool is_generic(std::string_view word) {
    return generic().contains(word);
}
bool is_common_acronym(std::string_view word) {
    return common_acronyms().contains(word);
}
bool is_abbreviation(std::string_view word) {
    return abbreviations().contains(word);
}
bool is_organisation_word(std::string_view word) {
    return organisation_words().contains(word);
}
bool is_place_word(std::string_view word) {
    return place_words().contains(word);
}
bool is_query_operator(std::string_view written) {
    return query_operators().contains(written);
}

bool is_function_word(std::string_view word) {
    // A contraction of a function word is one too: "I've", "We're", "It'll", "Don't".
    if (const std::size_t apostrophe = word.find('\''); apostrophe != std::string_view::npos && apostrophe > 0)
        return is_function_word(word.substr(0, apostrophe)) || word.substr(0, apostrophe) == "don";
    return is_english_stopword(word) || sentence_openers().contains(word);
}

bool takes_of(std::string_view word) {
    return of_heads().contains(word) || titles().contains(word) || organisation_words().contains(word) ||
           place_words().contains(word);
}

bool is_nationality(std::string_view word) {
    if (nationalities().contains(word))
        return true;
    if (word.size() > 3 && word.back() == 's' &&
        nationalities().contains(word.substr(0, word.size() - 1)))
        return true; // "Venezuelans"
    // Ukrainian, Europeans, Chinese, British: the regular demonym endings.
    for (const std::string_view ending : {"ian", "ians", "ean", "eans", "ese", "ish"})
        if (word.size() >= ending.size() + 3 && word.ends_with(ending))
            return true;
    return false;
}

bool is_roman_numeral(std::string_view word) {
    static const std::unordered_set<std::string> numerals = [] {
        std::unordered_set<std::string> set;
        for (const std::string_view tens : {"", "x", "xx", "xxx"})
            for (const std::string_view units :
                 {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"})
                set.insert(std::string(tens) + std::string(units));
        set.erase("");
        return set;
    }();
    return word.size() <= 6 && numerals.contains(std::string(word));
}

} // namespace newssearch::entities::cues
