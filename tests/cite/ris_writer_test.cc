#include "cite/ris_writer.h"

#include <gtest/gtest.h>

#include "cite_test_support.h"

namespace paperdeck::cite {
namespace {

TEST(RisWriterTest, OneTaggedLinePerFact) {
  CitedPaper p = testing::Published();
  p.library.tags = {"thesis", "thesis/related-work"};
  p.paper.record.abstract = "Two\nlines";
  EXPECT_EQ(RisRecordOf(p),
            "TY  - CPAPER\n"
            "ID  - vaswani2017attention\n"
            "TI  - Attention Is All You Need\n"
            "AU  - Vaswani, Ashish\n"
            "AU  - Shazeer, Noam\n"
            "AU  - Parmar, Niki\n"
            "PY  - 2017\n"
            "DA  - 2017/06/12/\n"
            "T2  - NeurIPS 2017\n"
            "M3  - arXiv:1706.03762\n"
            "DO  - 10.5555/3295222.3295349\n"
            "UR  - https://arxiv.org/abs/1706.03762\n"
            "AB  - Two lines\n"
            "KW  - thesis\n"
            "KW  - thesis/related-work\n"
            "ER  - \n");
  EXPECT_TRUE(RisRecordOf(testing::Preprint()).starts_with("TY  - UNPB\n"));
  EXPECT_TRUE(RisRecordOf(testing::InAJournal()).starts_with("TY  - JOUR\n"));
}

}  // namespace
}  // namespace paperdeck::cite
