// PaperDeck's library on the page, shared by the results page (app.js) and the paper page
// (paper.js): the JSON write API, tag chips, the reading-state control, and the allow-list that
// inserts a note's HTML. Every string from the server becomes a DOM text node, except a note's
// HTML, which the server made with cmark's safe mode and which passes the allow-list below.
"use strict";

window.PaperDeckLibrary = (() => {
  const TOKEN_KEY = "paperdeck-token";

  // When `paperdeck serve` listens beyond this machine, writes need the token it printed in the
  // page's address as #token=...: a fragment never reaches a server or a Referer. It is kept for
  // this tab only, and taken out of the address bar at once.
  (() => {
    const m = location.hash.match(/(?:^#|&)token=([0-9A-Za-z]+)/);
    if (!m) return;
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(history.state, "", location.pathname + location.search);
  })();

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function paperPath(id) {
    return "/paper/" + encodeURIComponent(id);
  }

  function apiPath(id, rest) {
    return "/api/papers/" + encodeURIComponent(id) + rest;
  }

  function tagQuery(name) {
    return "/?q=" + encodeURIComponent("tag:" + name);
  }

  // Sends a write as JSON and returns the answer's JSON; throws an Error with the server's
  // message (and the answer's status and JSON as its status and data). A 401 asks for the token
  // once, then tries again.
  async function write(method, path, body) {
    for (let attempt = 0; ; ++attempt) {
      const headers = { "Content-Type": "application/json" };
      const token = sessionStorage.getItem(TOKEN_KEY);
      if (token) headers.Authorization = "Bearer " + token;
      const res = await fetch(path, { method, headers, body: JSON.stringify(body || {}) });
      let data = null;
      try {
        data = await res.json();
      } catch (e) {
        data = null;
      }
      if (res.status === 401 && attempt === 0) {
        const given = window.prompt("This server listens beyond this machine. Paste the token " +
          "`paperdeck serve` printed to change your library:");
        if (given && given.trim()) {
          sessionStorage.setItem(TOKEN_KEY, given.trim());
          continue;
        }
      }
      if (!res.ok) {
        const error = new Error(data && data.error ? data.error : "the server answered " + res.status);
        error.status = res.status;
        error.data = data;
        throw error;
      }
      return data;
    }
  }

  const STATES = [["", "not marked"], ["to-read", "to read"], ["reading", "reading"], ["read", "read"]];

  // Draws a paper's tag chips, a field to add tags and its reading-state control into holder,
  // and redraws them from the server's answer after each change. paper: {id, title, tags,
  // state}; tags and state may be missing (drawn as none). onChange(library) is called with the
  // answer's library after each change.
  function mountControls(holder, paper, onChange) {
    let tags = Array.isArray(paper.tags) ? paper.tags : [];
    let state = typeof paper.state === "string" ? paper.state : "";
    const title = paper.title || paper.id;
    const error = el("p", "lib-error");
    error.setAttribute("role", "alert");
    error.hidden = true;

    async function change(method, rest, body) {
      error.hidden = true;
      try {
        const data = await write(method, apiPath(paper.id, rest), body);
        const lib = data.library || {};
        tags = lib.tags || [];
        state = lib.state ? lib.state.name : "";
        draw();
        if (onChange) onChange(lib);
        return true;
      } catch (e) {
        error.textContent = e.message || String(e);
        error.hidden = false;
        return false;
      }
    }

    function draw() {
      const focusedAdd = document.activeElement && holder.contains(document.activeElement) &&
        document.activeElement.name === "tag";
      holder.replaceChildren();
      const list = el("ul", "tags");
      list.setAttribute("aria-label", "Tags");
      for (const name of tags) {
        const li = el("li", "tag");
        const a = el("a", null, name);
        a.href = tagQuery(name);
        a.title = "Papers tagged " + name;
        const remove = el("button", "tag-remove", "×");
        remove.type = "button";
        remove.setAttribute("aria-label", "Remove tag " + name + " from " + title);
        remove.addEventListener("click", () => change("POST", "/tags", { remove: [name] }));
        li.append(a, remove);
        list.appendChild(li);
      }
      const form = el("form", "tag-add");
      const input = el("input");
      input.name = "tag";
      input.type = "text";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.placeholder = "+ tag";
      input.maxLength = 200;
      input.setAttribute("aria-label", "Add tags to " + title + " (separate with spaces)");
      form.appendChild(input);
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const names = input.value.split(/\s+/).filter(Boolean);
        if (names.length === 0) return;
        if (await change("POST", "/tags", { add: names })) {
          const again = holder.querySelector("input[name=tag]");
          if (again) again.focus();
        }
      });
      const label = el("label", "reading-state");
      label.appendChild(el("span", "visually-hidden", "Reading state of " + title));
      const select = el("select");
      select.name = "state";
      for (const [value, text] of STATES) {
        const o = el("option", null, text);
        o.value = value;
        select.appendChild(o);
      }
      select.value = state;
      select.addEventListener("change", () => change("PUT", "/state", { state: select.value || null }));
      label.appendChild(select);
      holder.append(list, form, label, error);
      if (focusedAdd) input.focus();
    }

    draw();
    return { change };
  }

  // The elements and attributes a note's HTML may bring; cmark makes no others in safe mode.
  const NOTE_ELEMENTS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "EM",
    "STRONG", "CODE", "PRE", "BLOCKQUOTE", "A", "HR", "BR", "DEL"]);

  function safeHref(href) {
    return typeof href === "string" && /^(https?:|mailto:|#|\/(?!\/))/i.test(href.trim()) ? href.trim() : null;
  }

  // The note's HTML as DOM nodes: parsed in an inert document (nothing runs, nothing loads),
  // then rebuilt from allowed elements only, with no attribute but a link's safe href and a
  // list's start. Anything else keeps only its text.
  function noteNodes(html) {
    const doc = new DOMParser().parseFromString(String(html || ""), "text/html");
    const out = document.createDocumentFragment();
    function copy(from, to) {
      for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.data));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === "SCRIPT" || node.tagName === "STYLE") continue;
          if (!NOTE_ELEMENTS.has(node.tagName)) {
            copy(node, to);
            continue;
          }
          const e = document.createElement(node.tagName.toLowerCase());
          if (node.tagName === "A") {
            const href = safeHref(node.getAttribute("href"));
            if (href) {
              e.href = href;
              e.rel = "noopener noreferrer nofollow";
            }
          } else if (node.tagName === "OL" && /^\d+$/.test(node.getAttribute("start") || "")) {
            e.setAttribute("start", node.getAttribute("start"));
          }
          copy(node, e);
          to.appendChild(e);
        }
      }
    }
    copy(doc.body, out);
    return out;
  }

  return { el, write, paperPath, apiPath, tagQuery, mountControls, noteNodes };
})();
