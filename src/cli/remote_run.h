// What the commands that fetch from remote sources (pull, harvest, enrich) share: the sources'
// settings (net/source_settings.h: paperdeck.conf in the data directory, then PAPERDECK_*
// variables), a client's manners (arXiv's gap kept across processes, waits said aloud), and the
// end of a run: problems printed, the run recorded in the corpus, the index caught up.
//
// Threading: run from main, one command per process.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "net/http_client.h"
#include "net/source_settings.h"
#include "workspace/workspace.h"

namespace paperdeck::cli {

Result<net::SourceSettings> LoadSettings(const workspace::Workspace& workspace);

// arXiv's policy, its 3 s kept across every paperdeck process using this data directory.
net::SourcePolicy ArxivPolicy(const net::SourceSettings& settings,
                              const workspace::Workspace& workspace);

// A client's wait before a retry (rate limit, Retry-After, backoff): said on stderr, then slept.
void SayWaitThenSleep(std::chrono::milliseconds wait, const std::string& reason);

// Adds what client cost source ("arxiv", "huggingface", "semantic-scholar") in this run to
// today's row of the quota meter (Corpus::AddSourceUsage; today as model/calendar's Now()). A
// client that sent nothing adds nothing; a failure to record is said on stderr and ignored.
void RecordUsage(library::Corpus& corpus, std::string_view source, const net::HttpClient& client,
                 std::string_view command);

// Prints the first problems of a run on stderr, and how many more there were.
void PrintIssues(const std::vector<std::string>& issues);

// Ends a pull or harvest: records the run (record holds what it fetched; its outcome is filled
// in here), brings the index level with the corpus, and gives the command's exit code. kept:
// whether anything was committed before a stop.
int FinishRun(workspace::Workspace& workspace, library::Corpus& corpus,
              library::Corpus::Pull record, const Status& stopped, size_t issues, bool kept,
              std::string_view command);

}  // namespace paperdeck::cli
