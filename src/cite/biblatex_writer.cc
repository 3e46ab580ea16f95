#include "cite/biblatex_writer.h"

#include "cite/bibtex_fields.h"
#include "cite/latex_text.h"

namespace paperdeck::cite {

std::string BiblatexEntryOf(const CitedPaper& cited) {
  const PaperRecord& r = cited.paper.record;
  const Publication publication = PublicationOf(r);
  const char* type = publication == Publication::kJournal      ? "article"
                     : publication == Publication::kConference ? "inproceedings"
                                                               : "online";
  BibtexEntry entry(type, cited.citation_key);
  entry.Add("title", LatexTitle(r.title));
  entry.Add("author", BibtexAuthors(r));
  if (publication == Publication::kJournal) entry.Add("journaltitle", LatexEscape(VenueOf(r)));
  if (publication == Publication::kConference) entry.Add("booktitle", LatexEscape(VenueOf(r)));
  // The publication year when a source gave one (it may differ from the preprint's date).
  const int year = YearOf(r);
  if (r.year == 0 && r.published.size() == 10) {
    entry.Add("date", r.published);
  } else if (year > 0) {
    entry.Add("date", std::to_string(year));
  }
  entry.Add("doi", LatexEscape(r.doi));
  if (!r.arxiv_id.empty()) {
    entry.Add("eprint", r.arxiv_id);
    entry.Add("eprinttype", "arxiv");
    if (!r.categories.empty()) entry.Add("eprintclass", LatexEscape(r.categories.front()));
  }
  entry.Add("url", UrlOf(r));
  entry.Add("abstract", LatexEscape(r.abstract));
  return entry.Finish();
}

std::string WriteBiblatex(std::span<const CitedPaper> papers) {
  std::string out;
  for (const CitedPaper& p : papers) {
    if (!out.empty()) out += "\n";
    out += BiblatexEntryOf(p);
  }
  return out;
}

}  // namespace paperdeck::cite
