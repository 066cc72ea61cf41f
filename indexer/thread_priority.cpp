#include "indexer/thread_priority.hpp"

#include <algorithm>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace newssearch::indexer {

int this_thread_nice() {
#ifdef __linux__
    // On Linux the "process" of PRIO_PROCESS is a thread id. -1 is a valid nice value, so errno
    // tells a failure apart.
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

void lower_this_thread_priority(int steps) {
#ifdef __linux__
    const int nice = std::min(19, this_thread_nice() + steps);
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), nice);
#else
    (void)steps;
#endif
}

} // namespace newssearch::indexer
