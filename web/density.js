// PaperDeckDensity: how much of each abstract the cards show. Compact (the default): three lines,
// with an in-place "more" on each card whose abstract is longer; full: every abstract whole. The
// choice is the reader's and is remembered across visits (localStorage).
"use strict";

window.PaperDeckDensity = (() => {
  const KEY = "paperdeck.density";
  let deck = null;
  let button = null;
  let serial = 0;

  function full() {
    try {
      return localStorage.getItem(KEY) === "full";
    } catch (e) {
      return false;  // storage refused (a private window): compact
    }
  }

  function apply() {
    const on = full();
    deck.classList.toggle("full", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    if (!on) fit(deck);
  }

  // Shows "more" only on the cards of root whose abstract the three lines cut.
  function fit(root) {
    if (!deck || deck.classList.contains("full")) return;
    // Every size read before any button changes: one layout, not one per card.
    const cut = [];
    for (const more of root.querySelectorAll(".card:not(.open) .abstract-more")) {
      const p = more.closest(".card").querySelector(".abstract");
      cut.push([more, p.scrollHeight > p.clientHeight + 1]);
    }
    for (const [more, longer] of cut) more.hidden = !longer;
  }

  // The "more" button of a card's abstract (abstract: its <p class="abstract">), to follow it.
  function moreButton(li, abstract, title) {
    abstract.id = "abstract-" + ++serial;
    const b = document.createElement("button");
    b.type = "button";
    b.className = "abstract-more link-button";
    b.textContent = "more";
    b.setAttribute("aria-expanded", "false");
    b.setAttribute("aria-controls", abstract.id);
    b.setAttribute("aria-label", "More of the abstract of " + title);
    b.addEventListener("click", () => {
      const open = li.classList.toggle("open");
      b.textContent = open ? "less" : "more";
      b.setAttribute("aria-expanded", open ? "true" : "false");
      b.setAttribute("aria-label", (open ? "Less of the abstract of " : "More of the abstract of ") + title);
    });
    return b;
  }

  function mount(deckElement, toggle) {
    deck = deckElement;
    button = toggle;
    button.addEventListener("click", () => {
      try {
        localStorage.setItem(KEY, full() ? "compact" : "full");
      } catch (e) {
        // Not remembered; still switched for this page.
        deck.classList.toggle("full");
        button.setAttribute("aria-pressed", deck.classList.contains("full") ? "true" : "false");
        fit(deck);
        return;
      }
      apply();
    });
    // Another tab switched: follow it.
    window.addEventListener("storage", (e) => {
      if (e.key === KEY) apply();
    });
    let resizeTimer = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => fit(deck), 150);
    });
    apply();
  }

  return { mount, fit, moreButton };
})();
