// Terminal: what we know about where output goes. Colour and progress bars only on a terminal
// (and never when NO_COLOR is set); width from the terminal, else COLUMNS, else 80.
#pragma once

#include <cstdio>

namespace paperdeck::present {

struct Terminal {
  bool is_tty = false;
  bool color = false;
  int width = 80;

  static Terminal For(FILE* stream);
};

// ANSI styles, empty when colour is off.
struct Style {
  const char* bold = "";
  const char* dim = "";
  const char* highlight = "";
  const char* accent = "";
  const char* reset = "";

  static Style For(const Terminal& terminal);
};

}  // namespace paperdeck::present
