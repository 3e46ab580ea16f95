#include "eval/collection.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace paperdeck::eval {
namespace {

std::string Where(const std::filesystem::path& file, size_t line) {
  return file.string() + ":" + std::to_string(line) + ": ";
}

// Calls on_line(line_number, text) for every non-blank line; stops at the first error.
template <typename F>
Status ForEachLine(const std::filesystem::path& file, F on_line) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NotFound(file.string() + ": cannot open (missing or unreadable)");
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Status s = on_line(number, line);
    if (!s.ok()) return s;
  }
  if (in.bad()) return Status::IOError(file.string() + ": read failed");
  return Status::Ok();
}

// The string member key of object, or a number's decimal text; false when absent or another type.
bool StringMember(const nlohmann::json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_string()) {
    *out = it->get<std::string>();
    return true;
  }
  if (it->is_number_integer()) {
    *out = it->dump();
    return true;
  }
  return false;
}

Result<nlohmann::json> ParseObject(const std::filesystem::path& file, size_t line,
                                   const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument(Where(file, line) + "not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument(Where(file, line) + "not a JSON object");
  return j;
}

Status LoadDocs(const std::filesystem::path& file, std::vector<CollectionDoc>* docs) {
  std::set<std::string, std::less<>> seen;
  return ForEachLine(file, [&](size_t line, const std::string& text) -> Status {
    Result<nlohmann::json> j = ParseObject(file, line, text);
    if (!j.ok()) return j.status();
    CollectionDoc doc;
    if (!StringMember(*j, "id", &doc.id) || doc.id.empty()) {
      return Status::InvalidArgument(Where(file, line) + "no \"id\" (a non-empty string)");
    }
    if (!seen.insert(doc.id).second) {
      return Status::InvalidArgument(Where(file, line) + "document id \"" + doc.id +
                                     "\" appears twice");
    }
    auto title = j->find("title");
    if (title != j->end() && !title->is_null()) {
      if (!title->is_string()) {
        return Status::InvalidArgument(Where(file, line) + "\"title\" is not a string");
      }
      doc.title = title->get<std::string>();
    }
    auto body = j->find("text");
    if (body == j->end() || !body->is_string()) {
      return Status::InvalidArgument(Where(file, line) + "no \"text\" (a string)");
    }
    doc.text = body->get<std::string>();
    docs->push_back(std::move(doc));
    return Status::Ok();
  });
}

Status LoadQueries(const std::filesystem::path& file, std::vector<CollectionQuery>* queries) {
  std::set<std::string, std::less<>> seen;
  return ForEachLine(file, [&](size_t line, const std::string& text) -> Status {
    Result<nlohmann::json> j = ParseObject(file, line, text);
    if (!j.ok()) return j.status();
    CollectionQuery query;
    if (!StringMember(*j, "id", &query.id) || query.id.empty()) {
      return Status::InvalidArgument(Where(file, line) + "no \"id\" (a non-empty string)");
    }
    if (!seen.insert(query.id).second) {
      return Status::InvalidArgument(Where(file, line) + "query id \"" + query.id +
                                     "\" appears twice");
    }
    auto body = j->find("text");
    if (body == j->end() || !body->is_string()) {
      return Status::InvalidArgument(Where(file, line) + "no \"text\" (a string)");
    }
    query.text = body->get<std::string>();
    queries->push_back(std::move(query));
    return Status::Ok();
  });
}

Status LoadQrels(const std::filesystem::path& file, std::map<std::string, Judgments>* qrels) {
  return ForEachLine(file, [&](size_t line, const std::string& text) -> Status {
    std::vector<std::string_view> cols;
    std::string_view rest = text;
    while (true) {
      size_t tab = rest.find('\t');
      cols.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (cols.size() != 3) {
      return Status::InvalidArgument(Where(file, line) + "expected qid<TAB>docid<TAB>rel, found " +
                                     std::to_string(cols.size()) + " column(s)");
    }
    if (cols[0].empty() || cols[1].empty()) {
      return Status::InvalidArgument(Where(file, line) + "empty query or document id");
    }
    int rel = 0;
    auto [end, ec] = std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), rel);
    if (ec != std::errc() || end != cols[2].data() + cols[2].size()) {
      return Status::InvalidArgument(Where(file, line) + "relevance \"" + std::string(cols[2]) +
                                     "\" is not an integer");
    }
    (*qrels)[std::string(cols[0])][std::string(cols[1])] = rel;
    return Status::Ok();
  });
}

}  // namespace

Result<Collection> LoadCollection(const std::filesystem::path& dir) {
  Collection c;
  PAPERDECK_RETURN_IF_ERROR(LoadDocs(dir / "docs.jsonl", &c.docs));
  PAPERDECK_RETURN_IF_ERROR(LoadQueries(dir / "queries.jsonl", &c.queries));
  PAPERDECK_RETURN_IF_ERROR(LoadQrels(dir / "qrels.tsv", &c.qrels));
  return c;
}

std::vector<std::string> CollectionDirs(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::string> inside;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "docs.jsonl", ec) &&
        std::filesystem::is_directory(dir, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_directory(ec) && std::filesystem::exists(entry.path() / "docs.jsonl", ec)) {
          inside.push_back(entry.path().string());
        }
      }
    }
    if (inside.empty()) {
      out.push_back(dir);
      continue;
    }
    std::sort(inside.begin(), inside.end());
    out.insert(out.end(), inside.begin(), inside.end());
  }
  return out;
}

}  // namespace paperdeck::eval
