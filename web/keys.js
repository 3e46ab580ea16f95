// PaperDeckKeys: the results page by keyboard. "/" focuses the search box (Escape leaves it);
// j and k (anywhere but a text field), and ArrowDown and ArrowUp while focus is on the results,
// move to the next and previous card; Enter on a card opens its title's link, else its page.
// A card takes focus as a whole (tabindex -1: Tab still goes through the links and controls).
// The skip link moves focus to the results without touching the URL (a new fragment would be a
// history entry, and the page would search again).
"use strict";

window.PaperDeckKeys = (() => {
  function typingIn(t) {
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
      t.isContentEditable);
  }

  function mount(input, deck, skipLink) {
    skipLink.addEventListener("click", (e) => {
      const target = document.getElementById(skipLink.hash.slice(1));
      if (!target) return;
      e.preventDefault();
      target.focus();
    });
    const cards = () => Array.from(deck.querySelectorAll(":scope > li.card"));

    // Moves focus by step cards from the one focus is in (from before the first if none).
    function move(step) {
      const list = cards();
      if (list.length === 0) return;
      const current = document.activeElement && document.activeElement.closest
        ? document.activeElement.closest("#" + deck.id + " > li.card") : null;
      let at = current ? list.indexOf(current) + step : step > 0 ? 0 : list.length - 1;
      at = Math.max(0, Math.min(list.length - 1, at));
      const li = list[at];
      li.tabIndex = -1;
      li.focus();
    }

    function open(li) {
      const link = li.querySelector("h3 a[href]") || li.querySelector("a.paper-link[href]");
      if (link) link.click();
    }

    document.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target;
      if (e.key === "/" && !typingIn(t)) {
        e.preventDefault();
        input.focus();
        input.select();
        return;
      }
      if (e.key === "Escape" && t === input) {
        input.blur();
        return;
      }
      if (typingIn(t)) return;
      const inResults = deck.contains(t);
      if (e.key === "j" || (e.key === "ArrowDown" && inResults)) {
        e.preventDefault();
        move(1);
      } else if (e.key === "k" || (e.key === "ArrowUp" && inResults)) {
        e.preventDefault();
        move(-1);
      } else if (e.key === "Enter" && t.matches && t.matches("#" + deck.id + " > li.card")) {
        e.preventDefault();
        open(t);
      }
    });
  }

  return { mount };
})();
