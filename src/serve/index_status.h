// Keeping the index level with the corpus from the command line: a catch-up or rebuild with a
// progress bar and a one-line report.
#pragma once

#include "index/index_writer.h"
#include "library/corpus.h"

namespace paperdeck::serve {

// Catches the index up with the corpus (or rebuilds it when rebuild is true), printing what was
// done. False (with a message on stderr) when it failed; the index then stays at its last commit.
bool IndexCorpus(library::Corpus& corpus, index::IndexWriter& writer, const char* label,
                 bool rebuild = false);

}  // namespace paperdeck::serve
