//===- MemRefDescriptor.h - Passing tensors to compiled code ----*- C++ -*-===//
//
/// Compiled Kiln models (JIT or AOT) take each argument and output as a
/// pointer to a ranked memref descriptor, the layout MLIR's LLVM lowering
/// uses. Both callers build them here, over the Tensor's own storage.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CPU_MEMREFDESCRIPTOR_H
#define KILN_RUNTIME_CPU_MEMREFDESCRIPTOR_H

#include "runtime/Tensor.h"

#include <cstdint>
#include <vector>

namespace kiln {

/// The words of a ranked memref descriptor over a contiguous tensor:
/// allocated and aligned pointers, offset 0, sizes, row-major strides.
std::vector<int64_t> makeMemRefDescriptor(const Tensor &tensor);

} // namespace kiln

#endif // KILN_RUNTIME_CPU_MEMREFDESCRIPTOR_H
