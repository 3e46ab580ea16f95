// Corpus: the source of truth. A SQLite database (WAL mode) in the data directory holding every
// paper, the provenance of its facts (which source said what, when), import history, and a
// revision counter: every committed change bumps it, and each changed paper records the revision
// that changed it, so the index can catch up incrementally (ChangedSince, RemovedSince).
//
// Papers are matched on their canonical id and also on arXiv id, DOI and title key, so the same
// paper from two sources is stored once. Re-importing a paper updates it; it never duplicates.
//
// Threading: a Corpus is one SQLite connection; use it from one thread at a time. Several
// processes may open the same data directory (SQLite locks; writers wait up to 10 s).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "library/library_data.h"
#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

struct StoredPaper {
  int64_t key = 0;       // stable row key; the index refers to papers by it
  int64_t revision = 0;  // the corpus revision that last changed it
  PaperRecord record;    // record.id is the canonical id
  // Read by a PaperFields::kAll scan only:
  int64_t entered_revision = 0;  // the revision whose batch stored it, or its newest version
  std::string added_at;          // when it was first stored, ISO UTC
};

// What a saved search follows: the papers its query matches, or recommendations (papers like
// those its query selects, those excluded: workspace/recommendations.h).
enum class SavedSearchKind { kQuery, kRecommend };

// "query" or "recommend", as the corpus, exports and the API write it.
std::string_view SavedSearchKindName(SavedSearchKind kind);
// The kind a name gives; nullopt for any other text.
std::optional<SavedSearchKind> ParseSavedSearchKind(std::string_view name);

// A query the user follows (saved_searches.cc). seen_revision: the corpus revision up to which
// the user has looked at its papers (none: never looked, every paper it matches is new).
struct SavedSearch {
  int64_t id = 0;
  std::string name;
  std::string query;  // PaperDeck's query language
  bool pull = true;   // `sync` asks arXiv for it (never for a recommendation)
  SavedSearchKind kind = SavedSearchKind::kQuery;
  std::string created_at;
  std::optional<int64_t> seen_revision;
  std::string looked_at;  // empty: never
  std::string synced_at;  // empty: never
};

// What was asked of one source on one UTC day: the quota meter.
struct SourceUsage {
  std::string day;     // YYYY-MM-DD
  std::string source;  // "arxiv", "semantic-scholar", "huggingface"
  int64_t requests = 0;
  int64_t bytes = 0;
  int64_t wait_ms = 0;  // waited for politeness (rate limits, Retry-After)
  int64_t errors = 0;
  std::string next_allowed;  // ISO UTC; empty: now
};

// Which facts a scan reads. kAll fills the whole StoredPaper. kIndexed fills key, revision,
// record.id and the facts the index is built from (sync/paper_document.cc): title, abstract,
// authors, categories, published, venue, year, citations, upvotes and is_new; the other fields
// stay empty. It spares a rebuild the reading and JSON parsing of the lists (badges, links,
// versions) and texts (comments, ...) the index never looks at.
enum class PaperFields { kAll, kIndexed };

struct UpsertResult {
  uint64_t added = 0;
  uint64_t updated = 0;    // existing papers whose stored facts changed
  uint64_t unchanged = 0;  // existing papers the batch said nothing new about
  int64_t revision = 0;    // the revision this batch committed
  // What happened to each record, in the order given.
  enum class Change { kAdded, kUpdated, kUnchanged };
  std::vector<Change> changes;
  // What was given and not kept, one line each, naming the record: a citation key another paper
  // holds (the paper keeps the key it has or will be given), or one BibTeX cannot take.
  std::vector<std::string> notices;
};

struct CorpusStats {
  uint64_t papers = 0;
  int64_t revision = 0;
  std::string earliest_date, latest_date;  // published, YYYY-MM-DD
  std::vector<std::pair<std::string, uint64_t>> top_categories;  // most papers first, up to 10
  std::vector<std::pair<std::string, uint64_t>> by_source;       // papers per source
  uint64_t database_bytes = 0;
};

class Corpus {
 public:
  // Opens (creating, migrating) data_dir/corpus.db. Creates data_dir if needed.
  static Result<std::unique_ptr<Corpus>> Open(const std::filesystem::path& data_dir);
  ~Corpus();

