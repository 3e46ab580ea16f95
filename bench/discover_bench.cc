// discover_bench: related papers and recommendations (workspace/related_papers.h,
// workspace/recommendations.h) over an imported data directory, checked against arXiv's
// categories and timed.
//
//   discover_bench --data DIR [--papers 1000] [--categories 30] [--tagged 20] [--recommend 50]
//
// Related papers: for --papers random papers, the share of the top 10 whose primary category is
// the paper's, for the shipped ranking (the BM25 "more like this" pool ranked by tf-idf cosine)
// beside the pool's own BM25F order, and p50/p99 of each; with a trained word model, the shipped
// ranking again with the paper's 10 nearest papers by meaning joining the pool (as shipped, and
// found with the graphs' default breadth), and the share of results that are among them; then
// the first two again with the paper's terms searched as a typed question is (compounds also as
// phrases of their parts, exact forms, proximity) instead of as a bag of terms.
// Recommendations (the protocol of arxiv-sanity-lite's evaluation): for each of the --categories
// primary categories holding the most papers, "tag" --tagged random papers of it, recommend
// --recommend from the rest, and score precision (share listing the category) and nDCG against
// the category; the linear SVM beside the cosine with the centroid; p50/p99 of each (training
// and scoring every paper included). A paper is of a category when it lists it (primary or
// cross-list); the categories are those the most papers list. Latencies on the thread's CPU
// clock (--clock wall for the wall clock), one thread. With trained word vectors, search by
// meaning too (SearchByMeaning). It writes only derived files (paper
// vectors, neighbour graphs) into the data directory.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "latency.h"
#include "machine.h"
#include "model/arxiv_taxonomy.h"
#include "vectors/dense_index.h"
#include "workspace/workspace.h"

