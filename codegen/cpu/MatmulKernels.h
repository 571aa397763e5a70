//===- MatmulKernels.h - Compiler side of the matmul kernels ----*- C++ -*-===//
//
/// A float32 matmul that runs as a oneDNN kernel (runtime/cpu/Kernels.h)
/// stays a `linalg.generic` with a `library_call` until kiln-call-kernels
/// replaces it, and passes between the lowering and that call fold more work into it:
/// transposed operands (its indexing maps read them permuted) and an
/// element-wise epilogue (named by the `kiln_cpu.post_ops` attribute, computed
/// by its body on the last step of the contraction).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_CODEGEN_CPU_MATMULKERNELS_H
#define KILN_CODEGEN_CPU_MATMULKERNELS_H

#include "runtime/cpu/Kernels.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"

namespace kiln {

/// The attribute of a kernel matmul that lists its epilogue's steps by name
/// (kiln::getMatmulPostOpName), in order. The CPU code generator has no
/// dialect, so no dialect verifies it (the `kiln.` namespace is the kiln
/// dialect's): kiln-call-kernels reports a name it does not know.
inline constexpr llvm::StringLiteral kPostOpsAttrName = "kiln_cpu.post_ops";

/// Integers passed to a kernel after its operands, in order (a
/// convolution's strides, dilations and groups): a DenseI64ArrayAttr.
inline constexpr llvm::StringLiteral kKernelArgsAttrName =
    "kiln_cpu.kernel_args";

/// Whether `op` is a float32 convolution the runtime runs.
inline bool isConvKernel(mlir::linalg::GenericOp op) {
  mlir::StringAttr call = op.getLibraryCallAttr();
  return call && call.getValue().starts_with("kiln_conv_f32_");
}

/// Whether `op` is a float32 matmul the runtime runs.
inline bool isMatmulKernel(mlir::linalg::GenericOp op) {
  mlir::StringAttr call = op.getLibraryCallAttr();
  return call && call.getValue().starts_with("kiln_matmul_f32_");
}

/// The epilogue steps of a kernel matmul (none without `kPostOpsAttrName`),
/// or nothing when the attribute names a step no kernel has.
inline std::optional<std::vector<MatmulPostOp>>
getPostOps(mlir::linalg::GenericOp op) {
  std::vector<MatmulPostOp> steps;
  auto names = op->getAttrOfType<mlir::ArrayAttr>(kPostOpsAttrName);
  if (!names)
    return steps;
  for (mlir::Attribute name : names) {
    auto text = llvm::dyn_cast<mlir::StringAttr>(name);
    std::optional<MatmulPostOp> step =
        text ? parseMatmulPostOp(text.getValue().str()) : std::nullopt;
    if (!step)
      return std::nullopt;
    steps.push_back(*step);
  }
  return steps;
}

} // namespace kiln

#endif // KILN_CODEGEN_CPU_MATMULKERNELS_H
