// ApiHandlers' pulls from arXiv: POST /api/pulls starts one in the server's background
// (http/pull_jobs.h), GET /api/pulls/{id} tells how it goes.
#include <string>
#include <variant>

#include "http/api_handlers.h"
#include "http/request_params.h"

namespace paperdeck::http {
namespace {

constexpr int kDefaultPullMax = 100;

nlohmann::json PullJson(const PullStatus& s) {
  auto or_null = [](const std::string& v) { return v.empty() ? nlohmann::json() : nlohmann::json(v); };
  return {{"id", s.id},
          {"query", s.query},
          {"max", s.max_results},
          {"state", StateName(s.state)},
          {"indexing", s.indexing},
          {"remote_query", s.remote_query},
          {"arxiv_total", s.arxiv_total >= 0 ? nlohmann::json(s.arxiv_total) : nlohmann::json()},
          {"pages", s.pages},
          {"fetched", s.fetched},
          {"added", s.added},
          {"updated", s.updated},
          {"unchanged", s.unchanged},
          {"waiting", or_null(s.waiting)},
          {"left_out", s.left_out},
          {"issues", s.issues},
          {"error", or_null(s.error)},
          {"kept", or_null(s.kept)},
          {"added_ids", s.added_ids},
          {"updated_ids", s.updated_ids},
          {"started_at", s.started_at},
          {"finished_at", or_null(s.finished_at)}};
}

}  // namespace

ApiResponse ApiHandlers::StartPull(std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto q = j->find("query");
  if (q == j->end() || !q->is_string()) {
    return ErrorResponse(400, "query is what to pull from arXiv, a string", "query");
  }
  std::string query = q->get<std::string>();
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(400, "query is empty: type what to pull from arXiv", "query");
  }
  if (query.size() > kMaxQueryBytes) {
    return ErrorResponse(400, "query is at most " + std::to_string(kMaxQueryBytes) + " bytes", "query");
  }
  int max = kDefaultPullMax;
  if (auto m = j->find("max"); m != j->end()) {
    if (!m->is_number_integer() || m->get<int64_t>() < 1 ||
        m->get<int64_t>() > PullJobs::kMaxResults) {
      return ErrorResponse(
          400, "max is a whole number from 1 to " + std::to_string(PullJobs::kMaxResults), "max");
    }
    max = static_cast<int>(m->get<int64_t>());
  }
  auto started = pulls_.Start(std::move(query), max);
  if (const auto* refused = std::get_if<PullJobs::Refusal>(&started)) {
    ApiResponse out = FailedResponse(refused->status);
    if (refused->status.code() == Status::Code::kInvalidArgument) out.body["param"] = "query";
    out.body["running"] = refused->running ? nlohmann::json(*refused->running) : nlohmann::json();
    return out;
  }
  ApiResponse out;
  out.status = 202;
  out.body = PullJson(std::get<PullStatus>(started));
  return out;
}

ApiResponse ApiHandlers::PullProgress(std::string_view id) {
  int64_t n = 0;
  bool digits = !id.empty() && id.size() <= 18;
  for (char c : id) {
    if (c < '0' || c > '9') digits = false;
    else n = n * 10 + (c - '0');
  }
  if (!digits || n < 1) return ErrorResponse(400, "a pull id is a positive whole number", "id");
  std::optional<PullStatus> found = pulls_.Find(n);
  if (!found) {
    return ErrorResponse(404, "no pull " + std::to_string(n) + " (the server keeps the running pull and the last " +
                                  std::to_string(PullJobs::kFinishedKept) + " finished)");
  }
  ApiResponse out;
  out.body = PullJson(*found);
  return out;
}

}  // namespace paperdeck::http
