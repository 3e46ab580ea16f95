// Fts5System: the SQLite FTS5 baseline, set up as an SQLite user would: an in-memory FTS5 table
// (title, text) with the `porter unicode61` tokenizer; each query is the OR of its words (runs
// of ASCII letters and digits, or of non-ASCII bytes: the words unicode61 would find), each
// quoted so that no character of the question is FTS5 syntax, ranked by bm25() with its default
// parameters and equal column weights; top kRunDepth.
//
// Threading: one thread at a time.
#pragma once

#include <string>
#include <string_view>

#include "eval/collection.h"
#include "eval/query_fields.h"
#include "eval/run.h"
#include "model/status.h"

namespace paperdeck::eval {

// The FTS5 MATCH expression for a question: "w1" OR "w2" ...; empty when the text has no word.
std::string Fts5MatchExpression(std::string_view text);

// Indexes collection's documents and runs its queries.
Result<Run> RunFts5(const Collection& collection, QueryFields fields = QueryFields::kAll);

}  // namespace paperdeck::eval
