#include "present/atom_feed.h"

#include <sstream>

#include <pugixml.hpp>

#include "model/calendar.h"
#include "present/paper_json.h"
#include "text/utf8.h"

namespace paperdeck::present {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
// arXiv's own feeds give categories in this scheme; readers that know arXiv group by it.
constexpr const char* kArxivCategoryScheme = "http://arxiv.org/schemas/atom";

bool AllowedInXml(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  return c != 0xFFFE && c != 0xFFFF;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// A date "YYYY-MM-DD" (or a time that starts with one) as an RFC 3339 time at midnight UTC;
// empty when it is no calendar date.
std::string DateAsTime(std::string_view date) {
  std::optional<int32_t> days = ParseIsoDate(date);
  if (!days) return {};
  return FormatIsoDate(*days) + "T00:00:00Z";
}

// The later of two RFC 3339 UTC times in the corpus's form (they compare as text); either may be
// empty.
std::string Later(const std::string& a, const std::string& b) { return a < b ? b : a; }

// When the entry last changed in a way a reader should see: when the corpus first stored the
// paper, or its latest version's date when that is later (a new version moves it).
std::string EntryUpdated(const library::StoredPaper& paper) {
  std::string added = IsIsoTime(paper.added_at) ? paper.added_at : std::string();
  return Later(Later(added, DateAsTime(paper.record.published)), DateAsTime(paper.record.updated));
}

void AddText(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  node.append_child(pugi::node_pcdata).set_value(XmlText(text).c_str());
}

void AddLink(pugi::xml_node parent, const char* rel, const std::string& href, const char* type,
             std::string_view title = {}) {
  pugi::xml_node link = parent.append_child("link");
  link.append_attribute("rel") = rel;
  if (type) link.append_attribute("type") = type;
  link.append_attribute("href") = XmlText(href).c_str();
  if (!title.empty()) link.append_attribute("title") = XmlText(title).c_str();
}

void AddEntry(pugi::xml_node feed, const AtomFeedFacts& facts,
              const library::StoredPaper& paper, const std::string& updated) {
  const PaperRecord& r = paper.record;
  pugi::xml_node entry = feed.append_child("entry");
  AddText(entry, "id", AtomEntryId(r));
  pugi::xml_node title = entry.append_child("title");
  title.append_attribute("type") = "text";
  title.append_child(pugi::node_pcdata).set_value(XmlText(r.title).c_str());
  AddText(entry, "updated", updated.empty() ? "1970-01-01T00:00:00Z" : updated);
  std::string published = DateAsTime(r.published);
  if (!published.empty()) AddText(entry, "published", published);
  for (const std::string& name : r.authors) {
    if (XmlText(name).empty()) continue;
    AddText(entry.append_child("author"), "name", name);
  }
  if (!r.abstract.empty()) {
    pugi::xml_node summary = entry.append_child("summary");
    summary.append_attribute("type") = "text";
    summary.append_child(pugi::node_pcdata).set_value(XmlText(r.abstract).c_str());
  }
  for (const std::string& category : r.categories) {
    pugi::xml_node node = entry.append_child("category");
    node.append_attribute("term") = XmlText(category).c_str();
    node.append_attribute("scheme") = kArxivCategoryScheme;
  }
  // A reader opens the alternate link; the server's page is the alternate only when there is
  // nowhere else to go (an entry without content needs one: RFC 4287 4.1.1).
  const std::string page = facts.base_url + "/paper/" + PercentEncode(r.id);
  nlohmann::json url = PaperUrl(r, /*title_search=*/false);
  if (url.is_string()) {
    AddLink(entry, "alternate", url.get<std::string>(), "text/html");
    AddLink(entry, "related", page, "text/html", "PaperDeck");
  } else {
    AddLink(entry, "alternate", page, "text/html", "PaperDeck");
  }
  if (!r.arxiv_id.empty()) {
    AddLink(entry, "related", "https://arxiv.org/pdf/" + r.arxiv_id, "application/pdf", "PDF");
  }
}

// The writer pugixml saves through, into a string.
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

}  // namespace

std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      if (AllowedInXml(b)) out += static_cast<char>(b);
      ++pos;
      continue;
    }
    text::DecodedCodePoint cp = text::DecodeUtf8(text, pos);
    if (cp.value == text::kInvalidCodePoint) {
      AppendUtf8(out, 0xFFFD);
    } else if (AllowedInXml(cp.value)) {
      out.append(text.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string AtomEntryId(const PaperRecord& record) {
  if (!record.arxiv_id.empty()) return "https://arxiv.org/abs/" + record.arxiv_id;
  return "tag:paperdeck.local,2026:paper:" + PercentEncode(record.id);
}

std::string SavedSearchFeedId(int64_t saved_search_id, std::string_view created_at) {
  std::string day = "2026-01-01";
  if (std::optional<int32_t> days = ParseIsoDate(created_at)) day = FormatIsoDate(*days);
  return "tag:paperdeck.local," + day + ":saved-search:" + std::to_string(saved_search_id) + ":" +
         PercentEncode(created_at);
}

std::string WriteAtomFeed(const AtomFeedFacts& facts,
                          std::span<const library::StoredPaper> papers) {
  std::vector<std::string> updated;
  updated.reserve(papers.size());
  std::string newest;
  for (const library::StoredPaper& paper : papers) {
    updated.push_back(EntryUpdated(paper));
    // updated is required; a paper without any date stands at the feed's own time.
    if (updated.back().empty()) updated.back() = facts.updated_when_empty;
    newest = Later(newest, updated.back());
  }
  if (newest.empty()) newest = facts.updated_when_empty;
  if (newest.empty()) newest = "1970-01-01T00:00:00Z";

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = kAtomNamespace;
  AddText(feed, "id", facts.id);
  pugi::xml_node title = feed.append_child("title");
  title.append_attribute("type") = "text";
  title.append_child(pugi::node_pcdata).set_value(XmlText(facts.title).c_str());
  if (!facts.subtitle.empty()) AddText(feed, "subtitle", facts.subtitle);
  AddText(feed, "updated", newest);
  // Every entry names its own authors; the feed's author stands for entries that have none.
  AddText(feed.append_child("author"), "name", "PaperDeck");
  pugi::xml_node generator = feed.append_child("generator");
  generator.append_child(pugi::node_pcdata).set_value("PaperDeck");
  AddLink(feed, "self", facts.self_url, "application/atom+xml");
  if (!facts.page_url.empty()) AddLink(feed, "alternate", facts.page_url, "text/html");
  for (size_t i = 0; i < papers.size(); ++i) AddEntry(feed, facts, papers[i], updated[i]);

  StringWriter writer;
  doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return std::move(writer.out);
}

}  // namespace paperdeck::present
