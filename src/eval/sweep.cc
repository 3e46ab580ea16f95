#include "eval/sweep.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include "eval/collection.h"
#include "eval/cross_validation.h"
#include "eval/evaluation.h"
#include "eval/fts5_system.h"
#include "eval/paperdeck_system.h"
#include "eval/xapian_system.h"

namespace paperdeck::eval {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string piece;
  std::istringstream in(s);
  while (std::getline(in, piece, sep)) {
    if (!piece.empty()) out.push_back(piece);
  }
  return out;
}

Status Set(const std::string& name, float v, search::SearcherOptions* o) {
  const int title = static_cast<int>(index::Field::kTitle);
  const int abstract = static_cast<int>(index::Field::kAbstract);
  if (name == "k1") {
    o->bm25f.k1 = v;
  } else if (name == "b_title") {
    o->bm25f.b[title] = v;
  } else if (name == "b_abstract") {
    o->bm25f.b[abstract] = v;
  } else if (name == "w_title") {
    o->bm25f.weight[title] = v;
  } else if (name == "w_abstract") {
    o->bm25f.weight[abstract] = v;
  } else if (name == "proximity") {
    o->proximity = v;
  } else if (name == "pool") {
    o->proximity_pool = static_cast<uint32_t>(v);
  } else if (name == "question_words") {
    o->drop_question_words = v != 0;
  } else if (name == "exact") {
    o->exact_form_weight = v;
  } else if (name == "fb_docs") {
    o->feedback.docs = static_cast<uint32_t>(v);
  } else if (name == "fb_terms") {
    o->feedback.terms = static_cast<uint32_t>(v);
  } else if (name == "fb_weight") {
    o->feedback.weight = v;
  } else if (name == "b_title_alone") {
    o->b_alone[title] = v;
  } else if (name == "w_title_alone") {
    o->weight_alone[title] = v;
  } else if (name == "b_authors_alone") {
    o->b_alone[static_cast<int>(index::Field::kAuthors)] = v;
  } else if (name == "w_authors_alone") {
    o->weight_alone[static_cast<int>(index::Field::kAuthors)] = v;
  } else {
    return Status::InvalidArgument("grid: unknown parameter \"" + name + "\"");
  }
  return Status::Ok();
}

// Every measure of each collection: PaperDeck at the point chosen without it and at the point
// chosen on all, beside the two baselines.
void WriteMeasures(const std::vector<std::string>& dirs, const std::vector<HeldOut>& held_out,
                   size_t tuned, const std::vector<std::vector<Scores>>& ours,
                   const std::vector<std::array<Scores, 2>>& peers, std::ostream& out) {
  out << "\nevery measure, per collection\n"
      << "collection\tsystem\tndcg@10\tmap\trecall@100\tp@10\n";
  for (size_t c = 0; c < dirs.size(); ++c) {
    const std::string name = std::filesystem::path(dirs[c]).filename().string();
    const std::pair<const char*, const Scores*> rows[] = {
        {"paperdeck cv", &ours[held_out[c].point][c]},
        {"paperdeck tuned", &ours[tuned][c]},
        {"xapian", &peers[c][0]},
        {"fts5", &peers[c][1]}};
    for (const auto& [system, s] : rows) {
      char cells[96];
      std::snprintf(cells, sizeof cells, "\t%.4f\t%.4f\t%.4f\t%.4f\n", s->ndcg10, s->map,
                    s->recall100, s->p10);
      out << name << "\t" << system << cells;
    }
  }
  out << std::flush;
}

void WriteCrossValidation(const std::vector<std::string>& dirs,
                          const std::vector<GridPoint>& points, const SweepScores& scores,
                          const std::vector<std::vector<Scores>>& ours,
                          const std::vector<std::array<Scores, 2>>& peers, std::ostream& out) {
  const size_t tuned = ChoosePoint(scores, std::vector<bool>(dirs.size(), true));
  const std::vector<HeldOut> held_out = LeaveOneCollectionOut(scores);
  out << "\nleave one collection out (chosen by the worst lead over the better baseline)\n"
      << "collection\tchosen on the others\tcv ndcg@10\ttuned ndcg@10\tbetter baseline"
         "\tcv lead\ttuned lead\txapian\tfts5\n";
  double worst_cv = 1, worst_tuned = 1;
  for (size_t c = 0; c < dirs.size(); ++c) {
    const double base = scores.baseline[c];
    const double tuned_ndcg = scores.ndcg[tuned][c];
    char cells[160];
    std::snprintf(cells, sizeof cells, "\t%.4f\t%.4f\t%.4f\t%+.4f\t%+.4f\t%.4f\t%.4f\n",
                  held_out[c].ndcg, tuned_ndcg, base, held_out[c].lead, tuned_ndcg - base,
                  peers[c][0].ndcg10, peers[c][1].ndcg10);
    out << std::filesystem::path(dirs[c]).filename().string() << "\t"
        << points[held_out[c].point].label << cells;
    worst_cv = std::min(worst_cv, held_out[c].lead);
    worst_tuned = std::min(worst_tuned, tuned_ndcg - base);
  }
  char tail[96];
  std::snprintf(tail, sizeof tail, "worst lead: cv %+.4f, tuned %+.4f\n", worst_cv, worst_tuned);
  out << "tuned on all: " << points[tuned].label << "\n" << tail << std::flush;
  WriteMeasures(dirs, held_out, tuned, ours, peers, out);
}

}  // namespace

