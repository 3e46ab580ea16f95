#include "cite/csl_json_writer.h"

#include "model/person_name.h"

namespace paperdeck::cite {
namespace {

// "2017-06-12" -> [2017, 6, 12]; as much as the date holds.
nlohmann::json DateParts(std::string_view date) {
  nlohmann::json parts = nlohmann::json::array();
  for (size_t at = 0; at < date.size() && parts.size() < 3;) {
    size_t end = date.find('-', at);
    if (end == std::string_view::npos) end = date.size();
    int value = 0;
    for (char c : date.substr(at, end - at)) {
      if (c < '0' || c > '9') return parts;
      value = value * 10 + (c - '0');
    }
    parts.push_back(value);
    at = end + 1;
  }
  return parts;
}

}  // namespace

nlohmann::json CslItemOf(const CitedPaper& cited) {
  const PaperRecord& r = cited.paper.record;
  nlohmann::json item;
  item["id"] = cited.citation_key;
  const Publication publication = PublicationOf(r);
  item["type"] = publication == Publication::kJournal      ? "article-journal"
                 : publication == Publication::kConference ? "paper-conference"
                                                           : "article";
  item["title"] = r.title;
  nlohmann::json authors = nlohmann::json::array();
  for (const std::string& full : r.authors) {
    PersonName name = SplitPersonName(full);
    nlohmann::json author;
    if (name.given.empty() && name.suffix.empty()) {
      author["literal"] = name.family;
    } else {
      author["family"] = name.family;
      author["given"] = name.given;
      if (!name.suffix.empty()) author["suffix"] = name.suffix;
    }
    authors.push_back(std::move(author));
  }
  item["author"] = std::move(authors);
  // The publication year when a source gave one; else the first version's date.
  nlohmann::json parts =
      r.year > 0 ? nlohmann::json::array({r.year}) : DateParts(r.published);
  if (!parts.empty()) item["issued"] = {{"date-parts", nlohmann::json::array({parts})}};
  if (publication != Publication::kPreprint) item["container-title"] = VenueOf(r);
  if (!r.doi.empty()) item["DOI"] = r.doi;
  if (const std::string url = UrlOf(r); !url.empty()) item["URL"] = url;
  if (!r.arxiv_id.empty()) {
    // As Zotero writes an arXiv preprint.
    item["number"] = "arXiv:" + r.arxiv_id;
    if (publication == Publication::kPreprint) item["publisher"] = "arXiv";
  }
  if (!r.abstract.empty()) item["abstract"] = r.abstract;
  if (!cited.library.tags.empty()) item["keyword"] = [&] {
    std::string joined;
    for (const std::string& t : cited.library.tags) joined += (joined.empty() ? "" : ", ") + t;
    return joined;
  }();
  return item;
}

std::string WriteCslJson(std::span<const CitedPaper> papers) {
  nlohmann::json items = nlohmann::json::array();
  for (const CitedPaper& p : papers) items.push_back(CslItemOf(p));
  return items.dump(2) + "\n";
}

}  // namespace paperdeck::cite
