// Author names as links to their papers, shared by the results page (app.js) and the paper page
// (paper.js): each name searches `author:"Full Name"`, which finds the name however a paper
// spells it (initials, accents, particles: docs/query-language.md).
"use strict";

window.PaperDeckAuthors = (() => {
  // The query for one author. A phrase runs to the next `"`, and a quote is no part of any word,
  // so quotes in a name become spaces.
  function query(name) {
    return 'author:"' + String(name).replace(/"/g, " ").replace(/\s+/g, " ").trim() + '"';
  }

  function href(name) {
    return "/?q=" + encodeURIComponent(query(name));
  }

  // Fills parent with the first `shown` names (every one when shown is 0) as links, ", "
  // between them, then the text `after` (" et al.", or nothing).
  function fill(parent, names, shown, after) {
    parent.replaceChildren();
    names.slice(0, shown > 0 ? shown : names.length).forEach((name, i) => {
      if (i > 0) parent.appendChild(document.createTextNode(", "));
      const a = document.createElement("a");
      a.className = "author";
      a.href = href(name);
      a.textContent = name;
      a.title = "Papers by " + name;
      parent.appendChild(a);
    });
    if (after) parent.appendChild(document.createTextNode(after));
  }

  return { query, href, fill };
})();
