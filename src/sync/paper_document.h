// PaperDocument: the index's view of a stored paper. Holds the IndexDocument together with the
// strings it points into, so one can be built from a StoredPaper and handed to the IndexWriter.
#pragma once

#include "index/index_document.h"
#include "library/corpus.h"

namespace paperdeck::sync {

class PaperDocument {
 public:
  // REQUIRES: paper outlives this object (the document points into its strings).
  explicit PaperDocument(const library::StoredPaper& paper);
  const index::IndexDocument& document() const { return doc_; }

 private:
  index::IndexDocument doc_;
};

}  // namespace paperdeck::sync
