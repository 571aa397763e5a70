//===- Json.cpp - A small strict JSON parser ------------------------------===//
//
/// A recursive-descent parser. Nesting is limited so that a hostile header
/// cannot overflow the stack; strings are validated as they are decoded so
/// that the tree only holds well-formed UTF-8.
//
//===----------------------------------------------------------------------===//

#include "runtime/Json.h"

#include "runtime/Tensor.h"

#include <limits>

namespace kiln {

const char *JsonValue::kindName() const {
  switch (kind_) {
  case Kind::Null:
    return "null";
  case Kind::Bool:
    return "boolean";
  case Kind::Number:
    return "number";
  case Kind::String:
    return "string";
  case Kind::Array:
    return "array";
  case Kind::Object:
    return "object";
  }
  return "value";
}

bool JsonValue::getUInt64(uint64_t &value) const {
  if (kind_ != Kind::Number || text_.empty() || text_[0] == '-')
    return false;
  value = 0;
  for (char c : text_) {
    if (c < '0' || c > '9')
      return false;
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10)
      return false;
    value = value * 10 + digit;
  }
  return true;
}

const JsonValue *JsonValue::find(const std::string &key) const {
  for (const auto &member : members_)
    if (member.first == key)
      return &member.second;
  return nullptr;
}

class JsonParser {
public:
  explicit JsonParser(const std::string &text) : text_(text) {}

  JsonValue parseDocument() {
    JsonValue value = parseValue(0);
    skipSpace();
    if (pos_ != text_.size())
      fail("unexpected text after the document");
    return value;
  }

private:
  static constexpr int kMaxDepth = 64;

  [[noreturn]] void fail(const std::string &problem) const {
    throw RuntimeError("invalid JSON at offset " + std::to_string(pos_) +
                       ": " + problem);
  }

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }

  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' ||
                        peek() == '\r'))
      ++pos_;
  }

  void expect(char c) {
    skipSpace();
    if (peek() != c || atEnd())
      fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  void expectWord(const char *word) {
    for (const char *p = word; *p; ++p, ++pos_)
      if (peek() != *p || atEnd())
        fail(std::string("invalid literal, expected '") + word + "'");
  }

  JsonValue parseValue(int depth) {
    if (depth > kMaxDepth)
      fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    skipSpace();
    JsonValue value;
    if (atEnd())
      fail("unexpected end of input");
    switch (peek()) {
    case '{':
      value.kind_ = JsonValue::Kind::Object;
      parseObject(value, depth);
      return value;
    case '[':
      value.kind_ = JsonValue::Kind::Array;
      parseArray(value, depth);
      return value;
    case '"':
      value.kind_ = JsonValue::Kind::String;
      value.text_ = parseString();
      return value;
    case 't':
    case 'f':
      value.kind_ = JsonValue::Kind::Bool;
      value.boolean_ = peek() == 't';
      expectWord(value.boolean_ ? "true" : "false");
      return value;
    case 'n':
      expectWord("null");
      return value;
    default:
      value.kind_ = JsonValue::Kind::Number;
      value.text_ = parseNumber();
      return value;
    }
  }

  void parseObject(JsonValue &object, int depth) {
    ++pos_;
    skipSpace();
    if (peek() == '}' && !atEnd()) {
      ++pos_;
      return;
    }
    while (true) {
      skipSpace();
      if (peek() != '"' || atEnd())
        fail("expected a string key");
      std::string key = parseString();
      if (object.find(key))
        fail("duplicate key \"" + key + "\"");
      expect(':');
      object.members_.emplace_back(key, parseValue(depth + 1));
      skipSpace();
      if (peek() == ',' && !atEnd()) {
        ++pos_;
        continue;
      }
      expect('}');
      return;
    }
  }

  void parseArray(JsonValue &array, int depth) {
    ++pos_;
    skipSpace();
    if (peek() == ']' && !atEnd()) {
      ++pos_;
      return;
    }
    while (true) {
      array.elements_.push_back(parseValue(depth + 1));
      skipSpace();
      if (peek() == ',' && !atEnd()) {
        ++pos_;
        continue;
      }
      expect(']');
      return;
    }
  }

  bool isDigit() const { return !atEnd() && peek() >= '0' && peek() <= '9'; }

  std::string parseNumber() {
    size_t start = pos_;
    if (peek() == '-')
      ++pos_;
    if (!isDigit())
      fail("expected a value");
    if (peek() == '0') {
      ++pos_;
      if (isDigit())
        fail("leading zeros are not allowed");
    }
    while (isDigit())
      ++pos_;
    if (peek() == '.' && !atEnd()) {
      ++pos_;
      if (!isDigit())
        fail("expected digits after '.'");
      while (isDigit())
        ++pos_;
    }
    if ((peek() == 'e' || peek() == 'E') && !atEnd()) {
      ++pos_;
      if (peek() == '+' || peek() == '-')
        ++pos_;
      if (!isDigit())
        fail("expected digits in the exponent");
      while (isDigit())
        ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

  unsigned parseHex4() {
    unsigned code = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      char c = peek();
      code <<= 4;
      if (!atEnd() && c >= '0' && c <= '9')
        code |= c - '0';
      else if (!atEnd() && c >= 'a' && c <= 'f')
        code |= c - 'a' + 10;
      else if (!atEnd() && c >= 'A' && c <= 'F')
        code |= c - 'A' + 10;
      else
        fail("expected four hex digits after \\u");
    }
    return code;
  }

  static void appendUtf8(std::string &out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xc0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xe0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (code & 0x3f));
    }
  }

  /// Copies one raw UTF-8 sequence, rejecting malformed or overlong ones.
  void copyUtf8(std::string &out) {
    unsigned char lead = static_cast<unsigned char>(peek());
    size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length == 0 || lead > 0xf4)
      fail("invalid UTF-8");
    unsigned code = lead & (0x7f >> length);
    for (size_t i = 1; i < length; ++i) {
      if (pos_ + i >= text_.size() ||
          (static_cast<unsigned char>(text_[pos_ + i]) & 0xc0) != 0x80)
        fail("invalid UTF-8");
      code = (code << 6) | (static_cast<unsigned char>(text_[pos_ + i]) & 0x3f);
    }
    static const unsigned minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < minimum[length] || code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff))
      fail("invalid UTF-8");
    out.append(text_, pos_, length);
    pos_ += length;
  }

  std::string parseString() {
    ++pos_;
    std::string out;
    while (true) {
      if (atEnd())
        fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20)
        fail("unescaped control character in a string");
      if (c >= 0x80) {
        copyUtf8(out);
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      char escape = peek();
      if (atEnd())
        fail("unterminated escape");
      ++pos_;
      switch (escape) {
      case '"':
      case '\\':
      case '/':
        out += escape;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned code = parseHex4();
        if (code >= 0xdc00 && code <= 0xdfff)
          fail("lone low surrogate");
        if (code >= 0xd800 && code <= 0xdbff) {
          if (text_.compare(pos_, 2, "\\u") != 0)
            fail("high surrogate without a low surrogate");
          pos_ += 2;
          unsigned low = parseHex4();
          if (low < 0xdc00 || low > 0xdfff)
            fail("high surrogate without a low surrogate");
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        }
        appendUtf8(out, code);
        break;
      }
      default:
        fail(std::string("invalid escape '\\") + escape + "'");
      }
    }
  }

  const std::string &text_;
  size_t pos_ = 0;
};

JsonValue parseJson(const std::string &text) {
  return JsonParser(text).parseDocument();
}

std::string quoteJson(const std::string &text) {
  static const char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

} // namespace kiln
