# Sourced by the bench scripts that run `paperdeck serve`: starts "$binary" over "$data" on a free
# loopback port, stops it when the script exits, and sets `server` (its pid) and `url` (where it
# listens), waiting up to 60 s for it to say so.
log=$(mktemp)
"$binary" --data "$data" serve --host 127.0.0.1 --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 600); do
  grep -q 'http://127.0.0.1:' "$log" && break
  sleep 0.1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log")
[ -n "$url" ] || { cat "$log" >&2; exit 1; }
