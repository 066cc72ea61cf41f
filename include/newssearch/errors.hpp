#pragma once
/// The exceptions newssearch throws, in the library API and inside it alike. Split the way Xapian
/// splits its own: a UsageError is the caller's fault (bad argument, bad option, malformed query);
/// a DataError is about the world (unreadable or malformed article, missing, locked or corrupt
/// index). Catch newssearch::Error for all of them. Programs catch them at their boundary and turn
/// them into one clear line and an exit code.

#include <newssearch/export.hpp>

#include <stdexcept>
#include <string>

namespace newssearch {

/// Base of every exception newssearch throws on purpose.
class NEWSSEARCH_API Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The caller asked for something invalid: bad option value, malformed query, ...
class NEWSSEARCH_API UsageError : public Error {
  public:
    using Error::Error;
};

/// Input or environment is wrong: unreadable or invalid file, missing or corrupt index.
class NEWSSEARCH_API DataError : public Error {
  public:
    using Error::Error;
};

/// The index could not be opened, read or written (missing, locked, corrupt, incompatible).
class NEWSSEARCH_API IndexError : public DataError {
  public:
    using DataError::DataError;
};

} // namespace newssearch
