#!/usr/bin/env bash
# A bounded load run of `paperdeck serve` on loopback. First bench/http_stall.py: searches timed
# while 200 idle and 40 slow connections are open, then a burst of 200 connections at once;
# then wrk against GET /api/search with a rotating set of real queries (bench/http_queries.lua).
# Not a test; prints latencies, requests/s, errors, the server's threads and its peak RSS.
#
#   bench/http_load.sh DATA_DIR [SECONDS] [THREADS] [CONNECTIONS]
#
# STALL=0 skips the stall probe. Run it with PAPERDECK naming another build's binary to compare.
#
# DATA_DIR is a data directory with an imported corpus (e.g. the 75k arXiv records:
# `paperdeck --data /tmp/pd75 import ../shared/corpus/arxiv-75k.jsonl.gz`). The server only reads it.
# PAPERDECK (default build/release/paperdeck) names the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: bench/http_load.sh DATA_DIR [SECONDS] [THREADS] [CONNECTIONS]}
seconds=${2:-10}
threads=${3:-2}
connections=${4:-16}
binary=${PAPERDECK:-build/release/paperdeck}
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/setup installs it)" >&2; exit 1; }

. bench/serve_on_loopback.sh  # sets server and url

papers=$(curl -s "$url/api/stats" | sed -n 's/.*"papers":\([0-9]*\).*/\1/p')
echo "paperdeck serve over $data ($papers papers) at $url"
echo "wrk: ${seconds}s, $threads threads, $connections connections, GET /api/search (rotating queries)"
curl -s -o /dev/null "$url/api/search?q=attention"  # map the index before timing
if [ "${STALL:-1}" != 0 ]; then
  /usr/bin/python3 bench/http_stall.py "${url##*:}"
  echo "server threads after the probe: $(grep Threads /proc/$server/status | awk '{print $2}')"
fi
wrk --latency -t"$threads" -c"$connections" -d"${seconds}s" -s bench/http_queries.lua "$url"
echo "server threads: $(grep Threads /proc/$server/status | awk '{print $2}')"
echo "server peak RSS: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
