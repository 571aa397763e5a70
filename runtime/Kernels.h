//===- Kernels.h - Library kernels that compiled code calls -----*- C++ -*-===//
//
/// Some ops run faster in a tuned library than in generated loops. The CPU
/// lowering marks them with a `library_call` name; the code generator turns
/// that into a call to `_mlir_ciface_<name>`, which this runtime defines.
/// An AOT object links these symbols from the runtime; the JIT registers
/// them from the table below.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_KERNELS_H
#define KILN_RUNTIME_KERNELS_H

#include <string>
#include <utility>
#include <vector>

namespace kiln {

/// The largest operand rank the matmul kernels take; larger products stay
/// generated loops.
inline constexpr int kMaxKernelMatmulRank = 4;

/// The library_call name of the float32 matmul kernel for operand ranks
/// `lhsRank` and `rhsRank`.
std::string getMatmulKernelName(int lhsRank, int rhsRank);

/// Every kernel's C-interface symbol name and address, for the JIT.
const std::vector<std::pair<std::string, void *>> &getKernelSymbols();

} // namespace kiln

#endif // KILN_RUNTIME_KERNELS_H
