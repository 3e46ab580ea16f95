// arXiv's category taxonomy (https://arxiv.org/category_taxonomy): the categories a paper is filed
// under, written as arXiv writes them ("cs.CL", "hep-th", "cond-mat.stat-mech").
//
// A paper's `categories` may hold more than these: arXiv's metadata carries the MSC and ACM
// classes some authors give ("68T10", "I.2.6; I.2.7") in the same list, and the old archive-wide
// names ("astro-ph", "cond-mat") of papers filed before their archive had subject classes. Those
// stay searchable with `cat:`; the category facet offers only what this list holds (a value of it
// names the same papers as a count and as a filter: an archive-wide name would filter the whole
// archive while counting only the papers filed under the bare name).
//
// Threading: pure functions over constant data.
#pragma once

#include <string_view>

namespace paperdeck {

// True when category is one of arXiv's categories, exactly as arXiv writes it (case counts:
// "cs.CL", not "cs.cl"). The archives without subject classes ("hep-th", "quant-ph") are
// categories; an archive that has them ("cs", "astro-ph") is not.
bool IsArxivCategory(std::string_view category);

}  // namespace paperdeck
