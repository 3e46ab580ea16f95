#include "cli/eval_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "eval/collection.h"
#include "eval/evaluation.h"
#include "eval/fts5_system.h"
#include "eval/paperdeck_system.h"
#include "eval/sweep.h"
#include "eval/xapian_system.h"

namespace paperdeck::cli {
namespace {

using eval::Collection;
using eval::Evaluation;
using eval::PaperDeckSystem;
using eval::Run;
using eval::Scores;

struct SystemResult {
  const char* name;
  Evaluation evaluation;
};

nlohmann::ordered_json ScoresJson(const Scores& s) {
  nlohmann::ordered_json j;
  j["ndcg@10"] = s.ndcg10;
  j["map"] = s.map;
  j["recall@100"] = s.recall100;
  j["p@10"] = s.p10;
  return j;
}

int Fail(const Status& s) {
  std::cerr << "paperdeck eval: " << s.message() << "\n";
  return kExitFailed;
}

}  // namespace

int RunEval(const EvalOptions& options) {
  const eval::QueryFields fields =
      options.title_only ? eval::QueryFields::kTitle : eval::QueryFields::kAll;
  const std::vector<std::string> dirs = eval::CollectionDirs(options.dirs);
  if (!options.sweep.empty() || options.cross_validate) {
    // --cv alone: the shipped parameters' grid.
    const std::string grid = options.sweep.empty() ? eval::kShippedGrid : options.sweep;
    Status s = eval::RunSweep(dirs, grid, std::cout, options.cross_validate, fields);
    return s.ok() ? kExitOk : Fail(s);
  }
  if (options.mode != "keyword" && options.mode != "hybrid") {
    std::cerr << "paperdeck eval: unknown --mode '" << options.mode << "' (keyword, hybrid)\n";
    return kExitUsage;
  }
  if (dirs.size() != 1) {
    std::cerr << "paperdeck eval: give one collection directory (several only with --sweep or "
                 "--cv)\n";
    return kExitUsage;
  }
  const std::string& dir = dirs[0];
  Result<Collection> collection = eval::LoadCollection(dir);
  if (!collection.ok()) return Fail(collection.status());

  std::vector<SystemResult> results;
  {
    Result<std::unique_ptr<PaperDeckSystem>> ours = PaperDeckSystem::Build(*collection);
    if (!ours.ok()) return Fail(ours.status());
    Result<Run> run = (*ours)->Search(*collection, search::SearcherOptions{}, fields);
    if (!run.ok()) return Fail(run.status());
    results.push_back({"paperdeck", eval::Evaluate(*collection, *run)});
    if (options.feedback) {
      for (const bool on : {false, true}) {
        search::SearcherOptions o;
        o.feedback = on ? search::kChosenFeedback : search::FeedbackOptions{.weight = 0};
        Result<Run> fb = (*ours)->Search(*collection, o, fields);
        if (!fb.ok()) return Fail(fb.status());
        results.push_back({on ? "paperdeck+fb" : "paperdeck-fb", eval::Evaluate(*collection, *fb)});
      }
      }
    if (options.mode == "hybrid") {
      std::cerr << "paperdeck eval: learning word vectors from the collection's own "
                << collection->docs.size() << " documents (whatever their number)\n";
      vectors::TrainOptions train;
      train.min_count = 2;
      train.epoch = collection->docs.size() < 20000 ? 10 : 5;
      Status trained = (*ours)->TrainDense(*collection, train);
      if (!trained.ok()) return Fail(trained);
      Result<Run> dense = (*ours)->SearchDense(*collection);
      if (!dense.ok()) return Fail(dense.status());
      results.push_back({"dense", eval::Evaluate(*collection, *dense)});
      Result<Run> hybrid = (*ours)->SearchHybrid(*collection, {}, fields);
      if (!hybrid.ok()) return Fail(hybrid.status());
      results.push_back({"hybrid", eval::Evaluate(*collection, *hybrid)});
    }
  }
  {
    Result<Run> run = eval::RunXapian(*collection, fields);
    if (!run.ok()) return Fail(run.status());
    results.push_back({"xapian", eval::Evaluate(*collection, *run)});
  }
  {
    Result<Run> run = eval::RunFts5(*collection, fields);
    if (!run.ok()) return Fail(run.status());
    results.push_back({"fts5", eval::Evaluate(*collection, *run)});
  }
  const size_t queries = results[0].evaluation.per_query.size();

  if (!options.per_query_file.empty()) {
    std::ofstream out(options.per_query_file, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Fail(Status::IOError(options.per_query_file + ": cannot open for writing"));
    }
    out << "system\tqid\tndcg@10\tmap\trecall@100\tp@10\n";
    for (const SystemResult& r : results) eval::WritePerQuery(r.name, r.evaluation, out);
    out.flush();
    if (!out) return Fail(Status::IOError(options.per_query_file + ": write failed"));
  }

  if (options.json) {
    nlohmann::ordered_json j;
    for (const SystemResult& r : results) j[r.name] = ScoresJson(r.evaluation.mean);
    j["queries"] = queries;
    std::cout << j.dump() << "\n";
    return kExitOk;
  }
  std::printf("%s: %zu documents, %zu queries with relevant judgments\n\n", dir.c_str(),
              collection->docs.size(), queries);
  std::printf("%-12s %8s %8s %11s %8s\n", "system", "nDCG@10", "MAP", "recall@100", "P@10");
  for (const SystemResult& r : results) {
    const Scores& s = r.evaluation.mean;
    std::printf("%-12s %8.4f %8.4f %11.4f %8.4f\n", r.name, s.ndcg10, s.map, s.recall100, s.p10);
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
