#pragma once
/// NEWSSEARCH_API marks what libnewssearch exports; everything else in it is hidden.

#if defined(__GNUC__) || defined(__clang__)
#define NEWSSEARCH_API __attribute__((visibility("default")))
#else
#define NEWSSEARCH_API
#endif