  // Stores records in one transaction: all or nothing. Each record is merged into the paper it
  // matches (facts the record gives replace stored ones; facts it lacks are kept; versions,
  // badges, links and categories are united) or added. Records must have a title.
  //
  // In the same transaction, what a record carries of the user's own data is added to its
  // paper, never taking anything away: record.citation_key is pinned when the paper has no key
  // yet and no other paper holds it (else a notice says so); record.library adds its tags, its
  // reading state when the paper has none or an older one (with the time it was set), the notes
  // the paper does not hold yet (same text and creation time), and keeps the earlier of the two
  // times the paper entered the library. A reading state or time that does not read refuses the
  // batch (InvalidArgument, naming the record).
  Result<UpsertResult> Upsert(std::span<const PaperRecord> records);

  // Bulk storing (an import of many batches): the write-ahead log is copied into the database
  // every `pages` pages written rather than SQLite's 1,000, so a page rewritten by several
  // batches is copied once and the two flushes each copy makes come ten times less often. A
  // commit stays durable against a crash of the process; on a power cut the batches written
  // since the last copy (up to `pages` pages) may be lost, the corpus still whole. 0 restores
  // the default.
  Status SetCheckpointPages(int pages);

  // Removes the paper with this id (canonical id, or any form Find accepts); false if none.
  // A paper holding library data (tags, a reading state, notes, a pinned citation key) is
  // refused (InvalidArgument,
  // saying what it holds) and kept, unless drop_library_data: then that data goes with it.
  Result<bool> Remove(std::string_view id, bool drop_library_data = false);

  // By canonical id, arXiv id (any version), DOI, "doi:..." form, or pinned citation key
  // (without regard to ASCII case).
  Result<std::optional<StoredPaper>> Find(std::string_view id);
  // By keys, in the order given; keys not found are left out.
  Result<std::vector<StoredPaper>> Get(std::span<const int64_t> keys);

  // Current revision (0 for an empty corpus).
  Result<int64_t> Revision();
  // Calls fn for each paper changed after revision, in key order (or by revision, then key),
  // until fn returns false, with the fields asked for filled. Streams one snapshot of the corpus.
  // A catch-up reads Revision() first, then calls this: papers changed in between may be seen
  // early, never missed. In revision order, once a paper of revision r is seen every paper
  // changed at a revision below r has been: what lets a long catch-up commit as it goes. fn must
  // not write the corpus.
  enum class Order { kByKey, kByRevision };
  Status ChangedSince(int64_t revision, const std::function<bool(const StoredPaper&)>& fn,
                      PaperFields fields = PaperFields::kAll, Order order = Order::kByKey);
  // Calls fn with the key of each paper removed after revision.
  Status RemovedSince(int64_t revision, const std::function<void(int64_t key)>& fn);
  // How many papers were stored or changed after revision: what an index at revision does not
  // yet reflect (with the removals RemovedSince gives). A count over an index.
  Result<uint64_t> CountChangedSince(int64_t revision);

  // Every (source, field, value, seen_at) recorded for a paper, oldest first.
  struct Provenance {
    std::string source, origin, field, value, seen_at;
  };
  Result<std::vector<Provenance>> ProvenanceOf(int64_t key);

  // When source was last asked about each paper: paper key -> ISO UTC time, the newer of the
  // latest provenance row from source and the latest MarkFetched. Papers source never answered
  // for are absent. (The provenance log keeps only changes, so a refetch that changed nothing
  // is remembered by MarkFetched.)
  Result<std::unordered_map<int64_t, std::string>> LastFetched(std::string_view source);
  // Remembers that source was asked about these papers now, in one transaction (the
  // fetch_marks table, one row per paper and source, replaced each time; removing a paper
  // removes its rows). Keys of papers no longer stored are skipped: nothing is left to mark.
  Status MarkFetched(std::string_view source, std::span<const int64_t> keys);

  // Records one finished import (file, format, counts, errors) for `stats`.
  Status RecordImport(std::string_view file, std::string_view format, uint64_t added,
                      uint64_t updated, uint64_t errors, double seconds);

  Result<CorpusStats> Stats();

