#include "ingest/arxiv_jsonl_reader.h"

#include "model/paper_id.h"

namespace paperdeck::ingest {

Status ArxivJsonlReader::Decode(JsonFields& fields, PaperRecord* record) {
  std::string id;
  if (fields.RequireString("id", &id)) {
    record->arxiv_id = NormalizeArxivId(id);
    if (record->arxiv_id.empty()) fields.Fail("id", "is not an arXiv id: " + QuoteForMessage(id));
  }
  fields.RequireString("title", &record->title);
  fields.GetStringArray("authors", &record->authors);
  fields.GetString("abstract", &record->abstract);
  fields.GetStringArray("categories", &record->categories);
  fields.GetIsoDate("published", &record->published);
  record->badges = {"arxiv"};
  if (!record->arxiv_id.empty()) record->links = {"https://arxiv.org/abs/" + record->arxiv_id};
  return fields.status();
}

}  // namespace paperdeck::ingest
