#include "cite/ris_writer.h"

#include "model/person_name.h"

namespace paperdeck::cite {
namespace {

// "TAG  - value\n", the value on one line; nothing for an empty value.
void Line(std::string_view tag, std::string_view value, std::string* out) {
  if (value.empty()) return;
  std::string one_line;
  for (char c : value) one_line += (c == '\n' || c == '\r') ? ' ' : c;
  *out += std::string(tag) + "  - " + one_line + "\n";
}

}  // namespace

std::string RisRecordOf(const CitedPaper& cited) {
  const PaperRecord& r = cited.paper.record;
  std::string out;
  const Publication publication = PublicationOf(r);
  Line("TY",
       publication == Publication::kJournal      ? "JOUR"
       : publication == Publication::kConference ? "CPAPER"
                                                 : "UNPB",
       &out);
  Line("ID", cited.citation_key, &out);
  Line("TI", r.title, &out);
  for (const std::string& full : r.authors) {
    PersonName name = SplitPersonName(full);
    std::string written = name.family;
    if (!name.given.empty()) written += ", " + name.given;
    if (!name.suffix.empty()) written += ", " + name.suffix;
    Line("AU", written, &out);
  }
  if (const int year = YearOf(r); year > 0) Line("PY", std::to_string(year), &out);
  if (r.published.size() == 10) {
    // RIS dates are YYYY/MM/DD/.
    std::string da = r.published;
    da[4] = '/';
    da[7] = '/';
    Line("DA", da + "/", &out);
  }
  if (publication != Publication::kPreprint) Line("T2", VenueOf(r), &out);
  if (!r.arxiv_id.empty()) Line("M3", "arXiv:" + r.arxiv_id, &out);
  Line("DO", r.doi, &out);
  Line("UR", UrlOf(r), &out);
  Line("AB", r.abstract, &out);
  for (const std::string& tag : cited.library.tags) Line("KW", tag, &out);
  out += "ER  - \n";
  return out;
}

std::string WriteRis(std::span<const CitedPaper> papers) {
  std::string out;
  for (const CitedPaper& p : papers) {
    if (!out.empty()) out += "\n";
    out += RisRecordOf(p);
  }
  return out;
}

}  // namespace paperdeck::cite
