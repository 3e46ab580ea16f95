// Where a card's title and PDF link go (present/paper_json.h).
#include <gtest/gtest.h>

#include "present/paper_json.h"

namespace paperdeck::present {
namespace {

TEST(PaperUrlTest, ArxivThenDoiThenSemanticScholarThenTheLinkThenNothing) {
  PaperRecord r;
  r.title = "Longformer: The Long-Document Transformer";
  r.arxiv_id = "2004.05150";
  r.doi = "10.48550/arxiv.2004.05150";
  r.links = {"https://example.org/longformer", "https://www.semanticscholar.org/paper/abc123"};
  r.citations = 5600;
  EXPECT_EQ(PaperUrl(r), "https://arxiv.org/abs/2004.05150");
  EXPECT_EQ(PaperPdfUrl(r), "https://arxiv.org/pdf/2004.05150");
  r.arxiv_id.clear();
  EXPECT_EQ(PaperUrl(r), "https://doi.org/10.48550/arxiv.2004.05150");
  EXPECT_EQ(PaperPdfUrl(r), nullptr);
  r.doi.clear();
  EXPECT_EQ(PaperUrl(r), "https://www.semanticscholar.org/paper/abc123");
  r.links = {"javascript:alert(1)", "https://example.org/longformer"};
  EXPECT_EQ(PaperUrl(r), "https://example.org/longformer");
  r.links = {"javascript:alert(1)"};
  // Cited, known by no id: Semantic Scholar's search for the exact title.
  EXPECT_EQ(PaperUrl(r),
            "https://www.semanticscholar.org/search?q=Longformer%3A%20The%20Long-Document%20Transformer");
  EXPECT_EQ(PaperUrl(r, /*title_search=*/false), nullptr);  // a feed links the server's page
  r.citations.reset();
  EXPECT_EQ(PaperUrl(r), nullptr);  // the page links the paper's own page
}

TEST(PaperUrlTest, ADoiIsEncodedButItsSlashesKept) {
  PaperRecord r;
  r.doi = "10.1002/(sici)1097-4571<x>";
  EXPECT_EQ(PaperUrl(r), "https://doi.org/10.1002/%28sici%291097-4571%3Cx%3E");
}

}  // namespace
}  // namespace paperdeck::present
