#include "feed/oai_harvest.h"

#include "ingest/oai_pmh_page.h"

namespace paperdeck::feed {
namespace {

std::string FirstPageUrl(const OaiHarvestOptions& o) {
  std::string url = o.oai_url + "?verb=ListRecords&metadataPrefix=" + net::UrlEncode(o.format);
  if (!o.from.empty()) url += "&from=" + net::UrlEncode(o.from);
  if (!o.until.empty()) url += "&until=" + net::UrlEncode(o.until);
  if (!o.set.empty()) url += "&set=" + net::UrlEncode(o.set);
  return url;
}

std::string NextPageUrl(const OaiHarvestOptions& o, const std::string& token) {
  return o.oai_url + "?verb=ListRecords&resumptionToken=" + net::UrlEncode(token);
}

}  // namespace

std::string HarvestStateName(const OaiHarvestOptions& o) {
  return "oai-token " + o.format + " from=" + o.from + " until=" + o.until + " set=" + o.set;
}

OaiHarvestReport HarvestOai(library::Corpus& corpus, net::HttpClient& client,
                            const OaiHarvestOptions& o) {
  OaiHarvestReport report;
  if (o.format != "arXiv" && o.format != "arXivRaw") {
    report.stopped = Status::InvalidArgument("--format must be arXiv or arXivRaw, not '" +
                                             o.format + "'");
    return report;
  }
  const std::string state = HarvestStateName(o);
  Result<std::optional<std::string>> saved = corpus.State(state);
  if (!saved.ok()) {
    report.stopped = saved.status();
    return report;
  }
  std::string token = saved->value_or("");
  report.resumed = !token.empty();
  while (o.max_pages <= 0 || report.pages < static_cast<uint64_t>(o.max_pages)) {
    const std::string url = token.empty() ? FirstPageUrl(o) : NextPageUrl(o, token);
    Result<net::HttpResponse> response = client.Fetch({.url = url});
    if (!response.ok()) {
      report.stopped = response.status();
      return report;
    }
    Result<ingest::OaiPmhPage> page = ingest::ParseOaiPmhPage(response->body, url);
    if (!page.ok()) {
      report.stopped = response->status != 200
                           ? Status::IOError(url + ": HTTP " + std::to_string(response->status))
                           : page.status();
      return report;
    }
    if (page->error_code == "noRecordsMatch") {
      report.complete = true;
      break;
    }
    if (page->error_code == "badResumptionToken") {
      (void)corpus.SetState(state, "");  // the next run starts the list over
      report.stopped = Status::InvalidArgument(
          "arXiv no longer accepts the saved resumption token (" + page->error_message +
          "); it was cleared: run the harvest again to start over");
      return report;
    }
    if (!page->error_code.empty()) {
      report.stopped = Status::InvalidArgument("arXiv's OAI-PMH answered " + page->error_code +
                                               ": " + page->error_message);
      return report;
    }
    if (response->status != 200) {
      report.stopped = Status::IOError(url + ": HTTP " + std::to_string(response->status));
      return report;
    }
    for (const std::string& issue : page->issues) report.issues.push_back(url + ": " + issue);
    // Commit the page, then its token: a crash in between redoes the page, never skips it.
    if (!page->records.empty()) {
      Result<library::UpsertResult> stored = corpus.Upsert(page->records);
      if (!stored.ok()) {
        report.stopped = stored.status();
        return report;
      }
      report.added += stored->added;
      report.updated += stored->updated;
      report.unchanged += stored->unchanged;
    }
    for (const std::string& id : page->deleted) {
      // A paper holding the user's tags, state or notes stays: that data cannot be fetched again.
      Result<std::optional<library::StoredPaper>> found = corpus.Find(id);
      if (!found.ok()) {
        report.stopped = found.status();
        return report;
      }
      if (!found->has_value()) continue;
      Result<bool> held = corpus.HasLibraryData((*found)->key);
      if (!held.ok()) {
        report.stopped = held.status();
        return report;
      }
      if (*held) {
        report.issues.push_back(url + ": " + id +
                                " is deleted at the source; kept, it holds your library data");
        continue;
      }
      Result<bool> removed = corpus.Remove(id);
      if (!removed.ok()) {
        report.stopped = removed.status();
        return report;
      }
      if (*removed) ++report.deleted;
    }
    report.records += page->records.size();
    ++report.pages;
    if (page->complete_list_size >= 0) report.complete_list_size = page->complete_list_size;
    token = page->resumption_token;
    if (Status s = corpus.SetState(state, token); !s.ok()) {
      report.stopped = s;
      return report;
    }
    if (token.empty()) {
      report.complete = true;
      break;
    }
  }
  return report;
}
}  // namespace paperdeck::feed
