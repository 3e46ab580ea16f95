// Saved searches on the page: "Save this search" beside the box (POST /api/watches), the Feed
// view at /feed listing each saved search with its count of papers new since it was last looked
// at (GET /api/watches; a recommendation opens as the papers like those its query selects, and
// says so when its query selects none now), and what opening one needs: the ids of its new papers (GET
// /api/watches/{name}/feed) and, once they are shown, marking them seen (POST
// /api/watches/{name}/seen with the revision the feed was read at, so a paper that arrives in
// between stays new). Every string from the server becomes a DOM text node.
"use strict";

window.PaperDeckWatches = (() => {
  const library = window.PaperDeckLibrary;
  const el = library.el;

  function watchPath(name, rest) {
    return "/api/watches/" + encodeURIComponent(name) + (rest || "");
  }

  // Where a saved search opens: the results of its query, newest added first, its new papers
  // marked; a recommendation's, the papers like those its query selects.
  function openUrl(w) {
    const p = new URLSearchParams();
    if (w.kind === "recommend") {
      p.set("for", w.query);
      p.set("watch", w.name);
      return "/recommended?" + p.toString();
    }
    p.set("q", w.query);
    p.set("sort", "added");
    p.set("watch", w.name);
    return "/?" + p.toString();
  }

  // A name offered for a query: its words, without fields or operators, at most 40 characters.
  function suggestName(query) {
    const words = query.replace(/\b[a-z]+:/gi, " ").replace(/\b(AND|OR|NOT)\b/g, " ")
      .replace(/[^\p{L}\p{N}\s-]+/gu, " ").trim().split(/\s+/).filter(Boolean);
    return words.join(" ").slice(0, 40).trim() || "my search";
  }

  // "Save this search": asks for a name (prefilled from the query), saves, says so in status.
  function mountSave(opts) {
    const { button, status } = opts;
    button.addEventListener("click", async () => {
      const query = opts.query().trim();
      status.hidden = false;
      if (!query) {
        status.textContent = "Type a query first, then save it.";
        status.dataset.kind = "error";
        return;
      }
      const name = window.prompt("Name this saved search (" + query + "):", suggestName(query));
      if (name === null) return;
      if (!name.trim()) {
        status.textContent = "A saved search needs a name.";
        status.dataset.kind = "error";
        return;
      }
      try {
        const data = await library.write("POST", "/api/watches", { name: name.trim(), query, pull: true });
        const w = data.watch;
        status.replaceChildren(document.createTextNode("Saved “" + w.name + "”: " + newLine(w.new) + ". "));
        const a = el("a", null, "Open the Feed");
        a.href = "/feed";
        status.appendChild(a);
        status.dataset.kind = "done";
      } catch (e) {
        status.textContent = "Could not save the search: " + (e.message || String(e));
        status.dataset.kind = "error";
      }
    });
  }

  function newLine(n) {
    return n === 0 ? "nothing new" : n.toLocaleString("en-US") + " new";
  }

  // Draws the saved searches into list (an <ol>), each with its count of new papers, a link
  // opening it and a button removing it. Returns how many there are; throws on a failed read.
  async function drawList(list) {
    const res = await fetch("/api/watches", { cache: "no-store" });
    const data = await res.json();
    if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
    list.replaceChildren();
    for (const w of data.watches) {
      const li = el("li", "watch");
      const head = el("div", "watch-head");
      const a = el("a", "watch-name", w.name);
      a.href = openUrl(w);
      const count = el("span", w.new > 0 ? "watch-new has-new" : "watch-new", newLine(w.new));
      head.append(a, count);
      const query = el("code", "watch-query", w.kind === "recommend" ? "like " + w.query : w.query);
      const looked = el("span", "watch-looked", w.looked_at ? "looked at " + w.looked_at.replace("T", " ").replace("Z", " UTC") : "never looked at");
      const remove = el("button", "link-button", "Remove");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove the saved search " + w.name);
      remove.addEventListener("click", async () => {
        if (!window.confirm("Remove the saved search “" + w.name + "”? Its papers stay in your corpus.")) return;
        try {
          await library.write("DELETE", watchPath(w.name));
          li.remove();
        } catch (e) {
          li.appendChild(el("p", "lib-error", e.message || String(e)));
        }
      });
      const meta = el("div", "watch-meta");
      meta.append(query, looked, remove);
      li.append(head, meta);
      if (w.problem) li.appendChild(el("p", "lib-error", w.problem));
      list.appendChild(li);
    }
    return data.watches.length;
  }

  // The saved search's new papers (the newest 100): {total, revision, ids}. Reads only.
  async function unseen(name) {
    const res = await fetch(watchPath(name, "/feed?limit=100"), { cache: "no-store" });
    const data = await res.json();
    if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
    return { total: data.new, revision: data.revision, ids: data.results.map((r) => r.id) };
  }

  // Marks the saved search's papers seen up to revision (they were shown).
  function markSeen(name, revision) {
    return library.write("POST", watchPath(name, "/seen"), { revision });
  }

  return { mountSave, drawList, unseen, markSeen, openUrl, suggestName };
})();
