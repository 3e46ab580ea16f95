#include "ingest/enrichment_json.h"

#include <nlohmann/json.hpp>

#include "ingest/whitespace.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

Result<nlohmann::json> ParseArray(std::string_view bytes, std::string_view origin) {
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::Corruption(std::string(origin) + ": the answer is not complete JSON");
  }
  if (!j.is_array()) {
    std::string why = j.is_object() && j.contains("error") && j["error"].is_string()
                          ? ": " + j["error"].get<std::string>()
                          : j.is_object() && j.contains("message") && j["message"].is_string()
                                ? ": " + j["message"].get<std::string>()
                                : "";
    return Status::Corruption(std::string(origin) + ": expected a JSON array" + why);
  }
  return j;
}

// A Hugging Face `paper` object (id, upvotes, title, ...); nullopt without an id or upvotes.
std::optional<DailyPaper> PaperObject(const nlohmann::json& paper) {
  DailyPaper d;
  if (auto id = paper.find("id"); id != paper.end() && id->is_string()) {
    d.arxiv_id = NormalizeArxivId(id->get<std::string>());
  }
  auto up = paper.find("upvotes");
  if (d.arxiv_id.empty() || up == paper.end() || !up->is_number_integer()) return std::nullopt;
  d.upvotes = up->get<int64_t>();
  if (auto t = paper.find("title"); t != paper.end() && t->is_string()) {
    d.title = CollapseWhitespace(t->get<std::string>());
  }
  return d;
}

}  // namespace

Result<std::vector<std::optional<ScholarFacts>>> ParseSemanticScholarBatch(
    std::string_view bytes, std::string_view origin) {
  Result<nlohmann::json> j = ParseArray(bytes, origin);
  if (!j.ok()) return j.status();
  std::vector<std::optional<ScholarFacts>> out;
  for (const nlohmann::json& item : *j) {
    if (!item.is_object()) {
      out.push_back(std::nullopt);
      continue;
    }
    ScholarFacts f;
    if (auto it = item.find("citationCount"); it != item.end() && it->is_number_integer()) {
      f.citations = it->get<int64_t>();
    }
    if (auto it = item.find("venue"); it != item.end() && it->is_string()) {
      f.venue = CollapseWhitespace(it->get<std::string>());
    }
    if (auto it = item.find("year"); it != item.end() && it->is_number_integer()) {
      f.year = it->get<int>();
    }
    if (auto ids = item.find("externalIds"); ids != item.end() && ids->is_object()) {
      if (auto d = ids->find("DOI"); d != ids->end() && d->is_string()) {
        f.doi = NormalizeDoi(d->get<std::string>());
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<DailyPaper>> ParseHuggingFaceDailyPapers(std::string_view bytes,
                                                            std::string_view origin) {
  Result<nlohmann::json> j = ParseArray(bytes, origin);
  if (!j.ok()) return j.status();
  std::vector<DailyPaper> out;
  for (const nlohmann::json& item : *j) {
    if (!item.is_object()) continue;
    auto paper = item.find("paper");
    if (paper == item.end() || !paper->is_object()) continue;
    if (std::optional<DailyPaper> d = PaperObject(*paper)) out.push_back(std::move(*d));
  }
  return out;
}

Result<DailyPaper> ParseHuggingFacePaper(std::string_view bytes, std::string_view origin) {
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::Corruption(std::string(origin) + ": the answer is not complete JSON");
  }
  if (!j.is_object()) return Status::Corruption(std::string(origin) + ": expected a JSON object");
  std::optional<DailyPaper> d = PaperObject(j);
  if (!d) {
    return Status::Corruption(std::string(origin) + ": the paper has no arXiv id or upvotes");
  }
  return std::move(*d);
}

}  // namespace paperdeck::ingest
