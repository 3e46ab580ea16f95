#include "eval/xapian_system.h"

#include <xapian.h>

#include <string>

namespace paperdeck::eval {
namespace {


// The title's terms under this prefix too, for QueryFields::kTitle (only then: they count in
// Xapian's document length).
constexpr const char* kTitlePrefix = "S";

}  // namespace

Result<Run> RunXapian(const Collection& collection, QueryFields fields) {
  try {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (const CollectionDoc& d : collection.docs) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(d.title);
      if (fields == QueryFields::kTitle) {
        generator.increase_termpos();
        generator.index_text(d.title, 1, kTitlePrefix);
      }
      generator.increase_termpos();
      generator.index_text(d.text);
      doc.set_data(d.id);
      db.add_document(doc);
    }
    db.commit();

    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.set_database(db);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());

    Run run;
    for (const CollectionQuery& q : collection.queries) {
      std::vector<ScoredDoc>& docs = run[q.id];
      Xapian::Query query;
      try {
        query = fields == QueryFields::kTitle
                    ? parser.parse_query(q.text, Xapian::QueryParser::FLAG_DEFAULT, kTitlePrefix)
                    : parser.parse_query(q.text);
      } catch (const Xapian::QueryParserError&) {
        continue;  // Xapian could not read the question: it retrieves nothing
      }
      enquire.set_query(query);
      Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(kRunDepth));
      for (Xapian::MSetIterator m = matches.begin(); m != matches.end(); ++m) {
        docs.push_back({m.get_document().get_data(), m.get_weight()});
      }
    }
    return run;
  } catch (const Xapian::Error& e) {
    return Status::IOError("xapian: " + e.get_description());
  }
}

}  // namespace paperdeck::eval
