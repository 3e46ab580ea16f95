// JsonFields: typed access to the fields of one JSON object (one line of a JSON-lines file, parsed
// by simdjson), with errors a person can act on: "field 'title' should be a string, got number".
//
// Absent fields and fields set to null read the same: not there. The first error is kept
// (status()), later ones are dropped, so a decoder may read every field and check status() once.
//
// A JsonFields borrows the parsed document: it is valid only while the simdjson parser that made
// the object is neither destroyed nor reused. Not thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::ingest {

// text in single quotes for an error message, cut to a readable length on a UTF-8 boundary.
std::string QuoteForMessage(std::string_view text);

class JsonFields {
 public:
  explicit JsonFields(simdjson::dom::object object) : object_(object) {}

  // The value of key, when present and not null.
  std::optional<simdjson::dom::element> Find(std::string_view key) const;
  bool Has(std::string_view key) const { return Find(key).has_value(); }

  // The keys in the order the line wrote them.
  std::vector<std::string_view> Keys() const;

  // Each getter returns true and stores the value when key holds a value of the right kind.
  // Absent or null: returns false, *out untouched, no error. The wrong kind: returns false and
  // records "field 'KEY' should be ..., got KIND".
  bool GetString(std::string_view key, std::string* out);
  bool GetStringArray(std::string_view key, std::vector<std::string>* out);
  // A whole number: a JSON integer, or a number such as 12.0 that has no fraction.
  bool GetInteger(std::string_view key, int64_t* out);
  bool GetBool(std::string_view key, bool* out);
  // As GetString, and absence is an error too: "field 'KEY' is missing".
  bool RequireString(std::string_view key, std::string* out);
  // A calendar date "YYYY-MM-DD" (a time after it, "T10:00:00Z", is dropped), stored as
  // "YYYY-MM-DD". An empty string reads as absent.
  bool GetIsoDate(std::string_view key, std::string* out);

  // Records "field 'KEY' WHAT" unless an error is already recorded.
  void Fail(std::string_view key, std::string_view what);
  // Records "field 'KEY' should be EXPECTED, got KIND-OF-VALUE".
  void FailKind(std::string_view key, std::string_view expected, simdjson::dom::element value);

  bool ok() const { return status_.ok(); }
  // Ok, or the first error recorded (kInvalidArgument).
  const Status& status() const { return status_; }

  // "string", "number", "boolean", "array", "object", "null".
  static std::string_view KindName(simdjson::dom::element value);

 private:
  simdjson::dom::object object_;
  Status status_;
};

}  // namespace paperdeck::ingest
