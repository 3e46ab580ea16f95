// The canonical id of a paper: the arXiv id without version when known ("2401.12345"), else the
// DOI ("doi:10.1145/3292500.3330701"), else a stable hash of the normalised title and the first
// author's family name ("h:3f2a9c0d1e4b5a69"). Two records of the same paper from different
// sources meet on one of these keys.
#pragma once

#include <string>
#include <string_view>

#include "model/paper_record.h"

namespace paperdeck {

// "arXiv:2401.12345v3", "https://arxiv.org/abs/2401.12345v3", "2401.12345v3" -> "2401.12345";
// old-style "hep-th/9901001v1" -> "hep-th/9901001". Empty when the text is not an arXiv id.
std::string NormalizeArxivId(std::string_view text);

// "https://doi.org/10.1/ABC" -> "10.1/abc". Empty when the text is not a DOI.
std::string NormalizeDoi(std::string_view text);

// The title key: lowercase ASCII letters and digits of the title plus the first author's last
// word, hashed (FNV-1a 64) and printed as "h:" + 16 hex digits. Stable across releases: it is
// stored in the corpus.
std::string TitleKey(std::string_view title, std::string_view first_author);

// The canonical id of record as described above.
std::string CanonicalId(const PaperRecord& record);

}  // namespace paperdeck
