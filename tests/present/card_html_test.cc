#include "present/card_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/calendar.h"

namespace paperdeck::present {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const int32_t kToday = *ParseIsoDate("2026-06-20");

TEST(HtmlEscapedTest, EveryCharacterThatEndsTextOrAnAttribute) {
  EXPECT_EQ(HtmlEscaped("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscaped("Gülçehre · ∑"), "Gülçehre · ∑");
}

TEST(UriComponentTest, AsEncodeUriComponent) {
  EXPECT_EQ(UriComponent("author:\"Caglar Gulcehre\""), "author%3A%22Caglar%20Gulcehre%22");
  EXPECT_EQ(UriComponent("a-b_c.d!e~f*g'h(i)"), "a-b_c.d!e~f*g'h(i)");
  EXPECT_EQ(UriComponent("ü/?&#"), "%C3%BC%2F%3F%26%23");
}

TEST(MarkedHtmlTest, SpansAreMarkedAndEverythingEscaped) {
  EXPECT_EQ(MarkedHtml("Attention <is> all", {{0, 9}, {15, 18}}),
            "<mark>Attention</mark> &lt;is&gt; <mark>all</mark>");
  // Spans past the end or overlapping what was marked are cut, never read beyond the text.
  EXPECT_EQ(MarkedHtml("ab", {{0, 1}, {0, 1}, {1, 9}}), "<mark>a</mark><mark>b</mark>");
  EXPECT_EQ(MarkedHtml("", {}), "");
}

library::StoredPaper Paper() {
  library::StoredPaper p;
  p.record.id = "2401.00001";
  p.record.arxiv_id = "2401.00001";
  p.record.title = "<img src=x onerror=alert(1)> Sparse $\\times$ attention";
  p.record.abstract = "An abstract with <script>alert(2)</script> in it.";
  p.record.authors = {"Eve \"Quote\" Mallory", "Trent O'Brien", "Ann Lee", "Bob Kay"};
  p.record.categories = {"cs.LG", "68T10"};
  p.record.published = "2026-06-01";
  return p;
}

TEST(CardHtmlTest, TheCardTheScriptDrawsWithEveryStringEscaped) {
  library::StoredPaper p = Paper();
  Card card = MakeCard(p.record, kToday);
  const std::string h = CardHtml(p, card, {{45, 54}}, {});
  EXPECT_THAT(h, HasSubstr("<li class=\"card\" data-id=\"2401.00001\">"));
  EXPECT_THAT(h, HasSubstr("<div class=\"meta\"><span class=\"badge\">cs.LG</span>"
                           "<span class=\"when\">Jun 1, 2026</span></div>"));
  // The title links to arXiv; its markup is text, its LaTeX left for the page to typeset.
  EXPECT_THAT(h, HasSubstr("<h3 class=\"title\"><a href=\"https://arxiv.org/abs/2401.00001\" "
                           "rel=\"noopener noreferrer\">&lt;img src=x onerror=alert(1)&gt; Sparse "
                           "$\\times$ <mark>attention</mark></a></h3>"));
  EXPECT_THAT(h, HasSubstr("&lt;script&gt;alert(2)&lt;/script&gt;"));
  EXPECT_THAT(h, Not(HasSubstr("<script")));
  EXPECT_THAT(h, Not(HasSubstr("<img")));
  // Three names as links to their papers, quotes read as spaces, then "et al.".
  EXPECT_THAT(h, HasSubstr("<a class=\"author\" href=\"/?q=author%3A%22Eve%20Quote%20Mallory%22\" "
                           "title=\"Papers by Eve &quot;Quote&quot; Mallory\">Eve &quot;Quote&quot; "
                           "Mallory</a>, "));
  EXPECT_THAT(h, HasSubstr("href=\"/?q=author%3A%22Trent%20O&#39;Brien%22\""));
  EXPECT_THAT(h, HasSubstr(">Ann Lee</a> et al.</p>"));
  EXPECT_THAT(h, Not(HasSubstr("Bob Kay")));
  EXPECT_THAT(h, HasSubstr("<a class=\"pdf-link\" href=\"https://arxiv.org/pdf/2401.00001\""));
  EXPECT_THAT(h, HasSubstr("<a class=\"paper-link\" href=\"/paper/2401.00001\""));
}

TEST(CardHtmlTest, APaperWithNoLinkLeadsToItsOwnPageAndNeverToAScript) {
  library::StoredPaper p;
  p.record.id = "doi:10.1/a b";
  p.record.title = "Scripted";
  p.record.links = {"javascript:alert(1)"};
  const std::string h = CardHtml(p, MakeCard(p.record, kToday), {}, {});
  EXPECT_THAT(h, HasSubstr("<h3 class=\"title\"><a href=\"/paper/doi%3A10.1%2Fa%20b\">Scripted</a>"));
  EXPECT_THAT(h, Not(HasSubstr("javascript:")));
  EXPECT_THAT(h, Not(HasSubstr("pdf-link")));
  EXPECT_THAT(h, Not(HasSubstr("class=\"abstract\"")));
}

}  // namespace
}  // namespace paperdeck::present
