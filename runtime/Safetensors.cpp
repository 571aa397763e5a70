//===- Safetensors.cpp - Hugging Face .safetensors files ------------------===//
//
/// The header is validated completely before any data is read: every entry
/// must be an object with exactly dtype, shape and data_offsets, the offsets
/// must cover exactly the bytes the dtype and shape need, lie inside the
/// file, and not overlap another tensor's.
//
//===----------------------------------------------------------------------===//

#include "runtime/Safetensors.h"

#include "runtime/FileIO.h"
#include "runtime/Json.h"

#include <algorithm>
#include <limits>

namespace kiln {

static const char *kSupported =
    "supported: F32, F64, I64, I32, I16, I8, U64, U32, U16, U8, BOOL";

static const char *getSafetensorsDType(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "F32";
  case DType::Float64:
    return "F64";
  case DType::Int64:
    return "I64";
  case DType::Int32:
    return "I32";
  case DType::Int16:
    return "I16";
  case DType::Int8:
    return "I8";
  case DType::UInt64:
    return "U64";
  case DType::UInt32:
    return "U32";
  case DType::UInt16:
    return "U16";
  case DType::UInt8:
    return "U8";
  case DType::Bool:
    return "BOOL";
  }
  throw RuntimeError("writeSafetensors: invalid dtype");
}

static bool parseSafetensorsDType(const std::string &name, DType &dtype) {
  for (DType candidate :
       {DType::Float32, DType::Float64, DType::Int64, DType::Int32,
        DType::Int16, DType::Int8, DType::UInt64, DType::UInt32, DType::UInt16,
        DType::UInt8, DType::Bool}) {
    if (name == getSafetensorsDType(candidate)) {
      dtype = candidate;
      return true;
    }
  }
  return false;
}

namespace {

/// One header entry, validated.
struct Entry {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  uint64_t begin, end;
};

} // namespace

