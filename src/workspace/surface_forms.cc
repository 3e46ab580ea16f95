#include "workspace/surface_forms.h"

#include <cctype>

#include "sync/paper_document.h"

namespace paperdeck::workspace {

void SurfaceForms::Add(const library::StoredPaper& paper) {
  sync::PaperDocument document(paper);
  analyzer_.Analyze(document.document(), &doc_);
  auto add_field = [&](index::Field f, std::string_view text) {
    for (const text::Token& t : doc_.fields[static_cast<int>(f)]) {
      if (forms_.contains(t.term)) continue;
      std::string form;
      if (!text.empty() && t.end <= text.size() && t.begin < t.end) {
        form = std::string(text.substr(t.begin, t.end - t.begin));
      }
      // A compound's part inside a whole ("Flash" of "FlashAttention-3") or a word written with
      // markup around it reads best as its folded form.
      if (form.empty() || form.find_first_of("$\\{}^_") != std::string::npos) form = t.form;
      forms_.emplace(t.term, std::move(form));
    }
  };
  add_field(index::Field::kTitle, document.document().title);
  add_field(index::Field::kAbstract, document.document().abstract);
  // An author's words are analysed name by name: their offsets are the name's, so the folded
  // form is shown.
  add_field(index::Field::kAuthors, {});
}

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// At least two characters and one letter (any non-ASCII byte counts as one).
bool ReadsAlone(std::string_view form) {
  if (form.size() < 2) return false;
  for (unsigned char c : form) {
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> SurfaceForms::Reason(const std::vector<std::string_view>& stems,
                                              size_t limit) const {
  std::vector<std::string> out, lowered;
  for (std::string_view stem : stems) {
    if (out.size() >= limit) break;
    std::string form = Of(stem);
    if (!ReadsAlone(form)) continue;
    std::string low = LowerAscii(form);
    bool said = false;
    for (const std::string& l : lowered) {
      said = said || l.find(low) != std::string::npos || low.find(l) != std::string::npos;
    }
    if (said) continue;
    lowered.push_back(std::move(low));
    out.push_back(std::move(form));
  }
  return out;
}

std::string SurfaceForms::Of(std::string_view stem) const {
  auto it = forms_.find(std::string(stem));
  return it == forms_.end() ? std::string(stem) : it->second;
}

}  // namespace paperdeck::workspace
