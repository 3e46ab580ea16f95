// PaperDocument: the index's view of a stored paper. Holds the IndexDocument together with the
// strings it points into, so one can be built from a StoredPaper and handed to the IndexWriter.
// It reads only the fields a library::PaperFields::kIndexed scan fills (key, title, abstract,
// authors, venue, categories, published, year, citations, upvotes, is_new), so the sync reads
// no more of the corpus than that; a field used here must be marked indexed in
// library/paper_columns.h.
#pragma once

#include "index/index_document.h"
#include "library/corpus.h"

namespace paperdeck::sync {

class PaperDocument {
 public:
  // REQUIRES: paper outlives this object (the document points into its strings).
  explicit PaperDocument(const library::StoredPaper& paper);
  // The document a record would be once stored under paper_key (an import checks what the
  // index will hold of a record before storing it).
  // REQUIRES: record outlives this object.
  PaperDocument(const PaperRecord& record, int64_t paper_key);
  const index::IndexDocument& document() const { return doc_; }

 private:
  index::IndexDocument doc_;
};

}  // namespace paperdeck::sync
