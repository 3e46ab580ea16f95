// The results page's filters: categories and years, each a list of values with the count the API
// gave (counted without the facet's own filter, so a count is what choosing the value alone
// gives). Several values of one facet are either (OR); a long list shows its first values and
// folds the rest behind "Show all"; years also take a range, from one year to another.
// A year filter is "2024" or "2021-2024", as the API reads it. Everything from the API becomes
// DOM text nodes.
"use strict";

window.PaperDeckFacets = (() => {
  const FOLDED = 8;  // values shown before "Show all"
  const el = (tag, cls, text) => window.PaperDeckLibrary.el(tag, cls, text);
  // Facets the person unfolded, kept while the page lives.
  const unfolded = new Set();

  const rangeText = (value) => value.replace("-", "–");

  function toggle(list, value) {
    return list.includes(value) ? list.filter((v) => v !== value) : list.concat([value]);
  }

  function valueButton(key, value, label, count, pressed, onPick) {
    const b = el("button");
    b.type = "button";
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    b.dataset.facet = key;
    b.dataset.value = value;
    b.appendChild(el("span", "v", label));
    if (count !== null) b.appendChild(el("span", "n", count.toLocaleString("en-US")));
    b.addEventListener("click", onPick);
    return b;
  }

  // One facet's list: the values in the API's order, those chosen kept visible (with 0 when
  // nothing matches them any more), folded after FOLDED values unless unfolded.
  function drawList(ul, key, counts, selected, onChange) {
    ul.replaceChildren();
    const shown = counts.slice();
    for (const v of selected) if (!shown.some((c) => c.value === v)) shown.push({ value: v, count: v.includes("-") ? null : 0 });
    const fold = !unfolded.has(key) && shown.length > FOLDED + 2;
    shown.forEach((f, i) => {
      const li = el("li");
      const chosen = selected.includes(f.value);
      if (fold && i >= FOLDED && !chosen) li.hidden = true;
      li.appendChild(valueButton(key, f.value, key === "year" ? rangeText(f.value) : f.value, f.count, chosen,
        () => onChange(key, toggle(selected, f.value))));
      ul.appendChild(li);
    });
    const section = ul.parentElement;
    let more = section.querySelector(".facet-more");
    if (!more) {
      more = el("button", "link-button facet-more");
      more.type = "button";
      more.setAttribute("aria-controls", ul.id);
      more.addEventListener("click", () => {
        if (unfolded.has(key)) unfolded.delete(key); else unfolded.add(key);
        drawList(ul, key, counts, selected, onChange);
      });
      ul.after(more);
    }
    const foldable = shown.length > FOLDED + 2;
    more.hidden = !foldable;
    more.textContent = unfolded.has(key) ? "Show fewer" : "Show all " + shown.length;
    more.setAttribute("aria-expanded", unfolded.has(key) ? "true" : "false");
    section.hidden = shown.length === 0 && key !== "year";
  }

  // The from–to control: a range replaces the years chosen one by one.
  function mountRange(form, onChange) {
    const from = form.querySelector("[name=from]");
    const to = form.querySelector("[name=to]");
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const a = parseInt(from.value, 10);
      const b = parseInt(to.value, 10);
      if (!(a >= 1000 && a <= 9999) && !(b >= 1000 && b <= 9999)) return;
      const low = a >= 1000 && a <= 9999 ? a : b;
      const high = b >= 1000 && b <= 9999 ? b : a;
      const range = Math.min(low, high) + "-" + Math.max(low, high);
      onChange("year", [low === high ? String(low) : range]);
    });
  }

  // Draws both facets from a search's answer. state: the page's { cat, year }; onChange(key,
  // values) is called with a facet's new list of values.
  function draw(root, data, state, onChange) {
    const cats = (data && data.facets && data.facets.categories) || [];
    const years = (data && data.facets && data.facets.years) || [];
    const filtered = state.cat.length > 0 || state.year.length > 0;
    root.hidden = !filtered && cats.length === 0 && years.length === 0;
    drawList(root.querySelector("#facet-cat"), "cat", cats, state.cat, onChange);
    drawList(root.querySelector("#facet-year"), "year", years, state.year, onChange);
    const form = root.querySelector("#year-range");
    if (!form.dataset.mounted) {
      form.dataset.mounted = "1";
      mountRange(form, onChange);
    }
    // The range's ends, from the range chosen or the years offered.
    const range = state.year.find((y) => y.includes("-"));
    const known = years.map((y) => parseInt(y.value, 10)).filter((y) => y > 0);
    form.querySelector("[name=from]").placeholder = known.length ? String(Math.min(...known)) : "";
    form.querySelector("[name=to]").placeholder = known.length ? String(Math.max(...known)) : "";
    if (range) {
      const [a, b] = range.split("-");
      form.querySelector("[name=from]").value = a;
      form.querySelector("[name=to]").value = b;
    } else if (document.activeElement === null || !form.contains(document.activeElement)) {
      form.querySelector("[name=from]").value = "";
      form.querySelector("[name=to]").value = "";
    }
    root.querySelector("#clear-filters").hidden = !filtered;
  }

  return { draw };
})();
