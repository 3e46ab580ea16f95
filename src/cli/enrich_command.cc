#include "cli/enrich_command.h"

#include <chrono>
#include <cstdio>
#include <string>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/open_workspace.h"
#include "cli/remote_run.h"
#include "feed/enrichment.h"
#include "model/calendar.h"

namespace paperdeck::cli {

int RunEnrich(const EnrichCommandOptions& options) {
  std::string date = options.date.empty() ? FormatIsoDate(Today()) : options.date;
  if (!ParseIsoDate(date)) {
    fmt::print(stderr, "paperdeck enrich: --date wants a date like 2026-06-01, not '{}'\n", date);
    return kExitUsage;
  }
  if (options.max_lookups < 0 || options.max_lookups > 10000) {
    fmt::print(stderr, "paperdeck enrich: --max must be from 0 to 10000\n");
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "enrich");
  if (!workspace) return kExitFailed;
  Result<net::SourceSettings> settings = LoadSettings(*workspace);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck enrich: {}\n", settings.status().message());
    return kExitUsage;
  }
  std::chrono::seconds max_age = settings->enrich_max_age;
  if (!options.max_age.empty()) {
    Result<std::chrono::seconds> age = net::ParseAge(options.max_age);
    if (!age.ok()) {
      fmt::print(stderr, "paperdeck enrich: --max-age: {}\n", age.status().message());
      return kExitUsage;
    }
    max_age = *age;
  }
  // Numbers fetched at or after this time are fresh enough; --all refetches everything.
  const std::string fetched_before =
      options.all ? "" : FormatIsoTime(std::chrono::system_clock::now() - max_age);
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck enrich: {}\n", corpus.status().message());
    return kExitFailed;
  }
  bool any_stopped = false;
  auto finish = [&](const char* source, const char* what, const feed::EnrichReport& r, double seconds) {
    fmt::print("{}: asked about {} papers, {} known, {} updated ({}) in {:.1f} s{}\n", source,
               r.asked, r.known, r.updated, what, seconds,
               r.fresh > 0 ? fmt::format("; {} fetched within the max age, not asked", r.fresh)
                           : std::string());
    if (!r.stopped.ok()) {
      any_stopped = true;
      fmt::print(stderr, "paperdeck enrich: {} stopped: {}\n", source, r.stopped.message());
    }
    library::Corpus::Pull record;
    record.source = source;
    record.query = std::string("enrich ") + what;
    record.fetched = r.known;
    record.updated = r.updated;
    record.errors = r.issues.size() + (r.stopped.ok() ? 0 : 1);
    record.message = r.stopped.ok() ? "" : r.stopped.message();
    record.seconds = seconds;
    (void)(*corpus)->RecordPull(record);
  };
  {
    net::HttpClient client(settings->PolicyFor("Semantic Scholar"),
                           net::UserAgent(settings->contact), SayWaitThenSleep);
    feed::ScholarOptions o;
    o.api_url = settings->semantic_scholar_url;
    o.api_key = settings->semantic_scholar_key;
    o.fetched_before = fetched_before;
    auto start = std::chrono::steady_clock::now();
    feed::EnrichReport r = feed::EnrichFromSemanticScholar(**corpus, client, o);
    finish("semantic-scholar", "citations, venue", r,
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    RecordUsage(**corpus, "semantic-scholar", client, "enrich");
  }
  {
    net::HttpClient client(settings->PolicyFor("Hugging Face"),
                           net::UserAgent(settings->contact), SayWaitThenSleep);
    auto start = std::chrono::steady_clock::now();
    // With --all, papers not looked up since the listing was read are looked up.
    const std::string listing_read_at = NowIsoTime();
    feed::EnrichReport r = feed::EnrichFromHuggingFace(**corpus, client, settings->huggingface_url, date);
    finish("huggingface", ("upvotes " + date).c_str(), r,
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (options.max_lookups > 0) {
      feed::HuggingFaceLookup lookup;
      lookup.api_url = settings->huggingface_url;
      lookup.fetched_before = options.all ? listing_read_at : fetched_before;
      lookup.max_papers = static_cast<size_t>(options.max_lookups);
      start = std::chrono::steady_clock::now();
      feed::EnrichReport l = feed::LookUpOnHuggingFace(**corpus, client, lookup);
      for (const std::string& issue : l.issues) fmt::print(stderr, "{}\n", issue);
      finish("huggingface", "upvotes, paper lookups", l,
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    RecordUsage(**corpus, "huggingface", client, "enrich");
  }
  if (!CatchUpIndex(*workspace, "enrich")) return kExitIndexBehind;
  return any_stopped ? kExitPartial : kExitOk;
}

}  // namespace paperdeck::cli
