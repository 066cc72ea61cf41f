#pragma once
/// The numeric addresses of a connected socket's two ends, as the access log and the per-client
/// connection limit name clients ("127.0.0.1", "::1").

#include <string>

namespace newssearch::server {

/// The address of the other end of `sock` and its port; empty (port untouched) when unknown.
[[nodiscard]] std::string peer_address(int sock, int& port);
/// The address of this end of `sock` and its port; empty (port untouched) when unknown.
[[nodiscard]] std::string local_address(int sock, int& port);

} // namespace newssearch::server
