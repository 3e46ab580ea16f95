#include "workspace/surface_forms.h"

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

std::string SurfaceForms::Of(std::string_view stem) const {
  auto it = forms_.find(std::string(stem));
  return it == forms_.end() ? std::string(stem) : it->second;
}

}  // namespace paperdeck::workspace
