# NEWSSEARCH_JEMALLOC=ON (the default) links the program for long runs, newssearch-serve, which
# `newssearch serve` and `newssearch index` run in (apps/newssearch/serve_program.hpp), with jemalloc (Debian's
# libjemalloc-dev). Indexing allocates and frees millions of small nodes (Xapian's documents and
# its batch of posting changes, the analysis's strings) across threads; with glibc's allocator the
# writer thread spends a visible share of its time in malloc and free, and runs are slower
# (measured in docs/INDEXING.md). Only that program links it: the library leaves the allocator to
# whatever program embeds it. Sanitizer and fuzz builds keep the sanitizers' own allocator.
option(NEWSSEARCH_JEMALLOC "Link the newssearch program with jemalloc" ON)
if(NEWSSEARCH_JEMALLOC AND NOT NEWSSEARCH_SANITIZERS AND NOT NEWSSEARCH_FUZZ)
    pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()
