// QueryFields: which fields an evaluation's queries search. kAll: the whole document, as a
// question is asked. kTitle: the title alone, as `title:` asks, so that how a field searched
// alone is scored can be measured (EVAL.md, "Fields searched alone"). Every system of a run
// searches the same fields: PaperDeck with SearchRequest::plain_fields, FTS5 with a column
// filter, Xapian with the title's terms also indexed under a prefix.
#pragma once

namespace paperdeck::eval {

enum class QueryFields { kAll, kTitle };

}  // namespace paperdeck::eval
