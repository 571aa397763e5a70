//===- Npy.cpp - NumPy .npy files -----------------------------------------===//
//
/// The .npy layout: the magic "\x93NUMPY", a major and minor version byte, the
/// header length (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and
/// 3.0), then the header, a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded with
/// spaces and a newline so that the data starts at a multiple of 64 bytes.
/// The header parser accepts exactly the literal subset numpy writes
/// (strings, booleans, tuples of integers) with the keys in any order.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"

#include "runtime/FileIO.h"

#include <cctype>
#include <cstring>
#include <limits>
#include <map>

namespace kiln {

static const char kMagic[] = "\x93NUMPY";
static const size_t kMagicSize = 6;
static const size_t kAlignment = 64;

/// numpy's descr for each dtype; byte-sized types have no byte order.
static const char *getDescr(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "<f4";
  case DType::Float64:
    return "<f8";
  case DType::Int64:
    return "<i8";
  case DType::Int32:
    return "<i4";
  case DType::Int16:
    return "<i2";
  case DType::Int8:
    return "|i1";
  case DType::UInt64:
    return "<u8";
  case DType::UInt32:
    return "<u4";
  case DType::UInt16:
    return "<u2";
  case DType::UInt8:
    return "|u1";
  case DType::Bool:
    return "|b1";
  }
  throw RuntimeError("writeNpy: invalid dtype");
}

static const char *kSupported =
    "supported: <f4 (float32), <f8 (float64), <i8 (int64), <i4 (int32), "
    "<i2 (int16), |i1 (int8), <u8 (uint64), <u4 (uint32), <u2 (uint16), "
    "|u1 (uint8), |b1 (bool)";

/// numpy's name for a type code such as "f2", to make errors readable.
static std::string describeTypeCode(const std::string &code) {
  static const std::map<std::string, const char *> names = {
      {"f2", "float16"},    {"f4", "float32"},     {"f8", "float64"},
      {"f16", "float128"},  {"i1", "int8"},        {"i2", "int16"},
      {"i4", "int32"},      {"i8", "int64"},       {"u1", "uint8"},
      {"u2", "uint16"},     {"u4", "uint32"},      {"u8", "uint64"},
      {"b1", "bool"},       {"c8", "complex64"},   {"c16", "complex128"},
      {"O", "object"}};
  auto it = names.find(code);
  if (it != names.end())
    return it->second;
  switch (code.empty() ? '\0' : code[0]) {
  case 'U':
    return "unicode string";
  case 'S':
    return "byte string";
  case 'V':
    return "void/structured";
  case 'M':
    return "datetime64";
  case 'm':
    return "timedelta64";
  default:
    return "unknown";
  }
}

namespace {

/// The three header fields, as parsed.
struct NpyHeader {
  std::string descr;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
};

/// A parser for the Python dict literal of an .npy header.
class HeaderParser {
public:
  HeaderParser(const InputFile &file, const std::string &text)
      : file_(file), text_(text) {}

