#include "search/searcher.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "index/mapped_file.h"
#include "index/owned_bitmap.h"
#include "query/query_parser.h"
#include "search/and_matcher.h"
#include "search/bitmap_count.h"
#include "search/did_you_mean.h"
#include "search/doc_list_matcher.h"
#include "search/facet_counter.h"
#include "search/match_counter.h"
#include "search/matcher_builder.h"
#include "search/proximity.h"
#include "search/query_planner.h"
#include "search/top_k_collector.h"
#include "text/analyzer.h"

namespace paperdeck::search {
namespace {

// When each library paper was added, as a rank (1 = the oldest); papers not in it are 0, which
// sorts after every rank.
using AddedRanks = std::unordered_map<uint64_t, int64_t>;

int64_t SortKey(SortOrder sort, const index::SegmentReader& segment, uint32_t doc,
                const AddedRanks& added) {
  switch (sort) {
    case SortOrder::kAdded:
      return static_cast<int64_t>(segment.paper_key(doc));
    case SortOrder::kLibrary: {
      auto it = added.find(segment.paper_key(doc));
      return it == added.end() ? 0 : it->second;
    }
    case SortOrder::kNewest:
      return segment.date(doc);
    case SortOrder::kCitations:
      return segment.citations(doc);
    case SortOrder::kUpvotes:
      return segment.upvotes(doc);
    case SortOrder::kRelevance:
      break;
  }
  return 0;
}

// A walk over one match in this many of a segment's documents, or more, reads about every page
// of the columns it reads for each match (a page holds 1,024 to 4,096 of their values).
constexpr uint32_t kWholeColumnMatches = 1024;

// Asks segment for the columns a walk over many of its matches reads for each: the field lengths
// of those it scores and the column sort orders by (index/walked_column.h). Cold, that is one
// read of each rather than a page fault at a time.
void AskForWalkedColumns(const index::SegmentReader& segment, SortOrder sort) {
  using index::WalkedColumn;
  segment.WillWalk(WalkedColumn::kFieldLengths);
  switch (sort) {
    case SortOrder::kAdded:
    case SortOrder::kLibrary:
      return segment.WillWalk(WalkedColumn::kPaperKeys);
    case SortOrder::kNewest:
      return segment.WillWalk(WalkedColumn::kDates);
    case SortOrder::kCitations:
      return segment.WillWalk(WalkedColumn::kCitations);
    case SortOrder::kUpvotes:
      return segment.WillWalk(WalkedColumn::kUpvotes);
    case SortOrder::kRelevance:
      return;
  }
}

// The live documents of segment that node matches, ascending, where they are known without
// walking its matcher (search/bitmap_count.h: from the terms' bitmaps, or every document for a
// query of filters alone). nullopt otherwise.
std::optional<std::vector<uint32_t>> MatchesKnown(const PlanNode& node,
                                                  const index::SegmentReader& segment) {
  const index::OwnedBitmap matches = MatchesFromBitmaps(node, segment);
  if (!matches) return std::nullopt;
  std::vector<uint32_t> docs(roaring_bitmap_get_cardinality(matches.get()));
  roaring_bitmap_to_uint32_array(matches.get(), docs.data());
  return docs;
}

// The query ANDed with the request's filters: one OR per filter kind. apart: the filters are
// left out (the facets count the query's matches without them), and the query is ANDed with
// every document in their place, so it matches what it would with them less the filters
// themselves (a query left with nothing but the filters matches every document).
query::QueryNode WithFilters(query::QueryNode query, const SearchRequest& request, bool apart) {
  if (request.categories.empty() && request.years.empty()) return query;
  std::vector<query::QueryNode> all;
  all.push_back(std::move(query));
  if (apart) {
    all.push_back(query::QueryNode{});  // kMatchAll
    return query::AndNode(std::move(all), 0);
  }
  if (!request.categories.empty()) {
    std::vector<query::QueryNode> either;
    for (const std::string& c : request.categories) either.push_back(query::CategoryNode(c));
    all.push_back(query::OrNode(std::move(either), 0));
  }
  if (!request.years.empty()) {
    std::vector<query::QueryNode> either;
    for (const YearRange& y : request.years) either.push_back(query::YearRangeNode(y.low, y.high));
    all.push_back(query::OrNode(std::move(either), 0));
  }
  return query::AndNode(std::move(all), 0);
}

const query::QueryNode* FindPaperSet(const query::QueryNode& node) {
  if (node.kind == query::QueryNode::Kind::kPaperSet) return &node;
  for (const query::QueryNode& child : node.children) {
    if (const query::QueryNode* found = FindPaperSet(child)) return found;
  }
  return nullptr;
}

void CollectLibraryLeaves(const query::QueryNode& node, std::vector<const query::QueryNode*>* out) {
  if (query::IsLibraryLeaf(node)) out->push_back(&node);
  for (const query::QueryNode& child : node.children) CollectLibraryLeaves(child, out);
}

// Asks the library once for each leaf's papers; a leaf written twice is asked once.
Result<LibrarySets> ResolveLibraryLeaves(const std::vector<const query::QueryNode*>& leaves,
                                         LibraryKeys& library) {
  LibrarySets sets;
  std::map<std::pair<query::QueryNode::Kind, std::string>, std::shared_ptr<const PaperKeySet>> seen;
  for (const query::QueryNode* leaf : leaves) {
    auto& set = seen[{leaf->kind, leaf->text}];
    if (!set) {
      Result<PaperKeySet> papers = library.Papers(*leaf);
      if (!papers.ok()) return papers.status();
      set = std::make_shared<const PaperKeySet>(std::move(*papers));
    }
    sets.emplace(leaf, set);
  }
  return sets;
}

// Adds the live matches of matcher that may reach a ranked page to collector, telling the
// matcher the score to beat whenever the page is full so it can skip the rest (dynamic pruning).
// The matches passed over are not counted here: the caller counts them apart.
void CollectCompetitive(Matcher& matcher, const index::SegmentReader& segment,
                        uint32_t segment_index, TopKCollector* collector) {
  if (collector->full()) matcher.SetMinCompetitiveScore(collector->min_competitive_score());
  const bool has_deletions = segment.live_doc_count() != segment.doc_count();
  ScoreBound bound;
  bool bound_valid = false;
  for (uint32_t d = matcher.doc(); d != kEndDoc; d = matcher.doc()) {
    if (collector->full()) {
      if (!bound_valid || d > bound.last_doc) {
        bound = matcher.BlockBound();
        bound_valid = true;
      }
      if (bound.score < collector->min_competitive_score()) {
        if (bound.last_doc == kEndDoc) break;
        matcher.NextGeq(bound.last_doc + 1);
        continue;
      }
    }
    if ((!has_deletions || !segment.IsDeleted(d)) &&
        (!collector->full() || matcher.DocBound() >= collector->min_competitive_score())) {
      const float score = matcher.Score();
      if (!collector->full() || collector->Competes(0, score)) {
        collector->Add({0, score, segment_index, d});
        if (collector->full()) matcher.SetMinCompetitiveScore(collector->min_competitive_score());
      }
    }
    matcher.Next();
  }
}

// query without the unknown field's name the notice points at (`bogus:attention` gives
// `attention`); nullopt when the notice is about anything else.
std::optional<std::string> WithoutUnknownField(const std::string& query,
                                               const std::optional<query::QueryNotice>& notice) {
  if (!notice || notice->kind != query::QueryNotice::Kind::kReadAs ||
      notice->position >= query.size()) {
    return std::nullopt;
  }
  const size_t name = query::UnknownFieldLength(std::string_view(query).substr(notice->position));
  if (name == 0) return std::nullopt;
  std::string out = query;
  out.erase(notice->position, name);
  return out;
}

}  // namespace

bool IsPlainWords(const std::string& query) {
  query::ParsedQuery parsed = query::ParseQuery(query);
  if (parsed.notice) return false;
  const auto is_word = [](const query::QueryNode& n) {
    return n.kind == query::QueryNode::Kind::kTerm && n.fields == query::kDefaultFields;
  };
  if (is_word(parsed.root)) return true;
  return parsed.root.kind == query::QueryNode::Kind::kAnd &&
         std::all_of(parsed.root.children.begin(), parsed.root.children.end(), is_word);
}

Searcher::Searcher(std::shared_ptr<const index::IndexReader> reader, SearcherOptions options,
                   std::shared_ptr<const vectors::ForwardIndex> forward)
    : reader_(std::move(reader)), options_(options), forward_(std::move(forward)) {}

Result<std::vector<FeedbackTerm>> Searcher::FeedbackFor(const SearchRequest& request) const {
  if (!request.feedback || request.mode != QueryMode::kPlainTextAny || !forward_ ||
      !options_.feedback.on() || request.limit == 0 || request.sort != SortOrder::kRelevance ||
      request.plain_fields != query::kDefaultFields) {
    return std::vector<FeedbackTerm>{};
  }
  SearchRequest first = request;
  first.feedback = false;
  first.offset = 0;
  first.limit = options_.feedback.docs;
  first.facets = false;
  first.explain = false;
  PAPERDECK_ASSIGN_OR_RETURN(SearchResponse top, SearchAsWritten(first));
  std::vector<uint64_t> papers;
  papers.reserve(top.hits.size());
  for (const SearchHit& hit : top.hits) papers.push_back(hit.paper_key);
  return ChooseFeedbackTerms(*forward_, papers, top.highlight_terms, options_.feedback);
}

Searcher::~Searcher() = default;

Result<SearchResponse> Searcher::SearchExpanded(const SearchRequest& request) const {
  SearchRequest asked = request;
  asked.expand = false;
  std::string not_expanded;
  if (request.sort != SortOrder::kRelevance) {
    not_expanded = "results sorted by a column are not ranked, so nothing is expanded";
  } else if (request.plain_fields != query::kDefaultFields) {
    not_expanded = "only a search over the default fields is expanded";
  } else if (request.mode == QueryMode::kOperators && !IsPlainWords(request.query)) {
    not_expanded =
        "the query uses operators (a field, quotes, -, OR, parentheses, *, ~ or =), and only "
        "plain words are expanded";
  } else if (!forward_) {
    not_expanded = "the index has no paper vectors to expand from";
  } else if (!options_.feedback.on()) {
    not_expanded = "feedback is off";
  }
  if (!not_expanded.empty()) {
    PAPERDECK_ASSIGN_OR_RETURN(SearchResponse response, Search(asked));
    response.not_expanded = std::move(not_expanded);
    return response;
  }
  // As `paperdeck eval` asks a question (eval/paperdeck_system.cc): any word, with feedback.
  asked.mode = QueryMode::kPlainTextAny;
  asked.feedback = true;
  return Search(asked);
}

Result<SearchResponse> Searcher::Search(const SearchRequest& request) const {
  if (request.expand) return SearchExpanded(request);
  PAPERDECK_ASSIGN_OR_RETURN(SearchResponse response, SearchAsWritten(request));
  // Corrections and a field dropped are judged by the count.
  if (request.mode == QueryMode::kPlainTextAny || !request.count) return response;
  if (std::optional<std::string> dropped = WithoutUnknownField(request.query, response.notice);
      dropped && response.total == 0 && !request.exact) {
    // `bogus:attention` found nothing as the words "bogus attention": the papers of the value
    // alone, shown as a correction is, with a way back to the query as written.
    SearchRequest instead_request = request;
    instead_request.query = std::move(*dropped);
    PAPERDECK_ASSIGN_OR_RETURN(SearchResponse instead, Search(instead_request));
    if (instead.total == 0) return response;
    if (!instead.showing_suggestion) {
      instead.suggestion = Suggestion{instead_request.query, instead.total};
      instead.showing_suggestion = true;
    }
    instead.notice = std::move(response.notice);  // about the text the person wrote
    return instead;
  }
  const query::QueryNode query = request.mode == QueryMode::kOperators
                                     ? query::ParseQuery(request.query).root
                                     : query::PlainTextQuery(request.query);
  thread_local text::Analyzer analyzer;
  const std::vector<Correction> corrections =
      FindCorrections(query, request.query, &analyzer, *reader_, request.word_forms);
  if (corrections.empty()) return response;
  SearchRequest corrected = request;
  corrected.query = ApplyCorrections(request.query, corrections);
  if (response.total == 0 && !request.exact) {
    PAPERDECK_ASSIGN_OR_RETURN(SearchResponse instead, SearchAsWritten(corrected));
    if (instead.total == 0) return response;
    instead.suggestion = Suggestion{corrected.query, instead.total};
    instead.showing_suggestion = true;
    instead.notice = std::move(response.notice);  // about the text the person wrote
    return instead;
  }
  // Only the count: one hit, no facets, so a word's matches are counted from its lists.
  corrected.offset = 0;
  corrected.limit = 1;
  corrected.facets = false;
  corrected.explain = false;
  PAPERDECK_ASSIGN_OR_RETURN(SearchResponse counted, SearchAsWritten(corrected));
  if (counted.total > response.total) {
    response.suggestion = Suggestion{corrected.query, counted.total};
  }
  return response;
}

Result<SearchResponse> Searcher::SearchAsWritten(const SearchRequest& request) const {
  // Whether this search waits on the disk (the index, or part of it, not in memory).
  const uint64_t faults_before = index::ThreadMajorFaults();
  if (request.limit > kMaxSearchLimit) {
    return Status::InvalidArgument("a page holds at most " + std::to_string(kMaxSearchLimit) +
                                   " hits; asked for " + std::to_string(request.limit));
  }
  if (request.offset > kMaxSearchOffset) {
    return Status::InvalidArgument("results are served up to offset " +
                                   std::to_string(kMaxSearchOffset) + "; asked for " +
                                   std::to_string(request.offset));
  }

  SearchResponse response;
  query::QueryNode query;
  if (request.mode == QueryMode::kOperators) {
    query::ParsedQuery parsed = query::ParseQuery(request.query);
    query = std::move(parsed.root);
    response.notice = std::move(parsed.notice);
  } else {
    query = query::PlainTextQuery(request.query);
    query.fields = request.plain_fields;
  }
  // With facets, the query is planned without the facet filters: the facets count its matches,
  // each facet without its own filter (search/facet_counter.h), and give those that pass the
  // filters, which the page's matcher is then ANDed with.
  FacetCounter facets(request.categories, request.years);
  const bool filters_apart = request.facets && facets.has_filters();
  query = WithFilters(std::move(query), request, filters_apart);
  if (request.within) {
    std::vector<query::QueryNode> both;
    both.push_back(std::move(query));
    query::QueryNode within;
    within.kind = query::QueryNode::Kind::kPaperSet;
    both.push_back(std::move(within));
    query = query::AndNode(std::move(both), 0);
  }

  // The library's leaves become sets of paper keys now, once, before any segment is read.
  std::vector<const query::QueryNode*> library_leaves;
  CollectLibraryLeaves(query, &library_leaves);
  LibrarySets library_sets;
  if (request.library && !library_leaves.empty()) {
    PAPERDECK_ASSIGN_OR_RETURN(library_sets, ResolveLibraryLeaves(library_leaves, *request.library));
  }
  if (request.within) {
    if (const query::QueryNode* node = FindPaperSet(query)) library_sets.emplace(node, request.within);
  }

  // The analyzer keeps stemmer state: one per thread, kept for the thread's life.
  PAPERDECK_ASSIGN_OR_RETURN(const std::vector<FeedbackTerm> feedback, FeedbackFor(request));
  thread_local text::Analyzer analyzer;
  QueryPlan plan = PlanQuery(query, &analyzer, *reader_,
                             PlanOptions{.any_word = request.mode == QueryMode::kPlainTextAny,
                                         .drop_question_words =
                                             request.mode == QueryMode::kPlainTextAny &&
                                             options_.drop_question_words,
                                         .exact_form_weight =
                                             request.words_alone ? 0 : options_.exact_form_weight,
                                         .feedback = feedback,
                                         .compounds_whole = request.words_alone},
                             &library_sets);
  response.highlight_terms = std::move(plan.highlight_terms);
  response.feedback = feedback;
  if (!response.notice) response.notice = std::move(plan.notice);
  if (!plan.root) return response;

  // With nothing to rank by, a look into the library lists what was added last first.
  SortOrder sort = request.sort;
  if (sort == SortOrder::kRelevance && request.library && !library_leaves.empty() &&
      response.highlight_terms.empty()) {
    // `added:` alone lists the papers stored last first; any of the library, the library's order.
    const bool only_added = std::all_of(library_leaves.begin(), library_leaves.end(), [](auto* l) {
      return l->kind == query::QueryNode::Kind::kAddedRange;
    });
    sort = only_added ? SortOrder::kAdded : SortOrder::kLibrary;
  }
  if (sort == SortOrder::kLibrary && !request.library) sort = SortOrder::kRelevance;
  AddedRanks added;
  if (sort == SortOrder::kLibrary) {
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<uint64_t> by_added, request.library->PapersByLibraryEntry());
    added.reserve(by_added.size());
    for (size_t i = 0; i < by_added.size(); ++i) {
      added.emplace(by_added[i], static_cast<int64_t>(i) + 1);
    }
  }

