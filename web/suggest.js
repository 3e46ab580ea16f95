// Suggestions under the search box as a person types (GET /api/suggest): words of the corpus,
// authors, titles, the user's tags and saved searches, each saying what it is. The box is an
// ARIA combobox and the list its listbox: ArrowDown and ArrowUp move through the list, Enter
// picks the option moved to, Escape closes the list, a click picks. Picking puts the option's
// query in the box and runs it (the page's onPick). One request at a time after a pause in the
// typing; an answer to older text is dropped. Every string from the server becomes a text node.
"use strict";

window.PaperDeckSuggest = (() => {
  const DELAY_MS = 120;
  const KIND_LABELS = {
    word: "word",
    author: "author",
    title: "title",
    tag: "tag",
    "saved-search": "saved search",
  };

  // input: the search box; list: an empty <ul> after it; onPick(query): run the query.
  function mount({ input, list, onPick }) {
    let options = [];  // the suggestions shown, in order
    let active = -1;   // the option moved to, or -1
    let timer = 0;
    let seq = 0;
    let controller = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;

    function close() {
      seq++;  // an answer on its way is no longer wanted
      if (controller) controller.abort();
      controller = null;
      options = [];
      active = -1;
      list.replaceChildren();
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function setActive(i) {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", list.children[i].id);
        list.children[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(i) {
      const s = options[i];
      close();
      clearTimeout(timer);
      input.value = s.query;
      onPick(s.query);
    }

    function draw(suggestions) {
      options = suggestions;
      active = -1;
      list.replaceChildren(...suggestions.map((s, i) => {
        const li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.className = "suggestion-option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.kind = s.kind;
        const text = document.createElement("span");
        text.className = "suggestion-text";
        text.textContent = s.text;
        const kind = document.createElement("span");
        kind.className = "suggestion-kind";
        kind.textContent = KIND_LABELS[s.kind] || s.kind;
        li.append(text, kind);
        // mousedown, not click: the box keeps its focus (no blur closing the list first).
        li.addEventListener("mousedown", (e) => {
          e.preventDefault();
          pick(i);
        });
        return li;
      }));
      const open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      input.removeAttribute("aria-activedescendant");
    }

    async function ask(text) {
      const mine = ++seq;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const res = await fetch("/api/suggest?" + new URLSearchParams({ q: text }),
          { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!res.ok) throw new Error("HTTP " + res.status);
        const data = await res.json();
        if (mine !== seq || input.value !== text || document.activeElement !== input) return;
        draw(data.suggestions || []);
      } catch (e) {
        if (mine === seq) close();  // no suggestions is no error: the search itself still runs
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const text = input.value;
      if (!text.trim() || /\s$/.test(text)) {
        close();
        return;
      }
      timer = setTimeout(() => ask(text), DELAY_MS);
    });

    input.addEventListener("keydown", (e) => {
      if (list.hidden || options.length === 0) return;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        setActive(active + 1 >= options.length ? 0 : active + 1);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();  // the form is not submitted: picking runs the search
        pick(active);
      } else if (e.key === "Escape") {
        // Closes the list only: the box keeps its text (a search box clears itself on Escape)
        // and its focus (a second Escape leaves it).
        e.preventDefault();
        e.stopPropagation();
        clearTimeout(timer);
        close();
      }
    });

    input.addEventListener("blur", () => {
      clearTimeout(timer);
      close();
    });
    // Enter without a suggestion moved to searches the box as typed: the list goes away.
    input.form && input.form.addEventListener("submit", () => {
      clearTimeout(timer);
      close();
    });
  }

  return { mount };
})();
