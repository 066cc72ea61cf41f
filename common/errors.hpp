#pragma once
/// The library's exceptions live in the public header: callers of the library API catch the
/// very types the internals throw.

#include <newssearch/errors.hpp>
