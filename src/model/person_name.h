// PersonName: an author's full name as sources give it ("Ashish Vaswani", "Ludwig van
// Beethoven", "Martin Luther King Jr.") split into the parts citation formats want: given names,
// family name (with its lowercase particles: "van Beethoven") and a suffix ("Jr.").
//
// Threading: plain values and a pure function.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck {

struct PersonName {
  std::string given;   // "Ashish"; empty for a single-word name
  std::string family;  // "Vaswani"; the whole name when it is one word
  std::string suffix;  // "Jr.", "III"; usually empty
};

// Splits a full name written given-first. A name already written "Family, Given" (with a comma)
// is split at the comma. The family name is the last word, with the lowercase words before it
// ("van der", "de la") when a capitalised given name comes first. White space is collapsed.
PersonName SplitPersonName(std::string_view full_name);

}  // namespace paperdeck
