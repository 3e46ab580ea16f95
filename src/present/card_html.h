// CardHtml: a search result's card as HTML, for the results page the server draws before any
// script runs (http/results_page). The markup is the one web/app.js builds for a card (the same
// classes and links), so the page's script takes the card over as it stands:
//   <li class="card" data-id="ID"><article>
//     <div class="meta"> badge, when..., signal as <span>s </div>
//     <h3 class="title"><a href="where the title links"> the title </a></h3>
//     <p class="authors"> the first three names as links to their papers, " et al." </p>
//     <p class="abstract"> the abstract </p>
//     <div class="card-library"><div class="library-controls"></div>
//       <div class="card-links"> PDF, Details </div></div>
//   </article></li>
// The title and the abstract are their source text (the page's script typesets their LaTeX);
// the byte spans a search matched are <mark>ed. Every string from a paper is escaped: nothing
// in a paper becomes markup.
//
// Threading: functions of their arguments only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "library/corpus.h"
#include "present/card.h"
#include "present/text_wrap.h"

namespace paperdeck::present {

// s made safe inside HTML elements and double- or single-quoted attributes (& < > " ').
std::string HtmlEscaped(std::string_view s);

// s escaped as JavaScript's encodeURIComponent does: every byte but A-Z a-z 0-9 - _ . ! ~ * ' ( )
// as %XX, so the server's links are the script's.
std::string UriComponent(std::string_view s);

// text escaped, the parts within spans (UTF-8 byte ranges, sorted, disjoint) in <mark>.
std::string MarkedHtml(std::string_view text, const std::vector<ByteSpan>& spans);

// The card of paper (its card as MakeCard gave it, title_spans and abstract_spans the matched
// bytes of card.title and card.abstract) as one <li>.
std::string CardHtml(const library::StoredPaper& paper, const Card& card,
                     const std::vector<ByteSpan>& title_spans,
                     const std::vector<ByteSpan>& abstract_spans);

}  // namespace paperdeck::present
