//===- IndexChecks.h - Run-time checks of data indices ----------*- C++ -*-===//
//
/// Every lowering that indexes a tensor with values read from another
/// (take, gather, index_select, gather_nd, scatter, scatter_nd, and through
/// them embedding, nll_loss and cross_entropy; one_hot in torch's form)
/// reads its indices with
/// createCheckedIndex. Which ops check, how they wrap negative indices and
/// what their errors say is decided here and nowhere else
/// (docs/reliability.md, "Run-time index checks").
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_LINALG_INDEXCHECKS_H
#define KILN_CODEGEN_LINALG_INDEXCHECKS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <vector>

namespace kiln {

/// The module attribute listing the check sites' messages, by site number.
inline constexpr const char *kIndexChecksAttrName = "kiln_cpu.index_checks";

/// Class targets: the op that picks a class loss's target class (the
/// gather of nll_loss's decomposition) has a FusedLoc whose metadata is the
/// loss op's name (`kiln.nll_loss`, `kiln.cross_entropy`; DecomposeLosses
/// tags it). Class targets do not wrap around (PyTorch raises for -1) and
/// their errors name the loss.

/// Reads `raw` (an integer or index value: an index as the data holds it)
/// for dimension `dim` of size `bound` of the tensor `op` indexes: negative
/// values wrap once (where `op` wraps them), and a value still outside
/// [0, bound) calls `kiln_index_error` with this check's site and the raw
/// value, then goes on as 0, so no access leaves the tensor. Returns the
/// in-range index as an `index`.
mlir::Value createCheckedIndex(mlir::OpBuilder &builder, mlir::Location loc,
                               mlir::Operation *op, mlir::Value raw,
                               int64_t dim, int64_t bound);

/// The messages of `module`'s check sites (empty without checks).
std::vector<std::string> readIndexChecks(mlir::ModuleOp module);

} // namespace kiln

#endif // KILN_CODEGEN_LINALG_INDEXCHECKS_H
