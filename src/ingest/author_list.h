// AuthorList: the authors of a paper as one line of text names them, split into names. Cards
// show "Ziqing Qiao, Yinuo Xu, Chaojun Xiao et al."; the arXiv snapshot writes
// "A. Smith, B. Jones and C. Brown". Both become a list of names, and "et al." says the list
// is not complete. Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paperdeck::ingest {

struct AuthorList {
  std::vector<std::string> names;  // in order, whitespace collapsed, none empty
  bool complete = true;            // false when the text ended in "et al." (or "et al")
};

// Splits on commas and on the word "and" (", and" too). A name suffix standing alone after a
// comma ("John Smith, Jr.") stays with its name.
AuthorList SplitAuthorList(std::string_view text);

}  // namespace paperdeck::ingest
