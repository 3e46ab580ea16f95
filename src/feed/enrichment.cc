#include "feed/enrichment.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "ingest/enrichment_json.h"

namespace paperdeck::feed {
namespace {

constexpr std::string_view kScholarSource = "semantic-scholar";
constexpr std::string_view kHuggingFaceSource = "huggingface";

struct Known {
  int64_t key = 0;
  std::string arxiv_id, title, published;
};

// Every stored paper with an arXiv id, in key order, but those source answered for at or after
// fetched_before (when not empty); *fresh counts those.
Result<std::vector<Known>> ArxivPapers(library::Corpus& corpus, std::string_view source,
                                       const std::string& fetched_before, uint64_t* fresh) {
  std::unordered_map<int64_t, std::string> last;
  if (!fetched_before.empty()) {
    auto fetched = corpus.LastFetched(source);
    if (!fetched.ok()) return fetched.status();
    last = std::move(*fetched);
  }
  std::vector<Known> out;
  Status s = corpus.ChangedSince(0, [&](const library::StoredPaper& p) {
    if (p.record.arxiv_id.empty()) return true;
    if (auto at = last.find(p.key); at != last.end() && at->second >= fetched_before) {
      ++*fresh;
      return true;
    }
    out.push_back({p.key, p.record.arxiv_id, p.record.title, p.record.published});
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

// The papers of keys with an arXiv id that Semantic Scholar last answered for before
// fetched_before (or never; every one when it is empty), in the order of keys; *fresh counts
// the others.
Result<std::vector<Known>> DueAmong(library::Corpus& corpus, std::span<const int64_t> keys,
                                    const std::string& fetched_before, uint64_t* fresh) {
  std::unordered_map<int64_t, std::string> last;
  if (!fetched_before.empty()) {
    auto fetched = corpus.LastFetched(kScholarSource);
    if (!fetched.ok()) return fetched.status();
    last = std::move(*fetched);
  }
  std::vector<Known> papers;
  constexpr size_t kRead = 1000;  // papers read from the corpus at a time
  for (size_t at = 0; at < keys.size(); at += kRead) {
    auto stored = corpus.Get(keys.subspan(at, std::min(kRead, keys.size() - at)));
    if (!stored.ok()) return stored.status();
    for (const library::StoredPaper& p : *stored) {
      if (p.record.arxiv_id.empty()) continue;
      if (auto t = last.find(p.key); t != last.end() && t->second >= fetched_before) {
        ++*fresh;
        continue;
      }
      papers.push_back({p.key, p.record.arxiv_id, p.record.title, p.record.published});
    }
  }
  return papers;
}

Status Store(library::Corpus& corpus, const std::vector<PaperRecord>& records, EnrichReport* r) {
  if (records.empty()) return Status::Ok();
  Result<library::UpsertResult> stored = corpus.Upsert(records);
  if (!stored.ok()) return stored.status();
  r->updated += stored->updated;
  return Status::Ok();
}

// Asks about papers in batches, storing each batch's numbers before the next is asked for.
void AskScholar(library::Corpus& corpus, net::HttpClient& client,
                const std::vector<Known>& paper_list, const ScholarOptions& o,
                EnrichReport* out) {
  EnrichReport& report = *out;
  const std::vector<Known>* papers = &paper_list;
  const std::string url = o.api_url + "/paper/batch?fields=externalIds,citationCount,venue,year";
  const size_t batch = std::max<size_t>(o.batch_size, 1);
  for (size_t at = 0; at < papers->size(); at += batch) {
    size_t end = std::min(papers->size(), at + batch);
    if (o.may_fetch && !o.may_fetch()) {
      report.held = true;
      report.left = papers->size() - at;
      return;
    }
    nlohmann::json ids = nlohmann::json::array();
    for (size_t i = at; i < end; ++i) ids.push_back("ARXIV:" + (*papers)[i].arxiv_id);
    net::HttpRequest request{.url = url, .method = "POST",
                             .body = nlohmann::json{{"ids", ids}}.dump(),
                             .headers = {{"Content-Type", "application/json"}}};
    if (!o.api_key.empty()) request.headers.push_back({"x-api-key", o.api_key});
    Result<net::HttpResponse> response = client.Fetch(request);
    if (!response.ok()) {
      report.stopped = response.status();
      return;
    }
    if (response->status != 200) {
      report.stopped = Status::IOError("Semantic Scholar: POST " + url + ": HTTP " +
                                       std::to_string(response->status) + ": " +
                                       response->body.substr(0, 200));
      return;
    }
    auto facts = ingest::ParseSemanticScholarBatch(response->body, url);
    if (!facts.ok()) {
      report.stopped = facts.status();
      return;
    }
    if (facts->size() != end - at) {
      report.stopped = Status::Corruption("Semantic Scholar answered " +
                                          std::to_string(facts->size()) + " entries for " +
                                          std::to_string(end - at) + " ids");
      return;
    }
    std::vector<PaperRecord> records;
    std::vector<int64_t> asked;
    for (size_t i = at; i < end; ++i) {
      ++report.asked;
      asked.push_back((*papers)[i].key);
      const std::optional<ingest::ScholarFacts>& f = (*facts)[i - at];
      if (!f) continue;  // an id Semantic Scholar does not know
      ++report.known;
      PaperRecord r;
      r.arxiv_id = (*papers)[i].arxiv_id;
      r.title = (*papers)[i].title;  // the title stays arXiv's; Upsert needs one
      r.citations = f->citations;
      r.venue = f->venue;
      r.source = std::string(kScholarSource);
      r.origin = url;
      records.push_back(std::move(r));
    }
    if (Status s = Store(corpus, records, &report); !s.ok()) {
      report.stopped = s;
      return;
    }
    if (Status s = corpus.MarkFetched(kScholarSource, asked); !s.ok()) {
      report.stopped = s;
      return;
    }
  }
}

}  // namespace

EnrichReport EnrichFromSemanticScholar(library::Corpus& corpus, net::HttpClient& client,
                                       const ScholarOptions& o) {
  EnrichReport report;
  Result<std::vector<Known>> papers =
      ArxivPapers(corpus, kScholarSource, o.fetched_before, &report.fresh);
  if (!papers.ok()) {
    report.stopped = papers.status();
    return report;
  }
  AskScholar(corpus, client, *papers, o, &report);
  return report;
}

EnrichReport EnrichPapersFromSemanticScholar(library::Corpus& corpus, net::HttpClient& client,
                                             std::span<const int64_t> keys,
                                             const ScholarOptions& o) {
  EnrichReport report;
  Result<std::vector<Known>> papers = DueAmong(corpus, keys, o.fetched_before, &report.fresh);
  if (!papers.ok()) {
    report.stopped = papers.status();
    return report;
  }
  AskScholar(corpus, client, *papers, o, &report);
  return report;
}

Result<size_t> PapersDueFromSemanticScholar(library::Corpus& corpus,
                                            std::span<const int64_t> keys,
                                            const std::string& fetched_before) {
  uint64_t fresh = 0;
  Result<std::vector<Known>> papers = DueAmong(corpus, keys, fetched_before, &fresh);
  if (!papers.ok()) return papers.status();
  return papers->size();
}

EnrichReport EnrichFromHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                   const std::string& api_url, const std::string& date) {
  EnrichReport report;
  const std::string url = api_url + "/daily_papers?date=" + net::UrlEncode(date);
  Result<net::HttpResponse> response = client.Fetch({.url = url});
  if (!response.ok()) {
    report.stopped = response.status();
    return report;
  }
  if (response->status != 200) {
    report.stopped = Status::IOError("Hugging Face: GET " + url + ": HTTP " +
                                     std::to_string(response->status));
    return report;
  }
  auto listed = ingest::ParseHuggingFaceDailyPapers(response->body, url);
  if (!listed.ok()) {
    report.stopped = listed.status();
    return report;
  }
  std::vector<PaperRecord> records;
  std::vector<int64_t> known;
  for (const ingest::DailyPaper& d : *listed) {
    ++report.asked;
    Result<std::optional<library::StoredPaper>> stored = corpus.Find(d.arxiv_id);
    if (!stored.ok()) {
      report.stopped = stored.status();
      return report;
    }
    if (!stored->has_value()) continue;
    ++report.known;
    known.push_back((*stored)->key);
    PaperRecord r;
    r.arxiv_id = d.arxiv_id;
    r.title = (*stored)->record.title;
    r.upvotes = d.upvotes;
    r.badges.push_back("paper");
    r.source = std::string(kHuggingFaceSource);
    r.origin = url;
    records.push_back(std::move(r));
  }
  if (Status s = Store(corpus, records, &report); !s.ok()) {
    report.stopped = s;
  } else if (Status m = corpus.MarkFetched(kHuggingFaceSource, known); !m.ok()) {
    report.stopped = m;
  }
  return report;
}

EnrichReport LookUpOnHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                 const HuggingFaceLookup& o) {
  EnrichReport report;
  Result<std::vector<Known>> papers =
      ArxivPapers(corpus, kHuggingFaceSource, o.fetched_before, &report.fresh);
  if (!papers.ok()) {
    report.stopped = papers.status();
    return report;
  }
  // Newest first: recent papers are the ones Hugging Face lists and people upvote.
  std::stable_sort(papers->begin(), papers->end(),
                   [](const Known& a, const Known& b) { return a.published > b.published; });
  if (papers->size() > o.max_papers) papers->resize(o.max_papers);

  std::vector<PaperRecord> records;
  std::vector<int64_t> asked;
  auto store = [&]() {
    PAPERDECK_RETURN_IF_ERROR(Store(corpus, records, &report));
    return corpus.MarkFetched(kHuggingFaceSource, asked);
  };
  for (const Known& k : *papers) {
    const std::string url = o.api_url + "/papers/" + net::UrlEncode(k.arxiv_id);
    Result<net::HttpResponse> response = client.Fetch({.url = url});
    if (!response.ok()) {
      report.stopped = response.status();
      break;
    }
    if (response->status == 404) {  // a paper Hugging Face has no page for
      ++report.asked;
      asked.push_back(k.key);
      continue;
    }
    if (response->status != 200) {
      report.stopped = Status::IOError("Hugging Face: GET " + url + ": HTTP " +
                                       std::to_string(response->status));
      break;
    }
    ++report.asked;
    Result<ingest::DailyPaper> found = ingest::ParseHuggingFacePaper(response->body, url);
    if (!found.ok()) {
      report.issues.push_back(found.status().message());
      continue;
    }
    if (found->arxiv_id != k.arxiv_id) {
      report.issues.push_back(url + ": the answer is about " + found->arxiv_id);
      continue;
    }
    ++report.known;
    asked.push_back(k.key);
    PaperRecord r;
    r.arxiv_id = k.arxiv_id;
    r.title = k.title;
    r.upvotes = found->upvotes;
    r.badges.push_back("paper");
    r.source = std::string(kHuggingFaceSource);
    r.origin = url;
    records.push_back(std::move(r));
  }
  if (Status s = store(); !s.ok() && report.stopped.ok()) report.stopped = s;
  return report;
}

}  // namespace paperdeck::feed
