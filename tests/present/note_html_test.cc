// A note's Markdown becomes HTML the page can insert: formatting kept, raw HTML and dangerous
// link schemes left out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "present/note_html.h"

namespace paperdeck::present {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(NoteHtmlTest, MarkdownIsRendered) {
  EXPECT_EQ(NoteHtml("# Idea\n\n- *sparse* attention, `O(n)`\n"),
            "<h1>Idea</h1>\n<ul>\n<li><em>sparse</em> attention, <code>O(n)</code></li>\n</ul>\n");
  EXPECT_EQ(NoteHtml("[paper](https://arxiv.org/abs/2004.05150)"),
            "<p><a href=\"https://arxiv.org/abs/2004.05150\">paper</a></p>\n");
  EXPECT_EQ(NoteHtml(""), "");
}

TEST(NoteHtmlTest, RawHtmlIsNeverPassedThrough) {
  for (const char* note : {"<script>alert(1)</script>", "text <img src=x onerror=alert(1)> more",
                           "<div onclick=\"alert(1)\">\nblock\n</div>",
                           "<iframe src=\"https://evil.example\"></iframe>"}) {
    std::string html = NoteHtml(note);
    EXPECT_THAT(html, Not(HasSubstr("<script"))) << note;
    EXPECT_THAT(html, Not(HasSubstr("<img"))) << note;
    EXPECT_THAT(html, Not(HasSubstr("<div"))) << note;
    EXPECT_THAT(html, Not(HasSubstr("<iframe"))) << note;
    EXPECT_THAT(html, Not(HasSubstr("onerror="))) << note;
  }
  // Text that merely looks like markup is escaped, so the reader sees it as written.
  EXPECT_EQ(NoteHtml("a < b && `<b>`"), "<p>a &lt; b &amp;&amp; <code>&lt;b&gt;</code></p>\n");
}

TEST(NoteHtmlTest, DangerousLinkSchemesLoseTheirAddress) {
  for (const char* note : {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))",
                           "[x](vbscript:msgbox)", "[x](data:text/html;base64,PHNjcmlwdD4=)",
                           "<javascript:alert(1)>", "![x](javascript:alert(1))"}) {
    // The text may still read "javascript:..."; no address holds it.
    std::string html = NoteHtml(note);
    for (const char* attribute : {"=\"javascript", "=\"JavaScript", "=\"vbscript", "=\"data:"}) {
      EXPECT_THAT(html, Not(HasSubstr(attribute))) << note << " -> " << html;
    }
    EXPECT_THAT(html, ::testing::AnyOf(HasSubstr("href=\"\""), HasSubstr("src=\"\""))) << note;
  }
}

TEST(NoteHtmlTest, ThePageJsonCarriesEachNotesHtmlBesideItsText) {
  library::LibraryEntry entry;
  entry.notes.push_back({7, "**bold** <b>raw</b>", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"});
  nlohmann::json j = LibraryEntryPageJson(entry);
  ASSERT_EQ(j["notes"].size(), 1u);
  EXPECT_EQ(j["notes"][0]["id"], 7);
  EXPECT_EQ(j["notes"][0]["text"], "**bold** <b>raw</b>");
  EXPECT_EQ(j["notes"][0]["html"], "<p><strong>bold</strong> <!-- raw HTML omitted -->raw<!-- raw HTML omitted --></p>\n");
}

}  // namespace
}  // namespace paperdeck::present
