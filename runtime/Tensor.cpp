//===- Tensor.cpp - Kiln's runtime tensor ---------------------------------===//
//
/// Owned storage is allocated with aligned_alloc and released through the
/// shared_ptr's deleter, so copies of a Tensor share one buffer and the last
/// copy frees it; views carry no storage and never free.
//
//===----------------------------------------------------------------------===//

#include "runtime/Tensor.h"

#include <algorithm>
#include <type_traits>

#include <cstdlib>
#include <cstring>
#include <limits>

namespace kiln {

size_t getElementSize(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return 4;
  case DType::Float64:
    return 8;
  case DType::Int64:
    return 8;
  case DType::Int32:
    return 4;
  case DType::Int16:
    return 2;
  case DType::Int8:
    return 1;
  case DType::UInt64:
    return 8;
  case DType::UInt32:
    return 4;
  case DType::UInt16:
    return 2;
  case DType::UInt8:
    return 1;
  case DType::Bool:
    return 1;
  }
  throw RuntimeError("getElementSize: invalid dtype " +
                     std::to_string(static_cast<int>(dtype)));
}

const char *getDTypeName(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "float32";
  case DType::Float64:
    return "float64";
  case DType::Int64:
    return "int64";
  case DType::Int32:
    return "int32";
  case DType::Int16:
    return "int16";
  case DType::Int8:
    return "int8";
  case DType::UInt64:
    return "uint64";
  case DType::UInt32:
    return "uint32";
  case DType::UInt16:
    return "uint16";
  case DType::UInt8:
    return "uint8";
  case DType::Bool:
    return "bool";
  }
  throw RuntimeError("getDTypeName: invalid dtype " +
                     std::to_string(static_cast<int>(dtype)));
}

std::string formatShape(const std::vector<int64_t> &shape) {
  std::string result = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      result += ", ";
    result += std::to_string(shape[i]);
  }
  return result + "]";
}

size_t getByteSize(DType dtype, const std::vector<int64_t> &shape) {
  size_t bytes = getElementSize(dtype);
  const size_t limit = std::numeric_limits<int64_t>::max();
  for (int64_t dim : shape) {
    if (dim < 0)
      throw RuntimeError("invalid shape " + formatShape(shape) +
                         ": dimensions must be non-negative");
    if (dim != 0 && bytes > limit / static_cast<size_t>(dim))
      throw RuntimeError("shape " + formatShape(shape) + " of " +
                         getDTypeName(dtype) + " elements is too large");
    bytes *= static_cast<size_t>(dim);
  }
  return bytes;
}

Tensor::Tensor(DType dtype, std::vector<int64_t> shape,
               std::shared_ptr<void> storage, void *data)
    : dtype_(dtype), shape_(std::move(shape)), storage_(std::move(storage)),
      data_(data) {}

Tensor::Tensor() = default;

Tensor Tensor::full(DType dtype, std::vector<int64_t> shape, double value) {
  Tensor tensor = zeros(dtype, std::move(shape));
  auto fill = [&](auto *data) {
    std::fill(data, data + tensor.numel(),
              static_cast<std::remove_pointer_t<decltype(data)>>(value));
  };
  switch (dtype) {
  case DType::Float32:
    fill(tensor.data<float>());
    break;
  case DType::Float64:
    fill(tensor.data<double>());
    break;
  case DType::Int64:
    fill(tensor.data<int64_t>());
    break;
  case DType::Int32:
    fill(tensor.data<int32_t>());
    break;
  case DType::Int16:
    fill(tensor.data<int16_t>());
    break;
  case DType::Int8:
    fill(tensor.data<int8_t>());
    break;
  case DType::UInt64:
    fill(tensor.data<uint64_t>());
    break;
  case DType::UInt32:
    fill(tensor.data<uint32_t>());
    break;
  case DType::UInt16:
    fill(tensor.data<uint16_t>());
    break;
  case DType::UInt8:
    fill(tensor.data<uint8_t>());
    break;
  case DType::Bool:
    fill(tensor.data<bool>());
    break;
  }
  return tensor;
}

Tensor Tensor::zeros(DType dtype, std::vector<int64_t> shape) {
  size_t bytes = getByteSize(dtype, shape);
  // aligned_alloc needs a size that is a multiple of the alignment, and a
  // non-zero one so that even empty tensors own a distinct buffer.
  size_t allocated = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  if (allocated == 0)
    allocated = kAlignment;
  void *memory = std::aligned_alloc(kAlignment, allocated);
  if (!memory)
    throw RuntimeError("out of memory allocating " + std::to_string(bytes) +
                       " bytes for a " + getDTypeName(dtype) + " " +
                       formatShape(shape) + " tensor");
  std::memset(memory, 0, allocated);
  std::shared_ptr<void> storage(memory, std::free);
  return Tensor(dtype, std::move(shape), std::move(storage), memory);
}

Tensor Tensor::view(void *data, DType dtype, std::vector<int64_t> shape) {
  getByteSize(dtype, shape); // validates the shape
  Tensor tensor(dtype, std::move(shape), nullptr, data);
  if (!data && tensor.numel() != 0)
    throw RuntimeError("Tensor::view: null data for a non-empty " +
                       tensor.describe() + " tensor");
  return tensor;
}

int64_t Tensor::numel() const {
  int64_t count = 1;
  for (int64_t dim : shape_)
    count *= dim;
  return count;
}

Tensor Tensor::clone() const {
  Tensor copy = zeros(dtype_, shape_);
  if (nbytes())
    std::memcpy(copy.data_, data_, nbytes());
  return copy;
}

std::string Tensor::describe() const {
  return std::string(getDTypeName(dtype_)) + " " + formatShape(shape_);
}

void Tensor::checkDType(DType expected) const {
  if (expected != dtype_)
    throw RuntimeError("dtype mismatch: tensor is " + describe() +
                       " but was accessed as " + getDTypeName(expected));
}

} // namespace kiln
