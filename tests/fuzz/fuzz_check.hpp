#pragma once
/// What the fuzz targets share: a check that stops the run (libFuzzer then saves the input) when
/// an invariant of the code under test does not hold.

#include <cstdio>
#include <cstdlib>

/// Aborts with `what` when `condition` is false.
#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz check failed: %s (%s)\n", what, #condition);                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
