#include "model/arxiv_taxonomy.h"

#include <gtest/gtest.h>

namespace paperdeck {
namespace {

TEST(ArxivTaxonomyTest, KnowsArxivsCategoriesAsArxivWritesThem) {
  for (const char* c : {"cs.CL", "cs.LG", "stat.ML", "hep-th", "quant-ph", "gr-qc", "math.AG",
                        "cond-mat.stat-mech", "physics.optics", "q-bio.NC", "q-fin.ST",
                        "econ.EM", "eess.IV", "astro-ph.CO", "nlin.SI", "math-ph"}) {
    EXPECT_TRUE(IsArxivCategory(c)) << c;
  }
}

TEST(ArxivTaxonomyTest, ClassesArchivesAndOtherSpellingsAreNotCategories) {
  // MSC and ACM classes, as arXiv's metadata lists them beside the categories.
  for (const char* c : {"68T10", "68T50, 68T07", "I.2.6", "I.2.6; I.2.7; I.5.1", "68", "na",
                        // archives with subject classes, and a category in another case
                        "cs", "astro-ph", "cond-mat", "math", "cs.cl", "CS.CL", "", "cs.CL "}) {
    EXPECT_FALSE(IsArxivCategory(c)) << c;
  }
}

}  // namespace
}  // namespace paperdeck
