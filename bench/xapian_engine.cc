#include "xapian_engine.h"

#include <cctype>
#include <chrono>
#include <fstream>
#include <string_view>
#include <system_error>

#include "fmt/core.h"
#include "page_cache.h"

namespace paperdeck::bench {
namespace {

namespace fs = std::filesystem;

// The value slot of a paper's year (sortable_serialise), for year filters (OP_VALUE_GE).
constexpr Xapian::valueno kYearSlot = 0;
constexpr Xapian::termcount kPrefixExpansions = 128;  // search/query_planner.h kMaxPrefixTerms

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

uint64_t BytesUnder(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const fs::path& file : FilesUnder({dir})) total += fs::file_size(file, ec);
  return total;
}

// The boolean term of a category: "XC" and the category in lowercase.
std::string CategoryTerm(std::string_view category) {
  std::string term = "XC";
  for (char c : category)
    term.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return term;
}

void IndexText(Xapian::TermGenerator& generator, const std::string& text, Xapian::termcount wdf,
               const std::string& prefix = "", bool positions = true) {
  Xapian::Utf8Iterator it(text.data(), text.size());
  if (positions) {
    generator.index_text(it, wdf, prefix);
  } else {
    generator.index_text_without_positions(it, wdf, prefix);
  }
  generator.increase_termpos();
}

}  // namespace

Status BuildXapian(const std::vector<library::StoredPaper>& papers, const fs::path& dir,
                   BuildFigures* figures) {
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError(dir.string() + ": " + ec.message());
    const fs::path built = dir / "built";
    std::vector<uint64_t> keys;
    Clock::time_point start = Clock::now();
    {
      Xapian::WritableDatabase db(built.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::Stem stem("english");
      Xapian::TermGenerator generator;
      generator.set_stemmer(stem);
      generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
      for (const library::StoredPaper& p : papers) {
        std::string authors;
        for (const std::string& a : p.record.authors) authors += (authors.empty() ? "" : ", ") + a;
        Xapian::Document doc;
        generator.set_document(doc);
        IndexText(generator, p.record.title, 3);
        IndexText(generator, p.record.abstract, 1);
        IndexText(generator, authors, 1);
        IndexText(generator, p.record.title, 1, "S", false);
        IndexText(generator, authors, 1, "A", false);
        for (const std::string& c : p.record.categories) doc.add_boolean_term(CategoryTerm(c));
        if (int year = YearOf(p); year > 0)
          doc.add_value(kYearSlot, Xapian::sortable_serialise(year));
        Xapian::docid id = db.add_document(doc);
        if (keys.size() <= id) keys.resize(id + 1);
        keys[id] = static_cast<uint64_t>(p.key);
      }
      db.commit();
      db.close();
    }
    figures->seconds = SecondsSince(start);
    figures->built_bytes = BytesUnder(built);
    Clock::time_point compact_start = Clock::now();
    Xapian::Database(built.string()).compact((dir / "db").string());
    figures->compact_seconds = SecondsSince(compact_start);
    figures->bytes = BytesUnder(dir / "db");
    fs::remove_all(built, ec);

    std::ofstream out(dir / "keys", std::ios::binary);
    out.write(reinterpret_cast<const char*>(keys.data()),
              static_cast<std::streamsize>(keys.size() * sizeof(uint64_t)));
    out.close();
    if (!out) return Status::IOError((dir / "keys").string() + ": write failed");
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("xapian build: " + e.get_description());
  }
}

Result<std::unique_ptr<XapianEngine>> XapianEngine::Load(const fs::path& dir) {
  std::unique_ptr<XapianEngine> engine(new XapianEngine(dir));
  std::error_code ec;
  uint64_t bytes = fs::file_size(dir / "keys", ec);
  if (ec) return Status::NotFound((dir / "keys").string() + ": " + ec.message());
  engine->keys_.resize(bytes / sizeof(uint64_t));
  std::ifstream in(dir / "keys", std::ios::binary);
  in.read(reinterpret_cast<char*>(engine->keys_.data()),
          static_cast<std::streamsize>(engine->keys_.size() * sizeof(uint64_t)));
  if (!in) return Status::IOError((dir / "keys").string() + ": read failed");
  return engine;
}

std::string XapianEngine::WithTotalRow(uint32_t k) const {
  return fmt::format("xapian top-{} + exact total", k);
}

std::string XapianEngine::TopOnlyRow(uint32_t k) const {
  return fmt::format("xapian top-{} (estimate)", k);
}

Status XapianEngine::Open() {
  Close();
  try {
    db_ = std::make_unique<Xapian::Database>((dir_ / "db").string());
    enquire_ = std::make_unique<Xapian::Enquire>(*db_);
    enquire_->set_weighting_scheme(Xapian::BM25Weight());
    doc_count_ = db_->get_doccount();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("xapian open: " + e.get_description());
  }
}

void XapianEngine::Close() {
  enquire_.reset();
  db_.reset();
}

void XapianEngine::Keys(const Xapian::MSet& mset, std::vector<uint64_t>* keys) const {
  keys->clear();
  for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m) {
    Xapian::docid id = *m;
    keys->push_back(id < keys_.size() ? keys_[id] : 0);
  }
}

Status XapianEngine::Run(const Query& q, uint32_t k, QueryClock clock, bool total_only,
                         Answer* answer, Timing* timing) {
  answer->not_as_written = false;
  try {
    // Building the query is timed too, as PaperDeck's timing includes parsing its query.
    auto set_query = [&] {
      const char* prefix = q.field == Query::Field::kTitle     ? "S"
                           : q.field == Query::Field::kAuthors ? "A"
                                                               : "";
      std::vector<Xapian::Query> terms;
      for (const std::string& w : q.words) {
        std::string term = prefix;
        term += stem_(w);
        terms.emplace_back(term);
      }
      Xapian::Query::op op = q.kind == Query::Kind::kAll   ? Xapian::Query::OP_AND
                             : q.kind == Query::Kind::kAny ? Xapian::Query::OP_OR
                                                           : Xapian::Query::OP_PHRASE;
      Xapian::Query query(op, terms.begin(), terms.end());
      if (q.kind == Query::Kind::kPrefix) {
        // Xapian's FLAG_WILDCARD reading of `w*` over the stemmed terms, capped as PaperDeck
        // caps a prefix: the most frequent terms, scored as one (a synonym).
        query = Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix) + q.words.at(0),
                              kPrefixExpansions, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::Query::OP_SYNONYM);
      }
      if (!q.category.empty()) {
        query =
            Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(CategoryTerm(q.category)));
      }
      if (q.year_from > 0) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_GE, kYearSlot,
                                            Xapian::sortable_serialise(q.year_from)));
      }
      enquire_->set_query(query);
    };
    double t0 = NowMillis(clock);
    if (!total_only) {
      set_query();
      enquire_->get_mset(0, k);
    }
    double t1 = NowMillis(clock);
    set_query();
    Xapian::MSet exact = enquire_->get_mset(0, k, doc_count_);
    double t2 = NowMillis(clock);
    timing->top_only_ms = total_only ? -1 : t1 - t0;
    timing->with_total_ms = t2 - t1;
    Keys(exact, &answer->keys);
    answer->total = exact.get_matches_estimated();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("xapian query: " + e.get_description());
  }
}

}  // namespace paperdeck::bench
