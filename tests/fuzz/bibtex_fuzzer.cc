// libFuzzer target for the .bib reader: any bytes go through the parser, and every entry through
// the mapping to a PaperRecord (LaTeX decoding, name splitting, ids). The parser must end, use
// bounded stack, and never read outside the text; ASan and UBSan watch. Built and run by
// scripts/fuzz-bibtex (clang with libFuzzer: Debian's clang and libfuzzer-14-dev).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/bibtex_names.h"
#include "ingest/bibtex_parser.h"
#include "ingest/bibtex_reader.h"
#include "text/latex_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  paperdeck::ingest::BibtexParser parser(text);
  // Every call consumes at least one byte, so this bound is never what ends the loop.
  for (size_t calls = 0; calls <= size + 1; ++calls) {
    paperdeck::ingest::BibEntry entry;
    std::string error;
    uint64_t line = 0;
    auto outcome = parser.Next(&entry, &error, &line);
    if (outcome == paperdeck::ingest::BibtexParser::Outcome::kEnd) return 0;
    if (outcome == paperdeck::ingest::BibtexParser::Outcome::kEntry) {
      (void)paperdeck::ingest::RecordOfBibEntry(entry, "fuzz.bib");
    }
  }
  __builtin_trap();  // the parser did not end
}
