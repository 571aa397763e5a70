//===- Tensor.h - Kiln's runtime tensor -------------------------*- C++ -*-===//
//
/// A dense, contiguous (row-major) tensor: a dtype, a static shape, and
/// storage that is either owned (64-byte aligned, shared between copies of
/// the Tensor object) or a zero-copy view of memory the caller owns, as
/// torch.from_numpy shares a NumPy array's memory.
///
/// The runtime has no LLVM or MLIR dependency and reports errors by throwing
/// kiln::RuntimeError with a message that names the file, tensor or operation
/// and what was expected.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_TENSOR_H
#define KILN_RUNTIME_TENSOR_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiln {

/// Every runtime failure: bad files, shape or dtype mismatches, misuse.
class RuntimeError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The element types Kiln supports, with PyTorch's names.
enum class DType {
  Float32,
  Float64,
  Int64,
  Int32,
  Int16,
  Int8,
  UInt64,
  UInt32,
  UInt16,
  UInt8,
  Bool
};

/// Bytes per element.
size_t getElementSize(DType dtype);

/// The bytes a tensor of `dtype` and `shape` holds; throws when a dimension
/// is negative or the size does not fit in int64 (so numel() and nbytes()
/// cannot overflow). Readers check a file's claim with it before allocating.
size_t getByteSize(DType dtype, const std::vector<int64_t> &shape);

/// PyTorch's name without the `torch.` prefix: "float32", "int64", "bool", ...
const char *getDTypeName(DType dtype);

/// The C++ type that stores each dtype.
template <typename T> constexpr DType dtypeOf();
template <> constexpr DType dtypeOf<float>() { return DType::Float32; }
template <> constexpr DType dtypeOf<double>() { return DType::Float64; }
template <> constexpr DType dtypeOf<int64_t>() { return DType::Int64; }
template <> constexpr DType dtypeOf<int32_t>() { return DType::Int32; }
template <> constexpr DType dtypeOf<int16_t>() { return DType::Int16; }
template <> constexpr DType dtypeOf<int8_t>() { return DType::Int8; }
template <> constexpr DType dtypeOf<uint64_t>() { return DType::UInt64; }
template <> constexpr DType dtypeOf<uint32_t>() { return DType::UInt32; }
template <> constexpr DType dtypeOf<uint16_t>() { return DType::UInt16; }
template <> constexpr DType dtypeOf<uint8_t>() { return DType::UInt8; }
template <> constexpr DType dtypeOf<bool>() { return DType::Bool; }

/// Formats a shape as PyTorch prints a size: [2, 3].
std::string formatShape(const std::vector<int64_t> &shape);

class Tensor {
public:
  /// Storage alignment of owned tensors, enough for AVX-512 loads.
  static constexpr size_t kAlignment = 64;

  /// An empty 0-element float32 tensor of shape [0].
  Tensor();

  /// An owned, zero-filled tensor.
  static Tensor zeros(DType dtype, std::vector<int64_t> shape);
  /// An owned tensor with every element `value` converted to `dtype` as
  /// torch.full does.
  static Tensor full(DType dtype, std::vector<int64_t> shape, double value);

  /// A view of `data`, which the caller keeps alive and which is modified in
  /// place by anything that writes the tensor.
  static Tensor view(void *data, DType dtype, std::vector<int64_t> shape);

  /// An owned tensor holding `values`.
  template <typename T>
  static Tensor fromValues(std::vector<int64_t> shape,
                           const std::vector<T> &values);

  DType dtype() const { return dtype_; }
  const std::vector<int64_t> &shape() const { return shape_; }
  int64_t rank() const { return static_cast<int64_t>(shape_.size()); }
  int64_t numel() const;
  size_t nbytes() const { return numel() * getElementSize(dtype_); }
  bool ownsStorage() const { return storage_ != nullptr; }

  void *data() { return data_; }
  const void *data() const { return data_; }

  /// Typed access; throws if T does not match the dtype.
  template <typename T> T *data() {
    checkDType(dtypeOf<T>());
    return static_cast<T *>(data_);
  }
  template <typename T> const T *data() const {
    checkDType(dtypeOf<T>());
    return static_cast<const T *>(data_);
  }

  /// A deep copy with owned storage.
  Tensor clone() const;

  /// "float32 [2, 3]", for messages.
  std::string describe() const;

private:
  Tensor(DType dtype, std::vector<int64_t> shape, std::shared_ptr<void> storage,
         void *data);
  void checkDType(DType expected) const;

  DType dtype_ = DType::Float32;
  std::vector<int64_t> shape_{0};
  std::shared_ptr<void> storage_;
  void *data_ = nullptr;
};

template <typename T>
Tensor Tensor::fromValues(std::vector<int64_t> shape,
                          const std::vector<T> &values) {
  Tensor tensor = zeros(dtypeOf<T>(), std::move(shape));
  if (static_cast<int64_t>(values.size()) != tensor.numel())
    throw RuntimeError("fromValues: " + std::to_string(values.size()) +
                       " values do not fill a tensor of shape " +
                       formatShape(tensor.shape()));
  T *out = tensor.data<T>();
  for (size_t i = 0; i < values.size(); ++i)
    out[i] = values[i];
  return tensor;
}

} // namespace kiln

#endif // KILN_RUNTIME_TENSOR_H
