// Folds a word to the form the index compares: NFKC normalisation, Unicode case folding, and
// diacritics removed from Latin and Greek letters, so "Schrödinger", "SCHRÖDINGER" and
// "Schrodinger" all fold to "schrodinger", "Przemysław" to "przemyslaw", "ＧＰＴ" to "gpt" and
// "ﬁne" to "fine". Letters that carry their mark inside them rather than as a combining accent are
// mapped by hand (ł -> l, ø -> o, đ/ð -> d, ħ -> h, ŧ -> t, ı -> i, æ -> ae, œ -> oe, þ -> th).
// Marks on other scripts are kept (Cyrillic "й" is a letter of its own, not an accented "и").
// Plain ASCII takes a fast path that only lowers case; anything else goes through ICU.
//
// Threading: not thread-safe (it reuses conversion buffers); use one per thread.
#pragma once

#include <string>
#include <string_view>

#include <unicode/unorm2.h>

namespace paperdeck::text {

class UnicodeFolder {
 public:
  UnicodeFolder();
  UnicodeFolder(const UnicodeFolder&) = delete;
  UnicodeFolder& operator=(const UnicodeFolder&) = delete;

  // Appends the folded form of text to *out. Invalid UTF-8 is replaced by U+FFFD before folding
  // (the tokenizer never passes any). If ICU is unavailable the text is appended with only its
  // ASCII letters lowered, so analysis degrades rather than fails.
  void Fold(std::string_view text, std::string* out);

  // ASCII only: appends text with A-Z lowered.
  static void FoldAscii(std::string_view text, std::string* out);

 private:
  // One normalisation pass from a_ into b_ (then swapped into a_); false on an ICU error.
  bool Normalize(const UNormalizer2* form);

  const UNormalizer2* nfkc_casefold_ = nullptr;  // owned by ICU, live for the process
  const UNormalizer2* nfd_ = nullptr;
  const UNormalizer2* nfc_ = nullptr;
  std::u16string a_;
  std::u16string b_;
};

}  // namespace paperdeck::text
