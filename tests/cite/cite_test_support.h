// Papers for the writers' tests: an arXiv preprint, a published paper, one of each kind of text
// the writers must escape.
#pragma once

#include <string>
#include <vector>

#include "cite/cited_paper.h"

namespace paperdeck::cite::testing {

inline CitedPaper Preprint() {
  CitedPaper p;
  p.citation_key = "vaswani2017attention";
  PaperRecord& r = p.paper.record;
  r.id = "1706.03762";
  r.arxiv_id = "1706.03762";
  r.title = "Attention Is All You Need";
  r.authors = {"Ashish Vaswani", "Noam Shazeer", "Niki Parmar"};
  r.abstract = "The dominant sequence transduction models are based on $O(n^2)$ attention.";
  r.categories = {"cs.CL", "cs.LG"};
  r.published = "2017-06-12";
  return p;
}

inline CitedPaper Published() {
  CitedPaper p = Preprint();
  p.paper.record.venue = "NeurIPS 2017";
  p.paper.record.year = 2017;
  p.paper.record.doi = "10.5555/3295222.3295349";
  return p;
}

inline CitedPaper InAJournal() {
  CitedPaper p;
  p.citation_key = "balazs2007calculation";
  PaperRecord& r = p.paper.record;
  r.id = "0704.0001";
  r.arxiv_id = "0704.0001";
  r.doi = "10.1103/physrevd.76.013009";
  r.title = "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies";
  r.authors = {"C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"};
  r.journal_ref = "Phys.Rev.D76:013009,2007";
  r.categories = {"hep-ph"};
  r.published = "2007-04-02";
  return p;
}

}  // namespace paperdeck::cite::testing
