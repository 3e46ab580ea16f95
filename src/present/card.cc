#include "present/card.h"

#include "model/arxiv_taxonomy.h"
#include "model/calendar.h"
#include "text/latex_text.h"

namespace paperdeck::present {
namespace {

constexpr int32_t kRecentDays = 365;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v) {
    if (x == s) return true;
  }
  return false;
}

// True when venue holds year as a word of its own ("NeurIPS 2024", "ICML 2024 Workshop").
bool NamesYear(std::string_view venue, int year) {
  const std::string y = std::to_string(year);
  for (size_t at = venue.find(y); at != std::string_view::npos; at = venue.find(y, at + 1)) {
    auto digit = [&](size_t i) { return venue[i] >= '0' && venue[i] <= '9'; };
    const bool starts = at == 0 || !digit(at - 1);
    const bool ends = at + y.size() == venue.size() || !digit(at + y.size());
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> Card::MetaParts() const {
  std::vector<std::string> parts;
  if (!badge.empty()) parts.push_back(badge);
  for (const auto& w : when) {
    if (!w.empty()) parts.push_back(w);
  }
  if (!signal.empty()) parts.push_back(signal);
  if (!version.empty()) parts.push_back(version);
  return parts;
}

Card AsPlainText(Card card) {
  card.title = text::LatexAsPlainText(card.title);
  card.abstract = text::LatexAsPlainText(card.abstract);
  return card;
}

std::string NewVersionLabel(const PaperRecord& record) {
  if (record.versions.size() < 2) return {};
  return record.versions.back().name.empty() ? "v" + std::to_string(record.versions.size())
                                             : record.versions.back().name;
}

std::string FormatCount(int64_t n) {
  // Tenths of the unit, rounded half up: 1,250,000 -> 13 tenths of a million -> "1.3M".
  auto scaled = [](int64_t tenths, const char* unit) {
    std::string s = std::to_string(tenths / 10);
    if (tenths % 10 != 0) s += "." + std::to_string(tenths % 10);
    return s + unit;
  };
  if (n < 1000) return std::to_string(n);
  int64_t thousands_tenths = (n + 50) / 100;
  if (thousands_tenths < 10'000) return scaled(thousands_tenths, "k");
  return scaled((n + 50'000) / 100'000, "M");
}

std::string ShownAuthors(const std::vector<std::string>& authors, bool complete) {
  std::string out;
  size_t shown = authors.size() < 3 ? authors.size() : 3;
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += ", ";
    out += authors[i];
  }
  if (authors.size() > 3 || (!complete && !authors.empty())) out += " et al.";
  return out;
}

Card MakeCard(const PaperRecord& r, int32_t today) {
  Card card;
  if (Has(r.badges, "paper") || r.categories.empty()) {
    card.badge = "paper";
  } else {
    // arXiv's categories; the MSC and ACM classes listed beside them only when there is nothing
    // else to show.
    bool any_arxiv = false;
    for (const std::string& c : r.categories) any_arxiv = any_arxiv || IsArxivCategory(c);
    for (const std::string& c : r.categories) {
      if (any_arxiv && !IsArxivCategory(c)) continue;
      if (!card.badge.empty()) card.badge += " · ";
      card.badge += c;
    }
  }

  std::optional<int32_t> date = ParseIsoDate(r.published);
  bool recent = date && today - *date <= kRecentDays;
  if (date && (r.venue.empty() || recent)) {
    card.when.push_back(FormatCardDate(*date));
    if (!r.venue.empty()) card.when.push_back(r.venue);
  } else {
    if (!r.venue.empty()) card.when.push_back(r.venue);
    int year = r.year != 0 ? r.year : (date ? YearOf(*date) : 0);
    // "NeurIPS 2024" already says the year.
    if (year != 0 && !NamesYear(r.venue, year)) card.when.push_back(std::to_string(year));
  }

  if (r.upvotes) {
    card.signal = "▲ " + std::to_string(*r.upvotes);
  } else if (r.citations) {
    card.signal = FormatCount(*r.citations) + (*r.citations == 1 ? " citation" : " citations");
  } else if (r.is_new) {
    card.signal = "new";
  }

  card.title = r.title;
  card.authors = ShownAuthors(r.authors, r.authors_complete);
  card.abstract = r.abstract;
  return card;
}

Card MakeCard(const PaperRecord& record, const library::LibraryEntry& library, int32_t today) {
  Card card = MakeCard(record, today);
  card.tags = library.tags;
  if (library.state) card.state = std::string(library::ReadingStateName(library.state->state));
  return card;
}

}  // namespace paperdeck::present
