// One word of a POSIX shell command line, taken literally: what the commands print for a person
// to paste ("Next: paperdeck search '...'") and what they hand to a shell ($EDITOR FILE).
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::cli {

// s in single quotes, each ' in it written as '\'' (close, escaped quote, reopen).
std::string ShellQuote(std::string_view s);

}  // namespace paperdeck::cli
