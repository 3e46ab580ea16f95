// PaperDeckMath: a paper's title or abstract as arXiv writes it (text with LaTeX in it) drawn as
// a reader expects: math between $...$, $$...$$, \(...\) or \[...\] typeset by KaTeX (embedded
// by the server under /katex/), \emph{...} and \textit{...} as emphasis, \textbf{...} as strong,
// \% \& \_ \# \$ \{ \} as their characters, accents (\"o, \'{e}) as letters, -- and --- as dashes,
// and a ~ that is not "about" (~50%) as a space (as text/latex_text reads them for the terminal).
// Anything else is shown as written.
//
// Nothing in the text ever runs: the text becomes DOM text nodes and KaTeX's own elements, and
// KaTeX is told to trust no input (no \href, \url, \includegraphics, \htmlClass...), to render a
// formula it cannot read as its source (throwOnError: false), to expand at most a few macros,
// with macros defined by a formula kept to that formula. KaTeX builds its nodes through the DOM
// (katex.render), which the page's Content-Security-Policy allows.
//
// Highlights: the search gives UTF-8 byte spans of the source text. Text is marked where they
// fall; a formula that holds any part of a span is marked whole, so a formula is never cut.
"use strict";

window.PaperDeckMath = (() => {
  const KATEX_OPTIONS = {
    throwOnError: false,
    trust: false,
    strict: "ignore",
    maxExpand: 200,
    maxSize: 2,
    output: "htmlAndMathml",
  };
  const STYLES = {
    emph: "em", textit: "em", textsl: "em", em: "em", it: "em",
    textbf: "strong", bf: "strong", textsc: "span", texttt: "code", textrm: "span", textsf: "span",
    textup: "span", textnormal: "span", mbox: "span",
  };
  const ESCAPES = "%&_#${} ";
  const ACCENTS = { "'": "\u0301", "`": "\u0300", "^": "\u0302", "\"": "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030C", "u": "\u0306", "H": "\u030B" };
  const LETTER = /[A-Za-z]/;

  // The UTF-16 index of every UTF-8 byte offset that starts a character, for the spans.
  function byteToIndex(text, spans) {
    if (!spans || spans.length === 0) return [];
    const at = new Map();
    let bytes = 0;
    for (let i = 0; i < text.length; ++i) {
      at.set(bytes, i);
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xD800 && c < 0xDC00) { bytes += 4; ++i; }
      else bytes += 3;
    }
    at.set(bytes, text.length);
    const out = [];
    for (const [b, e] of spans) {
      if (at.has(b) && at.has(e) && b < e) out.push([at.get(b), at.get(e)]);
    }
    return out;
  }

  // The end of the formula opened at i by open, closed by close; -1 if it is not closed.
  function closing(text, i, open, close) {
    let j = i + open.length;
    while (j < text.length) {
      if (text.startsWith(close, j)) return j;
      j += text[j] === "\\" ? 2 : 1;
    }
    return -1;
  }

  // The index of the "}" closing the group whose "{" is at i; -1 if it does not close.
  function groupEnd(text, i) {
    let depth = 0;
    for (let j = i; j < text.length; ++j) {
      const c = text[j];
      if (c === "\\") { ++j; continue; }
      if (c === "{") ++depth;
      else if (c === "}" && --depth === 0) return j;
    }
    return -1;
  }

  function overlaps(spans, begin, end) {
    return spans.some(([b, e]) => b < end && e > begin);
  }

  // Appends text[begin, end) as text nodes, the parts within spans in <mark>.
  function appendText(parent, text, begin, end, spans) {
    let at = begin;
    for (const [b, e] of spans) {
      const from = Math.max(b, at);
      const to = Math.min(e, end);
      if (from >= to) continue;
      if (from > at) parent.appendChild(document.createTextNode(text.slice(at, from)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      parent.appendChild(mark);
      at = to;
    }
    if (at < end) parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  // Appends a character (or a few) that stands for the source text[begin, end).
  function appendUnit(parent, shown, begin, end, spans) {
    if (overlaps(spans, begin, end)) {
      const mark = document.createElement("mark");
      mark.textContent = shown;
      parent.appendChild(mark);
    } else {
      parent.appendChild(document.createTextNode(shown));
    }
  }

  // What arXiv's MathJax reads that KaTeX does not: "\unicode{x2013}" (a character by its code)
  // and "%" (a comment in TeX, which a one-line abstract never means).
  function forKatex(formula) {
    return formula
      .replace(/\\unicode\{x?([0-9A-Fa-f]{1,6})\}/g, (m, hex) => {
        const code = parseInt(hex, 16);
        return code > 0x1F && code <= 0x10FFFF ? String.fromCodePoint(code) : m;
      })
      .replace(/(^|[^\\])%/g, "$1\\%");
  }

  function appendFormula(parent, source, formula, display, begin, end, spans) {
    const holder = document.createElement("span");
    holder.className = display ? "math math-display" : "math";
    if (window.katex) {
      try {
        window.katex.render(forKatex(formula), holder, Object.assign({ displayMode: false, macros: {} }, KATEX_OPTIONS));
      } catch (e) {
        holder.replaceChildren(source);
      }
    } else {
      holder.textContent = source;
    }
    if (overlaps(spans, begin, end)) {
      const mark = document.createElement("mark");
      mark.appendChild(holder);
      parent.appendChild(mark);
    } else {
      parent.appendChild(holder);
    }
  }

  const MATH = [["$$", "$$", true], ["\\[", "\\]", true], ["\\(", "\\)", false], ["$", "$", false]];

  // Draws text[begin, end) into parent.
  function draw(parent, text, begin, end, spans) {
    let run = begin;  // the start of plain text not yet appended
    const flush = (to) => {
      if (to > run) appendText(parent, text, run, to, spans);
    };
    let i = begin;
    while (i < end) {
      const c = text[i];
      let matched = false;
      for (const [open, close, display] of MATH) {
        if (!text.startsWith(open, i)) continue;
        const j = closing(text.slice(0, end), i, open, close);
        if (j < 0 || j === i + open.length) break;
        flush(i);
        const stop = j + close.length;
        appendFormula(parent, text.slice(i, stop), text.slice(i + open.length, j), display, i, stop, spans);
        i = run = stop;
        matched = true;
        break;
      }
      if (matched) continue;
      if (c === "\\") {
        const next = text[i + 1] || "";
        if (ESCAPES.includes(next) && next !== "") {
          flush(i);
          appendUnit(parent, next, i, i + 2, spans);
          i = run = i + 2;
          continue;
        }
        // \'e \'{e} \"{o} \c{c} \v s: a letter with its accent.
        let name = next;
        let k = i + 2;
        if (LETTER.test(next)) {
          while (k < end && LETTER.test(text[k])) ++k;
          name = text.slice(i + 1, k);
        }
        if (name.length === 1 && ACCENTS[name]) {
          let p = k;
          if (LETTER.test(name)) while (text[p] === " ") ++p;
          const braced = text[p] === "{";
          const letter = text[braced ? p + 1 : p] || "";
          const stop = braced ? p + 3 : p + 1;
          if (LETTER.test(letter) && (!braced || text[p + 2] === "}") && stop <= end) {
            flush(i);
            appendUnit(parent, (letter + ACCENTS[name]).normalize("NFC"), i, stop, spans);
            i = run = stop;
            continue;
          }
        }
        // \emph{...}: the group drawn inside its element.
        if (STYLES[name] && text[k] === "{") {
          const close = groupEnd(text, k);
          if (close > 0 && close < end) {
            flush(i);
            const node = document.createElement(STYLES[name]);
            draw(node, text, k + 1, close, spans);
            parent.appendChild(node);
            i = run = close + 1;
            continue;
          }
        }
        i += 2;
        continue;
      }
      // {\em ...} and {\bf ...}: the rest of the group.
      if (c === "{" && text[i + 1] === "\\") {
        const m = /^\\(em|it|bf|sl)\b ?/.exec(text.slice(i + 1, i + 6));
        const close = m ? groupEnd(text, i) : -1;
        if (m && close > 0 && close < end) {
          flush(i);
          const node = document.createElement(STYLES[m[1]]);
          draw(node, text, i + 1 + m[0].length, close, spans);
          parent.appendChild(node);
          i = run = close + 1;
          continue;
        }
      }
      if (c === "-") {
        let n = 1;
        while (text[i + n] === "-") ++n;
        if (n === 2 || n === 3) {
          flush(i);
          appendUnit(parent, n === 3 ? "\u2014" : "\u2013", i, i + n, spans);
          run = i + n;
        }
        i += n;
        continue;
      }
      // "~" before a number is "about" (~50%); elsewhere TeX's unbreakable space.
      if (c === "~" && !/[0-9.]/.test(text[i + 1] || "") && text[i - 1] !== "/" && i > begin) {
        flush(i);
        appendUnit(parent, "\u00A0", i, i + 1, spans);
        i = run = i + 1;
        continue;
      }
      ++i;
    }
    flush(end);
  }

  // Appends text (a title or an abstract, as the API gives it) to parent, typeset, with the
  // UTF-8 byte spans marked.
  function append(parent, text, byteSpans) {
    draw(parent, text, 0, text.length, byteToIndex(text, byteSpans));
  }

  // Typesets parent in place: a title or an abstract the server drew as its source text, the
  // matched words in <mark>s (the results page's first cards). The marks stay where they were.
  // Returns the source text. Text with nothing to typeset is left as it is.
  function typesetInPlace(parent) {
    let text = "";
    const spans = [];
    for (const node of Array.from(parent.childNodes)) {
      const t = node.textContent;
      if (node.nodeName === "MARK") spans.push([text.length, text.length + t.length]);
      text += t;
    }
    if (/[\\$~]|--/.test(text)) {
      parent.replaceChildren();
      draw(parent, text, 0, text.length, spans);
    }
    return text;
  }

  return { append, typesetInPlace };
})();
