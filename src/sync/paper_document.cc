#include "sync/paper_document.h"

#include "model/calendar.h"

namespace paperdeck::sync {

PaperDocument::PaperDocument(const library::StoredPaper& paper)
    : PaperDocument(paper.record, paper.key) {}

PaperDocument::PaperDocument(const PaperRecord& r, int64_t paper_key) {
  doc_.paper_key = static_cast<uint64_t>(paper_key);
  doc_.title = r.title;
  doc_.abstract = r.abstract;
  doc_.authors.assign(r.authors.begin(), r.authors.end());
  doc_.venue = r.venue;
  doc_.categories.assign(r.categories.begin(), r.categories.end());
  if (auto days = ParseIsoDate(r.published)) doc_.date = *days;
  doc_.year = r.year != 0 ? r.year : (doc_.date != index::kNoDate ? YearOf(doc_.date) : 0);
  doc_.citations = r.citations.value_or(-1);
  doc_.upvotes = r.upvotes.value_or(-1);
  doc_.is_new = r.is_new;
}

}  // namespace paperdeck::sync
