// Random papers and queries over a small vocabulary, for tests that compare two ways of getting
// one answer (pruned and exhaustive scoring, many segments and one). Seeded: reproducible.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "test_index.h"

namespace paperdeck::search {

inline const std::vector<std::string>& RandomVocabulary() {
  static const std::vector<std::string> words = {
      "attention", "sparse",   "kernel",  "graph",    "vision",    "language", "model",
      "linear",    "window",   "sliding", "expert",   "mixture",   "state",    "space",
      "quantum",   "field",    "neural",  "network",  "diffusion", "image",    "token",
      "routing",   "memory",   "scaling", "law",      "benchmark", "robust",   "causal",
      "retrieval", "agent",    "reward",  "policy",   "gradient",  "bandit",   "protein",
      "molecule",  "topology", "lattice", "spectral", "entropy"};
  return words;
}

class RandomPapers {
 public:
  explicit RandomPapers(uint32_t seed) : rng_(seed) {}

  // A word, common ones far more often than rare ones (about Zipf).
  const std::string& Word() {
    const auto& v = RandomVocabulary();
    std::uniform_real_distribution<double> u(0, 1);
    double x = u(rng_);
    return v[static_cast<size_t>(x * x * x * static_cast<double>(v.size()))];
  }

  std::string Words(int min, int max, bool stop_words = true) {
    std::string out;
    int n = Int(min, max);
    for (int i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      if (stop_words && Int(0, 5) == 0) out += "of ";
      out += Word();
    }
    return out;
  }

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  TestPaper Paper(uint64_t key) {
    static const char* kAuthors[] = {"Tri Dao", "Albert Gu", "Ada Lovelace", "Grace Hopper",
                                     "Alan Turing", "Emmy Noether"};
    static const char* kCategories[] = {"cs.LG", "cs.CL", "cs.CV", "stat.ML", "q-bio.BM", "hep-th"};
    TestPaper p;
    p.key = key;
    p.title = Words(2, 8);
    p.abstract = Words(5, 60);
    for (int i = Int(1, 3); i > 0; --i) p.authors.push_back(kAuthors[Int(0, 5)]);
    if (Int(0, 3) == 0) p.venue = "NeurIPS " + std::to_string(Int(2015, 2025));
    for (int i = Int(0, 2); i > 0; --i) p.categories.push_back(kCategories[Int(0, 5)]);
    if (Int(0, 4) != 0) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", Int(2015, 2026), Int(1, 12), Int(1, 28));
      p.date = buf;
      p.year = std::stoi(p.date.substr(0, 4));
    }
    p.citations = Int(0, 3) == 0 ? -1 : Int(0, 50);
    p.upvotes = Int(0, 2) == 0 ? -1 : Int(0, 20);
    return p;
  }

  std::vector<TestPaper> Papers(int n, uint64_t first_key = 1) {
    std::vector<TestPaper> out;
    for (int i = 0; i < n; ++i) out.push_back(Paper(first_key + i));
    return out;
  }

  // A query in the language: words, phrases, fields, OR, exclusions, filters.
  std::string Query() {
    std::string q;
    int clauses = Int(1, 4);
    for (int i = 0; i < clauses; ++i) {
      if (!q.empty()) q += ' ';
      switch (Int(0, 9)) {
        case 0:
          q += "\"" + Word() + " " + Word() + "\"";
          break;
        case 1:
          q += "title:" + Word();
          break;
        case 2:
          q += "-" + Word();
          break;
        case 3:
        case 4:
          q += Word() + " OR " + Word();
          break;
        case 5:
          q += Int(0, 1) ? "cat:cs" : "year:>=2020";
          break;
        case 6:
          q += "(" + Word() + " OR title:(" + Word() + " " + Word() + "))";
          break;
        default:
          q += Word();
      }
    }
    return q;
  }

 private:
  std::mt19937 rng_;
};

}  // namespace paperdeck::search
