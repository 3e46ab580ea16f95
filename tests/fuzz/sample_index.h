// A small index for the index fuzzers to damage: a few hundred documents (more than one posting
// block for the common terms), with categories, authors, a venue, dates and a deletion file, built
// once with the IndexWriter in a fresh temporary directory. And a walk over everything a
// SegmentFile holds, printed as text: what a search could read of it.
#pragma once

#include <filesystem>
#include <string>

#include "index/segment_file.h"

namespace paperdeck::fuzz {

// Builds the index in a new temporary directory (removed at exit) and returns the directory; it
// holds MANIFEST, one segment and its deletion file. Traps if it cannot.
std::filesystem::path BuildSampleIndex();

// Every term with its postings (documents, term frequencies, positions) and every document's
// columns, one line each. Reads at most a bounded number of postings per term, so a damaged
// file ends the walk too.
std::string DumpSegment(const index::SegmentFile& segment);

}  // namespace paperdeck::fuzz
