#include "cli/command_line.h"

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/backup_command.h"
#include "cli/data_dir.h"
#include "cli/enrich_command.h"
#include "cli/eval_command.h"
#include "cli/exit_code.h"
#include "cli/export_command.h"
#include "cli/harvest_command.h"
#include "cli/import_command.h"
#include "cli/mark_command.h"
#include "cli/note_command.h"
#include "cli/notes_command.h"
#include "cli/optimize_command.h"
#include "cli/pull_command.h"
#include "cli/queue_command.h"
#include "cli/reindex_command.h"
#include "cli/remove_command.h"
#include "cli/search_command.h"
#include "cli/serve_command.h"
#include "cli/show_command.h"
#include "cli/recommend_command.h"
#include "cli/related_command.h"
#include "cli/stats_command.h"
#include "cli/sync_command.h"
#include "cli/tag_command.h"
#include "cli/tags_command.h"
#include "cli/watch_command.h"
#include "cli/feed_command.h"

namespace paperdeck::cli {
namespace {

// Marks a query word that begins with '-' while the arguments are parsed (see QueryWordsLast).
constexpr char kQueryWordMark = '\x1f';

// A query may hold words that begin with '-' (`attention -vision`), which the argument parser
// would take for options; so may `tag`'s changes (`-thesis`) and a note's words. So before
// parsing, the arguments after `search`, `pull`, `tag`, `note` or `export` are put in
// this order: the command's own options (with their values), then the query's words as given,
// those beginning with '-' marked so the parser leaves them alone (JoinWords unmarks them).
// After a "--", every argument is a query word.
std::vector<std::string> QueryWordsLast(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> out;
  size_t i = 0;
  const CLI::App* command = nullptr;
  for (; i < args.size() && !command; ++i) {
    out.push_back(args[i]);
    if (i > 0 &&
        (args[i] == "search" || args[i] == "pull" || args[i] == "tag" || args[i] == "note" ||
         args[i] == "export" || args[i] == "watch") &&
        args[i - 1] != "--data") {
      command = app.get_subcommand(args[i]);
    }
  }
  if (!command) return args;
  std::vector<std::string> words;
  bool only_words = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!only_words && arg == "--") {
      only_words = true;
      continue;
    }
    bool dashed = arg.size() > 1 && arg[0] == '-';
    const CLI::Option* option = nullptr;
    if (dashed && !only_words) {
      std::string name = arg.substr(0, arg.find('='));
      option = command->get_option_no_throw(name);
      if (!option) option = app.get_option_no_throw(name);
    }
    if (!option) {
      words.push_back(dashed ? kQueryWordMark + arg : arg);
      continue;
    }
    out.push_back(arg);
    bool takes_value = option->get_expected_max() > 0 && arg.find('=') == std::string::npos;
    if (takes_value && i + 1 < args.size()) out.push_back(args[++i]);
  }
  out.insert(out.end(), words.begin(), words.end());
  return out;
}

// The query's words as one query, unmarked.
std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += (!w.empty() && w[0] == kQueryWordMark) ? w.substr(1) : w;
  }
  return out;
}

