#include "library/paper_row.h"

#include <nlohmann/json.hpp>

namespace paperdeck::library {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Parses json text, or nullopt when it is not JSON. An empty text is an empty array.
std::optional<json> Parse(std::string_view text) {
  if (text.empty()) return json::array();
  json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

}  // namespace

std::string EncodeStrings(const std::vector<std::string>& values) {
  if (values.empty()) return {};
  return Dump(json(values));
}

Result<std::vector<std::string>> DecodeStrings(std::string_view text) {
  std::optional<json> value = Parse(text);
  if (!value || !value->is_array()) {
    return Status::Corruption("not a JSON array of strings: " + std::string(text.substr(0, 80)));
  }
  std::vector<std::string> out;
  out.reserve(value->size());
  for (const json& item : *value) {
    if (!item.is_string()) {
      return Status::Corruption("not a JSON array of strings: " + std::string(text.substr(0, 80)));
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::string EncodeVersions(const std::vector<PaperVersion>& versions) {
  if (versions.empty()) return {};
  json out = json::array();
  for (const PaperVersion& v : versions) out.push_back({{"name", v.name}, {"date", v.date}});
  return Dump(out);
}

Result<std::vector<PaperVersion>> DecodeVersions(std::string_view text) {
  std::optional<json> value = Parse(text);
  auto bad = [&] {
    return Status::Corruption("not a JSON array of versions: " + std::string(text.substr(0, 80)));
  };
  if (!value || !value->is_array()) return bad();
  std::vector<PaperVersion> out;
  for (const json& item : *value) {
    if (!item.is_object()) return bad();
    PaperVersion v;
    if (auto it = item.find("name"); it != item.end() && it->is_string()) v.name = *it;
    if (auto it = item.find("date"); it != item.end() && it->is_string()) v.date = *it;
    out.push_back(std::move(v));
  }
  return out;
}

void BindPaperFacts(Statement& s, const PaperRecord& r, std::string_view title_key) {
  s.Bind(1, std::string_view(r.id));
  s.BindTextOrNull(2, r.arxiv_id);
  s.BindTextOrNull(3, r.doi);
  s.Bind(4, title_key);
  s.Bind(5, std::string_view(r.title));
  s.BindTextOrNull(6, r.abstract);
  s.BindTextOrNull(7, EncodeStrings(r.authors));
  s.Bind(8, int64_t{r.authors_complete ? 1 : 0});
  s.BindTextOrNull(9, EncodeStrings(r.categories));
  s.BindTextOrNull(10, r.published);
  s.BindTextOrNull(11, r.updated);
  s.BindTextOrNull(12, r.venue);
  s.BindIntOrNull(13, r.year != 0 ? std::optional<int64_t>(r.year) : std::nullopt);
  s.BindIntOrNull(14, r.citations);
  s.BindIntOrNull(15, r.upvotes);
  s.Bind(16, int64_t{r.is_new ? 1 : 0});
  s.BindTextOrNull(17, EncodeStrings(r.badges));
  s.BindTextOrNull(18, EncodeStrings(r.links));
  s.BindTextOrNull(19, EncodeVersions(r.versions));
  s.BindTextOrNull(20, r.comments);
  s.BindTextOrNull(21, r.journal_ref);
}

Result<StoredPaper> ReadPaperRow(const Statement& s) {
  StoredPaper p;
  p.key = s.Int(0);
  p.revision = s.Int(1);
  PaperRecord& r = p.record;
  r.id = s.Text(2);
  r.arxiv_id = s.Text(3);
  r.doi = s.Text(4);
  r.title = s.Text(5);
  r.abstract = s.Text(6);
  auto column_error = [&](std::string_view column, const Status& why) {
    return Status::Corruption("papers row " + std::to_string(p.key) + " (" + r.id + "), column " +
                              std::string(column) + ": " + why.message());
  };
  Result<std::vector<std::string>> authors = DecodeStrings(s.Text(7));
  if (!authors.ok()) return column_error("authors", authors.status());
  r.authors = std::move(authors).value();
  r.authors_complete = s.Int(8) != 0;
  Result<std::vector<std::string>> categories = DecodeStrings(s.Text(9));
  if (!categories.ok()) return column_error("categories", categories.status());
  r.categories = std::move(categories).value();
  r.published = s.Text(10);
  r.updated = s.Text(11);
  r.venue = s.Text(12);
  r.year = static_cast<int>(s.Int(13));
  r.citations = s.IntOrNull(14);
  r.upvotes = s.IntOrNull(15);
  r.is_new = s.Int(16) != 0;
  Result<std::vector<std::string>> badges = DecodeStrings(s.Text(17));
  if (!badges.ok()) return column_error("badges", badges.status());
  r.badges = std::move(badges).value();
  Result<std::vector<std::string>> links = DecodeStrings(s.Text(18));
  if (!links.ok()) return column_error("links", links.status());
  r.links = std::move(links).value();
  Result<std::vector<PaperVersion>> versions = DecodeVersions(s.Text(19));
  if (!versions.ok()) return column_error("versions", versions.status());
  r.versions = std::move(versions).value();
  r.comments = s.Text(20);
  r.journal_ref = s.Text(21);
  return p;
}

}  // namespace paperdeck::library
