// Card: the facts of one paper as a results page shows them, already formatted:
//   badge     "paper" (listed on Hugging Face Papers) or the categories "cs.LG · cs.CV" (arXiv's:
//             the MSC and ACM classes listed among them are left out)
//   when      the date "Jun 5, 2026", or the venue and year "ICLR" "2024" for an older, cited
//             paper (a paper with a venue and no date within the last year; a venue that names
//             the year says it once: "NeurIPS 2024"); a recent
//             paper with a venue shows both, "May 1, 2026" "ICML 2026" (a preprint since
//             published: the page shows where)
//   signal    "▲ 126" (upvotes), else "237 citations" / "1.6k citations", else "new", else none
//   title, authors "A, B, C et al." (the first three, "et al." when there are more or the source
//   listed only the first ones), abstract;
//   version   "v2" on a feed's card for a paper new again for its newer version
//   tags      the user's tags (display names), state its reading state ("to-read", "reading",
//             "read"; empty: none): a card with the library's data shows them on a line of
//             their own.
// The terminal and the JSON API both draw from this one definition.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "library/library_data.h"
#include "model/paper_record.h"

namespace paperdeck::present {

struct Card {
  std::string badge;
  std::vector<std::string> when;  // the date (and venue), or venue and/or year
  std::string signal;
  std::string title;
  std::string authors;
  std::string abstract;
  std::vector<std::string> tags;
  std::string state;
  // "v2": set by a feed for a paper new again because a newer version entered the corpus
  // (NewVersionLabel); MakeCard leaves it empty.
  std::string version;

  // The meta line's parts in order: badge, when..., signal (empty parts left out).
  std::vector<std::string> MetaParts() const;
};

// today: days since 1970-01-01, to decide whether a date is recent.
Card MakeCard(const PaperRecord& record, int32_t today);
// The card with the user's tags and reading state.
Card MakeCard(const PaperRecord& record, const library::LibraryEntry& library, int32_t today);

// The card with its title and abstract as plain text, for where nothing typesets their LaTeX (a
// terminal): "$3.46\times$" -> "3.46×", "\emph{not}" -> "not" (text/latex_text). The JSON keeps
// the source, which the page typesets.
Card AsPlainText(Card card);

// "v3" for a paper stored with more than one version, else empty: what a feed's card says of a
// paper that is new to it.
std::string NewVersionLabel(const PaperRecord& record);

// 237 -> "237", 1600 -> "1.6k", 4000 -> "4k", 1250000 -> "1.3M".
std::string FormatCount(int64_t n);

// "Ziqing Qiao, Yinuo Xu, Chaojun Xiao et al."
std::string ShownAuthors(const std::vector<std::string>& authors, bool complete);

}  // namespace paperdeck::present