// The words one by one, unmarked.
std::vector<std::string> Unmarked(std::vector<std::string> words) {
  for (std::string& w : words) {
    if (!w.empty() && w[0] == kQueryWordMark) w.erase(0, 1);
  }
  return words;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"PaperDeck: search your own library of research papers, instantly."};
  app.set_version_flag("--version", "paperdeck 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  std::string data_flag;
  app.add_option("--data", data_flag,
                 "data directory (default: $PAPERDECK_DATA, else $XDG_DATA_HOME/paperdeck, "
                 "else ~/.local/share/paperdeck)");

  ImportOptions import;
  auto* import_cmd = app.add_subcommand(
      "import", "add papers from files (JSON lines, gzip ok; BibTeX .bib; CSL JSON)");
  import_cmd->add_option("files", import.files, "files to import")->required();
  import_cmd->add_option("--format", import.format,
                         "auto, paperdeck-jsonl, arxiv-snapshot, arxiv-jsonl, bibtex or csl-json")
      ->capture_default_str();
  import_cmd->add_flag("--strict", import.strict,
                       "check every record first; import nothing if any is bad");
  import_cmd->add_option("--issues", import.issues_file,
                         "write every problem with the input to this file (the terminal shows "
                         "the first 50)");
  import_cmd->add_flag("--keywords-as-tags", import.keywords_as_tags,
                       "make each entry's keywords (BibTeX keywords, CSL JSON keyword) tags");

  SearchOptions search;
  auto* search_cmd = app.add_subcommand("search", "search the corpus");
  std::vector<std::string> search_words;
  search_cmd->add_option("query", search_words, "the query (see README: query language)")
      ->required();
  search_cmd->add_option("--sort", search.sort,
                         "relevance, newest, citations, upvotes, added (newest in the corpus) or library "
                         "(newest in your library)")
      ->capture_default_str();
  search_cmd->add_option("--page", search.page, "page number, from 1")->capture_default_str();
  search_cmd->add_option("--limit", search.limit, "results per page (1-1000)")
      ->capture_default_str();
  search_cmd->add_flag("--json", search.json, "print JSON for scripts");
  search_cmd->add_option("--mode", search.mode,
                         "keyword (BM25F) or hybrid (BM25F fused with the papers nearest the "
                         "query's meaning, from word vectors learned by `reindex --vectors`)")
      ->capture_default_str();
  search_cmd->add_flag("--plain", search.plain, "treat every character as text, no operators");
  search_cmd->add_flag("--exact", search.exact,
                       "search the words as written even when they find nothing (no \"showing "
                       "results for\" a corrected spelling)");
  search_cmd->add_flag("--explain", search.explain,
                       "show why each result scored what it did: each query term's part per field "
                       "(tf, idf, length norm, weight), expansions, exact forms, proximity");
  search_cmd->add_flag("--expand", search.expand,
                       "ask plain words as a question (any word may match) expanded with the "
                       "terms its best hits share (pseudo-relevance feedback); the terms added "
                       "are listed. A query with operators is searched as written");

  ShowOptions show;
  auto* show_cmd = app.add_subcommand("show", "show one paper and where its facts came from");
  show_cmd->add_option("id", show.id, "canonical id, arXiv id, DOI or citation key")->required();
  show_cmd->add_flag("--json", show.json, "print JSON");

  RelatedCommandOptions related;
  auto* related_cmd = app.add_subcommand(
      "related", "the papers most like one paper, each with the words they share");
  related_cmd->add_option("id", related.id, "canonical id, arXiv id, DOI or citation key")
      ->required();
  related_cmd->add_option("--limit", related.limit, "papers shown (1-1000)")->capture_default_str();
  related_cmd->add_flag("--json", related.json, "print JSON for scripts");

  RecommendCommandOptions recommend;
  std::vector<std::string> recommend_words;
  auto* recommend_cmd = app.add_subcommand(
      "recommend", "papers like the ones a query selects (e.g. 'tag:thesis'), those excluded");
  recommend_cmd->add_option("query", recommend_words, "the query selecting the papers you like")
      ->required();
  recommend_cmd->add_option("--limit", recommend.limit, "papers shown (1-1000)")
      ->capture_default_str();
  recommend_cmd->add_option("--since", recommend.since,
                            "only papers published on or after this day (YYYY-MM-DD)");
  recommend_cmd->add_option("--method", recommend.method,
                            "svm (a linear SVM over tf-idf, as arxiv-sanity-lite) or centroid "
                            "(cosine with the papers' mean)")
      ->capture_default_str();
  recommend_cmd->add_flag("--json", recommend.json, "print JSON for scripts");

  StatsOptions stats;
  auto* stats_cmd = app.add_subcommand(
      "stats", "what the data directory holds: papers, index, source settings, latest pulls");
  stats_cmd->alias("status");
  stats_cmd->add_flag("--json", stats.json, "print JSON");

  RemoveOptions remove;
  auto* remove_cmd = app.add_subcommand("remove", "remove papers from the corpus and the index");
  remove_cmd->add_option("ids", remove.ids, "canonical ids, arXiv ids or DOIs")->required();
  remove_cmd->add_flag("--force", remove.force,
                       "also remove papers that hold your tags, reading state or notes, "
                       "with what they hold");

  // The user's library: tags, reading states, notes (README: Your library).
  TagOptions tag;
  auto* tag_cmd = app.add_subcommand(
      "tag", "add (+NAME) and remove (-NAME) tags on papers: paperdeck tag ID... +NAME -NAME");
  tag_cmd->add_option("args", tag.args, "paper ids (canonical, arXiv, DOI or citation key), +NAME, -NAME")
      ->required();
  tag_cmd->add_flag("--json", tag.json, "print JSON");
  TagsOptions tags;
  auto* tags_cmd = app.add_subcommand("tags", "every tag with the number of papers carrying it");
  tags_cmd->add_flag("--json", tags.json, "print JSON");
  MarkOptions mark;
  auto* mark_cmd = app.add_subcommand(
      "mark", "set the reading state of papers: paperdeck mark ID... to-read|reading|read|none");
  mark_cmd->add_option("args", mark.args, "paper ids, then the state")->required();
  mark_cmd->add_flag("--json", mark.json, "print JSON");
  NoteOptions note;
  auto* note_cmd = app.add_subcommand(
      "note", "add a Markdown note to a paper (TEXT '-': standard input; no TEXT: $EDITOR)");
  note_cmd->add_option("id", note.id, "canonical id, arXiv id, DOI or citation key")->required();
  note_cmd->add_option("text", note.text, "the note; '-' reads standard input");
  note_cmd->add_flag("--json", note.json, "print JSON");
  NotesOptions notes;
  auto* notes_cmd = app.add_subcommand("notes", "a paper's notes, oldest first");
  notes_cmd->add_option("id", notes.id, "canonical id, arXiv id, DOI or citation key")->required();
  notes_cmd->add_flag("--json", notes.json, "print JSON");
  QueueOptions queue;
  auto* queue_cmd = app.add_subcommand("queue", "the papers marked to-read, oldest mark first");
  queue_cmd->add_flag("--json", queue.json, "print JSON");

  // Keeping up: saved searches and what is new to them (README: Keeping up).
  WatchOptions watch;
  auto* watch_cmd = app.add_subcommand(
      "watch",
      "saved searches: watch add NAME [--recommend] QUERY [--no-pull] | list | rm NAME | rename OLD NEW");
  watch_cmd->add_option("args", watch.args, "the action (add, list, rm, rename), names, the query");
  watch_cmd->add_flag("--no-pull", watch.no_pull, "add: sync does not ask arXiv for it");
  watch_cmd->add_flag("--recommend", watch.recommend,
                      "add: follow papers like those QUERY selects (`tag:X`), not its matches");
  watch_cmd->add_flag("--json", watch.json, "print JSON");
  FeedOptions feed;
  auto* feed_cmd = app.add_subcommand(
      "feed", "papers new to your saved searches since you looked (looking marks them seen)");
  feed_cmd->add_option("name", feed.name, "one saved search (default: every one)");
  feed_cmd->add_flag("--peek", feed.peek, "look without marking anything seen");
  feed_cmd->add_flag("--json", feed.json, "print JSON");
  feed_cmd->add_option("--format", feed.format,
                       "text, json, or atom: one saved search's Atom feed, the document "
                       "serve gives at /feeds/NAME.atom (marks nothing seen)")
      ->capture_default_str();
  feed_cmd->add_option("--base-url", feed.base_url,
                       "atom: where serve answers, for the feed's links")
      ->capture_default_str();
  feed_cmd->add_option("--limit", feed.limit, "papers shown per saved search")
      ->capture_default_str();

  // Citing: citation files out, and a copy of the corpus (README: Citing and backing up).
  ExportOptions export_options;
  auto* export_cmd = app.add_subcommand(
      "export", "write papers as a citation file: paperdeck export [QUERY] --format FORMAT");
  std::vector<std::string> export_words;
  export_cmd->add_option("query", export_words,
                         "the papers a query matches (all of them); none: your whole library");
  export_cmd->add_option("--format", export_options.format,
                         "bibtex, biblatex, csl-json, ris or jsonl (papers and library data)")
      ->capture_default_str();
  export_cmd->add_option("--out", export_options.out,
                         "write this file (whole or not at all) instead of standard output");
  BackupOptions backup;
  auto* backup_cmd = app.add_subcommand(
      "backup", "copy the corpus (papers and your library) to FILE, safely while others write");
  backup_cmd->add_option("file", backup.file, "the SQLite file to write")->required();

  ServeOptions serve;
  auto* serve_cmd = app.add_subcommand("serve", "serve the web page and the JSON API");
  serve_cmd->add_option("--host", serve.host, "address to listen on (default: this machine only)")
      ->capture_default_str();
  serve_cmd->add_option("--sync-every", serve.sync_every,
                        "run `paperdeck sync` in the background this often, e.g. 6h (first "
                        "after one interval)");
  serve_cmd->add_option("--port", serve.port, "port to listen on (0: any free port)")
      ->capture_default_str();
  serve_cmd->add_option("--allow-host", serve.allow_hosts,
                        "also answer to this name (NAME at the server's port, or NAME:PORT), e.g. "
                        "one in /etc/hosts; repeatable (default: the listening address's names)")
      ->take_all();

  PullCommandOptions pull;
  auto* pull_cmd = app.add_subcommand("pull", "fetch papers matching a query from arXiv");
  std::vector<std::string> pull_words;
  pull_cmd->add_option("query", pull_words, "the query (see README: pulling from arXiv)")
      ->required();
  pull_cmd->add_option("--max", pull.max_results, "papers to fetch at most")
      ->capture_default_str();
  pull_cmd->add_option("--since", pull.since, "only papers submitted on or after this date");
  HarvestCommandOptions harvest;
  auto* harvest_cmd =
      app.add_subcommand("harvest", "mirror arXiv's metadata over OAI-PMH (resumable)");
  harvest_cmd->add_option("--format", harvest.format, "arXiv or arXivRaw")->capture_default_str();
  harvest_cmd->add_option("--from", harvest.from, "records changed on or after this date");
  harvest_cmd->add_option("--until", harvest.until, "records changed on or before this date");
  harvest_cmd->add_option("--set", harvest.set, "an OAI set, e.g. cs or physics:hep-th");
  harvest_cmd->add_option("--max-pages", harvest.max_pages,
                          "stop after this many pages (run again to continue)");
  SyncCommandOptions sync;
  auto* sync_cmd = app.add_subcommand(
      "sync", "bring the corpus up to date for every saved search: arXiv, Hugging Face, "
              "Semantic Scholar");
  sync_cmd->add_flag("--dry-run", sync.dry_run, "print the requests it would make; change nothing");
  sync_cmd->add_option("--max-requests", sync.max_requests,
                       "send at most this many requests, leaving the rest for the next sync");
  sync_cmd->add_option("--max-age", sync.max_age,
                       "ask Semantic Scholar again about numbers older than this, e.g. 7d "
                       "(default: enrich.max_age)");
  sync_cmd->add_flag("--no-hf", sync.no_huggingface, "skip Hugging Face's daily papers");
  sync_cmd->add_flag("--no-scholar", sync.no_scholar, "skip Semantic Scholar's numbers");

  EnrichCommandOptions enrich;
  auto* enrich_cmd = app.add_subcommand(
      "enrich", "citations from Semantic Scholar, upvotes from Hugging Face daily papers");
  enrich_cmd->add_option("--date", enrich.date, "the daily papers of this date (default: today)");
  enrich_cmd->add_option("--max-age", enrich.max_age,
                         "refetch numbers older than this, e.g. 7d, 12h (default: enrich.max_age)");
  enrich_cmd->add_flag("--all", enrich.all, "refetch every number, however fresh");
  enrich_cmd->add_option("--max", enrich.max_lookups,
                         "look up at most N papers not in the daily listing on Hugging Face")
      ->capture_default_str();

  bool reindex_full = false;
  bool reindex_vectors = false;
  auto* reindex_cmd = app.add_subcommand(
      "reindex", "index the papers the index misses (after a failure, e.g. a full disk)");
  reindex_cmd->add_flag("--full", reindex_full,
                        "drop the index and rebuild it from every paper of the corpus");
  reindex_cmd->add_flag("--vectors", reindex_vectors,
                        "also learn word vectors from the corpus again (search --mode hybrid)");
  auto* optimize_cmd = app.add_subcommand("optimize", "merge the index's segments into one");

  EvalOptions eval;
  auto* eval_cmd = app.add_subcommand(
      "eval", "score ranking on a test collection beside Xapian and SQLite FTS5 (see EVAL.md)");
  eval_cmd->add_option("dirs", eval.dirs,
                       "collection: docs.jsonl, queries.jsonl, qrels.tsv; or a directory of "
                       "collections (../shared/eval/dev), standing for each of them")
      ->required();
  eval_cmd->add_flag("--json", eval.json, "print JSON for scripts");
  eval_cmd->add_option("--per-query", eval.per_query_file, "also write per-query scores (TSV)");
  eval_cmd->add_option("--sweep", eval.sweep,
                       "score our ranking over a parameter grid on every DIR, e.g. "
                       "\"k1=0.9,1.2;w_title=1,2\" (see EVAL.md)");
  eval_cmd->add_flag("--cv", eval.cross_validate,
                     "choose the parameters of the --sweep grid (without one: the shipped "
                     "parameters' grid) leaving each collection out in turn and score them on "
                     "it, beside Xapian and FTS5, with every measure");
  eval_cmd->add_flag("--feedback", eval.feedback,
                     "also score PaperDeck with pseudo-relevance feedback off and on (the "
                     "parameters chosen across collections)");
  eval_cmd->add_option("--mode", eval.mode,
                       "keyword, or hybrid: also learn word vectors from the collection's "
                       "documents and score the dense ranking and its fusion with keywords")
      ->capture_default_str();
  eval_cmd->add_flag("--title-only", eval.title_only,
                     "every system searches the documents' titles alone (as title: does)");

  try {
    std::vector<std::string> args = QueryWordsLast(app, std::vector<std::string>(argv, argv + argc));
    std::vector<char*> reordered;
    for (std::string& a : args) reordered.push_back(a.data());
    app.parse(static_cast<int>(reordered.size()), reordered.data());
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (*eval_cmd) return RunEval(eval);  // needs no data directory
  const std::filesystem::path data = ResolveDataDir(data_flag);
  if (*import_cmd) {
    import.data = data;
    return RunImport(import);
  }
  if (*search_cmd) {
    search.data = data;
    search.query = JoinWords(search_words);
    return RunSearch(search);
  }
  if (*show_cmd) {
    show.data = data;
    return RunShow(show);
  }
  if (*related_cmd) {
    related.data = data;
    return RunRelated(related);
  }
  if (*recommend_cmd) {
    recommend.data = data;
    recommend.query = JoinWords(recommend_words);
    return RunRecommend(recommend);
  }
  if (*stats_cmd) {
    stats.data = data;
    return RunStats(stats);
  }
  if (*remove_cmd) {
    remove.data = data;
    return RunRemove(remove);
  }
  if (*tag_cmd) {
    tag.data = data;
    tag.args = Unmarked(std::move(tag.args));
    return RunTag(tag);
  }
  if (*tags_cmd) {
    tags.data = data;
    return RunTags(tags);
  }
  if (*mark_cmd) {
    mark.data = data;
    return RunMark(mark);
  }
  if (*note_cmd) {
    note.data = data;
    note.text = Unmarked(std::move(note.text));
    return RunNote(note);
  }
  if (*notes_cmd) {
    notes.data = data;
    return RunNotes(notes);
  }
  if (*watch_cmd) {
    watch.data = data;
    watch.args = Unmarked(std::move(watch.args));
    return RunWatch(watch);
  }
  if (*feed_cmd) {
    feed.data = data;
    return RunFeed(feed);
  }
  if (*queue_cmd) {
    queue.data = data;
    return RunQueue(queue);
  }
  if (*export_cmd) {
    export_options.data = data;
    export_options.query = JoinWords(export_words);
    return RunExport(export_options);
  }
  if (*backup_cmd) {
    backup.data = data;
    return RunBackup(backup);
  }
  if (*serve_cmd) {
    serve.data = data;
    return RunServe(serve);
  }
  if (*pull_cmd) {
    pull.data = data;
    pull.query = JoinWords(pull_words);
    return RunPull(pull);
  }
  if (*harvest_cmd) {
    harvest.data = data;
    return RunHarvest(harvest);
  }
  if (*sync_cmd) {
    sync.data = data;
    return RunSync(sync);
  }
  if (*enrich_cmd) {
    enrich.data = data;
    return RunEnrich(enrich);
  }
  if (*reindex_cmd) return RunReindex(data, reindex_full, reindex_vectors);
  if (*optimize_cmd) return RunOptimize(data);
  return kExitUsage;
}

}  // namespace paperdeck::cli
