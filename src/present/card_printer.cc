#include "present/card_printer.h"

#include <fmt/core.h>

namespace paperdeck::present {

CardPrinter::CardPrinter(FILE* out, const Terminal& terminal)
    : out_(out), terminal_(terminal), style_(Style::For(terminal)) {}

void CardPrinter::PrintWrapped(const std::string& text, const std::vector<ByteSpan>& spans,
                               const char* style) const {
  const char* off = *style ? style_.reset : "";
  std::string on = std::string(style_.highlight);
  std::string back_off = std::string(style_.reset) + style;
  for (auto [begin, end] : WrapLines(text, terminal_.width)) {
    std::string line = terminal_.color
                           ? Decorate(text, begin, end, spans, on.c_str(), back_off.c_str())
                           : text.substr(begin, end - begin);
    fmt::print(out_, "{}{}{}\n", style, line, off);
  }
}

void CardPrinter::Print(const Card& card, const std::vector<ByteSpan>& title_spans,
                        const std::vector<ByteSpan>& abstract_spans) const {
  std::string meta;
  for (const std::string& part : card.MetaParts()) {
    if (!meta.empty()) meta += "  ";
    meta += part;
  }
  fmt::print(out_, "{}{}{}\n", style_.accent, meta, style_.reset);
  PrintWrapped(card.title, title_spans, style_.bold);
  if (!card.authors.empty()) fmt::print(out_, "{}{}{}\n", style_.dim, card.authors, style_.reset);
  if (!card.abstract.empty()) PrintWrapped(card.abstract, abstract_spans, "");
  // The user's own line: "#thesis #thesis/related-work  · to-read".
  std::string library;
  for (const std::string& tag : card.tags) library += (library.empty() ? "#" : " #") + tag;
  if (!card.state.empty()) library += (library.empty() ? "· " : "  · ") + card.state;
  if (!library.empty()) fmt::print(out_, "{}{}{}\n", style_.accent, library, style_.reset);
  fmt::print(out_, "\n");
}

}  // namespace paperdeck::present
