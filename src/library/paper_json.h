// PaperJson: how the list facts of a paper (authors, categories, badges, links, versions) are
// written as text, in the `papers` table and in provenance values: JSON arrays of UTF-8 text. An
// empty list is empty text, which the `papers` table stores as NULL.
//
// Threading: functions of their arguments only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

// JSON array text of strings; empty text for an empty list (stored as NULL). Invalid UTF-8 is
// replaced (U+FFFD) rather than refused: readers validate, this only must not throw.
std::string EncodeStrings(const std::vector<std::string>& values);
Result<std::vector<std::string>> DecodeStrings(std::string_view json);

// [{"name":"v1","date":"..."}, ...]; empty text for no versions.
std::string EncodeVersions(const std::vector<PaperVersion>& versions);
Result<std::vector<PaperVersion>> DecodeVersions(std::string_view json);

}  // namespace paperdeck::library
