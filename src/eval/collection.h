// Collection: a test collection for relevance evaluation, as a directory of three files:
//   docs.jsonl     one JSON object a line: {"id": "...", "title": "...", "text": "..."}
//   queries.jsonl  one JSON object a line: {"id": "...", "text": "..."}
//   qrels.tsv      qid<TAB>docid<TAB>rel  (rel an integer; graded; 0 = judged not relevant)
// Ids are strings as written (a number in the JSON is taken as its decimal text). Blank lines
// are skipped. Any other malformed line fails the load with "file:line: what is wrong".
//
// Threading: a Collection is a plain value; LoadCollection is pure apart from reading files.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/status.h"

namespace paperdeck::eval {

struct CollectionDoc {
  std::string id;
  std::string title;
  std::string text;
};

struct CollectionQuery {
  std::string id;
  std::string text;
};

// The judgments of one query: document id -> relevance grade.
using Judgments = std::map<std::string, int>;

struct Collection {
  std::vector<CollectionDoc> docs;        // in file order; ids unique
  std::vector<CollectionQuery> queries;   // in file order; ids unique
  std::map<std::string, Judgments> qrels;  // query id -> judgments
};

// Reads dir/docs.jsonl, dir/queries.jsonl and dir/qrels.tsv. A repeated document or query id is
// an error (at its second line); a repeated qrels pair keeps the last grade. Judgments of
// documents or queries the collection lacks are kept: they count as relevant documents never
// retrieved, as trec_eval counts them.
Result<Collection> LoadCollection(const std::filesystem::path& dir);

// The collection directories dirs name: a directory without docs.jsonl whose subdirectories hold
// one (../shared/eval/dev) stands for those, in name order; any other is kept as given (so that
// loading it names what is missing).
std::vector<std::string> CollectionDirs(const std::vector<std::string>& dirs);

}  // namespace paperdeck::eval
