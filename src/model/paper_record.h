// PaperRecord: one paper as a source describes it, and as the corpus stores it. Every reader in
// ingest/ produces these; library/ stores them; sync/ feeds them to the index; present/ draws them
// as cards. Fields a source does not know stay empty (strings, vectors), 0 (year) or nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paperdeck {

struct PaperVersion {
  std::string name;  // "v1", "v2", ...
  std::string date;  // as the source wrote it (arXiv: "Mon, 2 Apr 2007 19:18:42 GMT"), may be empty
};

// What the user's own library held for a paper, carried by a file into an import: PaperDeck's
// own JSON lines export (every part), or a reference manager's keywords (`import
// --keywords-as-tags`: tags only). The corpus adds it to what the paper already holds; it never
// takes anything away. Times are UTC `YYYY-MM-DDTHH:MM:SSZ`; empty means "now".
struct CarriedNote {
  std::string text;  // Markdown
  std::string created_at, edited_at;
};

struct CarriedLibrary {
  std::vector<std::string> tags;  // names as the user typed them
  std::string state;              // "to-read", "reading", "read"; empty: none carried
  std::string state_set_at;
  std::vector<CarriedNote> notes;
  std::string entered_at;  // when the paper entered the library

  bool empty() const { return tags.empty() && state.empty() && notes.empty(); }
};

// A saved search carried by PaperDeck's JSON lines export (a line of its own, with no paper):
// importing the file restores it.
struct CarriedSavedSearch {
  std::string name;
  std::string query;
  bool pull = true;
  std::string created_at;  // ISO UTC; empty: now
  bool recommend = false;  // its kind: a recommendation rather than a query
};

struct PaperRecord {
  // The canonical id (see paper_id.h). Readers may leave it empty; CanonicalId() fills it.
  std::string id;
  std::string arxiv_id;  // without version: "2401.12345", "hep-th/9901001"
  std::string doi;       // lowercase, without "https://doi.org/"
  std::vector<PaperVersion> versions;

  std::string title;
  std::vector<std::string> authors;  // full names in order
  // False when the source listed only the first authors ("A, B, C et al."): the card then says
  // "et al." even if three or fewer names are known.
  bool authors_complete = true;
  std::string abstract;
  std::vector<std::string> categories;  // arXiv categories, primary first

  std::string published;  // YYYY-MM-DD, first version (or the date a listing showed it)
  std::string updated;    // YYYY-MM-DD, latest version
  std::string venue;      // "NeurIPS 2024"
  int year = 0;           // publication year, 0 when unknown
  std::optional<int64_t> citations;
  std::optional<int64_t> upvotes;
  bool is_new = false;  // new to the corpus in the latest listing or pull

  // Where the paper is listed: "paper" (Hugging Face Papers), "arxiv". The card shows "paper"
  // when present, else the categories.
  std::vector<std::string> badges;
  std::vector<std::string> links;  // URLs
  std::string comments;
  std::string journal_ref;

  // The citation key the source gave the paper (a .bib entry's key, a CSL JSON `id`, a PaperDeck
  // export's `citation_key`): pinned as the paper's key unless it already has one. Empty: none.
  std::string citation_key;
  // Subject keywords the source listed (BibTeX `keywords`, CSL JSON `keyword`), as given.
  std::vector<std::string> keywords;
  // The user's library data the file carried, if any (see CarriedLibrary).
  std::optional<CarriedLibrary> library;

  // Which reader produced this record ("paperdeck-jsonl", "arxiv-snapshot", "arxiv-jsonl"), and
  // the file or URL it came from: the corpus keeps both as provenance.
  std::string source;
  std::string origin;

  // Set only on a line that carries a saved search instead of a paper (every other field empty).
  std::optional<CarriedSavedSearch> saved_search;
};

}  // namespace paperdeck
