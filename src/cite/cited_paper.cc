#include "cite/cited_paper.h"

#include <array>
#include <cctype>
#include <unordered_map>

#include "model/ascii_case.h"

namespace paperdeck::cite {
namespace {

// Conference names and the words proceedings are called by. A venue naming none of them is a
// journal.
bool IsConference(std::string_view venue) {
  const std::string v = " " + AsciiLowercase(venue) + " ";
  constexpr std::array<std::string_view, 28> kMarks = {
      "proceedings", "conference", "workshop", "symposium", "neurips", "nips ",  "icml",
      "iclr",        " acl ",      "emnlp",    "naacl",     "eacl",    "coling", "cvpr",
      "iccv",        "eccv",       "aaai",     "ijcai",     "kdd",     "sigir",  "www ",
      "interspeech", "icassp",     "uai ",     "aistats",   "colt",    "corl",   "findings of"};
  for (std::string_view mark : kMarks) {
    if (v.find(mark) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<CitedPaper>> GatherCitedPapers(library::Corpus& corpus,
                                                  std::span<const int64_t> keys) {
  Result<std::vector<std::string>> citation_keys = corpus.PinCitationKeys(keys);
  if (!citation_keys.ok()) return citation_keys.status();
  Result<std::vector<library::StoredPaper>> papers = corpus.Get(keys);
  if (!papers.ok()) return papers.status();
  std::unordered_map<int64_t, std::string> key_of;
  for (size_t i = 0; i < keys.size(); ++i) key_of[keys[i]] = (*citation_keys)[i];
  std::vector<CitedPaper> out;
  out.reserve(papers->size());
  for (library::StoredPaper& paper : *papers) {
    Result<library::LibraryEntry> entry = corpus.LibraryOf(paper.key);
    if (!entry.ok()) return entry.status();
    CitedPaper cited;
    cited.citation_key = key_of[paper.key];
    cited.paper = std::move(paper);
    cited.library = std::move(entry).value();
    out.push_back(std::move(cited));
  }
  return out;
}

Publication PublicationOf(const PaperRecord& record) {
  if (!record.venue.empty()) {
    return IsConference(record.venue) ? Publication::kConference : Publication::kJournal;
  }
  if (!record.journal_ref.empty()) return Publication::kJournal;
  return Publication::kPreprint;
}

std::string VenueOf(const PaperRecord& record) {
  return record.venue.empty() ? record.journal_ref : record.venue;
}

int YearOf(const PaperRecord& record) {
  if (record.year > 0) return record.year;
  if (record.published.size() >= 4) {
    int year = 0;
    for (char c : record.published.substr(0, 4)) {
      if (c < '0' || c > '9') return 0;
      year = year * 10 + (c - '0');
    }
    return year;
  }
  return 0;
}

std::string UrlOf(const PaperRecord& record) {
  if (!record.arxiv_id.empty()) return "https://arxiv.org/abs/" + record.arxiv_id;
  if (!record.doi.empty()) return "https://doi.org/" + record.doi;
  return record.links.empty() ? std::string() : record.links.front();
}

}  // namespace paperdeck::cite
