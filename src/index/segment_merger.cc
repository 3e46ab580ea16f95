#include "index/segment_merger.h"

#include <algorithm>
#include <queue>
#include <string>

#include "index/doc_columns.h"
#include "index/posting_list_writer.h"
#include "index/segment_file_writer.h"
#include "index/segment_posting_cursor.h"

namespace paperdeck::index {
namespace {

Status MergeColumns(std::span<const MergeSource> sources, const MergeResult& maps,
                    DocColumns* columns) {
  std::vector<std::string_view> categories;
  for (size_t s = 0; s < sources.size(); ++s) {
    const SegmentFile& file = *sources[s].file;
    file.WillWalkColumns();
    for (uint32_t d = 0; d < file.doc_count(); ++d) {
      if (maps.doc_maps[s][d] == kEndDoc) continue;
      DocValues v;
      v.paper_key = file.paper_key(d);
      v.date = file.date(d);
      v.year = file.year(d);
      v.citations = file.citations(d);
      v.upvotes = file.upvotes(d);
      v.is_new = file.is_new(d);
      for (int f = 0; f < kNumFields; ++f) v.field_length[f] = file.field_length(d, f);
      categories.clear();
      for (uint16_t id : file.category_ids(d)) categories.push_back(file.category_name(id));
      if (!columns->CanAddCategories(categories)) {
        return Status::InvalidArgument("the merged segment would have more than " +
                                       std::to_string(kMaxCategoriesPerSegment) + " categories");
      }
      columns->Add(v, categories);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<MergeResult> MergeSegments(std::span<const MergeSource> sources,
                                  const std::filesystem::path& path, uint32_t bitmap_min_docs) {
  MergeResult result;
  uint32_t next = 0;
  for (const MergeSource& src : sources) {
    std::vector<uint32_t>& map = result.doc_maps.emplace_back(src.file->doc_count(), kEndDoc);
    for (uint32_t d = 0; d < src.file->doc_count(); ++d) {
      if (src.deletions == nullptr || !src.deletions->IsDeleted(d)) map[d] = next++;
    }
  }
  result.doc_count = next;
  if (next == 0) return Status::InvalidArgument("nothing to merge: no live documents");

  DocColumns columns;
  PAPERDECK_RETURN_IF_ERROR(MergeColumns(sources, result, &columns));

  auto out = SegmentFileWriter::Create(path, bitmap_min_docs);
  if (!out.ok()) return out.status();

  // k-way merge of the dictionaries: a min-heap of sources by (current term, source index).
  std::vector<TermDictionaryReader::Iterator> terms;
  for (const MergeSource& src : sources) terms.push_back(src.file->dictionary().Seek(""));
  auto greater = [&](size_t a, size_t b) {
    int c = terms[a].term().compare(terms[b].term());
    return c != 0 ? c > 0 : a > b;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
  for (size_t s = 0; s < sources.size(); ++s) {
    if (terms[s].Valid()) heap.push(s);
  }

  PostingListWriter list(columns.average_field_lengths());
  std::vector<size_t> holders;
  std::string term;
  while (!heap.empty()) {
    holders.clear();
    term.assign(terms[heap.top()].term());
    while (!heap.empty() && terms[heap.top()].term() == term) {
      holders.push_back(heap.top());
      heap.pop();
    }
    // Popped in (term, source) order, so holders are ascending: new doc ids ascend too.
    list.Reset();
    for (size_t s : holders) {
      const std::vector<uint32_t>& map = result.doc_maps[s];
      SegmentPostingCursor cursor(*sources[s].file, terms[s].info());
      const bool positional = !IsExactFormTerm(term);
      uint32_t tf[kNumFields];
      uint32_t length[kNumFields];
      for (; cursor.doc() != kEndDoc; cursor.Next()) {
        const uint32_t doc = map[cursor.doc()];
        if (doc == kEndDoc) continue;
        cursor.tfs(tf);
        for (int f = 0; f < kNumFields; ++f) length[f] = columns.field_length(doc, f);
        list.Add(doc, tf, length,
                 positional ? cursor.RawPositions() : std::span<const uint8_t>());
      }
      if (cursor.corrupt()) {
        return Status::Corruption(sources[s].file->path().string() +
                                  ": postings do not decode for term " + term);
      }
      terms[s].Next();
      if (terms[s].corrupt()) {
        return Status::Corruption(sources[s].file->path().string() + ": term dictionary damaged");
      }
      if (terms[s].Valid()) heap.push(s);
    }
    if (list.df() == 0) continue;  // every holder deleted
    PAPERDECK_RETURN_IF_ERROR(list.Finish());
    PAPERDECK_RETURN_IF_ERROR(out.value()->AddTerm(term, list));
  }
  PAPERDECK_RETURN_IF_ERROR(out.value()->Finish(columns));
  return result;
}

}  // namespace paperdeck::index
