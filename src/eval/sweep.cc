#include "eval/sweep.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include "eval/collection.h"
#include "eval/evaluation.h"
#include "eval/paperdeck_system.h"

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
  } else {
    return Status::InvalidArgument("grid: unknown parameter \"" + name + "\"");
  }
  return Status::Ok();
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

Status RunSweep(const std::vector<std::string>& dirs, const std::string& grid, std::ostream& out) {
  Result<std::vector<GridPoint>> points = ParseGrid(grid);
  if (!points.ok()) return points.status();
  std::vector<Collection> collections;
  std::vector<std::unique_ptr<PaperDeckSystem>> systems;
  out << "point";
  for (const std::string& dir : dirs) {
    Result<Collection> c = LoadCollection(dir);
    if (!c.ok()) return c.status();
    Result<std::unique_ptr<PaperDeckSystem>> system = PaperDeckSystem::Build(*c);
    if (!system.ok()) return system.status();
    collections.push_back(std::move(c.value()));
    systems.push_back(std::move(system.value()));
    out << "\tndcg@10 " << std::filesystem::path(dir).filename().string();
  }
  out << "\tmean ndcg@10\tmean map\n";
  for (const GridPoint& p : *points) {
    out << p.label;
    double ndcg = 0, map = 0;
    for (size_t i = 0; i < collections.size(); ++i) {
      Result<Run> run = systems[i]->Search(collections[i], p.options);
      if (!run.ok()) return run.status();
      Evaluation e = Evaluate(collections[i], *run);
      char cell[32];
      std::snprintf(cell, sizeof cell, "\t%.4f", e.mean.ndcg10);
      out << cell;
      ndcg += e.mean.ndcg10;
      map += e.mean.map;
    }
    char tail[64];
    std::snprintf(tail, sizeof tail, "\t%.4f\t%.4f\n", ndcg / collections.size(),
                  map / collections.size());
    out << tail << std::flush;
  }
  return Status::Ok();
}

}  // namespace paperdeck::eval
