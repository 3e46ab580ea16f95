#!/usr/bin/python3
"""Whether idle and slow connections stall `paperdeck serve`: opens IDLE connections that send
nothing and SLOW ones that send a request head a byte at a time and never finish it, then times
SEARCHES searches, each on a fresh connection, while they are open; then a burst of BURST
connections at once, each asking one search. Prints one line per probe. Not a test (the tests
hold the server to this in tests/http/server_connections_test.cc); bench/http_load.sh runs it.

    bench/http_stall.py PORT [IDLE] [SLOW] [SEARCHES] [BURST]
"""
import socket
import statistics
import sys
import threading
import time

port = int(sys.argv[1])
idle_count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
slow_count = int(sys.argv[3]) if len(sys.argv) > 3 else 40
searches = int(sys.argv[4]) if len(sys.argv) > 4 else 9
burst = int(sys.argv[5]) if len(sys.argv) > 5 else 200
host = f"127.0.0.1:{port}"


def search(query="attention", timeout=60.0):
    """One GET /api/search on a fresh connection; (seconds, status)."""
    start = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(f"GET /api/search?q={query}&limit=20 HTTP/1.1\r\nHost: {host}\r\n"
              "Connection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    status = int(data[9:12]) if data.startswith(b"HTTP/1.") else 0
    return time.monotonic() - start, status


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


search()  # map the index before timing
idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(idle_count)]
slow = []
for _ in range(slow_count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /api/search?q=attention HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode())
    slow.append(s)
done = threading.Event()


def trickle():
    while not done.is_set():
        for s in slow:
            try:
                s.send(b"a")
            except OSError:
                pass
        time.sleep(0.2)


t = threading.Thread(target=trickle)
t.start()
times, statuses = [], []
for _ in range(searches):
    took, status = search()
    times.append(took)
    statuses.append(status)
done.set()
t.join()
print(f"with {idle_count} idle and {slow_count} slow connections open: {searches} searches, "
      f"median {ms(statistics.median(times))}, max {ms(max(times))}, "
      f"statuses {sorted(set(statuses))}")
for s in idle + slow:
    s.close()

# A burst: every connection at once, each asking one search.
results = [None] * burst


def one(i):
    try:
        results[i] = search(f"attention+{i % 7}")
    except OSError as e:
        results[i] = (None, str(e))


start = time.monotonic()
threads = [threading.Thread(target=one, args=(i,)) for i in range(burst)]
for th in threads:
    th.start()
for th in threads:
    th.join()
wall = time.monotonic() - start
ok = [r[0] for r in results if r[0] is not None and r[1] == 200]
print(f"burst of {burst} connections at once: {len(ok)} answered 200 in {ms(wall)}, "
      f"slowest {ms(max(ok)) if ok else '-'}, failed {burst - len(ok)}")
