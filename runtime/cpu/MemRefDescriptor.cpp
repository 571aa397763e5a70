//===- MemRefDescriptor.cpp - Passing tensors to compiled code ------------===//

#include "runtime/cpu/MemRefDescriptor.h"

namespace kiln {

std::vector<int64_t> makeMemRefDescriptor(const Tensor &tensor) {
  auto data = reinterpret_cast<int64_t>(tensor.data());
  std::vector<int64_t> words = {data, data, 0};
  const std::vector<int64_t> &shape = tensor.shape();
  words.insert(words.end(), shape.begin(), shape.end());
  std::vector<int64_t> strides(shape.size(), 1);
  for (int64_t dim = static_cast<int64_t>(strides.size()) - 2; dim >= 0; --dim)
    strides[dim] = strides[dim + 1] * shape[dim + 1];
  words.insert(words.end(), strides.begin(), strides.end());
  return words;
}

} // namespace kiln
