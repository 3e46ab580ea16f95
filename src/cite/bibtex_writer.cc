#include "cite/bibtex_writer.h"

#include "cite/bibtex_fields.h"
#include "cite/latex_text.h"

namespace paperdeck::cite {
namespace {

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

}  // namespace

std::string BibtexEntryOf(const CitedPaper& cited) {
  const PaperRecord& r = cited.paper.record;
  const Publication publication = PublicationOf(r);
  const char* type = publication == Publication::kJournal      ? "article"
                     : publication == Publication::kConference ? "inproceedings"
                                                               : "misc";
  BibtexEntry entry(type, cited.citation_key);
  entry.Add("title", LatexTitle(r.title));
  entry.Add("author", BibtexAuthors(r));
  if (publication == Publication::kJournal) entry.Add("journal", LatexEscape(VenueOf(r)));
  if (publication == Publication::kConference) entry.Add("booktitle", LatexEscape(VenueOf(r)));
  if (const int year = YearOf(r); year > 0) entry.Add("year", std::to_string(year));
  if (r.published.size() >= 7 && r.year == 0) {
    const int month = (r.published[5] - '0') * 10 + (r.published[6] - '0');
    if (month >= 1 && month <= 12) entry.Add("month", kMonths[month - 1]);
  }
  entry.Add("doi", LatexEscape(r.doi));
  if (!r.arxiv_id.empty()) {
    entry.Add("eprint", r.arxiv_id);
    entry.Add("archivePrefix", "arXiv");
    if (!r.categories.empty()) entry.Add("primaryClass", LatexEscape(r.categories.front()));
  }
  entry.Add("url", UrlOf(r));
  entry.Add("abstract", LatexEscape(r.abstract));
  return entry.Finish();
}

std::string WriteBibtex(std::span<const CitedPaper> papers) {
  std::string out;
  for (const CitedPaper& p : papers) {
    if (!out.empty()) out += "\n";
    out += BibtexEntryOf(p);
  }
  return out;
}

}  // namespace paperdeck::cite
