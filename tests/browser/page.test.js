// The page of `paperdeck serve`, as a person sees it, in headless Debian Chromium.
//
// A fresh data directory holds the reference page's 35 papers (tests/data/seed-page.jsonl) and
// one paper whose title is markup (tests/data/http/xss-title.jsonl), and three papers about
// cartography with an arXiv id, a web link, or a script for a link
// (tests/data/http/linked-papers.jsonl). Each test saves a
// screenshot in $PAPERDECK_ARTIFACTS (the build dir's browser-artifacts/).
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn, execFileSync } = require("node:child_process");
const { chromium } = require("playwright-core");

const BINARY = process.env.PAPERDECK_BINARY || path.resolve(__dirname, "../../build/release/paperdeck");
const DATA = path.resolve(__dirname, "../data");
const ARTIFACTS = process.env.PAPERDECK_ARTIFACTS || path.join(os.tmpdir(), "paperdeck-browser-artifacts");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const seed = fs.readFileSync(path.join(DATA, "seed-page.jsonl"), "utf8")
  .split("\n").filter(Boolean).map((line) => JSON.parse(line));
const xss = JSON.parse(fs.readFileSync(path.join(DATA, "http/xss-title.jsonl"), "utf8"));

let tmp, server, base, context;
const dialogs = [];

function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(BINARY, ["--data", dataDir, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error("serve did not start: " + out)), 20000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: "http://127.0.0.1:" + m[1] });
      }
    });
    child.stderr.on("data", (chunk) => { out += chunk; });
    child.on("exit", (code) => reject(new Error("serve exited with " + code + ": " + out)));
  });
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paperdeck-browser-"));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = path.join(tmp, "data");
  execFileSync(BINARY, ["--data", dataDir, "import", path.join(DATA, "seed-page.jsonl"),
    path.join(DATA, "http/xss-title.jsonl"), path.join(DATA, "http/linked-papers.jsonl")],
  { stdio: "ignore" });
  ({ child: server, base } = await startServer(dataDir));
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  if (context) await context.close();
  if (server) {
    server.removeAllListeners("exit");
    server.kill("SIGTERM");
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function newPage() {
  const page = await context.newPage();
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, name + ".png"), fullPage: false });
}

const countLine = (page) => page.locator("#count");
const cards = (page) => page.locator("#deck > li.card");

// Loads every result by pressing "More results" until it goes away.
async function loadAll(page) {
  for (let i = 0; i < 20 && await page.locator("#more").isVisible(); ++i) {
    const before = await cards(page).count();
    await page.locator("#more").click();
    await page.waitForFunction((n) => document.querySelectorAll("#deck > li.card").length > n, before);
  }
}

test("/?q=attention shows the reference page's count and its 35 cards with their meta lines", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=attention");
  await assert.doesNotReject(countLine(page).filter({ hasText: "35 results in your corpus" }).waitFor());
  assert.equal(await page.locator("#q").inputValue(), "attention");
  assert.equal(await cards(page).count(), 20, "a first page of 20 cards");
  await shot(page, "attention");
  await loadAll(page);
  assert.equal(await cards(page).count(), 35);
  assert.equal(await page.locator("#more").isVisible(), false, "no more button once all are shown");

  const shown = await cards(page).evaluateAll((lis) => lis.map((li) => ({
    meta: li.querySelector(".meta").textContent,
    title: li.querySelector("h3").textContent,
    authors: li.querySelector(".authors").textContent,
  })));
  // Each card shows the reference page's facts: its meta line (separators are drawn by CSS, so
  // the text is the page's), title and authors. The ranking is PaperDeck's own, so the cards
  // are compared by title.
  const byTitle = (list) => [...list].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  assert.deepEqual(byTitle(shown),
    byTitle(seed.map((r) => ({ meta: r.meta_line, title: r.title, authors: r.authors_shown }))));
  // The word is marked, also where it matched through stemming ("Attentive").
  const marked = await page.locator("#deck mark").allTextContents();
  assert.ok(marked.some((m) => /^attention$/i.test(m)));
  assert.ok(marked.includes("Attentive"), "Transformer-XL's title is marked at Attentive");
  await shot(page, "attention-all-loaded");
  await page.close();
});

test("typing a query searches as you type and keeps it in the URL", async () => {
  const page = await newPage();
  await page.goto(base + "/");
  await page.locator("#welcome").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "q", "an empty page starts in the box");
  await page.locator("#welcome").click();  // away from the box
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q", "/ focuses the search box");
  await page.keyboard.type("sparse attention", { delay: 20 });
  const expected = await (await fetch(base + "/api/search?q=" + encodeURIComponent("sparse attention"))).json();
  assert.ok(expected.total > 0 && expected.total < 35);
  await countLine(page).filter({ hasText: expected.total + " results in your corpus" }).waitFor();
  await page.waitForFunction(() => location.search === "?q=sparse+attention");
  const titles = await page.locator("#deck h3").allTextContents();
  assert.deepEqual(titles, expected.results.map((r) => r.title));
  await shot(page, "typing");
  await page.close();
});

test("sort by most cited puts Longformer (5.6k citations) first", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  await page.locator("#sort").selectOption({ label: "most cited" });
  await page.waitForURL(/sort=citations/);
  const first = cards(page).first();
  await first.locator("h3", { hasText: "Longformer" }).waitFor();
  assert.match(await first.locator(".meta").textContent(), /5\.6k citations/);
  assert.match(await cards(page).nth(1).locator(".meta").textContent(), /4\.4k citations/);
  await shot(page, "sort-most-cited");
  await page.close();
});

