// PaperDeckLayout: the results page fitted to a small screen. On a phone the filters fold behind
// a "Filters" button (the CSS shows it only there), and once the page is scrolled the header
// keeps only the search box, so the cards have the screen.
"use strict";

window.PaperDeckLayout = (() => {
  function mount({ header, facets, toggle }) {
    toggle.addEventListener("click", () => {
      const open = !facets.classList.contains("open");
      facets.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    let scrolled = false;
    const onScroll = () => {
      const now = window.scrollY > 24;
      if (now !== scrolled) {
        scrolled = now;
        header.classList.toggle("scrolled", now);
      }
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    onScroll();
  }

  // Whether the filters button is showing, and how many filters are in force.
  function filters(toggle, facetsHidden, inForce) {
    toggle.hidden = facetsHidden;
    toggle.textContent = inForce > 0 ? "Filters (" + inForce + ")" : "Filters";
  }

  return { mount, filters };
})();
