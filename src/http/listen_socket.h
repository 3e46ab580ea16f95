// ListenSocket: the TCP socket `paperdeck serve` accepts connections on, bound and listening
// before the server runs, so the port is known (port 0: any free one) and connections that
// arrive before the server's loop starts wait in the backlog. The backlog is the system's
// maximum (/proc/sys/net/core/somaxconn, else SOMAXCONN): a burst of clients, a browser's six
// connections times a few tabs or a load tool's hundreds, queues instead of being dropped and
// retried a second later.
//
// Threading: a value owned by one thread; the descriptor is handed to the server with Release().
#pragma once

#include <string>

#include "model/status.h"

namespace paperdeck::http {

class ListenSocket {
 public:
  ListenSocket() = default;
  ~ListenSocket();
  ListenSocket(ListenSocket&& other) noexcept;
  ListenSocket& operator=(ListenSocket&& other) noexcept;
  ListenSocket(const ListenSocket&) = delete;
  ListenSocket& operator=(const ListenSocket&) = delete;

  // Binds host (a name or an address; "0.0.0.0" and "::" are every interface) at port (0: any
  // free port) and listens. The error names the address and why.
  static Result<ListenSocket> Open(const std::string& host, int port);

  bool is_open() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  int port() const { return port_; }
  // The descriptor, no longer closed by this object. REQUIRES: is_open().
  int Release();

 private:
  int fd_ = -1;
  int port_ = 0;
};

// The listen backlog the system allows at most: /proc/sys/net/core/somaxconn, else SOMAXCONN.
int SystemListenBacklog();

}  // namespace paperdeck::http
