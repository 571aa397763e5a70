//===- CallKernels.cpp - Marked linalg ops to runtime kernel calls --------===//
//
/// The `kiln-call-kernels` pass. Upstream's convert-linalg-to-std would also
/// turn every named op (fills, copies) into calls of functions nobody
/// defines; this pass calls only the kernels the lowering chose.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/SymbolTable.h"

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
      OpBuilder builder(op);
      Location loc = op.getLoc();
      SmallVector<Value> operands;
      for (Value operand : op->getOperands())
        operands.push_back(builder.create<memref::CastOp>(
            loc, getFullyDynamicType(cast<MemRefType>(operand.getType())),
            operand));
      StringRef name = op.getLibraryCallAttr().getValue();
      if (!symbols.lookup(name)) {
        OpBuilder declarations(module.getBodyRegion());
        auto declaration = declarations.create<func::FuncOp>(
            loc, name,
            builder.getFunctionType(ValueRange(operands).getTypes(), {}));
        declaration.setPrivate();
        // The kernel is C code: it takes pointers to descriptors.
        declaration->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                             builder.getUnitAttr());
        symbols.insert(declaration);
      }
      builder.create<func::CallOp>(loc, name, TypeRange{}, operands);
      op.erase();
    }
  }
};

} // namespace
