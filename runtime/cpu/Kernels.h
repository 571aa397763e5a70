//===- Kernels.h - Library kernels that compiled code calls -----*- C++ -*-===//
//
/// Some ops run faster in a tuned library than in generated loops. The CPU
/// lowering marks them with a `library_call` name; the code generator turns
/// that into a call to `_mlir_ciface_<name>`, which this runtime defines.
/// An AOT object links these symbols from the runtime; the JIT registers
/// them from the table below.
///
/// The matmul kernels take every operand as a strided memref descriptor, so
/// a transposed operand is a permuted view, never a copy. A matmul may carry
/// an epilogue: a short chain of post-ops applied to the product before it is
/// stored, which oneDNN runs inside the matmul as post-ops.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_CPU_KERNELS_H
#define KILN_RUNTIME_CPU_KERNELS_H

#include "runtime/IndexError.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiln {

/// The largest operand rank the matmul kernels take; larger products stay
/// generated loops.
inline constexpr int kMaxKernelMatmulRank = 4;

/// The library_call name of the float32 matmul kernel for operand ranks
/// `lhsRank` and `rhsRank`.
std::string getMatmulKernelName(int lhsRank, int rhsRank);

/// One step of a matmul epilogue. A binary step combines the running result
/// `r` with the next post-op operand `x` as `r op x`; a unary step applies
/// an activation to `r`.
enum class MatmulPostOp : uint8_t {
  // Binary.
  Add = 1,
  Sub,
  Mul,
  // Unary. Only activations whose oneDNN post-op gives PyTorch's results,
  // NaN and infinities included: oneDNN's relu maps NaN to 0, its exp maps
  // NaN to +inf and its log is an approximation (log(1) = -1.4e-6), so
  // those stay element-wise kernels.
  Tanh,
  Sigmoid,
  Sqrt,
  Abs,
};

/// Whether the step reads a post-op operand.
bool isBinaryPostOp(MatmulPostOp op);

/// The step's name in IR (`kiln_cpu.post_ops`), and back.
std::string_view getMatmulPostOpName(MatmulPostOp op);
std::optional<MatmulPostOp> parseMatmulPostOp(std::string_view name);

/// Epilogues are at most this many steps, with at most this many operands:
/// the steps travel to the kernel packed in one int64, a byte each.
inline constexpr int kMaxMatmulPostOps = 8;
inline constexpr int kMaxMatmulPostOpOperands = 2;

/// The steps packed for the kernel, the first in the lowest byte.
int64_t encodeMatmulPostOps(const std::vector<MatmulPostOp> &steps);

/// The library_call name of the float32 matmul kernel with an epilogue of
/// `numOperands` post-op operands. Its arguments are lhs, rhs, the post-op
/// operands (each of the output's rank, its dims equal to the output's or
/// 1), the output, and the packed steps.
std::string getMatmulEpilogueKernelName(int lhsRank, int rhsRank,
                                        int numOperands);

/// Every kernel's C-interface symbol name and address, for the JIT.
const std::vector<std::pair<std::string, void *>> &getKernelSymbols();

/// The library_call name of the float32 convolution kernel whose operands
/// (input, weight, output) have rank `rank` (3 to 5). Its arguments are the
/// already padded input [N, C, d...], the weight [O, C / groups, k...], the
/// output, then one int64 per spatial dim for the strides, one per spatial
/// dim for the dilations, and the groups (OneDnnConv.cpp).
std::string getConvKernelName(int rank);

/// The convolution kernels' C-interface symbols, for the JIT.
const std::vector<std::pair<std::string, void *>> &getConvKernelSymbols();

/// The `mlirAsyncRuntime*` functions parallel loops call (AsyncRuntime.cpp),
/// by name, for the JIT.
const std::vector<std::pair<std::string, void *>> &getAsyncRuntimeSymbols();

//===----------------------------------------------------------------------===//
// Run-time index checks (docs/reliability.md, "Run-time index checks")
//===----------------------------------------------------------------------===//


/// The scope of one call of compiled code, opened by whoever calls it. While
/// it lives, the index errors `kiln_index_error` reports on this thread, and
/// on the worker threads that run the parallel tasks the call starts, go to
/// this scope (the first one wins); calls on other threads have their own.
/// Its destructor waits until every task the call started has returned from
/// compiled code: a task that wakes the caller runs on in compiled code for
/// a moment, and the caller may free that code (or this scope) next.
/// Scopes nest.
class CallScope {
public:
  CallScope();
  ~CallScope();
  CallScope(const CallScope &) = delete;
  CallScope &operator=(const CallScope &) = delete;

  /// The first error reported in this scope, if any.
  std::optional<IndexError> error() const;

  struct Slot;

private:
  Slot *slot_;
  Slot *outer_;
};

/// The scope a thread reports to (null outside every scope), for the async
/// runtime, which carries it from the thread that starts a task to the one
/// that runs it.
CallScope::Slot *getCurrentCallSlot();
void setCurrentCallSlot(CallScope::Slot *slot);
/// A task of the call of `slot` (none: outside every scope) was created, and
/// has returned from compiled code.
void beginCallTask(CallScope::Slot *slot);
void endCallTask(CallScope::Slot *slot);


/// `kiln_index_error` and `kiln_take_index_error`, for the JIT.
const std::vector<std::pair<std::string, void *>> &getIndexCheckSymbols();

} // namespace kiln

extern "C" {
/// Called by compiled code when an index read from data is out of range
/// (after negative indices wrapped, where the op wraps them): records the
/// first error of the call in the current CallScope, or, outside every
/// scope (an AOT object called directly), in a process-wide slot that
/// kiln_take_index_error reads. The code goes on with an in-range index, so
/// memory stays in bounds; the caller turns the error into an exception.
void kiln_index_error(int64_t site, int64_t value, int64_t bound);
/// The same, by the name compiled code calls (every function of a kiln
/// module gets MLIR's C interface, declarations included).
void _mlir_ciface_kiln_index_error(int64_t site, int64_t value, int64_t bound);
/// Takes the error recorded outside every scope since the last call: returns
/// 1 and fills the three values if there is one, else returns 0.
int kiln_take_index_error(int64_t *site, int64_t *value, int64_t *bound);
}

#endif // KILN_RUNTIME_CPU_KERNELS_H
