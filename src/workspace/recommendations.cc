#include "workspace/recommendations.h"

#include <algorithm>
#include <chrono>
#include <queue>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "vectors/linear_svm.h"
#include "vectors/sparse_vector.h"
#include "workspace/surface_forms.h"

namespace paperdeck::workspace {
namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The papers an explanation's words are read from: the first few selected.
constexpr size_t kFormsFromSelected = 50;

// The vectors of docs, read on `threads` threads.
std::vector<vectors::SparseVector> VectorsOf(const vectors::ForwardIndex& vectors,
                                             const std::vector<vectors::DocRef>& docs,
                                             unsigned threads) {
  std::vector<vectors::SparseVector> out(docs.size());
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(docs.size() / 256 + 1));
  auto read = [&](unsigned part) {
    for (size_t i = docs.size() * part / threads; i < docs.size() * (part + 1) / threads; ++i) {
      out[i] = vectors.VectorAt(docs[i]);
    }
  };
  std::vector<std::thread> others;
  for (unsigned p = 1; p < threads; ++p) others.emplace_back(read, p);
  read(0);
  for (std::thread& t : others) t.join();
  return out;
}

}  // namespace

Result<Recommendations> Recommend(library::Corpus& corpus, const vectors::ForwardIndex& vectors,
                                  const std::vector<int64_t>& selected_keys,
                                  const RecommendOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Recommendations out;
  std::unordered_set<uint64_t> selected;
  std::vector<vectors::SparseVector> positives;
  for (int64_t key : selected_keys) {
    std::optional<vectors::DocRef> doc = vectors.Find(static_cast<uint64_t>(key));
    if (!doc || !selected.insert(static_cast<uint64_t>(key)).second) continue;
    positives.push_back(vectors.VectorAt(*doc));
  }
  out.selected = positives.size();
  if (positives.empty()) {
    return Status::InvalidArgument(selected_keys.empty()
                                       ? "the query selects no papers"
                                       : "none of the papers the query selects is indexed yet");
  }

  // The model: one weight per term.
  std::vector<float> weights(vectors.term_count(), 0.0f);
  float bias = 0;
  if (options.method == RecommendMethod::kSvm) {
    // A uniform sample of the others, as negatives.
    const std::vector<vectors::SparseVector> negatives = VectorsOf(
        vectors, vectors.SampleLive(options.negatives, selected, options.seed), options.threads);
    if (negatives.empty()) return Status::InvalidArgument("the query selects every paper: none is left to recommend");
    PAPERDECK_ASSIGN_OR_RETURN(vectors::LinearModel model,
                               vectors::TrainLinearSvm(positives, negatives, vectors.term_count()));
    weights = std::move(model.weights);
    bias = model.bias;
  } else {
    for (const vectors::SparseVector& v : positives) {
      for (const vectors::TermWeight& t : v) weights[t.term] += t.weight;
    }
    double sq = 0;
    for (float w : weights) sq += double{w} * w;
    if (sq > 0) {
      const float inv = static_cast<float>(1.0 / std::sqrt(sq));
      for (float& w : weights) w *= inv;
    }
  }
  out.train_ms = MsSince(start);

  // Every other live paper scored, on several threads; each keeps its best in a bounded heap,
  // ordered by score and then paper key so that the best are the same however the papers split.
  start = std::chrono::steady_clock::now();
  using Scored = std::pair<float, uint64_t>;  // score, paper key; a heap's top is the worst
  using Heap = std::priority_queue<Scored, std::vector<Scored>, std::greater<Scored>>;
  const unsigned parts = std::max(options.threads, 1u);
  std::vector<Heap> best(parts);
  const auto& segments = vectors.reader().segments();
  vectors.ScoreLive(weights, parts, [&](unsigned part, vectors::DocRef d, float dot) {
    Heap& heap = best[part];
    // Most papers score below the page's last: they are not looked at further.
    if (options.limit > 0 && heap.size() == options.limit && dot + bias < heap.top().first) return;
    const uint64_t key = segments[d.segment]->paper_key(d.doc);
    if (selected.contains(key)) return;
    if (options.since) {
      const int32_t date = segments[d.segment]->date(d.doc);
      if (date == index::kNoDate || date < *options.since) return;
    }
    const Scored scored{dot + bias, key};
    if (heap.size() < options.limit) {
      heap.push(scored);
    } else if (options.limit > 0 && heap.top() < scored) {
      heap.pop();
      heap.push(scored);
    }
  });
  std::vector<Scored> ranked;
  for (Heap& heap : best) {
    for (; !heap.empty(); heap.pop()) ranked.push_back(heap.top());
  }
  std::sort(ranked.begin(), ranked.end(), std::greater<Scored>());
  if (ranked.size() > options.limit) ranked.resize(options.limit);
  out.score_ms = MsSince(start);

  std::vector<int64_t> keys;
  for (const Scored& s : ranked) keys.push_back(static_cast<int64_t>(s.second));
  PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> papers, corpus.Get(keys));
  std::unordered_map<int64_t, library::StoredPaper*> by_key;
  SurfaceForms forms;
  for (library::StoredPaper& p : papers) {
    by_key[p.key] = &p;
    forms.Add(p);
  }
  // The model's words, as the selected papers write them.
  std::vector<int64_t> some_selected(selected_keys.begin(),
                                     selected_keys.begin() +
                                         static_cast<std::ptrdiff_t>(std::min(selected_keys.size(), kFormsFromSelected)));
  PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> selected_papers, corpus.Get(some_selected));
  for (const library::StoredPaper& p : selected_papers) forms.Add(p);
  vectors::SparseVector positive_weights;
  for (uint32_t t = 0; t < weights.size(); ++t) {
    if (weights[t] > 0) positive_weights.push_back({t, weights[t]});
  }
  std::vector<std::string_view> model_terms;
  for (const vectors::TermWeight& t : vectors::HeaviestTerms(positive_weights, 40)) {
    model_terms.push_back(vectors.term(t.term));
  }
  out.model_words = forms.Reason(model_terms, 10);

  for (const Scored& s : ranked) {
    auto found = by_key.find(static_cast<int64_t>(s.second));
    if (found == by_key.end()) continue;  // removed from the corpus, not yet from the index
    Recommendation r;
    r.paper = std::move(*found->second);
    r.score = s.first;
    PAPERDECK_ASSIGN_OR_RETURN(r.library, corpus.LibraryOf(r.paper.key));
    std::optional<vectors::DocRef> doc = vectors.Find(s.second);
    if (doc) {
      vectors::SparseVector contributions;
      for (const vectors::TermWeight& t : vectors.VectorAt(*doc)) {
        if (weights[t.term] > 0) contributions.push_back({t.term, t.weight * weights[t.term]});
      }
      std::vector<std::string_view> heaviest;
      for (const vectors::TermWeight& t :
           vectors::HeaviestTerms(contributions, 4 * options.reason_terms)) {
        heaviest.push_back(vectors.term(t.term));
      }
      r.reason = forms.Reason(heaviest, options.reason_terms);
    }
    out.papers.push_back(std::move(r));
  }
  return out;
}

}  // namespace paperdeck::workspace
