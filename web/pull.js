// The footer's "Not finding it? Pull fresh matches from arXiv.": a button that asks the server to
// pull the page's query from arXiv (POST /api/pulls), follows the pull as it goes (GET
// /api/pulls/{id} every half second: pages, papers added and updated, the waits arXiv's gap or a
// Retry-After impose), says what stopped it and what was kept, and when it is done hands the ids
// of the papers it added to the page, which searches again with them marked. A pull already
// running (this tab's, another tab's) is followed instead of refused.
"use strict";

window.PaperDeckPull = (() => {
  const POLL_MS = 500;
  const library = window.PaperDeckLibrary;

  function plural(n, one, many) {
    return n.toLocaleString("en-US") + " " + (n === 1 ? one : many);
  }

  // One line saying where the pull is.
  function describe(p) {
    const quoted = "“" + p.query + "”";
    const papers = plural(p.fetched, "paper", "papers") + " fetched (" + p.added + " new, " +
      p.updated + " updated)";
    if (p.state === "running") {
      let line = "Pulling " + quoted + " from arXiv: " + plural(p.pages, "page", "pages") + ", " + papers;
      if (p.indexing) line += "; indexing them";
      else if (p.waiting) line += "; " + p.waiting;
      return line + "…";
    }
    if (p.state === "done") {
      let line = "Pulled " + quoted + " from arXiv: " + papers + ".";
      if (p.arxiv_total !== null && p.arxiv_total > p.fetched) {
        line += " arXiv has " + plural(p.arxiv_total, "match", "matches") + "; the newest " + p.max + " were asked for.";
      }
      return line;
    }
    return "The pull of " + quoted + " stopped: " + p.error + ". " +
      (p.kept ? p.kept.charAt(0).toUpperCase() + p.kept.slice(1) + "." : "");
  }

  // Mounts the control. opts: {button, status, query: () => the page's query, onDone(pull)}.
  function mount(opts) {
    const { button, status } = opts;
    let following = 0;  // the id of the pull being followed; 0: none

    function say(text, kind) {
      status.textContent = text;
      status.dataset.kind = kind || "";
    }

    async function follow(id) {
      following = id;
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      for (;;) {
        let p;
        try {
          const res = await fetch("/api/pulls/" + id, { cache: "no-store" });
          p = await res.json();
          if (!res.ok) throw new Error(p && p.error ? p.error : "the server answered " + res.status);
        } catch (e) {
          say("Could not follow the pull: " + (e.message || String(e)), "error");
          break;
        }
        if (id !== following) return;
        say(describe(p), p.state === "failed" ? "error" : p.state);
        if (p.state !== "running") {
          if (p.fetched > 0 || p.state === "done") opts.onDone(p);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      following = 0;
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }

    button.addEventListener("click", async () => {
      const query = opts.query().trim();
      if (!query) {
        say("Type what to pull in the search box first.", "error");
        return;
      }
      button.disabled = true;
      say("Asking the server to pull “" + query + "” from arXiv…", "running");
      try {
        const p = await library.write("POST", "/api/pulls", { query });
        say(describe(p), "running");
        await follow(p.id);
      } catch (e) {
        button.disabled = false;
        if (e.status === 409 && e.data && typeof e.data.running === "number") {
          say("A pull is running already; following it.", "running");
          await follow(e.data.running);
          return;
        }
        say("Could not pull: " + (e.message || String(e)), "error");
      }
    });
  }

  return { mount, describe };
})();