  // One run against a remote source (`paperdeck pull`): what was asked, what came of it.
  struct Pull {
    std::string source;        // "arxiv-api"
    std::string query;         // as the person typed it
    std::string remote_query;  // as sent to the source
    std::string started_at;    // ISO UTC; RecordPull fills it when empty
    uint64_t fetched = 0, added = 0, updated = 0, errors = 0;
    std::string message;  // empty when all went well, else what stopped or troubled the run
    double seconds = 0;
  };
  // Records a finished (or stopped) pull for `status`.
  Status RecordPull(const Pull& pull);
  // The latest pulls, newest first, at most limit.
  Result<std::vector<Pull>> RecentPulls(size_t limit);

  // A small named value a feed keeps between runs (an OAI-PMH resumption token), stored in the
  // meta table under "state:" + name. An empty value removes it.
  Status SetState(std::string_view name, std::string_view value);
  Result<std::optional<std::string>> State(std::string_view name);

  // --- The user's library (library_data.cc, library_data.h) ---
  // The user's own data, kept apart from the papers' facts: no source changes it, Upsert never
  // touches it, and it does not bump the revision (the index does not hold it). Every write is
  // one transaction; a key no paper has is refused (NotFound) and nothing is written. A paper
  // enters the library with its first tag, state or note (LibraryEntry::entered_at) and leaves
  // it when it holds none.

  // Adds the tags `add` to and removes `remove` from every paper of keys, in one transaction.
  // Names are cleaned (CleanTagName; a bad name refuses the whole change) and matched by their
  // folded form: a tag keeps the spelling it was first given. A tag no paper carries any more is
  // forgotten.
  Status ChangeTags(std::span<const int64_t> keys, std::span<const std::string> add,
                    std::span<const std::string> remove);
  Status AddTags(int64_t key, std::span<const std::string> names);
  Status RemoveTags(int64_t key, std::span<const std::string> names);
  // Every tag with the number of papers carrying it, by folded name.
  Result<std::vector<TagCount>> Tags();
  // A paper's tags (display names), by folded name.
  Result<std::vector<std::string>> TagsOf(int64_t key);

  // Sets (or with nullopt clears) the reading state of every paper of keys, in one transaction.
  // Setting the state a paper already has keeps the time it was set.
  Status SetReadingState(std::span<const int64_t> keys, std::optional<ReadingState> state);
  Result<std::optional<ReadingStateAt>> ReadingStateOf(int64_t key);
  // The papers marked to-read, oldest mark first.
  struct QueueEntry {
    StoredPaper paper;
    std::string marked_at;
  };
  Result<std::vector<QueueEntry>> Queue();

  // Adds a note (Markdown) to a paper; returns its id. A blank text is refused.
  Result<int64_t> AddNote(int64_t key, std::string_view text);
  // Replaces the text of the paper's note note_id and sets its edited time; its created time
  // and place among the paper's notes stay. A blank text is refused (delete the note instead);
  // a note the paper does not hold is NotFound, and nothing is written.
  Status EditNote(int64_t key, int64_t note_id, std::string_view text);
  // Deletes the paper's note note_id (NotFound, nothing written, when the paper holds no such
  // note). A paper left holding nothing leaves the library.
  Status DeleteNote(int64_t key, int64_t note_id);
  // A paper's notes, oldest first.
  Result<std::vector<Note>> NotesOf(int64_t key);

  // Everything the library holds for a paper (empty if nothing), read in one snapshot.
  Result<LibraryEntry> LibraryOf(int64_t key);
  Result<bool> HasLibraryData(int64_t key);
  // The keys of every paper in the library (holding a tag, a state or a note), in the order they
  // entered it.
  Result<std::vector<int64_t>> LibraryPapers();

  // --- Citation keys (citation_keys.cc, citation_key.h) ---
  // The citation key of each paper of keys, in the same order (empty for a key no paper has):
  // the key pinned before, else a new one pinned now (CitationKeyBase, with the first of the
  // suffixes a, b, c, ... that no other paper holds), in one transaction. A key once pinned is
  // never changed.
  Result<std::vector<std::string>> PinCitationKeys(std::span<const int64_t> keys);
  // The key pinned for a paper, if any; pins nothing.
  Result<std::optional<std::string>> CitationKeyOf(int64_t key);

  // --- Backup ---
  // Copies the whole database to file with SQLite's online backup API: a consistent copy of one
  // committed state, taken while other connections and processes go on writing (each step
  // copies a run of pages; a write by another connection restarts the copy). The copy is written
  // to file + ".tmp" and renamed over file only when complete.
  Status BackupTo(const std::filesystem::path& file);

