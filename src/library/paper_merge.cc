#include "library/paper_merge.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <string>
#include <vector>

#include "model/paper_id.h"

namespace paperdeck::library {
namespace {

// "v12" -> 12; names of another shape sort after every numbered version.
long VersionNumber(const std::string& name) {
  if (name.size() < 2 || (name[0] != 'v' && name[0] != 'V')) return LONG_MAX;
  long n = 0;
  auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
  if (ec != std::errc() || end != name.data() + name.size()) return LONG_MAX;
  return n;
}

void SortVersions(std::vector<PaperVersion>* versions) {
  std::stable_sort(versions->begin(), versions->end(),
                   [](const PaperVersion& a, const PaperVersion& b) {
                     return VersionNumber(a.name) < VersionNumber(b.name);
                   });
}

// Appends to *into each of from not already in it, in order.
void Unite(const std::vector<std::string>& from, std::vector<std::string>* into) {
  for (const std::string& s : from) {
    if (std::find(into->begin(), into->end(), s) == into->end()) into->push_back(s);
  }
}

std::vector<std::string> Deduplicated(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const std::string& s : values) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

void ReplaceIfGiven(const std::string& given, std::string* stored) {
  if (!given.empty()) *stored = given;
}

void FillIfEmpty(const std::string& given, std::string* stored) {
  if (stored->empty()) *stored = given;
}

bool SameVersions(const std::vector<PaperVersion>& a, const std::vector<PaperVersion>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const PaperVersion& x, const PaperVersion& y) {
                      return x.name == y.name && x.date == y.date;
                    });
}

}  // namespace

int IdRank(std::string_view id) {
  if (id.starts_with("doi:")) return 2;
  if (id.starts_with("h:") || id.empty()) return 1;
  return 3;
}

PaperRecord NormalizeForCorpus(const PaperRecord& in) {
  PaperRecord r = in;
  r.arxiv_id = NormalizeArxivId(in.arxiv_id);
  r.doi = NormalizeDoi(in.doi);
  r.categories = Deduplicated(in.categories);
  r.badges = Deduplicated(in.badges);
  r.links = Deduplicated(in.links);
  r.versions.clear();
  for (const PaperVersion& v : in.versions) {
    if (v.name.empty()) continue;
    auto same = [&](const PaperVersion& x) { return x.name == v.name; };
    auto it = std::find_if(r.versions.begin(), r.versions.end(), same);
    if (it == r.versions.end()) {
      r.versions.push_back(v);
    } else if (!v.date.empty()) {
      it->date = v.date;
    }
  }
  SortVersions(&r.versions);
  r.id = CanonicalId(r);
  return r;
}

bool IsReferenceSource(std::string_view source) {
  return source == "bibtex" || source == "csl-json";
}

bool MergeInto(const PaperRecord& in, bool source_reports_new, PaperRecord* stored) {
  const PaperRecord before = *stored;
  PaperRecord& s = *stored;
  // arXiv's description of an arXiv paper outlives a reference file's (see the header).
  const bool arxiv_words_stay = IsReferenceSource(in.source) && !s.arxiv_id.empty();
  auto merge_text = arxiv_words_stay ? FillIfEmpty : ReplaceIfGiven;

  merge_text(in.arxiv_id, &s.arxiv_id);
  ReplaceIfGiven(in.doi, &s.doi);
  merge_text(in.title, &s.title);
  merge_text(in.abstract, &s.abstract);
  merge_text(in.published, &s.published);
  merge_text(in.updated, &s.updated);
  ReplaceIfGiven(in.venue, &s.venue);
  merge_text(in.comments, &s.comments);
  ReplaceIfGiven(in.journal_ref, &s.journal_ref);
  if (in.year != 0) s.year = in.year;
  if (in.citations) s.citations = in.citations;
  if (in.upvotes) s.upvotes = in.upvotes;

  if (!in.authors.empty() && !(arxiv_words_stay && !s.authors.empty())) {
    bool would_lose_names = !in.authors_complete && s.authors_complete && !s.authors.empty();
    if (!would_lose_names) {
      s.authors = in.authors;
      s.authors_complete = in.authors_complete;
    }
  }

  if (arxiv_words_stay) {
    Unite(in.categories, &s.categories);
  } else if (!in.categories.empty()) {
    std::vector<std::string> united = in.categories;
    Unite(s.categories, &united);
    s.categories = std::move(united);
  }
  Unite(in.badges, &s.badges);
  Unite(in.links, &s.links);
  for (const PaperVersion& v : in.versions) {
    auto it = std::find_if(s.versions.begin(), s.versions.end(),
                           [&](const PaperVersion& x) { return x.name == v.name; });
    if (it == s.versions.end()) {
      s.versions.push_back(v);
    } else if (!v.date.empty()) {
      it->date = v.date;
    }
  }
  SortVersions(&s.versions);

  if (in.is_new) {
    s.is_new = true;
  } else if (source_reports_new) {
    s.is_new = false;
  }

  std::string better = CanonicalId(s);
  if (IdRank(better) > IdRank(s.id)) s.id = better;

  return s.id != before.id || !SameFacts(s, before);
}

bool SameFacts(const PaperRecord& a, const PaperRecord& b) {
  return a.id == b.id && a.arxiv_id == b.arxiv_id && a.doi == b.doi &&
         SameVersions(a.versions, b.versions) && a.title == b.title && a.authors == b.authors &&
         a.authors_complete == b.authors_complete && a.abstract == b.abstract &&
         a.categories == b.categories && a.published == b.published && a.updated == b.updated &&
         a.venue == b.venue && a.year == b.year && a.citations == b.citations &&
         a.upvotes == b.upvotes && a.is_new == b.is_new && a.badges == b.badges &&
         a.links == b.links && a.comments == b.comments && a.journal_ref == b.journal_ref;
}

}  // namespace paperdeck::library
