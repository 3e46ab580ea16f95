#include "workspace/library_lookup.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "library/library_data.h"
#include "model/calendar.h"

namespace paperdeck::workspace {
namespace {

using Kind = query::QueryNode::Kind;

// A term of a query's word or phrase, at its position relative to the first.
struct Part {
  std::string term;
  uint32_t offset = 0;
};

// What a note must hold: every one of `all` (each: any one of its alternatives, each
// alternative a run of terms at relative positions).
using Alternatives = std::vector<std::vector<Part>>;

// A note's terms, each with the positions it is at.
using NoteTerms = std::unordered_map<std::string, std::vector<uint32_t>>;

bool HasRun(const NoteTerms& note, const std::vector<Part>& run) {
  if (run.empty()) return false;
  auto first = note.find(run[0].term);
  if (first == note.end()) return false;
  for (uint32_t start : first->second) {
    bool all = true;
    for (size_t i = 1; i < run.size() && all; ++i) {
      auto it = note.find(run[i].term);
      const uint32_t at = start + run[i].offset - run[0].offset;
      all = it != note.end() &&
            std::find(it->second.begin(), it->second.end(), at) != it->second.end();
    }
    if (all) return true;
  }
  return false;
}

// The word's analysed words, each a whole term or (a compound) the run of its parts.
std::vector<Alternatives> WordNeeds(text::Analyzer& analyzer, std::string_view text) {
  std::vector<Alternatives> needs;
  for (const text::QueryWord& w : analyzer.AnalyzeQuery(text)) {
    if (w.stop) continue;
    Alternatives either;
    if (!w.whole.empty()) either.push_back({{w.whole, 0}});
    std::vector<Part> parts;
    for (uint32_t i = 0; i < w.parts.size(); ++i) {
      if (!w.parts[i].empty()) parts.push_back({w.parts[i], i});
    }
    if (!parts.empty()) either.push_back(std::move(parts));
    if (!either.empty()) needs.push_back(std::move(either));
  }
  return needs;
}

// A phrase as one run: stop words hold their place as gaps, compounds give their parts.
std::vector<Alternatives> PhraseNeeds(text::Analyzer& analyzer, std::string_view text) {
  std::vector<Part> run;
  uint32_t position = 0;
  for (const text::QueryWord& w : analyzer.AnalyzeQuery(text)) {
    if (!w.parts.empty()) {
      for (const std::string& part : w.parts) {
        if (!part.empty()) run.push_back({part, position});
        ++position;
      }
    } else if (w.stop || w.whole.empty()) {
      ++position;
    } else {
      run.push_back({w.whole, position++});
    }
  }
  if (run.empty()) return {};
  return {Alternatives{std::move(run)}};
}

search::PaperKeySet FromKeys(const std::vector<int64_t>& keys) {
  search::PaperKeySet set;
  set.addMany(keys.size(), reinterpret_cast<const uint64_t*>(keys.data()));  // keys are >= 1
  return set;
}

}  // namespace

Result<int64_t> LibraryLookup::Revision() {
  if (!revision_) {
    PAPERDECK_ASSIGN_OR_RETURN(int64_t revision, corpus_.LibraryRevision());
    revision_ = revision;
  }
  return *revision_;
}

Result<search::PaperKeySet> LibraryLookup::Papers(const query::QueryNode& leaf) {
  if (sets_ == nullptr) return Read(leaf);
  // When papers entered the corpus changes with the corpus, not the library: never kept.
  if (leaf.kind == Kind::kAddedRange) return Read(leaf);
  PAPERDECK_ASSIGN_OR_RETURN(int64_t revision, Revision());
  const std::string name = std::to_string(static_cast<int>(leaf.kind)) + ':' + leaf.text;
  if (std::shared_ptr<const search::PaperKeySet> kept = sets_->Find(revision, name)) {
    return *kept;
  }
  PAPERDECK_ASSIGN_OR_RETURN(search::PaperKeySet set, Read(leaf));
  sets_->Store(revision, name, std::make_shared<const search::PaperKeySet>(set));
  return set;
}

Result<search::PaperKeySet> LibraryLookup::Read(const query::QueryNode& leaf) {
  switch (leaf.kind) {
    case Kind::kTag: {
      PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> keys, corpus_.PapersTagged(leaf.text));
      return FromKeys(keys);
    }
    case Kind::kState: {
      std::optional<library::ReadingState> state = library::ParseReadingState(leaf.text);
      if (!state) return search::PaperKeySet();
      PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> keys, corpus_.PapersInState(state));
      return FromKeys(keys);
    }
    case Kind::kHas: {
      Result<std::vector<int64_t>> keys =
          leaf.text == "note"  ? corpus_.PapersWithNotes()
          : leaf.text == "tag" ? corpus_.PapersWithTags()
                               : corpus_.PapersInState(std::nullopt);
      if (!keys.ok()) return keys.status();
      return FromKeys(*keys);
    }
    case Kind::kNoteWord:
    case Kind::kNotePhrase:
      return PapersWithNote(leaf);
    case Kind::kAddedRange: {
      // Open bounds are the ends of int32; the corpus's times are years 0001 to 9999.
      const int32_t first = std::max(leaf.low, *ParseIsoDate("0001-01-01"));
      const int32_t last = std::min(leaf.high, *ParseIsoDate("9999-12-31"));
      if (first > last) return search::PaperKeySet();
      PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> keys,
                                 corpus_.PapersAddedBetween(FormatIsoDate(first), FormatIsoDate(last)));
      return FromKeys(keys);
    }
    default:
      return search::PaperKeySet();
  }
}

Result<search::PaperKeySet> LibraryLookup::PapersWithNote(const query::QueryNode& leaf) {
  if (!analyzer_) analyzer_ = std::make_unique<text::Analyzer>();
  const std::vector<Alternatives> needs = leaf.kind == Kind::kNotePhrase
                                              ? PhraseNeeds(*analyzer_, leaf.text)
                                              : WordNeeds(*analyzer_, leaf.text);
  search::PaperKeySet papers;
  if (needs.empty()) return papers;  // stop words only: like the index, nothing to find
  std::vector<text::Token> tokens;
  NoteTerms terms;
  PAPERDECK_RETURN_IF_ERROR(corpus_.EachNote([&](int64_t key, std::string_view text) {
    if (papers.contains(static_cast<uint64_t>(key))) return;
    tokens.clear();
    analyzer_->Analyze(text, &tokens);
    terms.clear();
    for (const text::Token& t : tokens) terms[t.term].push_back(t.position);
    for (const Alternatives& either : needs) {
      bool found = false;
      for (const std::vector<Part>& run : either) found = found || HasRun(terms, run);
      if (!found) return;
    }
    papers.add(static_cast<uint64_t>(key));
  }));
  return papers;
}

Result<std::vector<uint64_t>> LibraryLookup::PapersByLibraryEntry() {
  int64_t revision = 0;
  if (sets_ != nullptr) {
    PAPERDECK_ASSIGN_OR_RETURN(revision, Revision());
    if (std::shared_ptr<const std::vector<uint64_t>> kept = sets_->FindByEntry(revision)) {
      return *kept;
    }
  }
  PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> keys, corpus_.PapersByEntry());
  std::vector<uint64_t> order(keys.begin(), keys.end());
  if (sets_ != nullptr) {
    sets_->StoreByEntry(revision, std::make_shared<const std::vector<uint64_t>>(order));
  }
  return order;
}

}  // namespace paperdeck::workspace
