-- wrk script for bench/http_load.sh: each request is GET /api/search with the next query of a
-- rotating list of real ones (plain words, phrases, fields, filters, sorts), as the page asks.
local queries = {
  "q=attention",
  "q=large+language+model&sort=newest",
  "q=%22large+language+model%22+year%3A%3E%3D2025",
  "q=title%3Amamba",
  "q=diffusion+policy&cat=cs.RO",
  "q=gaussian+splatting+-nerf",
  "q=graph+neural+network&sort=citations",
  "q=reinforcement+learning&year=2024",
  "q=sparse+attention",
  "q=quantum+error+correction",
  "q=author%3Ahinton",
  "q=retrieval+augmented+generation&page=2",
  "q=protein+structure",
  "q=federated+learning+privacy",
  "q=vision+transformer&cat=cs.CV&year=2025",
  "q=speech+recognition&sort=newest",
}
local n = 0

request = function()
  n = n + 1
  local q = queries[(n % #queries) + 1]
  return wrk.format("GET", "/api/search?" .. q .. "&limit=20")
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("requests/s %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
