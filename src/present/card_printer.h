// CardPrinter: draws cards on a terminal or into a pipe, the way the reference page lays them
// out: the meta line (badge, date or venue and year, ▲ upvotes / citations / new), the title,
// the first authors, and the abstract wrapped to the width with the query's words highlighted
// (colour only on a terminal).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "present/card.h"
#include "present/terminal.h"
#include "present/text_wrap.h"

namespace paperdeck::present {

class CardPrinter {
 public:
  CardPrinter(FILE* out, const Terminal& terminal);

  // spans: byte spans of card.title and card.abstract to highlight.
  void Print(const Card& card, const std::vector<ByteSpan>& title_spans,
             const std::vector<ByteSpan>& abstract_spans) const;

 private:
  void PrintWrapped(const std::string& text, const std::vector<ByteSpan>& spans,
                    const char* style) const;

  FILE* out_;
  Terminal terminal_;
  Style style_;
};

}  // namespace paperdeck::present