  std::array<double, index::kNumFields> average_length{};
  for (int f = 0; f < index::kNumFields; ++f) {
    average_length[f] = reader_->average_field_length(static_cast<index::Field>(f));
  }
  const Bm25f bm25f(options_.bm25f, average_length);
  Bm25fParams alone = options_.bm25f;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (options_.b_alone[f]) alone.b[f] = *options_.b_alone[f];
    if (options_.weight_alone[f]) alone.weight[f] = *options_.weight_alone[f];
  }
  const Bm25f bm25f_alone(alone, average_length);
  const Scorers scorers{bm25f, bm25f_alone};

  const size_t k = request.limit == 0 ? 0 : size_t{request.offset} + request.limit;
  // Proximity reranks the best proximity_pool hits: collect at least that many (only when there
  // are two terms to be near each other, so one-word searches keep their small heap).
  const bool rerank = k > 0 && sort == SortOrder::kRelevance && options_.proximity > 0 &&
                      plan.proximity_terms.size() >= 2 && !request.words_alone;
  const auto& segments = reader_->segments();
  TopKCollector collector(sort, rerank ? std::max<size_t>(k, options_.proximity_pool) : k,
                          segments);
  // A ranked page over a query whose matches are counted apart (search/match_counter.h, or the
  // facets from matches known apart): the walk may then skip what cannot reach the page.
  const bool count_apart = options_.prune && k > 0 && sort == SortOrder::kRelevance;
  for (uint32_t segment_index = 0; segment_index < segments.size(); ++segment_index) {
    const index::SegmentReader& segment = *segments[segment_index];
    std::optional<uint64_t> counted;
    std::optional<std::vector<uint32_t>> passing;  // filters apart: the matches that pass them
    // With facets, the matches the walk below lists when they are not known apart.
    std::optional<std::vector<uint32_t>> listed;
    if (request.facets) {
      facets.StartSegment(segment);
      if (std::optional<std::vector<uint32_t>> known = MatchesKnown(*plan.root, segment)) {
        if (filters_apart) passing.emplace();
        counted = facets.Count(*known, passing ? &*passing : nullptr);
      } else {
        listed.emplace();
      }
    } else if (count_apart && request.count) {
      counted = CountLiveMatches(*plan.root, segment);
    }
    if (counted && *counted == 0) continue;
    if (counted) response.total += *counted;
    if (k == 0 && counted) continue;
    std::unique_ptr<Matcher> matcher = BuildMatcher(*plan.root, segment, scorers);
    if (!matcher) continue;
    if (passing) {  // the page's matches are the query's that pass the filters
      std::vector<std::unique_ptr<Matcher>> both;
      both.push_back(std::move(matcher));
      both.push_back(std::make_unique<DocListMatcher>(std::move(*passing)));
      matcher = std::make_unique<AndMatcher>(std::move(both));
    }
    if (matcher->cost() >= segment.doc_count() / kWholeColumnMatches) {
      AskForWalkedColumns(segment, k > 0 ? sort : SortOrder::kRelevance);
    }
    if (count_apart && !listed && (counted || !request.count)) {  // only the page is collected
      CollectCompetitive(*matcher, segment, segment_index, &collector);
      continue;
    }
    // The score bound of the run of documents up to bound.last_doc, asked again past it.
    ScoreBound bound{matcher->MaxScore(), 0};
    bool bound_valid = false;
    for (uint32_t d = matcher->doc(); d != kEndDoc; matcher->Next(), d = matcher->doc()) {
      if (segment.IsDeleted(d)) continue;
      if (listed) {  // every match is the facets', those passing the filters the page's
        listed->push_back(d);
        if (!facets.Passes(d)) continue;
      }
      if (!counted) ++response.total;  // every live match counts, scored or not
      if (k == 0) continue;
      int64_t key = SortKey(sort, segment, d, added);
      if (options_.prune && collector.full()) {
        if (!bound_valid || d > bound.last_doc) {
          bound = matcher->BlockBound();
          bound_valid = true;
        }
        if (!collector.Competes(key, bound.score)) continue;
      }
      const float score = matcher->Score();
      if (collector.full() && !collector.Competes(key, score)) continue;
      collector.Add({key, score, segment_index, d});
    }
    if (listed) facets.Count(*listed, nullptr);
  }

  if (request.facets) response.facets = facets.Take();
  std::vector<CollectedHit> best = collector.TakeSorted();
  std::vector<uint64_t> reranked;  // to explain: the papers the rerank gave a bonus
  // What is left to read of a few documents is asked for at once only when the search so far
  // waited on the disk: in memory, each ask is a system call for nothing.
  const bool ask_ahead = index::ThreadMajorFaults() > faults_before;
  if (rerank) {
    if (request.explain) {
      for (size_t i = 0; i < best.size() && i < options_.proximity_pool; ++i) {
        reranked.push_back(PaperKeyOf(segments, best[i]));
      }
    }
    RerankByProximity(plan.proximity_terms, options_.proximity, options_.proximity_pool, bm25f,
                      *reader_, ask_ahead, &best);
    if (best.size() > k) best.resize(k);
  }
  // The page needs each hit's paper key, not its date (a tie-breaker, already read if it broke a
  // tie): a column read is a page fault when the index is not in memory, so the keys are asked
  // for at once first.
  for (size_t s = 0; ask_ahead && s < segments.size(); ++s) {
    std::vector<uint32_t> docs;
    for (size_t i = request.offset; i < best.size(); ++i) {
      if (best[i].segment == s && !best[i].known) docs.push_back(best[i].doc);
    }
    if (!docs.empty()) segments[s]->WillReadPaperKeys(docs);
  }
  for (size_t i = request.offset; i < best.size(); ++i) {
    response.hits.push_back({PaperKeyOf(segments, best[i]), best[i].score, nullptr});
  }
  if (request.explain) {
    for (SearchHit& hit : response.hits) {
      const bool was_reranked =
          std::find(reranked.begin(), reranked.end(), hit.paper_key) != reranked.end();
      hit.explanation = std::make_shared<const ScoreExplanation>(
          ExplainHit(*plan.root, plan.proximity_terms, was_reranked, scorers, hit));
    }
  }
  return response;
}

ScoreExplanation Searcher::ExplainHit(const PlanNode& root,
                                      const std::vector<std::string>& proximity_terms,
                                      bool reranked, const Scorers& scorers,
                                      const SearchHit& hit) const {
  ScoreExplanation out;
  out.score = hit.score;
  out.proximity.weight = options_.proximity;
  // The paper's live document: the newest segment holding it.
  const auto& segments = reader_->segments();
  for (size_t s = segments.size(); s-- > 0;) {
    const index::SegmentReader& segment = *segments[s];
    std::optional<uint32_t> doc = segment.FindPaper(hit.paper_key);
    if (!doc || segment.IsDeleted(*doc)) continue;
    std::unique_ptr<Matcher> matcher = BuildMatcher(root, segment, scorers, /*explain=*/true);
    if (matcher) {
      matcher->NextGeq(*doc);
      if (matcher->doc() == *doc) out.bm25f = matcher->Explain(&out);
    }
    if (reranked) {
      out.proximity =
          ExplainProximity(proximity_terms, options_.proximity, scorers.any, *reader_, segment, *doc);
    }
    break;
  }
  return out;
}

}  // namespace paperdeck::search
