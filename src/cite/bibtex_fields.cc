#include "cite/bibtex_fields.h"

#include "cite/latex_text.h"
#include "model/person_name.h"

namespace paperdeck::cite {

BibtexEntry::BibtexEntry(std::string_view type, std::string_view key) : type_(type), key_(key) {}

void BibtexEntry::Add(std::string_view name, std::string_view value) {
  if (value.empty()) return;
  fields_.emplace_back(std::string(name), std::string(value));
}

std::string BibtexEntry::Finish() const {
  std::string out = "@" + type_ + "{" + key_ + ",\n";
  for (size_t i = 0; i < fields_.size(); ++i) {
    out += "  " + fields_[i].first + " = {" + fields_[i].second + "}";
    out += i + 1 < fields_.size() ? ",\n" : "\n";
  }
  out += "}\n";
  return out;
}

std::string BibtexAuthors(const PaperRecord& record) {
  std::string out;
  for (const std::string& author : record.authors) {
    PersonName name = SplitPersonName(author);
    std::string written;
    if (name.given.empty() && name.suffix.empty()) {
      written = "{" + LatexEscape(name.family) + "}";
    } else {
      written = LatexEscape(name.family);
      if (!name.suffix.empty()) written += ", " + LatexEscape(name.suffix);
      written += ", " + LatexEscape(name.given);
    }
    if (!out.empty()) out += " and ";
    out += written;
  }
  if (!record.authors_complete && !out.empty()) out += " and others";
  return out;
}

}  // namespace paperdeck::cite
