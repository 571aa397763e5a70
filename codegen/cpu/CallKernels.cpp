//===- CallKernels.cpp - Marked linalg ops to runtime kernel calls --------===//
//
/// The `kiln-call-kernels` pass. Upstream's convert-linalg-to-std would also
/// turn every named op (fills, copies) into calls of functions nobody
/// defines; this pass calls only the kernels the lowering chose.
///
/// Kernels read each operand with its dims in loop order. An operand whose
/// indexing map reads it permuted (a transpose folded into the op) is passed
/// as a `memref.transpose` view that restores loop order: strides change,
/// no element moves. A matmul or convolution kernel overwrites its whole
/// output, so the zero fill its contraction body starts from is dropped.
/// Integers a kernel takes besides its operands (`kiln_cpu.kernel_args`)
/// follow them as int64 arguments.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/MatmulKernels.h"
#include "codegen/cpu/Passes.h"
#include "runtime/cpu/Kernels.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNCALLKERNELS
#include "codegen/cpu/Passes.h.inc"
} // namespace kiln

namespace {

/// `type` with every size, stride and the offset dynamic.
MemRefType getFullyDynamicType(MemRefType type) {
  int64_t rank = type.getRank();
  SmallVector<int64_t> sizes(rank, ShapedType::kDynamic);
  SmallVector<int64_t> strides(rank, ShapedType::kDynamic);
  auto layout =
      StridedLayoutAttr::get(type.getContext(), ShapedType::kDynamic, strides);
  return MemRefType::get(sizes, type.getElementType(), layout);
}

/// The permutation that lists the operand's dims in loop order when `map`
/// reads them in another order; nothing when it already reads them in loop
/// order or broadcasts (the lowering's broadcasting maps are in loop order).
std::optional<SmallVector<int64_t>> getLoopOrder(AffineMap map) {
  if (!map.isProjectedPermutation())
    return std::nullopt;
  auto order = llvm::to_vector(llvm::seq<int64_t>(0, map.getNumResults()));
  llvm::sort(order, [&](int64_t a, int64_t b) {
    return map.getDimPosition(a) < map.getDimPosition(b);
  });
  if (llvm::is_sorted(order))
    return std::nullopt;
  return order;
}

/// A matmul kernel writes every element of its output and reads none, so a
/// fill of the output right before it (the zero start of the contraction
/// in the op's body, with nothing between that touches memory) is dead.
void eraseOverwrittenFill(linalg::GenericOp op) {
  Value output = op.getDpsInits()[0];
  for (Operation *previous = op->getPrevNode(); previous;
       previous = previous->getPrevNode()) {
    if (auto fill = dyn_cast<linalg::FillOp>(previous)) {
      if (fill.getDpsInits()[0] == output)
        fill.erase();
      return;
    }
    if (!isMemoryEffectFree(previous))
      return;
  }
}

struct CallKernelsPass : kiln::impl::KilnCallKernelsBase<CallKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<linalg::GenericOp> marked;
    module.walk([&](linalg::GenericOp op) {
      if (op.getLibraryCallAttr() && op.hasPureBufferSemantics())
        marked.push_back(op);
    });
    for (linalg::GenericOp op : marked) {
      if (kiln::isMatmulKernel(op) || kiln::isConvKernel(op))
        eraseOverwrittenFill(op);
      OpBuilder builder(op);
      Location loc = op.getLoc();
      SmallVector<Value> arguments;
      for (OpOperand &operand : op->getOpOperands()) {
        Value argument = builder.create<memref::CastOp>(
            loc, getFullyDynamicType(cast<MemRefType>(operand.get().getType())),
            operand.get());
        if (auto order = getLoopOrder(op.getMatchingIndexingMap(&operand)))
          argument = builder.create<memref::TransposeOp>(
              loc, argument,
              AffineMapAttr::get(
                  AffineMap::getPermutationMap(*order, op.getContext())));
        arguments.push_back(argument);
      }
      if (Attribute names = op->getAttr(kiln::kPostOpsAttrName)) {
        std::optional<std::vector<kiln::MatmulPostOp>> steps =
            kiln::getPostOps(op);
        if (!steps) {
          op.emitOpError("has a post-op no matmul kernel has in ") << names;
          return signalPassFailure();
        }
        arguments.push_back(builder.create<arith::ConstantIntOp>(
            loc, kiln::encodeMatmulPostOps(*steps), /*width=*/64));
      }
      // Scalar geometry (a convolution's strides, dilations and groups).
      if (auto values =
              op->getAttrOfType<DenseI64ArrayAttr>(kiln::kKernelArgsAttrName))
        for (int64_t value : values.asArrayRef())
          arguments.push_back(
              builder.create<arith::ConstantIntOp>(loc, value, /*width=*/64));
      StringRef name = op.getLibraryCallAttr().getValue();
      if (!symbols.lookup(name)) {
        OpBuilder declarations(module.getBodyRegion());
        auto declaration = declarations.create<func::FuncOp>(
            loc, name,
            builder.getFunctionType(ValueRange(arguments).getTypes(), {}));
        declaration.setPrivate();
        // The kernel is C code: it takes pointers to descriptors.
        declaration->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                             builder.getUnitAttr());
        symbols.insert(declaration);
      }
      builder.create<func::CallOp>(loc, name, TypeRange{}, arguments);
      op.erase();
    }
  }
};

} // namespace