Result<std::vector<GridPoint>> ParseGrid(const std::string& grid) {
  std::vector<GridPoint> points = {GridPoint{}};
  for (const std::string& term : Split(grid, ';')) {
    const size_t eq = term.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("grid: \"" + term + "\" is not name=v1,v2,...");
    }
    const std::string name = term.substr(0, eq);
    std::vector<GridPoint> next;
    for (const std::string& text : Split(term.substr(eq + 1), ',')) {
      char* end = nullptr;
      const float v = std::strtof(text.c_str(), &end);
      if (end == text.c_str() || *end != '\0') {
        return Status::InvalidArgument("grid: \"" + text + "\" is not a number");
      }
      for (const GridPoint& p : points) {
        GridPoint q = p;
        PAPERDECK_RETURN_IF_ERROR(Set(name, v, &q.options));
        q.label += (q.label.empty() ? "" : " ") + name + "=" + text;
        next.push_back(std::move(q));
      }
    }
    if (next.empty()) return Status::InvalidArgument("grid: \"" + name + "\" has no value");
    points = std::move(next);
  }
  if (points[0].label.empty()) points[0].label = "defaults";
  return points;
}

Status RunSweep(const std::vector<std::string>& dirs, const std::string& grid, std::ostream& out,
                bool cross_validate, QueryFields fields) {
  Result<std::vector<GridPoint>> points = ParseGrid(grid);
  if (!points.ok()) return points.status();
  if (cross_validate && dirs.size() < 2) {
    return Status::InvalidArgument("cross-validation needs two collections or more");
  }
  SweepScores scores;
  std::vector<std::array<Scores, 2>> peers;  // Xapian's and FTS5's, per collection
  std::vector<std::vector<Scores>> ours;      // per point, per collection
  std::vector<Collection> collections;
  std::vector<std::unique_ptr<PaperDeckSystem>> systems;
  out << "point";
  for (const std::string& dir : dirs) {
    Result<Collection> c = LoadCollection(dir);
    if (!c.ok()) return c.status();
    Result<std::unique_ptr<PaperDeckSystem>> system = PaperDeckSystem::Build(*c);
    if (!system.ok()) return system.status();
    if (cross_validate) {
      std::array<Scores, 2> peer{};
      int i = 0;
      for (auto run_baseline : {&RunXapian, &RunFts5}) {
        Result<Run> run = run_baseline(*c, fields);
        if (!run.ok()) return run.status();
        peer[i++] = Evaluate(*c, *run).mean;
      }
      scores.baseline.push_back(std::max(peer[0].ndcg10, peer[1].ndcg10));
      peers.push_back(peer);
    }
    collections.push_back(std::move(c.value()));
    systems.push_back(std::move(system.value()));
    out << "\tndcg@10 " << std::filesystem::path(dir).filename().string();
  }
  out << "\tmean ndcg@10\tmean map\n";
  for (const GridPoint& p : *points) {
    out << p.label;
    scores.ndcg.emplace_back();
    ours.emplace_back();
    double ndcg = 0, map = 0;
    for (size_t i = 0; i < collections.size(); ++i) {
      Result<Run> run = systems[i]->Search(collections[i], p.options, fields);
      if (!run.ok()) return run.status();
      Evaluation e = Evaluate(collections[i], *run);
      char cell[32];
      std::snprintf(cell, sizeof cell, "\t%.4f", e.mean.ndcg10);
      out << cell;
      scores.ndcg.back().push_back(e.mean.ndcg10);
      ours.back().push_back(e.mean);
      ndcg += e.mean.ndcg10;
      map += e.mean.map;
    }
    char tail[64];
    std::snprintf(tail, sizeof tail, "\t%.4f\t%.4f\n", ndcg / collections.size(),
                  map / collections.size());
    out << tail << std::flush;
  }
  if (cross_validate) WriteCrossValidation(dirs, *points, scores, ours, peers, out);
  return Status::Ok();
}

}  // namespace paperdeck::eval
