// PaperDeck's page: a search box over GET /api/search, cards drawn from the API's card fields,
// the query kept in the URL. No framework; every string from a paper becomes a DOM text node.
// Each card carries the paper's tags and reading state (library.js) and a link to its page; at
// /queue the page shows the reading queue (GET /api/queue) instead of a search. The footer pulls
// the query from arXiv (pull.js); the papers a pull added are marked on their cards. At /feed the
// page lists the saved searches (watches.js); one opens as its query's results (?watch=NAME), its
// papers new since it was last looked at marked, then marked seen. At /recommended?for=tag:X
// it shows the papers like the ones tagged X (GET /api/recommend), each with the words it is
// recommended for; the tags under "Your tags" link there, and a saved search that is a
// recommendation opens there (&watch=NAME), its papers not shown before marked. The "By meaning"
// box beside the search box asks for mode=hybrid (kept in the URL); when the server searched by
// keywords alone (no paper vectors yet), the page says why. Titles and abstracts are
// typeset (math.js); abstracts show three lines unless the reader asked for them whole
// (density.js); the keyboard moves between cards (keys.js); on a phone the filters fold away
// (layout.js). The server draws the first page of results into the HTML (http/results_page):
// the script takes that page over as it stands (takeOver), asking nothing again, and draws every
// later search itself. Without scripts the page still works: a GET form, links to pages and
// filters.
"use strict";

