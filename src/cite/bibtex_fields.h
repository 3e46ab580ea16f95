// BibtexFields: one BibTeX or biblatex entry being written, field by field, in the layout both
// formats share: `@type{key,`, one `  name = {value},` line per field, `}`. Values are written as
// given: the caller escapes them (latex_text.h). The author list of both formats is here too.
//
// Threading: a value; one thread at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/paper_record.h"

namespace paperdeck::cite {

class BibtexEntry {
 public:
  BibtexEntry(std::string_view type, std::string_view key);
  // Adds `name = {value}`; an empty value adds nothing.
  void Add(std::string_view name, std::string_view value);
  // The entry, ending in "}\n".
  std::string Finish() const;

 private:
  std::string type_, key_;
  std::vector<std::pair<std::string, std::string>> fields_;
};

// The authors as BibTeX reads them: "Family, Given" (or "Family, Suffix, Given"), joined by
// " and ", escaped; "and others" when the record's list is not complete. A one-word name
// (an organisation) is braced so it is never split.
std::string BibtexAuthors(const PaperRecord& record);

}  // namespace paperdeck::cite