  // What a search's library filters and `--sort added` ask (workspace/library_lookup.h). Each
  // returns paper keys (PapersTagged: in no order, a paper under two nested tags twice;
  // PapersByEntry: in entry order; the others ascending), read in one statement.
  // Papers carrying the tag name or a tag nested under it ("thesis" also finds
  // "thesis/related-work"), matched by folded name; a name no tag could have finds none.
  Result<std::vector<int64_t>> PapersTagged(std::string_view name);
  // Papers in state; nullopt: papers with any state.
  Result<std::vector<int64_t>> PapersInState(std::optional<ReadingState> state);
  Result<std::vector<int64_t>> PapersWithTags();
  Result<std::vector<int64_t>> PapersWithNotes();
  // Calls fn with each note's paper key and text, in note order.
  Status EachNote(const std::function<void(int64_t key, std::string_view text)>& fn);
  // The papers of the library in the order they entered it, oldest first.
  Result<std::vector<int64_t>> PapersByEntry();
  // A number that changes with every committed change to the library tables the reads above
  // look at (tags, their papers, reading states, notes, entry times), whoever made it: triggers
  // bump it (schema 6). Equal numbers mean those reads would answer the same.
  Result<int64_t> LibraryRevision();

  // --- Saved searches (saved_searches.cc) ---
  // The user's own, like tags: kept by every import, pull, reindex and removal. Names are unique
  // without regard to ASCII case; a name is 1-100 characters, no control characters and no `/`
  // (it is a URL path segment: /feeds/NAME.atom). InvalidArgument for a bad name or an empty
  // query, Busy-free: each call is one statement or one transaction.
  // created_at: when it was first saved (a restored export's), empty: now. A recommendation is
  // never pulled (its query names the user's own papers), whatever pull says.
  Result<SavedSearch> AddSavedSearch(std::string_view name, std::string_view query, bool pull,
                                     std::string_view created_at = {},
                                     SavedSearchKind kind = SavedSearchKind::kQuery);
  // Every saved search, by name.
  Result<std::vector<SavedSearch>> SavedSearches();
  Result<std::optional<SavedSearch>> FindSavedSearch(std::string_view name);
  // NotFound when no saved search has the name.
  Status RemoveSavedSearch(std::string_view name);
  // NotFound for from; InvalidArgument when `to` is taken by another or is not a name.
  Status RenameSavedSearch(std::string_view from, std::string_view to);
  // The user looked at the search's papers up to corpus revision `revision`: they are no longer
  // new. Never moves the mark back.
  Status MarkSavedSearchSeen(std::string_view name, int64_t revision);
  // What a recommendation saved search has shown: paper key -> the entered revision of the
  // version shown. Empty for one never looked at (and for a query's).
  Result<std::unordered_map<int64_t, int64_t>> SavedSearchShown(int64_t search_id);
  // The user looked at a recommendation saved search: shown (paper key -> entered revision) are
  // added to what it has shown, and it is marked seen up to revision, in one transaction.
  Status MarkSavedSearchShown(std::string_view name, int64_t revision,
                              const std::unordered_map<int64_t, int64_t>& shown);
  // A sync finished asking the sources for the search, at iso_time (UTC, ISO).
  Status MarkSavedSearchSynced(std::string_view name, std::string_view iso_time);
  // Papers whose current version entered after revision (StoredPaper::entered_revision), keys
  // ascending; with entered, also each one's entered revision. Read from the index on
  // entered_revision alone: the cost is the number found, not the corpus's size.
  Result<std::vector<int64_t>> PapersEnteredAfter(
      int64_t revision, std::unordered_map<int64_t, int64_t>* entered = nullptr);
  // Papers first stored on days first..last (YYYY-MM-DD, UTC, inclusive), keys ascending.
  Result<std::vector<int64_t>> PapersAddedBetween(std::string_view first_day,
                                                  std::string_view last_day);

  // --- The quota meter (source_usage.cc) ---
  // Adds delta's counts to its (day, source) row, making it if needed; next_allowed is kept
  // when later than the stored one.
  Status AddSourceUsage(const SourceUsage& delta);
  // Every source's row for day (YYYY-MM-DD, UTC), by source.
  Result<std::vector<SourceUsage>> SourceUsageOn(std::string_view day);

 private:
  struct Impl;
  explicit Corpus(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace paperdeck::library