  NpyHeader parse() {
    NpyHeader header;
    bool seenDescr = false, seenOrder = false, seenShape = false;
    expect('{');
    while (!consume('}')) {
      std::string key = parseString();
      expect(':');
      if (key == "descr") {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '[')
          file_.fail("unsupported dtype: structured arrays are not "
                     "supported; " + std::string(kSupported));
        header.descr = parseString();
        seenDescr = true;
      } else if (key == "fortran_order") {
        header.fortranOrder = parseBool();
        seenOrder = true;
      } else if (key == "shape") {
        header.shape = parseShape();
        seenShape = true;
      } else {
        fail("unexpected key '" + key + "' in the header");
      }
      if (!consume(',')) {
        expect('}');
        break;
      }
    }
    skipSpace();
    if (pos_ != text_.size())
      fail("unexpected text after the header dict");
    if (!seenDescr || !seenOrder || !seenShape)
      fail("the header lacks one of 'descr', 'fortran_order' and 'shape'");
    return header;
  }

private:
  [[noreturn]] void fail(const std::string &problem) const {
    // Quote the header without numpy's padding and newline.
    size_t end = text_.find_last_not_of(" \n");
    file_.fail("bad header: " + problem + " (header: " +
               text_.substr(0, end == std::string::npos ? 0 : end + 1) + ")");
  }

  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(
                                      text_[pos_])))
      ++pos_;
  }

  bool consume(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!consume(c))
      fail(std::string("expected '") + c + "' at offset " +
           std::to_string(pos_));
  }

  std::string parseString() {
    skipSpace();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      fail("expected a string at offset " + std::to_string(pos_));
    char quote = text_[pos_++];
    size_t end = text_.find(quote, pos_);
    if (end == std::string::npos)
      fail("unterminated string");
    std::string value = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return value;
  }

  bool parseBool() {
    skipSpace();
    for (const char *word : {"True", "False"}) {
      size_t length = std::strlen(word);
      if (text_.compare(pos_, length, word) == 0) {
        pos_ += length;
        return word[0] == 'T';
      }
    }
    fail("expected True or False at offset " + std::to_string(pos_));
  }

  std::vector<int64_t> parseShape() {
    std::vector<int64_t> shape;
    expect('(');
    while (!consume(')')) {
      skipSpace();
      size_t start = pos_;
      int64_t dim = 0;
      while (pos_ < text_.size() &&
             std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        int digit = text_[pos_++] - '0';
        if (dim > (std::numeric_limits<int64_t>::max() - digit) / 10)
          fail("shape dimension too large");
        dim = dim * 10 + digit;
      }
      if (pos_ == start)
        fail("expected a non-negative integer in the shape at offset " +
             std::to_string(pos_));
      shape.push_back(dim);
      if (!consume(',')) {
        expect(')');
        break;
      }
    }
    return shape;
  }

  const InputFile &file_;
  const std::string &text_;
  size_t pos_ = 0;
};

} // namespace

/// Maps a descr to a dtype, or explains why it is not supported.
static DType parseDescr(const InputFile &file, const std::string &descr) {
  if (descr.size() < 2)
    file.fail("unsupported dtype '" + descr + "'; " + kSupported);
  char order = descr[0];
  std::string code = descr.substr(1);
  static const std::map<std::string, DType> types = {
      {"f4", DType::Float32}, {"f8", DType::Float64}, {"i8", DType::Int64},
      {"i4", DType::Int32},   {"i2", DType::Int16},   {"i1", DType::Int8},
      {"u8", DType::UInt64},  {"u4", DType::UInt32},  {"u2", DType::UInt16},
      {"u1", DType::UInt8},   {"b1", DType::Bool}};
  auto it = types.find(code);
  if (it == types.end() || (order != '<' && order != '|' && order != '>' &&
                            order != '='))
    file.fail("unsupported dtype '" + descr + "' (" + describeTypeCode(code) +
              "); " + kSupported);
  DType dtype = it->second;
  bool byteSized = getElementSize(dtype) == 1;
  // Byte order is irrelevant for single bytes; numpy writes '|' for them.
  if (!byteSized && order == '>')
    file.fail("big-endian dtype '" + descr + "' is not supported; save the "
              "array with a little-endian dtype (" +
              std::string(kSupported) + ")");
  if (!byteSized && order != '<')
    file.fail("unsupported dtype '" + descr + "': expected explicit "
              "little-endian '<" + code + "'");
  return dtype;
}

static uint32_t readLittleEndian(const unsigned char *bytes, size_t count) {
  uint32_t value = 0;
  for (size_t i = 0; i < count; ++i)
    value |= static_cast<uint32_t>(bytes[i]) << (8 * i);
  return value;
}

