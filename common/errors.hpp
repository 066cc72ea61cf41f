#pragma once
/// The library's exceptions. Split the way Xapian splits its own: a UsageError is the caller's
/// fault (bad argument, bad option, malformed query); a DataError is about the world (unreadable
/// or malformed article, missing, locked or corrupt index). Programs catch them at their boundary
/// and turn them into one clear line and an exit code.

#include <stdexcept>
#include <string>

namespace newssearch {

/// Base of every exception newssearch throws on purpose.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The caller asked for something invalid: bad option value, malformed query, ...
class UsageError : public Error {
  public:
    using Error::Error;
};

/// Input or environment is wrong: unreadable or invalid file, missing or corrupt index.
class DataError : public Error {
  public:
    using Error::Error;
};

/// The index could not be opened or written (missing, locked, corrupt, incompatible).
class IndexError : public DataError {
  public:
    using DataError::DataError;
};

} // namespace newssearch
