//===- Json.h - A small strict JSON parser ----------------------*- C++ -*-===//
//
/// Parses RFC 8259 JSON into a tree, for the safetensors header. Strict: no
/// comments, trailing commas, leading zeros, unescaped control characters,
/// lone surrogates or duplicate object keys. Numbers keep their text so that
/// integers up to 2^64 - 1 (safetensors offsets) are read exactly.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_JSON_H
#define KILN_RUNTIME_JSON_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiln {

class JsonValue {
public:
  enum class Kind { Null, Bool, Number, String, Array, Object };

  Kind kind() const { return kind_; }
  /// "null", "boolean", "number", "string", "array" or "object".
  const char *kindName() const;

  bool isObject() const { return kind_ == Kind::Object; }
  bool isArray() const { return kind_ == Kind::Array; }
  bool isString() const { return kind_ == Kind::String; }

  bool getBool() const { return boolean_; }
  /// The decoded string, or a number's text.
  const std::string &getText() const { return text_; }
  /// A number written as a non-negative integer that fits in uint64_t.
  bool getUInt64(uint64_t &value) const;
  const std::vector<JsonValue> &getElements() const { return elements_; }
  /// Members in file order.
  const std::vector<std::pair<std::string, JsonValue>> &getMembers() const {
    return members_;
  }
  /// The member named `key`, or null if there is none.
  const JsonValue *find(const std::string &key) const;

private:
  friend class JsonParser;
  Kind kind_ = Kind::Null;
  bool boolean_ = false;
  std::string text_;
  std::vector<JsonValue> elements_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

/// Parses a complete document; throws RuntimeError("invalid JSON at offset
/// N: ...") on the first error.
JsonValue parseJson(const std::string &text);

/// `text` as a JSON string literal, quotes included.
std::string quoteJson(const std::string &text);

} // namespace kiln

#endif // KILN_RUNTIME_JSON_H
