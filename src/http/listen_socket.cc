#include "http/listen_socket.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

namespace paperdeck::http {

int SystemListenBacklog() {
  std::ifstream in("/proc/sys/net/core/somaxconn");
  long value = 0;
  if (in >> value && value > 0) return static_cast<int>(std::min<long>(value, 1 << 20));
  return SOMAXCONN;
}

ListenSocket::~ListenSocket() {
  if (fd_ >= 0) ::close(fd_);
}

ListenSocket::ListenSocket(ListenSocket&& other) noexcept : fd_(other.fd_), port_(other.port_) {
  other.fd_ = -1;
}

ListenSocket& ListenSocket::operator=(ListenSocket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    port_ = other.port_;
    other.fd_ = -1;
  }
  return *this;
}

int ListenSocket::Release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

Result<ListenSocket> ListenSocket::Open(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  std::string bare = host;
  if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']') bare = bare.substr(1, bare.size() - 2);
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(bare.empty() ? nullptr : bare.c_str(), service.c_str(), &hints, &found);
      rc != 0) {
    return Status::IOError("could not listen on " + where + ": " + ::gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  std::string why = "no address";
  for (const addrinfo* a = found; a; a = a->ai_next) {
    ListenSocket s;
    s.fd_ = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (s.fd_ < 0) {
      why = std::strerror(errno);
      continue;
    }
    int on = 1;
    ::setsockopt(s.fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(s.fd_, a->ai_addr, a->ai_addrlen) != 0 ||
        ::listen(s.fd_, SystemListenBacklog()) != 0) {
      why = errno == EADDRINUSE ? "the port is in use"
            : errno == EADDRNOTAVAIL ? "not an address of this machine"
                                     : std::strerror(errno);
      continue;
    }
    sockaddr_storage bound{};
    socklen_t size = sizeof bound;
    if (::getsockname(s.fd_, reinterpret_cast<sockaddr*>(&bound), &size) != 0) {
      why = std::strerror(errno);
      continue;
    }
    s.port_ = ntohs(bound.ss_family == AF_INET6
                        ? reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port
                        : reinterpret_cast<const sockaddr_in*>(&bound)->sin_port);
    return s;
  }
  return Status::IOError("could not listen on " + (port == 0 ? host + " (any port)" : where) +
                         ": " + why);
}

}  // namespace paperdeck::http