(() => {
  const PAGE_SIZE = 20;
  // At most this many results are brought back by an address that says how many were shown.
  const MAX_SHOWN = 500;
  const TYPING_DELAY_MS = 180;

  const $ = (id) => document.getElementById(id);
  const input = $("q");
  const sortSelect = $("sort");
  const modeBox = $("mode-hybrid");
  const deck = $("deck");
  const count = $("count");
  const more = $("more");
  const facets = $("facets");

  // What the page shows: the URL's state, and what has been loaded for it. n: how many results
  // the page shows (the URL keeps it once "More results" went past the first page).
  let state = { q: "", sort: "relevance", cat: [], year: [], watch: "", hybrid: false, n: PAGE_SIZE };
  let loadedPage = 0;
  let total = 0;
  let requestSeq = 0;
  let inflight = null;
  // True while the history entry on top was pushed by typing: further typing replaces it, so
  // the back button goes to the query before typing began, not to every prefix typed.
  let typingEntry = false;
  let typingTimer = 0;
  // Ids of the papers the last pull added: their cards are marked until the query changes.
  let fresh = new Set();
  // The saved search opened (state.watch): the ids of its papers new since it was last looked
  // at, read once when it is opened.
  let unseen = { name: "", ids: new Set() };

  function readUrl() {
    const p = new URLSearchParams(location.search);
    const sort = p.get("sort") || "relevance";
    return {
      q: p.get("q") || "",
      sort: ["relevance", "newest", "citations", "upvotes", "added", "library"].includes(sort) ? sort : "relevance",
      cat: p.getAll("cat").filter(Boolean),
      year: p.getAll("year").filter(Boolean),
      watch: p.get("watch") || "",
      exact: p.get("exact") === "1",
      hybrid: p.get("mode") === "hybrid",
      n: Math.min(MAX_SHOWN, Math.max(PAGE_SIZE, parseInt(p.get("n"), 10) || PAGE_SIZE)),
    };
  }

  function urlOf(s) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    s.cat.forEach((c) => p.append("cat", c));
    s.year.forEach((y) => p.append("year", y));
    if (s.watch) p.set("watch", s.watch);
    if (s.exact) p.set("exact", "1");
    if (s.hybrid) p.set("mode", "hybrid");
    if (s.n > PAGE_SIZE) p.set("n", String(s.n));
    const qs = p.toString();
    return qs ? "/?" + qs : "/";
  }

  function apiUrl(s, page) {
    const p = new URLSearchParams();
    p.set("q", s.q);
    p.set("sort", s.sort);
    p.set("page", String(page));
    p.set("limit", String(PAGE_SIZE));
    s.cat.forEach((c) => p.append("cat", c));
    s.year.forEach((y) => p.append("year", y));
    if (s.exact) p.set("exact", "1");
    if (s.hybrid) p.set("mode", "hybrid");
    return "/api/search?" + p.toString();
  }

  // Moves to state s. how: "push" (a new history entry), "type" (push once, then replace while
  // typing goes on), "replace", or "none" (the URL already says s: back/forward, first load).
  function go(s, how) {
    // Another query, sort or filter starts again at the first page (back/forward keep theirs).
    if (how !== "none") s = Object.assign({}, s, { n: PAGE_SIZE });
    if (s.q !== state.q) {
      fresh = new Set();
      // "Search instead for" holds for the query it was asked for only.
      if (s.exact === state.exact) s = Object.assign({}, s, { exact: false });
      // Another query is no longer the saved search's.
      if (s.watch === state.watch) s = Object.assign({}, s, { watch: "" });
    }
    state = s;
    const url = urlOf(s);
    if (how === "push" || (how === "type" && !typingEntry)) {
      if (url !== location.pathname + location.search) history.pushState(null, "", url);
    } else if (how === "type" || how === "replace") {
      history.replaceState(null, "", url);
    }
    typingEntry = how === "type";
    document.title = s.q ? s.q + " – PaperDeck" : "PaperDeck";
    search(1, how === "none" ? place.saved() : null);
  }

  // A link to another query of the page (same sort and filters), followed in place.
  function queryLink(q, exact) {
    const a = document.createElement("a");
    const next = Object.assign({}, state, { q: q, exact: exact, watch: "" });
    a.href = urlOf(next);
    a.textContent = q;
    a.addEventListener("click", (e) => {
      e.preventDefault();
      input.value = q;
      go(next, "push");
    });
    return a;
  }

  // "Did you mean" under the count, or, when the query found nothing and the suggestion did,
  // whose results these are and a link back to the query as typed.
  function drawSuggestion(suggestion) {
    const line = $("suggestion");
    const to = queryLink(suggestion.query, false);
    to.className = "suggested-query";
    if (suggestion.showing) {
      line.replaceChildren("Showing results for ", to, ". Search instead for ",
        queryLink(state.q, true), ".");
    } else {
      line.replaceChildren("Did you mean: ", to, " (" + suggestion.total.toLocaleString("en-US") +
        (suggestion.total === 1 ? " result" : " results") + ")?");
    }
    show("suggestion", true);
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  // Appends a title or an abstract to parent, typeset, with the UTF-8 byte spans [begin, end)
  // (the API's) marked.
  const appendMarked = window.PaperDeckMath.append;

  const library = window.PaperDeckLibrary;
  const el = library.el;
  const place = window.PaperDeckPlace;

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // The explanations of one page of results (explain=1), asked once for all of its cards when the
  // first "Why this result" opens: a function of a card's id giving its loader.
  function explainer(s, page) {
    const asked = Object.assign({}, s, { cat: s.cat.slice(), year: s.year.slice() });
    let answer = null;
    return (id) => async () => {
      if (!answer) {
        answer = fetch(apiUrl(asked, page) + "&explain=1").then(async (res) => {
          const data = await res.json();
          if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
          return data;
        });
        answer.catch(() => { answer = null; });  // asked again on the next opening
      }
      const data = await answer;
      const found = (data.results || []).find((x) => x.id === id);
      return found ? found.explanation : null;
    };
  }

  // explain: the card's explanation loader (explainer), or null for cards outside a search.
  function drawCard(r, explain) {
    const c = r.card;
    const li = el("li", "card");
    const article = el("article");
    const meta = el("div", "meta");
    if (c.badge) meta.appendChild(el("span", "badge", c.badge));
    for (const w of c.when || []) if (w) meta.appendChild(el("span", "when", w));
    if (c.signal) meta.appendChild(el("span", c.signal === "new" ? "signal new" : "signal", c.signal));
    if (unseen.name === state.watch && unseen.ids.has(r.id)) {
      li.classList.add("unseen");
      if (c.signal !== "new") meta.appendChild(el("span", "signal new", "new"));
      meta.appendChild(el("span", "pulled", "new since you looked"));
    }
    if (fresh.has(r.id)) {
      li.classList.add("fresh");
      if (c.signal !== "new") meta.appendChild(el("span", "signal new", "new"));
      meta.appendChild(el("span", "pulled", "just pulled"));
    }
    article.appendChild(meta);

    // The title goes to arXiv, the DOI, Semantic Scholar or the paper's link; else to its own page.
    const h = el("h3", "title");
    const url = safeUrl(r.url);
    const holder = el("a");
    holder.href = url || library.paperPath(r.id);
    if (url) holder.rel = "noopener noreferrer";
    appendMarked(holder, r.title, r.highlights && r.highlights.title);
    h.appendChild(holder);
    article.appendChild(h);
    if (c.authors) {
      const p = el("p", "authors", c.authors);
      // The card's text, its names as links: the first three, "et al." as the card says it.
      const names = r.authors || [];
      if (names.length > 0) window.PaperDeckAuthors.fill(p, names, 3, / et al\.$/.test(c.authors) ? " et al." : "");
      article.appendChild(p);
    }
    if (r.abstract) {
      const p = el("p", "abstract");
      appendMarked(p, r.abstract, r.highlights && r.highlights.abstract);
      article.append(p, window.PaperDeckDensity.moreButton(li, p, r.title));
    }
    const foot = el("div", "card-library");
    const controls = el("div", "library-controls");
    library.mountControls(controls, { id: r.id, title: r.title, tags: r.tags, state: r.state });
    const links = el("div", "card-links");
    const pdf = safeUrl(r.pdf);
    if (pdf) {
      const a = el("a", "pdf-link", "PDF");
      a.href = pdf;
      a.rel = "noopener noreferrer";
      a.setAttribute("aria-label", "PDF of " + r.title);
      links.appendChild(a);
    }
    const page = el("a", "paper-link", "Details");
    page.href = library.paperPath(r.id);
    page.setAttribute("aria-label", "Notes, BibTeX and details of " + r.title);
    links.appendChild(page);
    let why = null;
    if (explain) {
      why = window.PaperDeckExplain.mount(article, r.title, explain(r.id));
      links.appendChild(why.button);
    }
    foot.append(controls, links);
    article.appendChild(foot);
    if (why) article.appendChild(why.panel);
    li.appendChild(article);
    return li;
  }

  // Gives a card the server drew (results_page) what the script adds to the cards it draws:
  // typeset math, the abstract's "more", the library controls. r: the data block's
  // { id, tags, state } of the card.
  // explain: the card's explanation loader (explainer).
  function adoptCard(li, r, explain) {
    const holder = li.querySelector("h3.title a");
    const title = holder ? window.PaperDeckMath.typesetInPlace(holder) : "";
    const abstract = li.querySelector(".abstract");
    if (abstract) {
      window.PaperDeckMath.typesetInPlace(abstract);
      abstract.after(window.PaperDeckDensity.moreButton(li, abstract, title));
    }
    const controls = li.querySelector(".library-controls");
    if (controls) {
      library.mountControls(controls, { id: li.dataset.id, title, tags: r.tags || [], state: r.state || null });
    }
    const article = li.querySelector("article");
    if (explain && article && li.dataset.id) {
      const why = window.PaperDeckExplain.mount(article, title, explain(li.dataset.id));
      (li.querySelector(".card-links") || article).appendChild(why.button);
      article.appendChild(why.panel);
    }
  }

  // The first page as the server drew it for the address s: its cards, count, facets, notice
  // and suggestion are in the DOM, and the data block (#first-page) holds what they do not say.
  // Returns false when the server drew none (the welcome, a view, a saved search).
  function takeOver(s) {
    const block = $("first-page");
    if (!block) return false;
    let data;
    try {
      data = JSON.parse(block.textContent);
    } catch (e) {
      return false;
    }
    block.remove();
    state = s;
    total = data.total;
    const lis = Array.from(deck.children);
    loadedPage = Math.ceil(lis.length / PAGE_SIZE);
    setMore();
    // The cards' own work (typesetting, controls) waits until the page has been painted as the
    // server drew it: the first paint never waits for a script.
    const results = data.results || [];
    requestAnimationFrame(() => setTimeout(() => {
      const explainers = [];  // one per page of PAGE_SIZE cards
      lis.forEach((li, i) => {
        const p = Math.floor(i / PAGE_SIZE) + 1;
        explainers[p] = explainers[p] || explainer(s, p);
        adoptCard(li, results[i] && results[i].id === li.dataset.id ? results[i] : {}, explainers[p]);
      });
      window.PaperDeckDensity.fit(deck);
      drawFacets(data);
      if (data.suggestion) drawSuggestion(data.suggestion);
      const y = place.saved();
      if (y !== null) window.scrollTo(0, y);
    }, 0));
    return true;
  }

  // "More results": shown while cards are missing, a link to the address showing 20 more (what
  // a click loads in place, and what a new tab opens).
  function setMore() {
    more.hidden = deck.children.length === 0 || deck.children.length >= total;
    more.href = urlOf(Object.assign({}, state, { n: deck.children.length + PAGE_SIZE }));
    more.removeAttribute("aria-disabled");
  }

  function drawFacets(data) {
    window.PaperDeckFacets.draw(facets, data, state, (key, values) => {
      const next = Object.assign({}, state);
      next[key] = values;
      go(next, "push");
    });
    window.PaperDeckLayout.filters($("filters-toggle"), facets.hidden, state.cat.length + state.year.length);
  }

  // "8,930 results in your corpus · 3 ms": the count, and how long the server took to find it.
  function countLine(n, tookMs) {
    let line = n.toLocaleString("en-US") + (n === 1 ? " result" : " results") + " in your corpus";
    if (typeof tookMs === "number") line += " · " + (tookMs < 1 ? "<1" : Math.round(tookMs).toLocaleString("en-US")) + " ms";
    return line;
  }

  // The page's one h1 is the view's own in the queue and the Feed, else "Search your papers".
  function resetView() {
    show("page-title", !["/queue", "/feed", "/recommended"].includes(location.pathname));
    ["welcome", "empty", "error", "notice", "suggestion", "queue-view", "feed-view", "recommended-view", "tag-cloud", "watch-line", "mode-notice"].forEach((id) => show(id, false));
    more.hidden = true;
  }

  async function welcome() {
    show("welcome", true);
    try {
      const res = await fetch("/api/stats");
      const stats = await res.json();
      if (res.ok && typeof stats.papers === "number") {
        $("welcome-stats").textContent =
          stats.papers.toLocaleString("en-US") + (stats.papers === 1 ? " paper" : " papers") + " in your corpus.";
      }
    } catch (e) {
      // The welcome works without the figure.
    }
  }

  // Every tag with its count, as links to the papers carrying it.
  async function tagCloud(seq) {
    try {
      const res = await fetch("/api/tags");
      const data = await res.json();
      if (!res.ok || seq !== requestSeq) return;
      const list = $("tag-list");
      list.replaceChildren();
      for (const t of data.tags || []) {
        const li = el("li", "tag");
        const a = el("a", null, t.name);
        a.href = library.tagQuery(t.name);
        const like = el("a", "like-these", "like these");
        like.href = recommendedPath("tag:" + t.name);
        like.setAttribute("aria-label", "Papers like those tagged " + t.name);
        li.append(a, el("span", "n", String(t.papers)), like);
        list.appendChild(li);
      }
      show("tag-cloud", list.children.length > 0);
    } catch (e) {
      // The view works without its tags.
    }
  }

  // The reading queue: the papers marked to read, oldest mark first, as cards.
  async function queue(seq) {
    document.title = "Reading queue – PaperDeck";
    show("queue-view", true);
    $("queue-count").textContent = "Loading…";
    let data;
    try {
      const res = await fetch("/api/queue");
      data = await res.json();
      if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
    } catch (e) {
      if (seq !== requestSeq) return;
      show("queue-view", false);
      $("error-message").textContent = e.message || String(e);
      show("error", true);
      return;
    }
    if (seq !== requestSeq) return;
    const n = data.papers.length;
    $("queue-count").textContent = n === 0 ? "Nothing to read." :
      n.toLocaleString("en-US") + (n === 1 ? " paper" : " papers") + " to read";
    const frag = document.createDocumentFragment();
    for (const r of data.papers) frag.appendChild(drawCard(r));
    deck.appendChild(frag);
    window.PaperDeckDensity.fit(deck);
    tagCloud(seq);
  }

  // The address of the papers like the ones query selects (usually `tag:X`).
  function recommendedPath(query) {
    return "/recommended?for=" + encodeURIComponent(query);
  }

  // Papers like the ones `for` selects, the selected ones left out (GET /api/recommend): what
  // the model learned, then each paper as a card with the words it is recommended for.
  async function recommended(seq) {
    const selects = new URLSearchParams(location.search).get("for") || "";
    const tag = /^tag:(\S+)$/.exec(selects);
    const title = tag ? "Recommended for tag " + tag[1] : "Papers like " + selects;
    document.title = title + " – PaperDeck";
    $("recommended-title").textContent = title;
    $("recommended-words").textContent = "";
    show("recommended-view", true);
    $("recommended-count").textContent = "Loading…";
    let data;
    try {
      if (!selects.trim()) throw new Error("Recommended for what? Open it from a tag under Your tags.");
      // A recommendation saved search: which of these it has not shown before.
      if (state.watch && unseen.name !== state.watch) await readUnseen();
      // A saved search holds its best 50: all of them shown, so each new one is.
      const limit = state.watch ? 50 : 20;
      const res = await fetch("/api/recommend?limit=" + limit + "&q=" + encodeURIComponent(selects));
      data = await res.json();
      if (!res.ok) throw new Error(data && data.error ? selects + ": " + data.error : "the server answered " + res.status);
    } catch (e) {
      if (seq !== requestSeq) return;
      show("recommended-view", false);
      $("error-message").textContent = e.message || String(e);
      show("error", true);
      return;
    }
    if (seq !== requestSeq) return;
    const n = data.papers.length;
    $("recommended-count").textContent = n === 0 ? "Nothing like them yet." :
      n.toLocaleString("en-US") + (n === 1 ? " paper" : " papers") + " like the " +
      data.selected.toLocaleString("en-US") + (data.selected === 1 ? " paper " : " papers ") +
      (tag ? "tagged " + tag[1] : "that " + selects + " selects") + ", best first";
    if ((data.words || []).length) {
      $("recommended-words").textContent = "Learned from them: " + data.words.join(", ") + ".";
    }
    const frag = document.createDocumentFragment();
    for (const r of data.papers) {
      const li = drawCard(r);
      if ((r.reason || []).length) {
        li.querySelector("h3").after(el("p", "card-reason", "Recommended for: " + r.reason.join(", ")));
      }
      frag.appendChild(li);
    }
    deck.appendChild(frag);
    window.PaperDeckDensity.fit(deck);
    sayUnseen();
  }

  // The Feed: every saved search with its count of new papers.
  async function feedView(seq) {
    document.title = "Feed – PaperDeck";
    show("feed-view", true);
    $("feed-count").textContent = "Loading…";
    let n;
    try {
      n = await window.PaperDeckWatches.drawList($("watch-list"));
    } catch (e) {
      if (seq !== requestSeq) return;
      show("feed-view", false);
      $("error-message").textContent = e.message || String(e);
      show("error", true);
      return;
    }
    if (seq !== requestSeq) return;
    $("feed-count").textContent = n === 0 ? "No saved searches yet." :
      n.toLocaleString("en-US") + (n === 1 ? " saved search" : " saved searches");
  }

  // The opened saved search's new papers, read before its results are drawn; null when it
  // could not be read (the results are shown unmarked).
  async function readUnseen() {
    if (!state.watch) return null;
    try {
      const u = await window.PaperDeckWatches.unseen(state.watch);
      unseen = { name: state.watch, ids: new Set(u.ids), total: u.total, revision: u.revision };
      return unseen;
    } catch (e) {
      unseen = { name: "", ids: new Set() };
      $("watch-line").textContent = "Could not read the saved search “" + state.watch + "”: " + (e.message || String(e));
      return null;
    }
  }

  // Says what is new in the opened saved search, then marks it seen: it has been shown.
  function sayUnseen() {
    if (!state.watch) return;
    show("watch-line", true);
    if (unseen.name !== state.watch) return;
    const n = unseen.total;
    $("watch-line").textContent = (n === 0 ? "Nothing new" : n.toLocaleString("en-US") + " new") +
      " in “" + state.watch + "” since you last looked" + (n > unseen.ids.size ? " (the newest " + unseen.ids.size + " are marked)" : "") + ".";
    if (!unseen.marked) {
      unseen.marked = true;
      window.PaperDeckWatches.markSeen(state.watch, unseen.revision).catch(() => {});
    }
  }

  // A search that takes a moment says so; a quick one never flashes the line.
  let loadingTimer = 0;
  function loading(on) {
    clearTimeout(loadingTimer);
    if (on) {
      loadingTimer = setTimeout(() => {
        show("loading", true);
        deck.setAttribute("aria-busy", "true");
      }, 150);
    } else {
      show("loading", false);
      deck.removeAttribute("aria-busy");
    }
  }

  // Loads results page `page` (1: a new list). restoreY: the scroll position to go back to once
  // as many cards as the address says (state.n) are drawn again (Back, a reload); null: none.
  async function search(page, restoreY) {
    const seq = ++requestSeq;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    if (input.value !== state.q && document.activeElement !== input) input.value = state.q;
    sortSelect.value = state.sort;
    modeBox.checked = state.hybrid;

    if (!state.q.trim() && state.cat.length === 0 && state.year.length === 0) {
      loading(false);
      resetView();
      deck.replaceChildren();
      count.textContent = "";
      facets.hidden = true;
      $("filters-toggle").hidden = true;
      $("density").hidden = true;
      loadedPage = 0;
      if (location.pathname === "/queue") {
        queue(seq);
      } else if (location.pathname === "/feed") {
        feedView(seq);
      } else if (location.pathname === "/recommended") {
        recommended(seq);
      } else {
        welcome();
        tagCloud(seq);
      }
      return;
    }
    if (page > 1) more.setAttribute("aria-disabled", "true");
    if (page === 1 && state.watch && unseen.name !== state.watch) {
      await readUnseen();
      if (seq !== requestSeq) return;
    }
    let data;
    loading(true);
    try {
      const res = await fetch(apiUrl(state, page), { signal: inflight.signal });
      data = await res.json();
      if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
    } catch (e) {
      if (e.name === "AbortError" || seq !== requestSeq) return;
      loading(false);
      resetView();
      if (page === 1) {
        deck.replaceChildren();
        count.textContent = "";
      }
      $("error-message").textContent = e.message || String(e);
      show("error", true);
      more.removeAttribute("aria-disabled");
      return;
    }
    if (seq !== requestSeq) return;  // a newer search owns the page

    loading(false);
    resetView();
    total = data.total;
    loadedPage = page;
    if (page === 1) {
      deck.replaceChildren();
      if (restoreY === null || restoreY === undefined) window.scrollTo(0, 0);
    }
    const frag = document.createDocumentFragment();
    const explain = explainer(state, page);
    for (const r of data.results) frag.appendChild(drawCard(r, explain));
    deck.appendChild(frag);
    window.PaperDeckDensity.fit(deck);
    $("density").hidden = deck.children.length === 0;
    // No results: the empty state says so once, with what to try.
    count.textContent = total === 0 ? "" : countLine(total, data.took_ms);
    drawFacets(data);
    sayUnseen();
    if (data.hybrid_fallback) {
      // By meaning was asked for and the server searched by keywords alone: it says why.
      $("mode-notice").textContent = "Searched by keywords only: " + data.hybrid_fallback + ".";
      show("mode-notice", true);
    }
    if (data.notice) {
      $("notice").textContent = data.notice.kind === "read_as"
        ? data.notice.message[0].toUpperCase() + data.notice.message.slice(1) + "."
        : "Could not read the query as operators (" + data.notice.message +
          "); searched for the words instead.";
      show("notice", true);
    }
    if (data.suggestion) drawSuggestion(data.suggestion);
    if (total === 0) {
      $("empty-query").textContent = state.q;
      show("empty-filters", state.cat.length > 0 || state.year.length > 0);
      show("empty", true);
    }
    setMore();
    if (data.results.length === 0) more.hidden = true;
    if (state.n > deck.children.length && !more.hidden) {
      // The address says more were shown (Back, a reload): bring them back first.
      await search(loadedPage + 1, restoreY);
      return;
    }
    if (restoreY !== null && restoreY !== undefined) window.scrollTo(0, restoreY);
  }

  // Typing searches after a short pause; Enter searches at once.
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      if (input.value === state.q) return;
      go(Object.assign({}, state, { q: input.value }), "type");
    }, TYPING_DELAY_MS);
  });
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    if (input.value === state.q && typingEntry) {
      typingEntry = false;  // the typed query is now an entry of its own
      return;
    }
    go(Object.assign({}, state, { q: input.value }), "push");
  });
  sortSelect.addEventListener("change", () => {
    go(Object.assign({}, state, { sort: sortSelect.value }), "push");
  });
  // By meaning: the same query fused with the papers nearest it in meaning (mode=hybrid).
  modeBox.addEventListener("change", () => {
    go(Object.assign({}, state, { hybrid: modeBox.checked }), "push");
  });
  // More results: the address says how many are shown, so Back and a reload show as many.
  more.addEventListener("click", async (e) => {
    e.preventDefault();
    if (more.getAttribute("aria-disabled") === "true") return;
    await search(loadedPage + 1);
    if (deck.children.length > state.n) {
      state = Object.assign({}, state, { n: deck.children.length });
      history.replaceState(history.state, "", urlOf(state));
    }
  });
  $("empty-pull").addEventListener("click", () => $("pull-button").click());
  $("retry").addEventListener("click", () => search(1));
  $("clear-filters").addEventListener("click", () => {
    go(Object.assign({}, state, { cat: [], year: [] }), "push");
  });

  window.PaperDeckKeys.mount(input, deck, document.querySelector(".skip-link"));
  window.PaperDeckDensity.mount(deck, $("density"));
  window.PaperDeckLayout.mount({ header: $("top"), facets, toggle: $("filters-toggle") });

  window.addEventListener("popstate", () => {
    clearTimeout(typingTimer);
    typingEntry = false;
    const s = readUrl();
    input.value = s.q;
    go(s, "none");
  });

  window.PaperDeckPull.mount({
    button: $("pull-button"),
    status: $("pull-status"),
    query: () => (input.value.trim() ? input.value : state.q),
    onDone: (pull) => {
      // The results again, the query pulled if the page had none; then the pulled cards marked
      // (the search draws them once its answer is in).
      const q = state.q.trim() ? state.q : pull.query;
      go(Object.assign({}, state, { q }), q === state.q ? "none" : "push");
      fresh = new Set(pull.added_ids || []);
    },
  });

  window.PaperDeckWatches.mountSave({
    button: $("save-search"),
    status: $("save-status"),
    query: () => (input.value.trim() ? input.value : state.q),
  });

  // Suggestions under the box (suggest.js): picking one searches its query.
  window.PaperDeckSuggest.mount({
    input,
    list: $("suggestions"),
    onPick: (q) => {
      clearTimeout(typingTimer);
      go(Object.assign({}, state, { q }), "push");
    },
  });

  const initial = readUrl();
  input.value = initial.q;
  if (!takeOver(initial)) go(initial, "none");
  if (!initial.q) input.focus();
})();
