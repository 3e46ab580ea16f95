// How soon after navigation the results page shows its first card, in headless Chromium: run by
// hand against a running `paperdeck serve` (not by ctest), e.g. over the 75,728 arXiv papers:
//
//   node tests/browser/first_paint.js http://127.0.0.1:8080 [http://127.0.0.1:8081 ...]
//
// For each server, each query is loaded RUNS times (alternating between servers, so both see the
// same load), each in a fresh page of one browser (warm HTTP cache, as a person's second visit).
// "first card" is when the first card was painted: the first contentful paint when the card was
// in the document by then (the server drew it), else the frame after a script added it (after
// /api/search answered), timed by a requestAnimationFrame callback queued the moment it entered
// the document, which runs just before that frame is painted (so, if anything, early). Also
// printed: first contentful paint, DOMContentLoaded and the page's bytes (as sent, gzip when
// accepted).
// Medians over the runs. Environment: CHROMIUM (default /usr/bin/chromium), RUNS (default 15),
// QUERIES (comma-separated).
"use strict";

const { chromium } = require("playwright-core");

const servers = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const RUNS = parseInt(process.env.RUNS || "15", 10);
const QUERIES = (process.env.QUERIES || "attention,diffusion models,graph neural network,reinforcement learning,mamba").split(",");

function median(xs) {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

// Runs in the page before any of its own script: notes when the first card enters the DOM and
// when the frame after it is drawn.
function watchFirstCard() {
  window.__firstCard = { inserted: null, frame: null };
  const seen = () => {
    if (window.__firstCard.inserted !== null || !document.querySelector("#deck > li.card")) return;
    window.__firstCard.inserted = performance.now();
    requestAnimationFrame(() => { window.__firstCard.frame = performance.now(); });
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

(async () => {
  if (servers.length === 0) {
    console.error("usage: node first_paint.js BASE_URL [BASE_URL...]");
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watchFirstCard);
  const figures = servers.map(() => ({ frame: [], fcp: [], dcl: [], bytes: [] }));
  // One load of each first: the browser's caches warm, as for a person's second visit.
  for (const base of servers) {
    const page = await context.newPage();
    await page.goto(base + "/?q=" + encodeURIComponent(QUERIES[0]));
    await page.waitForSelector("#deck > li.card");
    await page.close();
  }
  for (let run = 0; run < RUNS; ++run) {
    for (const q of QUERIES) {
      for (let s = 0; s < servers.length; ++s) {
        const page = await context.newPage();
        await page.goto(servers[s] + "/?q=" + encodeURIComponent(q));
        await page.waitForFunction(() => window.__firstCard && window.__firstCard.frame !== null, null, { timeout: 10000 });
        await page.waitForLoadState("load");
        const f = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0];
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          const card = window.__firstCard;
          return {
            frame: fcp && card.inserted <= fcp.startTime ? fcp.startTime : card.frame,
            fcp: fcp ? fcp.startTime : null,
            dcl: nav.domContentLoadedEventEnd,
            bytes: nav.encodedBodySize,
          };
        });
        for (const k of Object.keys(figures[s])) figures[s][k].push(f[k]);
        await page.close();
      }
    }
  }
  await browser.close();
  console.log("server\tfirst card ms\tFCP ms\tDOMContentLoaded ms\tpage bytes\tloads");
  servers.forEach((base, s) => {
    const f = figures[s];
    console.log([base, median(f.frame).toFixed(0), median(f.fcp).toFixed(0), median(f.dcl).toFixed(0),
      median(f.bytes), f.frame.length].join("\t"));
  });
})();
