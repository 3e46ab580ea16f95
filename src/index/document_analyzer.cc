#include "index/document_analyzer.h"

namespace paperdeck::index {

void DocumentAnalyzer::Analyze(const IndexDocument& doc, AnalyzedDocument* out) {
  out->Clear();
  DocValues& v = out->values;
  v.paper_key = doc.paper_key;
  v.date = doc.date;
  v.year = doc.year;
  v.citations = doc.citations;
  v.upvotes = doc.upvotes;
  v.is_new = doc.is_new;

  auto& fields = out->fields;
  v.field_length[static_cast<int>(Field::kTitle)] =
      analyzer_.Analyze(doc.title, &fields[static_cast<int>(Field::kTitle)], 0);
  v.field_length[static_cast<int>(Field::kAbstract)] =
      analyzer_.Analyze(doc.abstract, &fields[static_cast<int>(Field::kAbstract)], 0);
  v.field_length[static_cast<int>(Field::kVenue)] =
      analyzer_.Analyze(doc.venue, &fields[static_cast<int>(Field::kVenue)], 0);

  uint32_t position = 0;
  uint32_t length = 0;
  for (size_t i = 0; i < doc.authors.size(); ++i) {
    if (i > 0) position += kValueGap;
    const uint32_t end =
        analyzer_.Analyze(doc.authors[i], &fields[static_cast<int>(Field::kAuthors)], position);
    length += end - position;
    position = end;
  }
  v.field_length[static_cast<int>(Field::kAuthors)] = length;

  out->categories.assign(doc.categories.begin(), doc.categories.end());
}

}  // namespace paperdeck::index
