#pragma once
/// The cleaned article lives in the public header: the library API indexes and returns the very
/// struct the internals use.

#include <newssearch/article.hpp>
