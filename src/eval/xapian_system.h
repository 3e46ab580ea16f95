// XapianSystem: the Xapian baseline, set up as a Xapian user would by default: an in-memory
// database; each document's title and text indexed with TermGenerator and the English stemmer
// (title, then text, as one stream of positions); queries parsed by QueryParser with the English
// stemmer, STEM_SOME and the default operator OR; ranked by BM25Weight with its default
// parameters; top kRunDepth.
//
// Threading: one thread at a time.
#pragma once

#include "eval/collection.h"
#include "eval/query_fields.h"
#include "eval/run.h"
#include "model/status.h"

namespace paperdeck::eval {

// Indexes collection's documents and runs its queries. Xapian's errors come back as a Status.
Result<Run> RunXapian(const Collection& collection, QueryFields fields = QueryFields::kAll);

}  // namespace paperdeck::eval
