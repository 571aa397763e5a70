//===- FusionRegions.h - What every target does with kiln.fusion -*- C++ -*-===//
//
/// The two steps every target takes on a `kiln.fusion` region of linalg ops
/// on tensors: element-wise producers fuse into their consumers inside the
/// region (never across one), and the region is dissolved into its
/// enclosing block once the target has built its kernel from it. The CPU
/// tiles the fused ops in between (codegen/cpu/FusionKernels.cpp); CUDA
/// compiles each fused op into one kernel (codegen/cuda/FuseRegions.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_LINALG_FUSIONREGIONS_H
#define KILN_CODEGEN_LINALG_FUSIONREGIONS_H

#include "ir/KilnOps.h"

#include "mlir/Support/LogicalResult.h"

namespace kiln {

/// A linalg op a target's library computes (it carries a `library_call`).
bool isLibraryCall(mlir::Operation *op);

/// Fuses element-wise producers into their consumers inside `region`, and
/// folds reshapes into the linalg ops next to them. Library calls neither
/// fuse nor take producers.
mlir::LogicalResult fuseElementwise(FusionOp region);

/// Replaces `region` by its ops, and drops the pure ops left unused.
void dissolve(FusionOp region);

} // namespace kiln

#endif // KILN_CODEGEN_LINALG_FUSIONREGIONS_H