namespace paperdeck::bench {
namespace {

struct Options {
  std::string data;
  uint32_t papers = 1000;
  uint32_t categories = 30;
  uint32_t tagged = 20;
  uint32_t recommend = 50;
  uint64_t seed = 42;
  uint32_t query_terms = 25;
  uint32_t pool = 100;
  std::string clock = "cpu";
  uint32_t graph_min_docs = 1;
  unsigned threads = 2;  // recommendations: papers scored on this many threads
};

bool Lists(const PaperRecord& r, const std::string& category) {
  return std::find(r.categories.begin(), r.categories.end(), category) != r.categories.end();
}

// Search by meaning, when the data directory has a trained model: the shipped hybrid search
// (workspace.SearchHybrid) beside keyword search, with each paper's title as the question; then
// the nearest 100 papers to a paper's vector by brute force and through neighbour graphs (built
// for every segment of --graph-min-docs papers or more, in the data directory), and the share of
// brute force's nearest the graphs find.
int SearchByMeaning(const Options& o, workspace::Workspace& workspace, library::Corpus& corpus,
                    const std::vector<std::pair<uint64_t, std::string>>& papers, QueryClock clock) {
  auto shipped = workspace.Dense();
  if (!shipped.ok()) {
    fmt::print("\nsearch by meaning: {}\n", shipped.status().message());
    return 0;
  }
  const uint32_t n = std::min<uint32_t>(o.papers, static_cast<uint32_t>(papers.size()));
  Latencies keyword, hybrid;
  for (uint32_t i = 0; i < n; ++i) {
    auto found = corpus.Get(std::vector<int64_t>{static_cast<int64_t>(papers[i].first)});
    if (!found.ok() || found->empty()) continue;
    search::SearchRequest request;
    request.query = (*found)[0].record.title;
    request.limit = 10;
    double start = NowMillis(clock);
    auto k = workspace.Search(request);
    keyword.ms.push_back(NowMillis(clock) - start);
    start = NowMillis(clock);
    auto h = workspace.SearchHybrid(request);
    hybrid.ms.push_back(NowMillis(clock) - start);
    if (!k.ok() || !h.ok()) {
      fmt::print(stderr, "discover_bench: {}\n", (k.ok() ? h.status() : k.status()).message());
      return 1;
    }
  }
  const vectors::WordVectors& words = (*shipped)->words();
  fmt::print("\nsearch by meaning: model of {} words × {} dimensions from {} papers, trained in "
             "{:.0f} s; paper vectors and graphs {:.1f} MB, {} of {} segments with a graph\n",
             words.word_count(), words.dim(), words.papers(), words.train_seconds(),
             (*shipped)->size_bytes() / 1e6, (*shipped)->graph_count(),
             (*shipped)->reader().segments().size());
  fmt::print("  {} titles as questions, top 10:\n", keyword.ms.size());
  fmt::print("  {:<36} {:>9} {:>9} {:>9}\n", "search", "p50 ms", "p99 ms", "ratio");
  fmt::print("  {:<36} {:>9.2f} {:>9.2f} {:>8.2f}×\n", "keyword", keyword.Percentile(50),
             keyword.Percentile(99), 1.0);
  fmt::print("  {:<36} {:>9.2f} {:>9.2f} {:>8.2f}×\n", "hybrid (shipped)", hybrid.Percentile(50),
             hybrid.Percentile(99), hybrid.Percentile(50) / keyword.Percentile(50));

  // The nearest papers, brute force against neighbour graphs.
  vectors::DenseOptions brute_options;
  brute_options.graph_min_docs = UINT32_MAX;
  vectors::DenseOptions graph_options;
  graph_options.graph_min_docs = o.graph_min_docs;
  auto words_file = vectors::WordVectors::Read(workspace.words_file());
  if (!words_file.ok()) return 1;
  std::shared_ptr<const vectors::WordVectors> model(std::move(*words_file));
  auto forward = workspace.Vectors();
  if (!forward.ok()) return 1;
  const std::shared_ptr<const index::IndexReader> reader = (*forward)->shared_reader();
  auto brute = vectors::DenseIndex::Open(reader, workspace.vectors_dir(), model, nullptr, brute_options);
  double build_start = NowMillis(QueryClock::kWall);
  vectors::DenseFilesReport report;
  auto graph = vectors::DenseIndex::Open(reader, workspace.vectors_dir(), model, &report, graph_options);
  const double build_ms = NowMillis(QueryClock::kWall) - build_start;
  if (!brute.ok() || !graph.ok()) {
    fmt::print(stderr, "discover_bench: {}\n", (brute.ok() ? graph.status() : brute.status()).message());
    return 1;
  }
  Latencies brute_ms, graph_ms;
  uint64_t found10 = 0, asked10 = 0, found100 = 0, asked100 = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const std::vector<float> q = (*brute)->VectorOf(papers[i].first);
    if (q.empty()) continue;
    double start = NowMillis(clock);
    const std::vector<vectors::DenseHit> want = (*brute)->Nearest(q, 100);
    brute_ms.ms.push_back(NowMillis(clock) - start);
    start = NowMillis(clock);
    const std::vector<vectors::DenseHit> got = (*graph)->Nearest(q, 100);
    graph_ms.ms.push_back(NowMillis(clock) - start);
    std::set<uint64_t> got10, got100;
    for (size_t j = 0; j < got.size(); ++j) (j < 10 ? got10 : got100).insert(got[j].paper_key);
    for (size_t j = 0; j < want.size(); ++j) {
      if (j < 10) {
        ++asked10;
        found10 += got10.contains(want[j].paper_key);
      }
      ++asked100;
      found100 += got10.contains(want[j].paper_key) || got100.contains(want[j].paper_key);
    }
  }
  fmt::print("  nearest 100 papers to {} papers' vectors; graphs for segments of {}+ papers ({} "
             "built in {:.1f} s wall, {} of {} segments):\n",
             brute_ms.ms.size(), o.graph_min_docs, report.graphs_built, build_ms / 1e3,
             (*graph)->graph_count(), reader->segments().size());
  fmt::print("  {:<36} {:>9} {:>9} {:>10} {:>10}\n", "search", "p50 ms", "p99 ms", "recall@10",
             "recall@100");
  fmt::print("  {:<36} {:>9.3f} {:>9.3f} {:>10.3f} {:>10.3f}\n", "brute force (int8)",
             brute_ms.Percentile(50), brute_ms.Percentile(99), 1.0, 1.0);
  fmt::print("  {:<36} {:>9.3f} {:>9.3f} {:>10.3f} {:>10.3f}\n", "neighbour graph (HNSW, int8)",
             graph_ms.Percentile(50), graph_ms.Percentile(99),
             asked10 ? double(found10) / asked10 : 0.0, asked100 ? double(found100) / asked100 : 0.0);
  fmt::print("  graph files {:.1f} MB beside paper vectors; ratio brute/graph p50 {:.1f}×\n",
             ((*graph)->size_bytes() - (*brute)->size_bytes()) / 1e6,
             brute_ms.Percentile(50) / std::max(graph_ms.Percentile(50), 1e-6));
  return 0;
}

int Run(const Options& o) {
  const QueryClock clock = o.clock == "wall" ? QueryClock::kWall : QueryClock::kThreadCpu;
  auto ws = workspace::Workspace::Open(o.data);
  if (!ws.ok()) {
    fmt::print(stderr, "discover_bench: {}\n", ws.status().message());
    return 1;
  }
  workspace::Workspace& workspace = **ws;
  double t0 = NowMillis(QueryClock::kWall);
  auto vectors = workspace.Vectors();
  if (!vectors.ok()) {
    fmt::print(stderr, "discover_bench: {}\n", vectors.status().message());
    return 1;
  }
  const double open_ms = NowMillis(QueryClock::kWall) - t0;
  const vectors::ForwardIndex& fi = **vectors;
  const Machine machine = DescribeMachine();
  fmt::print("discover_bench: {} papers, {} terms, forward index {:.1f} MB, opened in {:.0f} ms\n",
             fi.live_docs(), fi.term_count(), fi.size_bytes() / 1e6, open_ms);
  fmt::print("machine: {} cores, {}, {:.0f} GiB; load {}; latencies on the {} clock\n\n",
             machine.cores, machine.cpu, machine.memory_bytes / double(1ull << 30), LoadAverage(),
             clock == QueryClock::kWall ? "wall" : "thread CPU");

  // Every live paper with its primary category.
  std::vector<std::pair<uint64_t, std::string>> papers;
  std::map<std::string, std::vector<uint64_t>> by_primary, listing;
  const auto& segments = fi.reader().segments();
  fi.ForEachLive([&](vectors::DocRef d) {
    auto ids = segments[d.segment]->category_ids(d.doc);
    if (ids.empty()) return;
    std::string primary(segments[d.segment]->category_name(ids[0]));
    uint64_t key = segments[d.segment]->paper_key(d.doc);
    papers.emplace_back(key, primary);
    by_primary[primary].push_back(key);
    for (uint16_t id : ids) {
      std::string c(segments[d.segment]->category_name(id));
      if (IsArxivCategory(c)) listing[c].push_back(key);
    }
  });
  std::mt19937_64 rng(o.seed);

  // --- related papers ---
  std::shuffle(papers.begin(), papers.end(), rng);
  struct RelatedRun {
    const char* name;
    bool rerank;
    bool words_alone;
    uint32_t near_in_meaning;  // the nearest by meaning joining the pool (with a word model)
    uint32_t near_breadth = 0;  // 0: the shipped breadth
    Latencies latencies = {};
    double shared = 0;
    uint64_t results = 0, near = 0;
  };
  RelatedRun runs[] = {{"BM25F more like this (pool order)", false, true, 0},
                       {"more like this + tf-idf cosine", true, true, 0},
                       {"  + 10 nearest by meaning (shipped)", true, true, 10},
                       {"  + 10 nearest, graph breadth 128", true, true, 10, 128},
                       {"as a question (pool order)", false, false, 0},
                       {"as a question + tf-idf cosine", true, false, 0}};
  auto corpus = workspace.Corpus();
  if (!corpus.ok()) return 1;
  const uint32_t n = std::min<uint32_t>(o.papers, static_cast<uint32_t>(papers.size()));
  for (uint32_t i = 0; i < n; ++i) {
    auto found = (*corpus)->Get(std::vector<int64_t>{static_cast<int64_t>(papers[i].first)});
    if (!found.ok() || found->empty()) continue;
    const std::string id = (*found)[0].record.id;
    for (RelatedRun& run : runs) {
      workspace::RelatedOptions options;
      options.rerank = run.rerank;
      options.words_alone = run.words_alone;
      options.query_terms = o.query_terms;
      options.pool = o.pool;
      options.near_in_meaning = run.near_in_meaning;
      if (run.near_breadth > 0) options.near_in_meaning_breadth = run.near_breadth;
      double start = NowMillis(clock);
      auto related = workspace.Related(id, options);
      run.latencies.ms.push_back(NowMillis(clock) - start);
      if (!related.ok()) continue;
      for (const workspace::RelatedPaper& r : related->related) {
        ++run.results;
        run.near += r.near_in_meaning;
        if (!r.paper.record.categories.empty() && r.paper.record.categories[0] == papers[i].second) {
          run.shared += 1;
        }
      }
    }
  }
  fmt::print("related papers, {} random papers, top 10 ({} query terms, pool {}):\n", n,
             o.query_terms, o.pool);
  fmt::print("  {:<36} {:>10} {:>9} {:>9} {:>9} {:>9}\n", "ranking", "same cat.", "results",
             "by meaning", "p50 ms", "p99 ms");
  for (const RelatedRun& run : runs) {
    fmt::print("  {:<36} {:>9.1f}% {:>9} {:>9.1f}% {:>9.2f} {:>9.2f}\n", run.name,
               run.results ? 100.0 * run.shared / run.results : 0.0, run.results,
               run.results ? 100.0 * run.near / run.results : 0.0, run.latencies.Percentile(50),
               run.latencies.Percentile(99));
  }

  // --- recommendations ---
  std::vector<std::pair<size_t, std::string>> sizes;
  for (const auto& [category, keys] : listing) sizes.emplace_back(keys.size(), category);
  std::sort(sizes.rbegin(), sizes.rend());
  if (sizes.size() > o.categories) sizes.resize(o.categories);
  if (sizes.empty()) {
    fmt::print("\nrecommendations: no category asked for (--categories 0), none timed\n");
    return SearchByMeaning(o, workspace, **corpus, papers, clock);
  }
  struct MethodRun {
    const char* name;
    workspace::RecommendMethod method;
    Latencies latencies = {};
    double precision = 0, ndcg = 0;
  };
  MethodRun methods[] = {{"linear SVM (arxiv-sanity-lite)", workspace::RecommendMethod::kSvm},
                         {"tf-idf cosine with the centroid", workspace::RecommendMethod::kCentroid}};
  fmt::print(
      "\nrecommendations, {} categories, {} tagged papers each, {} recommended, papers scored on "
      "{} thread(s):\n",
      sizes.size(), o.tagged, o.recommend, o.threads);
  fmt::print("  {:<18} {:>7} {:>14} {:>14} {:>14} {:>14}\n", "category", "papers", "SVM P@50",
             "SVM nDCG", "centroid P@50", "centroid nDCG");
  for (const auto& [count, category] : sizes) {
    std::vector<uint64_t> keys = listing[category];
    std::shuffle(keys.begin(), keys.end(), rng);
    std::vector<int64_t> tagged;
    for (uint32_t i = 0; i < o.tagged && i < keys.size(); ++i) tagged.push_back(static_cast<int64_t>(keys[i]));
    double p[2] = {0, 0}, g[2] = {0, 0};
    for (int m = 0; m < 2; ++m) {
      workspace::RecommendOptions options;
      options.limit = o.recommend;
      options.method = methods[m].method;
      options.threads = o.threads;
      double start = NowMillis(clock);
      auto found = workspace::Recommend(**corpus, fi, tagged, options);
      methods[m].latencies.ms.push_back(NowMillis(clock) - start);
      if (!found.ok()) {
        fmt::print(stderr, "{}: {}\n", category, found.status().message());
        continue;
      }
      double hits = 0, dcg = 0, ideal = 0;
      for (size_t i = 0; i < found->papers.size(); ++i) {
        if (Lists(found->papers[i].paper.record, category)) {
          hits += 1;
          dcg += 1.0 / std::log2(double(i) + 2);
        }
      }
      const size_t relevant = std::min<size_t>(o.recommend, count - tagged.size());
      for (size_t i = 0; i < relevant; ++i) ideal += 1.0 / std::log2(double(i) + 2);
      p[m] = hits / o.recommend;
      g[m] = ideal > 0 ? dcg / ideal : 0;
      methods[m].precision += p[m];
      methods[m].ndcg += g[m];
    }
    fmt::print("  {:<18} {:>7} {:>14.3f} {:>14.3f} {:>14.3f} {:>14.3f}\n", category, count, p[0],
               g[0], p[1], g[1]);
  }
  fmt::print("\n  {:<34} {:>8} {:>8} {:>9} {:>9}\n", "method", "P@50", "nDCG", "p50 ms", "p99 ms");
  for (const MethodRun& m : methods) {
    fmt::print("  {:<34} {:>8.3f} {:>8.3f} {:>9.1f} {:>9.1f}\n", m.name,
               m.precision / sizes.size(), m.ndcg / sizes.size(), m.latencies.Percentile(50),
               m.latencies.Percentile(99));
  }
  return SearchByMeaning(o, workspace, **corpus, papers, clock);
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options o;
  CLI::App app{"related papers and recommendations, checked against arXiv's categories and timed"};
  app.add_option("--data", o.data, "an imported data directory")->required();
  app.add_option("--papers", o.papers, "random papers for the related-papers check");
  app.add_option("--categories", o.categories, "categories of the recommendation protocol");
  app.add_option("--tagged", o.tagged, "papers tagged per category");
  app.add_option("--recommend", o.recommend, "papers recommended per category");
  app.add_option("--seed", o.seed, "the random choices' seed");
  app.add_option("--query-terms", o.query_terms, "related: the paper's terms searched");
  app.add_option("--pool", o.pool, "related: candidates ranked by the cosine");
  app.add_option("--clock", o.clock,
                 "wall or cpu (the thread's CPU time: with --threads above 1, the calling "
                 "thread's share alone)");
  app.add_option("--threads", o.threads, "recommendations: papers scored on this many threads");
  app.add_option("--graph-min-docs", o.graph_min_docs,
                 "search by meaning: segments of this many papers get a neighbour graph");
  CLI11_PARSE(app, argc, argv);
  return paperdeck::bench::Run(o);
}
