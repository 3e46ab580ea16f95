#include "ingest/oai_pmh_page.h"

#include <pugixml.hpp>

#include <algorithm>

#include "ingest/author_list.h"
#include "ingest/rfc2822_date.h"
#include "ingest/whitespace.h"
#include "ingest/xml_elements.h"
#include "model/calendar.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : std::string(text) + " ") {
    if (IsAsciiSpace(c)) {
      if (!w.empty() && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

std::string ArxivIdOf(std::string_view identifier) {
  constexpr std::string_view kPrefix = "oai:arXiv.org:";
  if (identifier.starts_with(kPrefix)) identifier.remove_prefix(kPrefix.size());
  return NormalizeArxivId(identifier);
}

void ReadArxivFormat(const pugi::xml_node& m, PaperRecord* r) {
  r->published = Text(m, "created");
  r->updated = Text(m, "updated");
  if (r->updated.empty()) r->updated = r->published;
  if (pugi::xml_node authors = Child(m, "authors")) {
    for (pugi::xml_node a : authors.children()) {
      if (a.type() != pugi::node_element || LocalName(a) != "author") continue;
      std::string name = Text(a, "forenames");
      std::string key = Text(a, "keyname");
      if (!key.empty()) name += (name.empty() ? "" : " ") + key;
      std::string suffix = Text(a, "suffix");
      if (!suffix.empty()) name += " " + suffix;
      if (!name.empty()) r->authors.push_back(std::move(name));
    }
  }
}

void ReadArxivRawFormat(const pugi::xml_node& m, PaperRecord* r) {
  for (pugi::xml_node v : m.children()) {
    if (v.type() != pugi::node_element || LocalName(v) != "version") continue;
    r->versions.push_back({v.attribute("version").value(), Text(v, "date")});
  }
  if (!r->versions.empty()) {
    if (auto first = ParseRfc2822Date(r->versions.front().date)) r->published = FormatIsoDate(*first);
    if (auto last = ParseRfc2822Date(r->versions.back().date)) r->updated = FormatIsoDate(*last);
  }
  AuthorList authors = SplitAuthorList(Text(m, "authors"));
  r->authors = std::move(authors.names);
  r->authors_complete = authors.complete;
}

}  // namespace

Result<OaiPmhPage> ParseOaiPmhPage(std::string_view bytes, std::string_view origin) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(),
                                                  pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::Corruption(std::string(origin) + ": not a complete OAI-PMH answer: " +
                              parsed.description() + " at byte " + std::to_string(parsed.offset) +
                              " of " + std::to_string(bytes.size()));
  }
  pugi::xml_node root = doc.document_element();
  if (!root || LocalName(root) != "OAI-PMH") {
    return Status::Corruption(std::string(origin) + ": not an OAI-PMH answer (the document is <" +
                              std::string(root ? root.name() : "") + ">)");
  }
  OaiPmhPage page;
  if (pugi::xml_node error = Child(root, "error")) {
    page.error_code = error.attribute("code").value();
    page.error_message = CollapseWhitespace(error.child_value());
    return page;
  }
  pugi::xml_node list = Child(root, "ListRecords");
  if (!list) {
    return Status::Corruption(std::string(origin) + ": an OAI-PMH answer without ListRecords");
  }
  int number = 0;
  for (pugi::xml_node rec : list.children()) {
    if (rec.type() != pugi::node_element) continue;
    if (LocalName(rec) == "resumptionToken") {
      page.resumption_token = CollapseWhitespace(rec.child_value());
      try {
        if (auto a = rec.attribute("completeListSize")) page.complete_list_size = std::stoll(a.value());
        if (auto a = rec.attribute("cursor")) page.cursor = std::stoll(a.value());
      } catch (...) {
      }
      continue;
    }
    if (LocalName(rec) != "record") continue;
    ++number;
    pugi::xml_node header = Child(rec, "header");
    std::string identifier = Text(header, "identifier");
    auto issue = [&](const std::string& what) {
      page.issues.push_back("record " + std::to_string(number) +
                            (identifier.empty() ? "" : " (" + identifier + ")") + ": " + what);
    };
    std::string id = ArxivIdOf(identifier);
    if (std::string_view(header.attribute("status").value()) == "deleted") {
      if (id.empty()) {
        issue("a deleted record without an arXiv id");
      } else {
        page.deleted.push_back(id);
      }
      continue;
    }
    pugi::xml_node metadata = Child(rec, "metadata");
    pugi::xml_node m;
    for (pugi::xml_node c : metadata.children()) {
      if (c.type() == pugi::node_element) {
        m = c;
        break;
      }
    }
    if (!m || (LocalName(m) != "arXiv" && LocalName(m) != "arXivRaw")) {
      issue(m ? "metadata format <" + std::string(m.name()) + "> is not arXiv or arXivRaw"
              : "no metadata");
      continue;
    }
    PaperRecord r;
    r.arxiv_id = NormalizeArxivId(Text(m, "id"));
    if (r.arxiv_id.empty()) r.arxiv_id = id;
    if (r.arxiv_id.empty()) {
      issue("no arXiv id");
      continue;
    }
    r.title = Text(m, "title");
    if (r.title.empty()) {
      issue("no title");
      continue;
    }
    r.abstract = Text(m, "abstract");
    r.categories = Words(Text(m, "categories"));
    r.comments = Text(m, "comments");
    r.journal_ref = Text(m, "journal-ref");
    std::vector<std::string> dois = Words(Text(m, "doi"));
    if (!dois.empty()) r.doi = NormalizeDoi(dois.front());
    if (LocalName(m) == "arXiv") {
      ReadArxivFormat(m, &r);
    } else {
      ReadArxivRawFormat(m, &r);
    }
    if (!r.published.empty() && !ParseIsoDate(r.published)) {
      issue("a date that is not a date: '" + r.published + "'");
      continue;
    }
    if (auto days = ParseIsoDate(r.published)) r.year = YearOf(*days);
    r.links.push_back("https://arxiv.org/abs/" + r.arxiv_id);
    r.badges.push_back("arxiv");
    r.source = std::string(kArxivOaiSource);
    r.origin = std::string(origin);
    r.id = CanonicalId(r);
    page.records.push_back(std::move(r));
  }
  return page;
}

}  // namespace paperdeck::ingest
