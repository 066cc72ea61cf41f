#include <newssearch/newssearch.hpp>

namespace newssearch {

const char* version() { return NEWSSEARCH_VERSION; }

} // namespace newssearch
