#include "library/paper_json.h"

#include <optional>

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

// True when every byte of text is printable ASCII other than '"' and '\\': JSON holds such text
// as it is, between quotes.
bool PlainAscii(std::string_view text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7f || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

std::string EncodeStrings(const std::vector<std::string>& values) {
  if (values.empty()) return {};
  // Most lists (authors, categories) are plain ASCII: written directly, as json's dump writes
  // them, without building a json value first. Anything else goes through json's escaping.
  size_t bytes = 2;
  for (const std::string& v : values) {
    if (!PlainAscii(v)) return Dump(json(values));
    bytes += v.size() + 3;
  }
  std::string out;
  out.reserve(bytes);
  out += '[';
  for (const std::string& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    out += v;
    out += '"';
  }
  out += ']';
  return out;
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

}  // namespace paperdeck::library
