#!/bin/sh
# Times the storing step of `paperdeck import` (reading, parsing and the SQLite work, before the
# index catches up) for two builds on the same file, alternating, each into a fresh data
# directory, and prints records/s per run with the load average it ran under.
#
#   bench/import_store.sh BEFORE_BINARY AFTER_BINARY RECORDS_FILE [RUNS] [WORK_DIR]
#
# BEFORE/AFTER: two paperdeck binaries (e.g. one built from main, one from this tree).
# RUNS (default 2) runs of each; WORK_DIR (default /tmp/paperdeck-import-bench) is emptied.
# Figures: BENCHMARKS.md, "Storing on import".
set -eu
[ $# -ge 3 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
before="$1"; after="$2"; records="$3"; runs="${4:-2}"; work="${5:-/tmp/paperdeck-import-bench}"
rm -rf "$work"; mkdir -p "$work"
echo "file: $records"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
i=1
while [ "$i" -le "$runs" ]; do
  for which in before after; do
    if [ "$which" = before ]; then bin="$before"; else bin="$after"; fi
    rm -rf "$work/data"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    line="$("$bin" --data "$work/data" import "$records" 2>/dev/null | grep ' records/s)' || true)"
    rate="$(echo "$line" | sed -n 's/.*in \([0-9.]*\) s (\([0-9]*\) records\/s).*/\1 s, \2 records\/s/p')"
    db_mb="$(du -m "$work/data/corpus.db" | cut -f1)"
    echo "run $i $which: storing $rate, corpus.db $db_mb MiB, load average $load"
  done
  i=$((i + 1))
done
rm -rf "$work"
