#!/usr/bin/env bash
# The memory of `paperdeck serve` as a person uses it: started on loopback, then ten keyword
# searches with facets, five searches by meaning (mode=hybrid: the word model, the paper vectors and
# the neighbour graphs are opened on the first) and the related papers of two papers found. After
# each step it prints the server's resident memory (VmRSS, its peak VmHWM, and the anonymous and
# file-backed parts: file pages are the page cache's, which the kernel can take back) and each
# request's own time (took_ms). Not a test.
#
#   bench/serve_memory.sh DATA_DIR
#
# DATA_DIR is a data directory with an imported corpus and, for the searches by meaning, trained
# word vectors (`paperdeck reindex --vectors`, or a words.pdw copied into DATA_DIR/vectors). The
# server only reads it. PAPERDECK (default build/release/paperdeck) names the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: bench/serve_memory.sh DATA_DIR}
binary=${PAPERDECK:-build/release/paperdeck}

. bench/serve_on_loopback.sh  # sets server and url

memory() {
  printf '%-44s %s\n' "$1" "$(awk '/^(VmRSS|VmHWM|RssAnon|RssFile):/ {printf "%s %.0f MiB  ", $1, $2 / 1024}' \
    "/proc/$server/status")"
}
ask() {  # path, what to print from the JSON answer
  curl -s "$url$1" | python3 -c "import json, sys; j = json.load(sys.stdin); print($2)"
}
quoted() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

echo "paperdeck serve over $data at $url"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
memory "started"
ids=()
for q in attention "gaussian splatting" "graph neural networks" "reinforcement learning robot" \
         "protein folding" "diffusion models" "large language models reasoning" \
         "speech recognition" "federated learning privacy" "image segmentation"; do
  line=$(ask "/api/search?facets=1&q=$(quoted "$q")" \
    "j['total'], j['took_ms'], (j['results'][0]['id'] if j['results'] else '')")
  echo "  keyword '$q': total, took_ms: ${line% *}"
  [ "${#ids[@]}" -lt 2 ] && [ -n "${line##* }" ] && ids+=("${line##* }")
done
memory "after 10 keyword searches with facets"
for q in "why do transformers need warmup" "how to make robots grasp unknown objects" \
         "protein structure prediction from sequence" "sparse attention for long documents" \
         "learning from few labelled examples"; do
  echo "  hybrid '$q': mode, total, took_ms: $(ask "/api/search?mode=hybrid&q=$(quoted "$q")" \
    "j.get('mode'), j.get('total'), j.get('took_ms'), j.get('hybrid_fallback', '')")"
done
memory "after 5 searches by meaning"
for id in "${ids[@]}"; do
  echo "  related $id: papers, near in meaning, took_ms: $(ask "/api/papers/$id/related" \
    "len(j['related']), sum(r['near_in_meaning'] for r in j['related']), j['took_ms']")"
done
memory "after related papers of ${#ids[@]} papers"
