#include "server/socket_address.hpp"

#include <array>
#include <cstdlib>

#include <netdb.h>
#include <sys/socket.h>

namespace newssearch::server {
namespace {

std::string numeric_host(const sockaddr_storage& address, socklen_t length, int& port) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> service{};
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host.data(), host.size(),
                      service.data(), service.size(), NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return {};
    port = std::atoi(service.data());
    return host.data();
}

} // namespace

std::string peer_address(int sock, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
    return numeric_host(address, length, port);
}

std::string local_address(int sock, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
    return numeric_host(address, length, port);
}

} // namespace newssearch::server
