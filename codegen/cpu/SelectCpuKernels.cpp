//===- SelectCpuKernels.cpp - oneDNN kernels for the CPU ------------------===//
//
/// The `kiln-select-cpu-kernels` pass. The shared lowering says which
/// generics are contractions a library could compute (codegen/linalg/
/// Contractions.h); this pass picks the ones the CPU runtime has a kernel
/// for: float32 matmuls of operands of rank at most 4 (oneDNN's matmul) and
/// float32 convolutions (oneDNN's convolution_forward). Each becomes a
/// generic with a `library_call`, which kiln-call-kernels turns into a call
/// after bufferization; the rest stay loops.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/MatmulKernels.h"
#include "codegen/cpu/Passes.h"
#include "codegen/linalg/Contractions.h"

#include "runtime/cpu/Kernels.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNSELECTCPUKERNELS
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

int getRank(Value value) {
  return static_cast<int>(cast<ShapedType>(value.getType()).getRank());
}

/// The runtime kernel that computes `op`, a contraction of kind `kind`.
std::optional<std::string> selectKernel(linalg::GenericOp op,
                                        StringRef kind) {
  if (!cast<ShapedType>(op.getResult(0).getType()).getElementType().isF32())
    return std::nullopt;
  if (kind == kiln::kMatmulContraction) {
    int lhs = getRank(op.getInputs()[0]), rhs = getRank(op.getInputs()[1]);
    if (lhs > kiln::kMaxKernelMatmulRank || rhs > kiln::kMaxKernelMatmulRank)
      return std::nullopt;
    return kiln::getMatmulKernelName(lhs, rhs);
  }
  if (kind == kiln::kConvContraction)
    return kiln::getConvKernelName(getRank(op.getResult(0)));
  return std::nullopt;
}

struct SelectCpuKernelsPass
    : kiln::impl::KilnSelectCpuKernelsBase<SelectCpuKernelsPass> {
  void runOnOperation() override {
    getOperation().walk([](linalg::GenericOp op) {
      auto kind = op->getAttrOfType<StringAttr>(kiln::kContractionAttrName);
      if (!kind)
        return;
      auto geometry = op->getAttrOfType<DenseI64ArrayAttr>(
          kiln::kConvGeometryAttrName);
      // The description is for kernel selection only; the loops need none.
      op->removeAttr(kiln::kContractionAttrName);
      op->removeAttr(kiln::kConvGeometryAttrName);
      std::optional<std::string> kernel = selectKernel(op, kind.getValue());
      if (!kernel)
        return;
      Builder builder(op.getContext());
      op.setLibraryCallAttr(builder.getStringAttr(*kernel));
      // A convolution's kernel takes what its descriptors do not say.
      if (geometry)
        op->setAttr(kiln::kKernelArgsAttrName, geometry);
    });
  }
};

} // namespace
