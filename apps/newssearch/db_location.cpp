#include "db_location.hpp"

#include "common/data_dir.hpp"

#include <cstdlib>

namespace newssearch::app {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

} // namespace

DatabaseLocation database_location(const std::string& db_option) {
    if (!db_option.empty()) return {db_option, false};
    if (std::string from_env = environment("NEWSSEARCH_DB"); !from_env.empty()) return {from_env, false};
    std::string data_home = environment("XDG_DATA_HOME");
    if (data_home.empty()) {
        const std::string home = environment("HOME");
        data_home = (home.empty() ? std::string(".") : home) + "/.local/share";
    }
    return {data_home + "/newssearch/db", true};
}

std::string bundled_corpus_folder() {
    if (std::string from_env = environment("NEWSSEARCH_CORPUS"); !from_env.empty()) return from_env;
    return data_dir() + "/raw";
}

std::string bundled_gazetteer() { return data_dir() + "/entities.tsv"; }

std::string bundled_synonyms() { return data_dir() + "/synonyms.txt"; }

} // namespace newssearch::app
