#include "present/card_html.h"

#include "present/paper_json.h"

namespace paperdeck::present {
namespace {

std::string Span(std::string_view cls, std::string_view text) {
  return "<span class=\"" + std::string(cls) + "\">" + HtmlEscaped(text) + "</span>";
}

// Where a link may lead: a web address, never another scheme.
bool IsWebUrl(const nlohmann::json& url) {
  if (!url.is_string()) return false;
  const std::string& s = url.get_ref<const std::string&>();
  auto starts = [&](std::string_view p) {
    if (s.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

// The query that finds an author's papers: `author:"Full Name"` (web/authors.js), quotes in the
// name read as spaces.
std::string AuthorQuery(std::string_view name) {
  std::string words;
  bool space = false;
  for (char c : name) {
    if (c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !words.empty();
      continue;
    }
    if (space) words += ' ';
    space = false;
    words += c;
  }
  return "author:\"" + words + "\"";
}

}  // namespace

std::string HtmlEscaped(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string UriComponent(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      std::string_view("-_.!~*'()").find(ch) != std::string_view::npos;
    if (kept) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string MarkedHtml(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::string out;
  size_t at = 0;
  for (const ByteSpan& s : spans) {
    const size_t begin = std::max<size_t>(s.begin, at), end = std::min<size_t>(s.end, text.size());
    if (begin >= end) continue;
    out += HtmlEscaped(text.substr(at, begin - at));
    out += "<mark>" + HtmlEscaped(text.substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  out += HtmlEscaped(text.substr(at));
  return out;
}

std::string CardHtml(const library::StoredPaper& paper, const Card& card,
                     const std::vector<ByteSpan>& title_spans,
                     const std::vector<ByteSpan>& abstract_spans) {
  const PaperRecord& r = paper.record;
  const std::string page = "/paper/" + UriComponent(r.id);
  std::string h = "<li class=\"card\" data-id=\"" + HtmlEscaped(r.id) + "\"><article>";
  h += "<div class=\"meta\">";
  if (!card.badge.empty()) h += Span("badge", card.badge);
  for (const std::string& w : card.when) {
    if (!w.empty()) h += Span("when", w);
  }
  if (!card.signal.empty()) h += Span(card.signal == "new" ? "signal new" : "signal", card.signal);
  h += "</div>";

  // The title goes to arXiv, the DOI, Semantic Scholar or the paper's link; else its own page.
  const nlohmann::json url = PaperUrl(r);
  h += "<h3 class=\"title\"><a href=\"";
  h += IsWebUrl(url) ? HtmlEscaped(url.get<std::string>()) + "\" rel=\"noopener noreferrer\">"
                     : HtmlEscaped(page) + "\">";
  h += MarkedHtml(card.title, title_spans) + "</a></h3>";

  if (!card.authors.empty()) {
    h += "<p class=\"authors\">";
    if (r.authors.empty()) {
      h += HtmlEscaped(card.authors);
    } else {
      for (size_t i = 0; i < r.authors.size() && i < 3; ++i) {
        if (i) h += ", ";
        const std::string& name = r.authors[i];
        h += "<a class=\"author\" href=\"/?q=" + HtmlEscaped(UriComponent(AuthorQuery(name))) +
             "\" title=\"Papers by " + HtmlEscaped(name) + "\">" + HtmlEscaped(name) + "</a>";
      }
      if (card.authors.ends_with(" et al.")) h += " et al.";
    }
    h += "</p>";
  }
  if (!card.abstract.empty()) {
    h += "<p class=\"abstract\">" + MarkedHtml(card.abstract, abstract_spans) + "</p>";
  }

  h += "<div class=\"card-library\"><div class=\"library-controls\"></div><div class=\"card-links\">";
  const nlohmann::json pdf = PaperPdfUrl(r);
  if (IsWebUrl(pdf)) {
    h += "<a class=\"pdf-link\" href=\"" + HtmlEscaped(pdf.get<std::string>()) +
         "\" rel=\"noopener noreferrer\" aria-label=\"PDF of " + HtmlEscaped(card.title) +
         "\">PDF</a>";
  }
  h += "<a class=\"paper-link\" href=\"" + HtmlEscaped(page) +
       "\" aria-label=\"Notes, BibTeX and details of " + HtmlEscaped(card.title) + "\">Details</a>";
  h += "</div></div></article></li>";
  return h;
}

}  // namespace paperdeck::present
