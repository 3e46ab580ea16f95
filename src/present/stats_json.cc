#include "present/stats_json.h"

namespace paperdeck::present {

nlohmann::json StatsJson(const library::CorpusStats& corpus, const workspace::IndexState& index) {
  nlohmann::json j;
  j["papers"] = corpus.papers;
  j["revision"] = corpus.revision;
  j["earliest"] = corpus.earliest_date;
  j["latest"] = corpus.latest_date;
  j["categories"] = corpus.top_categories;
  j["sources"] = corpus.by_source;
  j["database_bytes"] = corpus.database_bytes;
  j["index"] = {{"documents", index.documents}, {"segments", index.segments},
                {"bytes", index.bytes},         {"revision", index.revision},
                {"behind", index.behind},
                {"not_yet_searchable", index.unsearchable},
                {"removed_still_found", index.removed_still_found},
                {"being_written", index.being_written},
                {"catch_up_bytes", index.catch_up_bytes},
                {"free_bytes", index.free_bytes}};
  return j;
}

}  // namespace paperdeck::present
