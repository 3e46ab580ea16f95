#include "ingest/arxiv_atom_feed.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "ingest/xml_elements.h"
#include "model/calendar.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

int64_t Count(const pugi::xml_node& feed, std::string_view local, int64_t absent) {
  std::string t = Text(feed, local);
  if (t.empty()) return absent;
  try {
    return std::stoll(t);
  } catch (...) {
    return absent;
  }
}

// "2022-02-24T15:05:19Z" -> "2022-02-24"; empty when not a date.
std::string IsoDay(std::string_view text) {
  if (text.size() < 10) return {};
  std::string day(text.substr(0, 10));
  return ParseIsoDate(day) ? day : std::string();
}

// The version number at the end of an id ("...v3" -> 3), 0 when none.
int VersionOf(std::string_view id) {
  size_t v = id.find_last_of('v');
  if (v == std::string_view::npos || v + 1 >= id.size()) return 0;
  int n = 0;
  for (char c : id.substr(v + 1)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
    if (n > 1000) return 0;
  }
  return n;
}

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(std::move(value));
}

}  // namespace

Result<ArxivAtomFeed> ParseArxivAtomFeed(std::string_view bytes, std::string_view origin) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(),
                                                  pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::Corruption(std::string(origin) + ": not a complete Atom feed: " +
                              parsed.description() + " at byte " + std::to_string(parsed.offset) +
                              " of " + std::to_string(bytes.size()));
  }
  pugi::xml_node feed = doc.document_element();
  if (!feed || LocalName(feed) != "feed") {
    return Status::Corruption(std::string(origin) + ": not an Atom feed (the document is <" +
                              std::string(feed ? feed.name() : "") + ">)");
  }
  ArxivAtomFeed out;
  out.total_results = Count(feed, "totalResults", -1);
  out.start_index = Count(feed, "startIndex", 0);
  out.items_per_page = Count(feed, "itemsPerPage", 0);

  int number = 0;
  for (pugi::xml_node entry : feed.children()) {
    if (entry.type() != pugi::node_element || LocalName(entry) != "entry") continue;
    ++number;
    std::string raw_id = Text(entry, "id");
    if (raw_id.find("/api/errors") != std::string::npos) {
      out.api_error = Text(entry, "summary");
      if (out.api_error.empty()) out.api_error = raw_id;
      continue;
    }
    auto issue = [&](const std::string& what) {
      out.issues.push_back("entry " + std::to_string(number) +
                           (raw_id.empty() ? "" : " (" + raw_id + ")") + ": " + what);
    };
    ArxivEntry e;
    PaperRecord& r = e.record;
    r.arxiv_id = NormalizeArxivId(raw_id);
    if (r.arxiv_id.empty()) {
      issue(raw_id.empty() ? "no <id>" : "the <id> is not an arXiv id");
      continue;
    }
    r.title = Text(entry, "title");
    if (r.title.empty()) {
      issue("no title");
      continue;
    }
    e.version = VersionOf(raw_id);
    r.abstract = Text(entry, "summary");
    std::string published = Text(entry, "published");
    std::string updated = Text(entry, "updated");
    r.published = IsoDay(published);
    r.updated = IsoDay(updated);
    if (!published.empty() && r.published.empty()) {
      issue("<published> is not a date: '" + published + "'");
      continue;
    }
    if (auto days = ParseIsoDate(r.published)) r.year = YearOf(*days);
    if (e.version > 0) {
      r.versions.push_back({"v" + std::to_string(e.version),
                            e.version == 1 && !published.empty() ? published : updated});
    }
    for (pugi::xml_node a : entry.children()) {
      if (a.type() != pugi::node_element || LocalName(a) != "author") continue;
      std::string name = Text(a, "name");
      if (!name.empty()) r.authors.push_back(std::move(name));
    }
    if (pugi::xml_node primary = Child(entry, "primary_category")) {
      AddUnique(&r.categories, primary.attribute("term").value());
    }
    for (pugi::xml_node c : entry.children()) {
      if (c.type() == pugi::node_element && LocalName(c) == "category") {
        AddUnique(&r.categories, c.attribute("term").value());
      }
    }
    for (pugi::xml_node l : entry.children()) {
      if (l.type() == pugi::node_element && LocalName(l) == "link") {
        AddUnique(&r.links, l.attribute("href").value());
      }
    }
    r.comments = Text(entry, "comment");
    r.journal_ref = Text(entry, "journal_ref");
    r.doi = NormalizeDoi(Text(entry, "doi"));
    r.badges.push_back("arxiv");
    r.source = std::string(kArxivApiSource);
    r.origin = std::string(origin);
    r.id = CanonicalId(r);
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace paperdeck::ingest
