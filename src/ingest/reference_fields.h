// ReferenceFields: what the reference-manager formats (BibTeX, biblatex, CSL JSON) share when
// their fields become a PaperRecord: finding an arXiv id where exporters put one, telling an
// arXiv "venue" from a real one, splitting keywords, reading months and dates, and reading the
// whole file (these formats are not line-oriented) under a size cap.
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::ingest {

// The most a .bib or CSL JSON file may hold: it is read whole.
inline constexpr uint64_t kMaxReferenceFileBytes = uint64_t{512} << 20;

// The file's bytes; an error naming the file when it cannot be read or is larger than the cap.
Result<std::string> ReadReferenceFile(const std::filesystem::path& path);

// The arXiv id (normalised, without version) that text names as "arXiv:1706.03762",
// "arXiv preprint arXiv:1706.03762v2", "arxiv.org/abs/1706.03762" or ".../pdf/1706.03762v1";
// empty when it names none.
std::string ArxivIdInText(std::string_view text);

// True for the "venues" that only say the paper is an arXiv preprint: "arXiv", "ArXiv",
// "arXiv preprint", "arXiv preprint arXiv:...", "arXiv e-prints", "CoRR".
bool IsArxivVenue(std::string_view venue);

// "a, b; c" -> {"a", "b", "c"} (commas or semicolons, whitespace trimmed, empties dropped).
std::vector<std::string> SplitKeywords(std::string_view text);

// 1..12 for "jan", "January", "1", "01", "Jan."; 0 when text is not a month.
int MonthNumber(std::string_view text);

// "2017-06-12" for (2017, 6, 12); empty unless all three are valid.
std::string IsoDate(int year, int month, int day);

// The leading four-digit year of text ("2017", "2017-06", "2017/2018"), or 0.
int YearIn(std::string_view text);

}  // namespace paperdeck::ingest
