#include "present/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace paperdeck::present {

Terminal Terminal::For(FILE* stream) {
  Terminal t;
  int fd = fileno(stream);
  t.is_tty = isatty(fd) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  t.color = t.is_tty && (no_color == nullptr || *no_color == '\0');
  struct winsize ws {};
  if (t.is_tty && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    t.width = ws.ws_col;
  } else if (const char* columns = std::getenv("COLUMNS")) {
    int w = std::atoi(columns);
    if (w > 0) t.width = w;
  }
  if (t.width < 20) t.width = 20;
  if (t.width > 120) t.width = 120;  // long lines are hard to read
  return t;
}

Style Style::For(const Terminal& terminal) {
  Style s;
  if (!terminal.color) return s;
  s.bold = "\033[1m";
  s.dim = "\033[2m";
  s.highlight = "\033[1;33m";
  s.accent = "\033[36m";
  s.reset = "\033[0m";
  return s;
}

}  // namespace paperdeck::present
