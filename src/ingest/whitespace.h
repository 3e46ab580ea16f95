// Whitespace as sources write it and as PaperDeck keeps it. arXiv titles and abstracts carry
// the line breaks and double spaces of their submission forms; a record keeps text with every
// run of whitespace made one space and none at either end, so that equal text compares equal.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::ingest {

// True for the ASCII whitespace bytes: space, \t, \n, \v, \f, \r. Bytes of multi-byte UTF-8
// characters are never whitespace here, so UTF-8 text passes through intact.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// "  Attention\n  is  all\tyou need " -> "Attention is all you need".
std::string CollapseWhitespace(std::string_view text);

// Collapses *text in place (no allocation when it is already tidy).
void CollapseWhitespaceInPlace(std::string* text);

// True when text holds nothing but whitespace (or nothing).
bool IsBlank(std::string_view text);

}  // namespace paperdeck::ingest