/// Validates the header entry `name` against the data section's size.
static Entry parseEntry(const InputFile &file, const std::string &name,
                        const JsonValue &value, uint64_t dataSize) {
  auto fail = [&](const std::string &problem) {
    file.fail("tensor '" + name + "': " + problem);
  };
  if (!value.isObject())
    fail(std::string("expected an object, got a ") + value.kindName());
  for (const auto &member : value.getMembers())
    if (member.first != "dtype" && member.first != "shape" &&
        member.first != "data_offsets")
      fail("unexpected key '" + member.first + "'");
  const JsonValue *dtype = value.find("dtype");
  const JsonValue *shape = value.find("shape");
  const JsonValue *offsets = value.find("data_offsets");
  if (!dtype || !shape || !offsets)
    fail("needs 'dtype', 'shape' and 'data_offsets'");

  Entry entry;
  entry.name = name;
  if (!dtype->isString())
    fail("'dtype' must be a string");
  if (!parseSafetensorsDType(dtype->getText(), entry.dtype))
    fail("unsupported dtype '" + dtype->getText() + "'; " + kSupported);

  if (!shape->isArray())
    fail("'shape' must be an array of non-negative integers");
  uint64_t bytes = getElementSize(entry.dtype);
  for (const JsonValue &dim : shape->getElements()) {
    uint64_t size;
    if (!dim.getUInt64(size) ||
        size > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      fail("'shape' must be an array of non-negative integers");
    entry.shape.push_back(static_cast<int64_t>(size));
    if (size != 0 && bytes > std::numeric_limits<uint64_t>::max() / size)
      fail("shape " + formatShape(entry.shape) + " is too large");
    bytes *= size;
  }

  const auto &bounds = offsets->getElements();
  if (!offsets->isArray() || bounds.size() != 2 ||
      !bounds[0].getUInt64(entry.begin) || !bounds[1].getUInt64(entry.end))
    fail("'data_offsets' must be two non-negative integers [begin, end]");
  std::string range = "data_offsets [" + std::to_string(entry.begin) + ", " +
                      std::to_string(entry.end) + "]";
  if (entry.begin > entry.end)
    fail(range + " end before they begin");
  if (entry.end > dataSize)
    fail(range + " are out of range: the data section has only " +
         std::to_string(dataSize) + " bytes (truncated file?)");
  if (entry.end - entry.begin != bytes)
    fail(range + " span " + std::to_string(entry.end - entry.begin) +
         " bytes but " + getDTypeName(entry.dtype) + " " +
         formatShape(entry.shape) + " needs " + std::to_string(bytes));
  return entry;
}

std::map<std::string, Tensor> readSafetensors(const std::string &path) {
  InputFile file(path);
  unsigned char lengthBytes[8];
  file.read(lengthBytes, sizeof(lengthBytes), 0, "the header length");
  uint64_t headerLength = 0;
  for (int i = 7; i >= 0; --i)
    headerLength = (headerLength << 8) | lengthBytes[i];
  if (headerLength > file.size() - sizeof(lengthBytes))
    file.fail("truncated file: the header length is " +
              std::to_string(headerLength) + " bytes but only " +
              std::to_string(file.size() - sizeof(lengthBytes)) + " follow");
  std::string text(headerLength, '\0');
  file.read(&text[0], headerLength, sizeof(lengthBytes), "the header");

  JsonValue header;
  try {
    header = parseJson(text);
  } catch (const RuntimeError &error) {
    file.fail(std::string("bad header: ") + error.what());
  }
  if (!header.isObject())
    file.fail("bad header: expected a JSON object");

  uint64_t dataStart = sizeof(lengthBytes) + headerLength;
  uint64_t dataSize = file.size() - dataStart;
  std::vector<Entry> entries;
  for (const auto &member : header.getMembers()) {
    if (member.first == "__metadata__")
      continue;
    entries.push_back(parseEntry(file, member.first, member.second, dataSize));
  }

  std::vector<const Entry *> byOffset;
  for (const Entry &entry : entries)
    byOffset.push_back(&entry);
  std::sort(byOffset.begin(), byOffset.end(),
            [](const Entry *a, const Entry *b) {
              return a->begin != b->begin ? a->begin < b->begin
                                          : a->end < b->end;
            });
  // Compare each tensor with the one reaching furthest so far, so that a
  // tensor nested inside a long one is caught too. Empty tensors occupy no
  // bytes and so overlap nothing.
  const Entry *furthest = nullptr;
  for (const Entry *entry : byOffset) {
    if (entry->begin == entry->end)
      continue;
    if (furthest && entry->begin < furthest->end)
      file.fail("tensors '" + furthest->name + "' and '" + entry->name +
                "' overlap: data_offsets [" + std::to_string(furthest->begin) +
                ", " + std::to_string(furthest->end) + "] and [" +
                std::to_string(entry->begin) + ", " +
                std::to_string(entry->end) + "]");
    if (!furthest || entry->end > furthest->end)
      furthest = entry;
  }

  std::map<std::string, Tensor> tensors;
  for (const Entry &entry : entries) {
    Tensor tensor = Tensor::zeros(entry.dtype, entry.shape);
    file.read(tensor.data(), tensor.nbytes(), dataStart + entry.begin,
              "tensor '" + entry.name + "'");
    if (entry.dtype == DType::Bool) {
      // Normalize so that every byte is a valid C++ bool.
      auto *bytes = static_cast<unsigned char *>(tensor.data());
      for (int64_t i = 0; i < tensor.numel(); ++i)
        bytes[i] = bytes[i] != 0;
    }
    tensors.emplace(entry.name, std::move(tensor));
  }
  return tensors;
}

void writeSafetensors(const std::string &path,
                      const std::map<std::string, Tensor> &tensors) {
  std::vector<const std::pair<const std::string, Tensor> *> order;
  for (const auto &named : tensors) {
    if (named.first == "__metadata__")
      throw RuntimeError(path + ": '__metadata__' is reserved and cannot name "
                                "a tensor");
    order.push_back(&named);
  }
  // Largest elements first keeps every tensor aligned to its element size,
  // since the data section starts at a multiple of 8.
  std::stable_sort(order.begin(), order.end(), [](auto *a, auto *b) {
    return getElementSize(a->second.dtype()) >
           getElementSize(b->second.dtype());
  });

  std::string header = "{";
  uint64_t offset = 0;
  for (const auto *named : order) {
    const Tensor &tensor = named->second;
    if (header.size() > 1)
      header += ",";
    header += quoteJson(named->first) + ":{\"dtype\":\"" +
              getSafetensorsDType(tensor.dtype()) + "\",\"shape\":[";
    for (size_t i = 0; i < tensor.shape().size(); ++i)
      header += (i ? "," : "") + std::to_string(tensor.shape()[i]);
    header += "],\"data_offsets\":[" + std::to_string(offset) + "," +
              std::to_string(offset + tensor.nbytes()) + "]}";
    offset += tensor.nbytes();
  }
  header += "}";
  header.append((8 - header.size() % 8) % 8, ' ');

  unsigned char lengthBytes[8];
  for (int i = 0; i < 8; ++i)
    lengthBytes[i] = static_cast<unsigned char>(
        static_cast<uint64_t>(header.size()) >> (8 * i));
  AtomicFileWriter writer(path);
  writer.write(lengthBytes, sizeof(lengthBytes));
  writer.write(header.data(), header.size());
  for (const auto *named : order)
    writer.write(named->second.data(), named->second.nbytes());
  writer.commit();
}

} // namespace kiln
