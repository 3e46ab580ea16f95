#include "ingest/json_fields.h"

#include <cmath>
#include <string>

#include "ingest/whitespace.h"
#include "model/calendar.h"

namespace paperdeck::ingest {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string QuoteForMessage(std::string_view text) {
  constexpr size_t kLongest = 60;
  std::string out = "'";
  if (text.size() <= kLongest) {
    out += text;
  } else {
    size_t cut = kLongest;
    // Back off to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    out += text.substr(0, cut);
    out += "...";
  }
  out += "'";
  return out;
}

std::optional<element> JsonFields::Find(std::string_view key) const {
  element value;
  if (object_.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  if (value.is_null()) return std::nullopt;
  return value;
}

std::vector<std::string_view> JsonFields::Keys() const {
  std::vector<std::string_view> keys;
  for (simdjson::dom::key_value_pair field : object_) keys.push_back(field.key);
  return keys;
}

std::string_view JsonFields::KindName(element value) {
  switch (value.type()) {
    case element_type::ARRAY:
      return "array";
    case element_type::OBJECT:
      return "object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "number";
    case element_type::STRING:
      return "string";
    case element_type::BOOL:
      return "boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "unknown";
}

void JsonFields::Fail(std::string_view key, std::string_view what) {
  if (!status_.ok()) return;
  std::string message = "field '";
  message += key;
  message += "' ";
  message += what;
  status_ = Status::InvalidArgument(std::move(message));
}

void JsonFields::FailKind(std::string_view key, std::string_view expected, element value) {
  std::string what = "should be ";
  what += expected;
  what += ", got ";
  what += KindName(value);
  Fail(key, what);
}

bool JsonFields::GetString(std::string_view key, std::string* out) {
  std::optional<element> value = Find(key);
  if (!value) return false;
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) {
    FailKind(key, "a string", *value);
    return false;
  }
  out->assign(text);
  return true;
}

bool JsonFields::RequireString(std::string_view key, std::string* out) {
  if (!Has(key)) {
    Fail(key, "is missing");
    return false;
  }
  return GetString(key, out);
}

bool JsonFields::GetIsoDate(std::string_view key, std::string* out) {
  std::string text;
  if (!GetString(key, &text)) return false;
  if (IsBlank(text)) return false;
  std::optional<int32_t> days = ParseIsoDate(CollapseWhitespace(text));
  if (!days) {
    Fail(key, "should be a date such as 2026-06-05, got " + QuoteForMessage(text));
    return false;
  }
  *out = FormatIsoDate(*days);
  return true;
}

bool JsonFields::GetStringArray(std::string_view key, std::vector<std::string>* out) {
  std::optional<element> value = Find(key);
  if (!value) return false;
  simdjson::dom::array array;
  if (value->get(array) != simdjson::SUCCESS) {
    FailKind(key, "an array of strings", *value);
    return false;
  }
  std::vector<std::string> items;
  items.reserve(array.size());
  size_t index = 0;
  for (element item : array) {
    ++index;
    std::string_view text;
    if (item.get(text) != simdjson::SUCCESS) {
      Fail(key, "item " + std::to_string(index) + " should be a string, got " +
                    std::string(KindName(item)));
      return false;
    }
    items.emplace_back(text);
  }
  *out = std::move(items);
  return true;
}

bool JsonFields::GetInteger(std::string_view key, int64_t* out) {
  std::optional<element> value = Find(key);
  if (!value) return false;
  switch (value->type()) {
    case element_type::INT64:
      *out = value->get_int64().value_unsafe();
      return true;
    case element_type::UINT64:
      Fail(key, "is too large: " + std::to_string(value->get_uint64().value_unsafe()));
      return false;
    case element_type::DOUBLE: {
      double d = value->get_double().value_unsafe();
      // 9.2e18 is where int64 ends; a count beyond that is not a count.
      if (std::trunc(d) != d || std::fabs(d) >= 9.2e18) {
        Fail(key, "should be a whole number, got " + simdjson::to_string(*value));
        return false;
      }
      *out = static_cast<int64_t>(d);
      return true;
    }
    default:
      FailKind(key, "a number", *value);
      return false;
  }
}

bool JsonFields::GetBool(std::string_view key, bool* out) {
  std::optional<element> value = Find(key);
  if (!value) return false;
  if (value->get(*out) != simdjson::SUCCESS) {
    FailKind(key, "true or false", *value);
    return false;
  }
  return true;
}

}  // namespace paperdeck::ingest