Tensor readNpy(const std::string &path) {
  InputFile file(path);
  unsigned char prefix[kMagicSize + 2];
  file.read(prefix, sizeof(prefix), 0, "the NPY magic and version");
  if (std::memcmp(prefix, kMagic, kMagicSize) != 0)
    file.fail("bad magic: not an NPY file (expected \"\\x93NUMPY\")");
  unsigned major = prefix[kMagicSize], minor = prefix[kMagicSize + 1];
  if (minor != 0 || major < 1 || major > 3)
    file.fail("unsupported NPY format version " + std::to_string(major) + "." +
              std::to_string(minor) + "; supported: 1.0, 2.0, 3.0");
  size_t lengthSize = major == 1 ? 2 : 4;
  unsigned char lengthBytes[4];
  file.read(lengthBytes, lengthSize, sizeof(prefix), "the header length");
  uint64_t headerStart = sizeof(prefix) + lengthSize;
  uint32_t headerLength = readLittleEndian(lengthBytes, lengthSize);
  // The length is the file's claim (up to 4 GiB): check it before allocating.
  file.checkRange(headerLength, headerStart, "the header");
  std::string text(headerLength, '\0');
  file.read(&text[0], headerLength, headerStart, "the header");

  NpyHeader header = HeaderParser(file, text).parse();
  DType dtype = parseDescr(file, header.descr);
  // Fortran order matters only when two dimensions exceed 1.
  size_t bigDims = 0;
  for (int64_t dim : header.shape)
    bigDims += dim > 1;
  if (header.fortranOrder && bigDims > 1)
    file.fail("Fortran-order arrays are not supported; save a C-contiguous "
              "array (numpy.ascontiguousarray)");

  // The shape is the file's claim too: the data must be there before the
  // tensor is allocated.
  size_t bytes = 0;
  try {
    bytes = getByteSize(dtype, header.shape);
  } catch (const RuntimeError &error) {
    file.fail(error.what());
  }
  uint64_t dataStart = headerStart + headerLength;
  uint64_t available = file.size() - std::min(file.size(), dataStart);
  if (available < bytes)
    file.fail("truncated file: the header promises " + std::to_string(bytes) +
              " data bytes for " + getDTypeName(dtype) + " " +
              formatShape(header.shape) + " but only " +
              std::to_string(available) + " follow");
  Tensor tensor = Tensor::zeros(dtype, header.shape);
  file.read(tensor.data(), tensor.nbytes(), dataStart, "the data");
  if (dtype == DType::Bool) {
    // Normalize so that every byte is a valid C++ bool.
    auto *bytes = static_cast<unsigned char *>(tensor.data());
    for (int64_t i = 0; i < tensor.numel(); ++i)
      bytes[i] = bytes[i] != 0;
  }
  return tensor;
}

/// The header numpy.save writes: the dict, spaces, and a newline, padded so
/// that the data starts at a multiple of 64 bytes.
static std::string makeHeader(const Tensor &tensor, unsigned &major) {
  std::string dict = "{'descr': '" + std::string(getDescr(tensor.dtype())) +
                     "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < tensor.shape().size(); ++i) {
    if (i)
      dict += ", ";
    dict += std::to_string(tensor.shape()[i]);
  }
  dict += tensor.shape().size() == 1 ? ",), }" : "), }";
  // Version 1.0 stores the header length in 2 bytes; 2.0 in 4.
  size_t withNewline = dict.size() + 1;
  major = 1;
  size_t padding = kAlignment - (kMagicSize + 4 + withNewline) % kAlignment;
  if (withNewline + padding > 0xffff) {
    major = 2;
    padding = kAlignment - (kMagicSize + 6 + withNewline) % kAlignment;
  }
  return dict + std::string(padding, ' ') + "\n";
}

void writeNpy(const std::string &path, const Tensor &tensor) {
  unsigned major = 1;
  std::string header = makeHeader(tensor, major);
  std::string prefix(kMagic, kMagicSize);
  prefix += static_cast<char>(major);
  prefix += '\0';
  for (size_t i = 0; i < (major == 1 ? 2u : 4u); ++i)
    prefix += static_cast<char>((header.size() >> (8 * i)) & 0xff);

  AtomicFileWriter writer(path);
  writer.write(prefix.data(), prefix.size());
  writer.write(header.data(), header.size());
  writer.write(tensor.data(), tensor.nbytes());
  writer.commit();
}

} // namespace kiln
