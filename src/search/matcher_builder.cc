#include "search/matcher_builder.h"

#include <string>
#include <utility>
#include <vector>

#include "search/all_docs_matcher.h"
#include "search/and_matcher.h"
#include "search/category_matcher.h"
#include "search/column_range_matcher.h"
#include "search/exclusion_matcher.h"
#include "search/explained_matcher.h"
#include "search/or_matcher.h"
#include "search/paper_set_matcher.h"
#include "search/phrase_matcher.h"
#include "index/field.h"
#include "index/stem_form_cursor.h"
#include "search/term_matcher.h"
#include "search/term_set_matcher.h"

namespace paperdeck::search {
namespace {

// A leaf as it is, or wrapped to explain itself; terms names its cursors.
std::unique_ptr<Matcher> Leaf(std::unique_ptr<Matcher> leaf, const PlanNode& node, bool explain,
                              std::vector<std::string> terms) {
  if (!explain) return leaf;
  return std::make_unique<ExplainedMatcher>(std::move(leaf), node, std::move(terms));
}

}  // namespace

std::unique_ptr<Matcher> BuildMatcher(const PlanNode& node, const index::SegmentReader& segment,
                                      const Scorers& scorers, bool explain) {
  using Kind = PlanNode::Kind;
  const Bm25f& bm25f = scorers.For(node.fields);
  switch (node.kind) {
    case Kind::kTerm: {
      if (index::IsStemEqualForm(node.terms[0].term)) {
        // `=model`: what the stem's other forms leave of it.
        std::unique_ptr<index::StemFormCursor> cursor =
            index::StemFormCursor::Open(segment, index::ExactFormStem(node.terms[0].term));
        if (!cursor) return nullptr;
        auto m = std::make_unique<StemFormMatcher>(std::move(cursor), node.fields, node.idf, bm25f,
                                                   segment);
        if (m->doc() == kEndDoc) return nullptr;
        return Leaf(std::move(m), node, explain, {});
      }
      std::unique_ptr<index::SegmentPostingCursor> cursor = segment.Postings(node.terms[0].term);
      if (!cursor) return nullptr;
      auto m = std::make_unique<TermMatcher>(std::move(cursor), node.fields, node.idf, bm25f, segment);
      if (m->doc() == kEndDoc) return nullptr;
      return Leaf(std::move(m), node, explain, {});
    }
    case Kind::kTermSet: {
      std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors;
      std::vector<std::string> names;  // only to explain
      for (const PlanTerm& t : node.terms) {
        std::unique_ptr<index::SegmentPostingCursor> cursor = segment.Postings(t.term);
        if (cursor && cursor->doc() != kEndDoc) {
          cursors.push_back(std::move(cursor));
          if (explain) names.push_back(t.term);
        }
      }
      if (cursors.empty()) return nullptr;
      if (cursors.size() == 1) {
        auto m = std::make_unique<TermMatcher>(std::move(cursors[0]), node.fields, node.idf, bm25f,
                                               segment);
        if (m->doc() == kEndDoc) return nullptr;
        return Leaf(std::move(m), node, explain, std::move(names));
      }
      auto m = std::make_unique<TermSetMatcher>(std::move(cursors), node.fields, node.idf, bm25f,
                                                segment);
      if (m->doc() == kEndDoc) return nullptr;
      return Leaf(std::move(m), node, explain, std::move(names));
    }
    case Kind::kPhrase: {
      std::vector<PhraseMatcher::Part> parts;
      for (const PlanTerm& t : node.terms) {
        std::unique_ptr<index::SegmentPostingCursor> cursor = segment.Postings(t.term);
        if (!cursor) return nullptr;
        parts.push_back({std::move(cursor), t.offset});
      }
      auto m = std::make_unique<PhraseMatcher>(std::move(parts), node.fields, node.idf, bm25f, segment);
      if (m->doc() == kEndDoc) return nullptr;
      return Leaf(std::move(m), node, explain, {});
    }
    case Kind::kCategory: {
      std::unique_ptr<index::SegmentPostingCursor> cursor = segment.Postings(node.terms[0].term);
      if (!cursor || cursor->doc() == kEndDoc) return nullptr;
      return std::make_unique<CategoryMatcher>(std::move(cursor));
    }
    case Kind::kYearRange:
      return YearRangeMatcher(segment, node.low, node.high);
    case Kind::kDateRange: {
      auto m = std::make_unique<ColumnRangeMatcher>(segment, ColumnRangeMatcher::Column::kDate,
                                                    node.low, node.high);
      if (m->doc() == kEndDoc) return nullptr;
      return m;
    }
    case Kind::kPapers: {
      if (!node.papers || node.papers->isEmpty()) return nullptr;
      auto m = std::make_unique<PaperSetMatcher>(segment, *node.papers);
      if (m->doc() == kEndDoc) return nullptr;
      return m;
    }
    case Kind::kAll:
      if (segment.doc_count() == 0) return nullptr;
      return std::make_unique<AllDocsMatcher>(segment.doc_count());
    case Kind::kAnd: {
      std::vector<std::unique_ptr<Matcher>> children;
      for (const PlanNode& c : node.children) {
        std::unique_ptr<Matcher> m = BuildMatcher(c, segment, scorers, explain);
        if (!m) return nullptr;
        children.push_back(std::move(m));
      }
      if (children.size() == 1) return std::move(children[0]);
      return std::make_unique<AndMatcher>(std::move(children));
    }
    case Kind::kOr: {
      std::vector<std::unique_ptr<Matcher>> children;
      for (const PlanNode& c : node.children) {
        if (std::unique_ptr<Matcher> m = BuildMatcher(c, segment, scorers, explain)) {
          children.push_back(std::move(m));
        }
      }
      if (children.empty()) return nullptr;
      if (children.size() == 1) return std::move(children[0]);
      return std::make_unique<OrMatcher>(std::move(children));
    }
    case Kind::kExclude: {
      std::unique_ptr<Matcher> included = BuildMatcher(node.children[0], segment, scorers, explain);
      if (!included) return nullptr;
      std::unique_ptr<Matcher> excluded = BuildMatcher(node.children[1], segment, scorers);
      if (!excluded) return included;
      return std::make_unique<ExclusionMatcher>(std::move(included), std::move(excluded));
    }
  }
  return nullptr;
}

}  // namespace paperdeck::search
