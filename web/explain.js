// "Why this result" on each card: a disclosure button that asks the API for the card's page with
// explain=1 (docs/http-api.md) the first time it is opened, and shows the card's score part by
// part: each piece of the query with its idf and score, each field's share with its tf, length,
// norm and weight, and the proximity bonus. DOM text nodes only.
(function () {
  "use strict";

  let next = 0;  // ids for the panels

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function num(x, digits) {
    return typeof x === "number" ? x.toFixed(digits === undefined ? 3 : digits) : "–";
  }

  // What a piece of the query was searched as: "attention → attent", "atten* → attend ×1".
  function searched(t) {
    if (t.kind === "phrase") return t.query + " (phrase)";
    if (t.kind === "exact_form_bonus") return t.query + " as written";
    if (t.kind === "exact_form") return t.query;
    const terms = t.kind === "expansion"
      ? (t.expansions || []).map((x) => x.term + " ×" + x.tf).join(", ")
      : (t.terms || []).join(", ");
    return terms && terms !== t.query ? t.query + " → " + terms : t.query;
  }

  // The explanation as a table: a row per piece of the query, a row per field under it.
  function draw(panel, e) {
    const sum = el("p", "why-sum");
    sum.textContent = e.proximity && e.proximity.score > 0
      ? "Score " + num(e.score) + " = " + num(e.bm25f) + " from the words + " + num(e.proximity.score) + " for their nearness"
      : "Score " + num(e.score) + ", from the words";
    const table = el("table", "why-table");
    const head = el("tr");
    for (const h of ["Part", "Score", "tf", "Length (average)", "Norm", "Weight"]) {
      const th = el("th", null, h);
      th.scope = "col";
      head.appendChild(th);
    }
    const thead = el("thead");
    thead.appendChild(head);
    const body = el("tbody");
    const row = (cells, cls) => {
      const tr = el("tr", cls);
      cells.forEach((c, i) => {
        const cell = el(i === 0 ? "th" : "td", null, c);
        if (i === 0) cell.scope = "row";
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    };
    for (const t of e.terms || []) {
      row([searched(t) + " (idf " + num(t.idf, 2) + ")", num(t.score), "", "", "", ""], "why-term");
      for (const f of t.fields || []) {
        row([f.field, num(f.score), String(f.tf), f.length + " (" + num(f.average_length, 1) + ")",
             num(f.norm), String(f.weight)], "why-field");
      }
    }
    if (e.proximity && e.proximity.score > 0) {
      const near = (e.proximity.terms || []).map((p) => p.term + " " + num(p.score)).join(", ");
      row(["nearness (weight " + e.proximity.weight + "): " + near, num(e.proximity.score), "", "", "", ""], "why-term");
    }
    table.append(thead, body);
    panel.replaceChildren(sum, table);
  }

  // A button for a card and the panel it opens. load(): a promise of the card's explanation.
  function mount(article, title, load) {
    const id = "why-" + (++next);
    const button = el("button", "why-link", "Why this result");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);
    button.setAttribute("aria-label", "Why this result: " + title);
    // A region of its own, focusable: on a narrow screen its table scrolls sideways, by keyboard
    // too.
    const panel = el("div", "why");
    panel.id = id;
    panel.hidden = true;
    panel.tabIndex = 0;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Why this result: " + title);
    let loaded = false;
    button.addEventListener("click", async () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
      if (!open || loaded) return;
      panel.replaceChildren(el("p", "why-sum", "Loading…"));
      try {
        const e = await load();
        if (!e) throw new Error("the search no longer finds this paper on its page");
        draw(panel, e);
        loaded = true;
      } catch (err) {
        panel.replaceChildren(el("p", "why-sum", "Could not explain this result: " + (err.message || String(err))));
      }
    });
    return { button: button, panel: panel };
  }

  window.PaperDeckExplain = { mount: mount };
})();