test("a category facet filters the cards and shows its count", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  const facet = page.locator('#facet-cat button[data-value="cs.CV"]');
  const n = Number(await facet.locator(".n").textContent());
  assert.ok(n > 0 && n < 35);
  await facet.click();
  await countLine(page).filter({ hasText: n + (n === 1 ? " result " : " results ") + "in your corpus" }).waitFor();
  await page.waitForURL(/cat=cs\.CV/);
  assert.equal(await cards(page).count(), n);
  assert.equal(await page.locator('#facet-cat button[data-value="cs.CV"]').getAttribute("aria-pressed"), "true");
  for (const meta of await page.locator("#deck .meta").allTextContents()) {
    // A card shows its categories unless it is a Hugging Face Papers listing ("paper").
    assert.ok(meta.includes("cs.CV") || meta.startsWith("paper"), meta);
  }
  await shot(page, "facet-cs.CV");
  await page.locator("#clear-filters").click();
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  await page.close();
});

test("more loads the next page below the first", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  const firstTitles = await page.locator("#deck h3").allTextContents();
  assert.equal(firstTitles.length, 20);
  await page.locator("#more").click();
  await page.waitForFunction(() => document.querySelectorAll("#deck > li.card").length === 35);
  const all = await page.locator("#deck h3").allTextContents();
  assert.deepEqual(all.slice(0, 20), firstTitles);
  assert.equal(new Set(all).size, 35, "no card twice");
  await page.locator("#deck > li.card").nth(34).scrollIntoViewIfNeeded();
  await shot(page, "more");
  await page.close();
});

test("the back button restores the previous query", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  await page.locator("#q").fill("mamba");
  await page.locator("#q").press("Enter");
  await page.waitForURL(/\?q=mamba$/);
  await countLine(page).filter({ hasNotText: "35 results" }).waitFor();
  await page.goBack();
  await page.waitForURL(/\?q=attention$/);
  await countLine(page).filter({ hasText: "35 results in your corpus" }).waitFor();
  assert.equal(await page.locator("#q").inputValue(), "attention");
  await page.goForward();
  await page.waitForURL(/\?q=mamba$/);
  assert.equal(await page.locator("#q").inputValue(), "mamba");
  await shot(page, "back-forward");
  await page.close();
});

test("a title made of markup shows as text and runs nothing", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=" + encodeURIComponent("harmless markup"));
  await countLine(page).filter({ hasText: "1 result in your corpus" }).waitFor();
  const card = cards(page).first();
  assert.equal(await card.locator("h3").textContent(), xss.title);
  assert.equal(await card.locator(".authors").textContent(), xss.authors_shown);
  assert.equal(await card.locator(".abstract").textContent(), xss.abstract);
  assert.equal(await page.locator("#deck img, #deck script, #deck svg, #deck b, #deck .abstract a").count(), 0);
  await assert.doesNotReject(card.locator("h3", { hasText: "<img src=x onerror=alert(1)>" }).waitFor());
  await page.waitForTimeout(200);  // an onerror would have fired by now; nothing to wait for
  assert.deepEqual(dialogs, []);
  await shot(page, "xss-title");
  await page.close();
});

test("titles link to the arXiv abstract page, else to the paper's web page, never to a script", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=cartography&sort=newest");
  await countLine(page).filter({ hasText: "3 results in your corpus" }).waitFor();
  const links = await cards(page).evaluateAll((lis) => lis.map((li) => {
    const a = li.querySelector("h3 a");
    return [li.querySelector("h3").textContent, a ? a.href : null];
  }));
  assert.deepEqual(links, [
    ["Cartography with a Scripted Link", null],
    ["Cartography Beyond arXiv", "https://example.org/cartography"],
    ["Neural Cartography of Coastlines", "https://arxiv.org/abs/2401.00001"],
  ]);
  // The reference page's papers carry no arXiv id or link: their titles are plain text.
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  assert.equal(await page.locator("#deck h3 a").count(), 0);
  await shot(page, "links");
  await page.close();
});

test("empty and error states say what happened", async () => {
  const page = await newPage();
  await page.goto(base + "/?q=" + encodeURIComponent("zyxwvut"));
  await page.locator("#empty").filter({ hasText: "No results in your corpus for" }).waitFor();
  assert.equal(await countLine(page).textContent(), "0 results in your corpus");
  assert.match(await page.locator("#pull-command").textContent(), /^paperdeck pull "zyxwvut"$/);
  await page.locator("#pull summary").click();
  await page.locator("#pull").filter({ hasText: "the page does not pull by itself" }).waitFor();
  await shot(page, "empty");

  await page.route("**/api/search?**", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: '{"error":"the index is damaged"}' }));
  await page.locator("#q").fill("attention");
  await page.locator("#q").press("Enter");
  await page.locator("#error").filter({ hasText: "the index is damaged" }).waitFor();
  await shot(page, "error");
  await page.unroute("**/api/search?**");
  await page.locator("#retry").click();
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  await page.close();
});

test("phone width: one column, nothing wider than the screen; dark theme follows the system", async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + "/?q=attention");
  await countLine(page).filter({ hasText: "35 results" }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "page is " + width + " px wide");
  await shot(page, "phone");

  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(light, dark);
  await shot(page, "phone-dark");
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, "dark");
  await page.close();
});
