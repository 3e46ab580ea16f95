// The paper's own page, /paper/{id}: every fact the corpus keeps (GET /api/papers/{id}), where
// each came from, the papers most like it with the words they share
// (GET /api/papers/{id}/related), the user's tags, reading state and notes (written through the JSON write API,
// library.js), and its BibTeX (GET /api/papers/{id}/cite?format=bibtex) with a copy button.
// Every string becomes a DOM text node; a note's HTML passes library.js's allow-list.
"use strict";

(() => {
  const library = window.PaperDeckLibrary;
  const el = library.el;
  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.replace(/^\/paper\//, ""));

  function fail(message) {
    $("paper-status").textContent = "";
    $("paper-error-message").textContent = message;
    $("paper-error").hidden = false;
    $("paper").hidden = true;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function link(text, href) {
    const a = el("a", null, text);
    a.href = href;
    a.rel = "noopener noreferrer";
    return a;
  }

  function fact(dl, name, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el("dt", null, name));
    const dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
    dl.appendChild(dd);
  }

  function drawFacts(p) {
    const dl = $("p-facts");
    dl.replaceChildren();
    fact(dl, "Categories", p.categories);
    fact(dl, "Published", p.date);
    fact(dl, "Updated", p.updated);
    fact(dl, "Versions", (p.versions || []).map((v) => (v.date ? v.name + " (" + v.date + ")" : v.name)));
    fact(dl, "Venue", p.venue);
    fact(dl, "Year", p.year);
    fact(dl, "Journal ref", p.journal_ref);
    fact(dl, "arXiv", p.arxiv_id);
    fact(dl, "DOI", p.doi);
    fact(dl, "Citations", typeof p.citations === "number" ? p.citations.toLocaleString("en-US") : null);
    fact(dl, "Upvotes", typeof p.upvotes === "number" ? p.upvotes.toLocaleString("en-US") : null);
    fact(dl, "Listed on", p.badges);
    fact(dl, "Comments", p.comments);
    fact(dl, "Id", p.id);
  }

  function drawLinks(p) {
    const links = $("p-links");
    links.replaceChildren();
    const add = (text, href) => {
      if (!href) return;
      if (links.children.length) links.appendChild(document.createTextNode(" · "));
      links.appendChild(link(text, href));
    };
    if (p.arxiv_id) {
      add("arXiv abstract", "https://arxiv.org/abs/" + encodeURI(p.arxiv_id));
      add("PDF", "https://arxiv.org/pdf/" + encodeURI(p.arxiv_id));
    }
    if (p.doi) add("DOI", "https://doi.org/" + encodeURI(p.doi));
    for (const l of p.links || []) {
      const url = safeUrl(l);
      if (url && !/^https:\/\/(arxiv\.org|doi\.org)\//.test(url)) add(url.replace(/^https?:\/\//, ""), url);
    }
  }

  function drawProvenance(rows) {
    const table = $("p-provenance");
    const body = table.querySelector("tbody");
    body.replaceChildren();
    for (const r of rows || []) {
      const tr = el("tr");
      for (const v of [r.field, r.value, r.source, r.origin, r.seen_at]) tr.appendChild(el("td", null, v || ""));
      body.appendChild(tr);
    }
    table.hidden = body.children.length === 0;
    $("p-provenance-empty").hidden = body.children.length !== 0;
  }

  function when(note) {
    const created = (note.created_at || "").replace("T", " ").replace("Z", " UTC");
    const edited = (note.edited_at || "").replace("T", " ").replace("Z", " UTC");
    return edited && edited !== created ? "written " + created + ", edited " + edited : "written " + created;
  }

  // A note's text, its edit form in place of the text while editing, and delete.
  function drawNotes(notes) {
    const ol = $("p-notes");
    ol.replaceChildren();
    (notes || []).forEach((note, i) => {
      const li = el("li", "note");
      li.dataset.noteId = String(note.id);
      const body = el("div", "note-body");
      body.appendChild(library.noteNodes(note.html));
      const meta = el("p", "note-meta", when(note));
      const edit = el("button", "link-button", "Edit");
      edit.type = "button";
      edit.setAttribute("aria-label", "Edit note " + (i + 1));
      const del = el("button", "link-button", "Delete");
      del.type = "button";
      del.setAttribute("aria-label", "Delete note " + (i + 1));
      const error = el("p", "lib-error");
      error.setAttribute("role", "alert");
      error.hidden = true;
      const actions = el("div", "note-actions");
      actions.append(edit, del);
      li.append(body, meta, actions, error);

      const path = library.apiPath(id, "/notes/" + note.id);
      async function send(method, payload) {
        error.hidden = true;
        try {
          const data = await library.write(method, path, payload);
          drawLibrary(data.library);
        } catch (e) {
          error.textContent = e.message || String(e);
          error.hidden = false;
        }
      }
      del.addEventListener("click", () => {
        if (window.confirm("Delete this note? It cannot be brought back.")) send("DELETE", {});
      });
      edit.addEventListener("click", () => {
        const form = el("form", "note-form");
        const label = el("label", null, "Edit note " + (i + 1) + " (Markdown)");
        const area = el("textarea");
        area.rows = 5;
        area.value = note.text;
        const areaId = "note-edit-" + note.id;
        area.id = areaId;
        label.htmlFor = areaId;
        const save = el("button", null, "Save");
        save.type = "submit";
        const cancel = el("button", "link-button", "Cancel");
        cancel.type = "button";
        form.append(label, area, save, cancel);
        body.replaceWith(form);
        actions.hidden = true;
        area.focus();
        cancel.addEventListener("click", () => {
          form.replaceWith(body);
          actions.hidden = false;
          edit.focus();
        });
        form.addEventListener("submit", (e) => {
          e.preventDefault();
          send("PUT", { text: area.value });
        });
      });
      ol.appendChild(li);
    });
  }

  function drawLibrary(lib) {
    drawNotes(lib ? lib.notes : []);
  }

  async function drawCitation() {
    const code = $("p-bibtex");
    try {
      const res = await fetch(library.apiPath(id, "/cite?format=bibtex"));
      if (!res.ok) throw new Error("no citation");
      const type = res.headers.get("Content-Type") || "";
      const text = type.includes("json") ? ((await res.json()).text || "") : await res.text();
      if (!text) throw new Error("no citation");
      code.textContent = text;
      $("copy-bibtex").hidden = false;
    } catch (e) {
      code.textContent = "This server gives no BibTeX for the paper.";
    }
  }

  // Copying gives the paper its citation key for good (POST .../cite pins it), so the key pasted
  // into a document is the key every later export uses; showing it pins nothing.
  async function copyBibtex() {
    let text = $("p-bibtex").textContent;
    const status = $("copy-status");
    try {
      const pinned = await library.write("POST", library.apiPath(id, "/cite"), { format: "bibtex" });
      if (pinned && pinned.text) {
        text = pinned.text;
        $("p-bibtex").textContent = text;
      }
    } catch (e) {
      status.textContent = "The key could not be kept (" + (e.message || e) + "); copying it anyway.";
    }
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied.";
    } catch (e) {
      // Without clipboard permission: select the text, so Ctrl-C copies it.
      const range = document.createRange();
      range.selectNodeContents($("p-bibtex"));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = "Selected: press Ctrl-C to copy.";
    }
  }

  async function drawRelated() {
    const status = $("p-related-status");
    const list = $("p-related");
    list.replaceChildren();
    let data;
    try {
      const res = await fetch(library.apiPath(id, "/related?limit=10"));
      data = await res.json();
      if (!res.ok) throw new Error(data && data.error ? data.error : "the server answered " + res.status);
    } catch (e) {
      status.textContent = "Could not find related papers: " + (e.message || String(e));
      return;
    }
    const related = data.related || [];
    if (related.length === 0) {
      status.textContent = "No related papers: this paper shares no weighty word with another.";
      return;
    }
    status.textContent = "";
    for (const r of related) {
      const li = el("li", "related-paper");
      const a = el("a", "related-title");
      a.href = "/paper/" + encodeURIComponent(r.id);
      window.PaperDeckMath.append(a, r.title || r.id);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      const who = el("span", "related-authors");
      const names = r.authors || [];
      window.PaperDeckAuthors.fill(who, names, 3,
        names.length > 3 || r.authors_complete === false ? ", et al." : "");
      li.appendChild(who);
      if (r.year) li.appendChild(el("span", "related-year", " · " + r.year));
      const why = [];
      if ((r.reason || []).length) why.push("Shares: " + r.reason.join(", "));
      if (r.near_in_meaning) why.push(why.length ? "near in meaning" : "Near in meaning");
      if (why.length) li.appendChild(el("p", "related-reason", why.join(" · ")));
      list.appendChild(li);
    }
  }

  async function load() {
    if (!id) {
      fail("No paper id in the address.");
      return;
    }
    let p;
    try {
      const res = await fetch(library.apiPath(id, ""));
      p = await res.json();
      if (!res.ok) throw new Error(p && p.error ? p.error : "the server answered " + res.status);
    } catch (e) {
      fail(e.message || String(e));
      return;
    }
    document.title = p.title + " – PaperDeck";
    const meta = $("p-meta");
    const c = p.card || {};
    meta.replaceChildren();
    if (c.badge) meta.appendChild(el("span", "badge", c.badge));
    for (const w of c.when || []) if (w) meta.appendChild(el("span", "when", w));
    if (c.signal) meta.appendChild(el("span", c.signal === "new" ? "signal new" : "signal", c.signal));
    $("p-title").replaceChildren();
    window.PaperDeckMath.append($("p-title"), p.title);
    window.PaperDeckAuthors.fill($("p-authors"), p.authors || [], 0,
      p.authors_complete === false ? ", et al." : "");
    $("p-abstract").replaceChildren();
    window.PaperDeckMath.append($("p-abstract"), p.abstract || "");
    drawLinks(p);
    drawFacts(p);
    drawProvenance(p.provenance);
    const lib = p.library || {};
    library.mountControls($("p-library"),
      { id: p.id, title: p.title, tags: lib.tags || [], state: lib.state ? lib.state.name : null },
      drawLibrary);
    drawLibrary(lib);
    $("paper-status").textContent = "";
    $("paper").hidden = false;
    drawCitation();
    drawRelated();
  }

  $("note-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const area = $("note-text");
    const error = $("note-error");
    error.hidden = true;
    if (!area.value.trim()) {
      error.textContent = "The note is empty.";
      error.hidden = false;
      return;
    }
    try {
      const data = await library.write("POST", library.apiPath(id, "/notes"), { text: area.value });
      area.value = "";
      drawLibrary(data.library);
    } catch (err) {
      error.textContent = err.message || String(err);
      error.hidden = false;
    }
  });
  $("copy-bibtex").addEventListener("click", copyBibtex);

  load();
})();
