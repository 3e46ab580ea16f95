#include "present/paper_json.h"

#include "present/atom_feed.h"

namespace paperdeck::present {

nlohmann::json PaperJson(const library::StoredPaper& paper) {
  const PaperRecord& r = paper.record;
  nlohmann::json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["authors"] = r.authors;
  j["authors_complete"] = r.authors_complete;
  j["abstract"] = r.abstract;
  j["categories"] = r.categories;
  j["date"] = r.published.empty() ? nlohmann::json() : nlohmann::json(r.published);
  j["venue"] = r.venue.empty() ? nlohmann::json() : nlohmann::json(r.venue);
  j["year"] = r.year != 0 ? nlohmann::json(r.year) : nlohmann::json();
  j["citations"] = r.citations ? nlohmann::json(*r.citations) : nlohmann::json();
  j["upvotes"] = r.upvotes ? nlohmann::json(*r.upvotes) : nlohmann::json();
  j["new"] = r.is_new;
  return j;
}

nlohmann::json PaperDetailJson(const library::StoredPaper& paper) {
  const PaperRecord& r = paper.record;
  nlohmann::json j = PaperJson(paper);
  j["arxiv_id"] = r.arxiv_id;
  j["doi"] = r.doi;
  j["updated"] = r.updated;
  j["badges"] = r.badges;
  j["links"] = r.links;
  j["comments"] = r.comments;
  j["journal_ref"] = r.journal_ref;
  j["versions"] = nlohmann::json::array();
  for (const PaperVersion& v : r.versions) {
    j["versions"].push_back({{"name", v.name}, {"date", v.date}});
  }
  return j;
}

namespace {

bool IsWebLink(const std::string& link) {
  return link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0;
}

// A DOI as a path on doi.org: every byte but the unreserved ones and '/' percent-encoded.
std::string DoiPath(std::string_view doi) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t slash = doi.find('/', start);
    out += PercentEncode(doi.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace

nlohmann::json PaperUrl(const PaperRecord& r, bool title_search) {
  if (!r.arxiv_id.empty()) return "https://arxiv.org/abs/" + r.arxiv_id;
  if (!r.doi.empty()) return "https://doi.org/" + DoiPath(r.doi);
  for (const std::string& link : r.links) {
    if (IsWebLink(link) && link.find("semanticscholar.org/") != std::string::npos) return link;
  }
  for (const std::string& link : r.links) {
    if (IsWebLink(link)) return link;
  }
  // A cited paper known by no id: its count is Semantic Scholar's, which finds it by its title.
  if (title_search && r.citations && !r.title.empty()) {
    return "https://www.semanticscholar.org/search?q=" + PercentEncode(r.title);
  }
  return nullptr;
}

nlohmann::json PaperPdfUrl(const PaperRecord& r) {
  if (!r.arxiv_id.empty()) return "https://arxiv.org/pdf/" + r.arxiv_id;
  return nullptr;
}

nlohmann::json CardJson(const Card& card) {
  return {{"badge", card.badge},
          {"when", card.when},
          {"signal", card.signal},
          {"authors", card.authors},
          {"version", card.version.empty() ? nlohmann::json() : nlohmann::json(card.version)}};
}

nlohmann::json LibraryFieldsJson(const library::LibraryEntry& library) {
  return {{"tags", library.tags},
          {"state", library.state ? nlohmann::json(library::ReadingStateName(library.state->state))
                                  : nlohmann::json()}};
}

nlohmann::json SpansJson(const std::vector<ByteSpan>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const ByteSpan& s : spans) out.push_back({s.begin, s.end});
  return out;
}

}  // namespace paperdeck::present
