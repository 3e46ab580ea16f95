// A place kept: where the results page was scrolled, kept in each history entry's state, so Back
// to the page (after opening a paper, after "More results") shows the same cards at the same
// place. How many cards were shown is in the address (app.js: n=); the scroll position is here,
// saved as the person scrolls and when the page is left. The browser's own restoration is off:
// the cards arrive by script, after it would have scrolled.
"use strict";

window.PaperDeckPlace = (() => {
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  let timer = 0;

  function save() {
    clearTimeout(timer);
    const kept = Object.assign({}, history.state || {}, { scrollY: Math.round(window.scrollY) });
    history.replaceState(kept, "", location.href);
  }

  window.addEventListener("scroll", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 120);
  }, { passive: true });
  window.addEventListener("pagehide", save);

  // The scroll position saved for the current history entry, or null.
  function saved() {
    const s = history.state;
    return s && typeof s.scrollY === "number" ? s.scrollY : null;
  }

  return { save, saved };
})();
