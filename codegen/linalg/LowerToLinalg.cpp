//===- LowerToLinalg.cpp - kiln ops to linalg/tensor/arith/math -----------===//
//
/// The `kiln-lower-to-linalg` pass: a full dialect conversion of a
/// decomposed kiln module to upstream ops on tensors. Function signatures are
/// converted too (ui8 tensors become i8), so the result is plain upstream IR.
//
//===----------------------------------------------------------------------===//

#include "codegen/linalg/LoweringUtils.h"
#include "codegen/linalg/Passes.h"

#include "ir/KilnOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;

namespace kiln {
#define GEN_PASS_DEF_KILNLOWERTOLINALG
#include "codegen/linalg/Passes.h.inc"
} // namespace kiln

namespace {
struct LowerToLinalgPass
    : kiln::impl::KilnLowerToLinalgBase<LowerToLinalgPass> {
  void runOnOperation() override {
    if (failed(checkLowerable(getOperation())))
      return signalPassFailure();
    MLIRContext *context = &getContext();
    kiln::KilnTypeConverter converter;

    ConversionTarget target(*context);
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    target.addIllegalDialect<kiln::KilnDialect>();
    // Fusion regions hold the lowered ops until kiln-fusion-kernels.
    target.addDynamicallyLegalOp<kiln::FusionOp>([&](kiln::FusionOp op) {
      return converter.isLegal(op) &&
             converter.isLegal(op.getBody().getArgumentTypes());
    });
    target.addDynamicallyLegalOp<kiln::YieldOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    target.addLegalOp<ModuleOp>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp func) {
      return converter.isSignatureLegal(func.getFunctionType()) &&
             converter.isLegal(&func.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    RewritePatternSet patterns(context);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    kiln::populateLowerCreationPatterns(converter, patterns);
    kiln::populateLowerElementwisePatterns(converter, patterns);
    kiln::populateLowerLinalgPatterns(converter, patterns);
    kiln::populateLowerReductionPatterns(converter, patterns);
    kiln::populateLowerShapePatterns(converter, patterns);
    kiln::populateLowerIndexingPatterns(converter, patterns);
    kiln::populateLowerConvPatterns(converter, patterns);
    kiln::populateLowerFusionPatterns(converter, patterns);

    if (failed(
            applyFullConversion(getOperation(), target, std::move(patterns))))
      return signalPassFailure();
    getOperation().walk(dropModelAttributes);
  }

  /// Reports the ops this lowering has no pattern for, with the reason,
  /// rather than the conversion's generic "failed to legalize".
  static LogicalResult checkLowerable(ModuleOp module) {
    WalkResult result = module.walk([](Operation *op) {
      if (isa<kiln::ManualSeedOp, kiln::RandOp, kiln::RandnOp>(op)) {
        op->emitOpError("must be evaluated by kiln-materialize-random before "
                        "lowering");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    return failure(result.wasInterrupted());
  }

  /// The model-format attributes describe kiln tensors; once those are
  /// lowered they would be wrong (bufferization turns results into
  /// arguments), and the signature has been read by then.
  static void dropModelAttributes(func::FuncOp func) {
    auto isKiln = [](NamedAttribute attr) {
      return attr.getName().getValue().starts_with("kiln.");
    };
    auto strip = [&](DictionaryAttr attrs) {
      SmallVector<NamedAttribute> kept;
      if (attrs)
        llvm::copy_if(attrs.getValue(), std::back_inserter(kept),
                      [&](NamedAttribute attr) { return !isKiln(attr); });
      return kept;
    };
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
      func.setArgAttrs(i, strip(func.getArgAttrDict(i)));
    for (unsigned i = 0, e = func.getNumResults(); i < e; ++i)
      func.setResultAttrs(i, strip(func.getResultAttrDict(i)));
    for (NamedAttribute attr : llvm::to_vector(func->getDiscardableAttrs()))
      if (isKiln(attr))
        func->removeAttr(attr.getName());
  }
};
} // namespace
