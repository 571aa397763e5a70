//===- KilnOps.cpp - Generated op definitions -----------------------------===//
//
/// Instantiates the op classes generated from KilnOps.td, and the verifier
/// that the VerifyInferredType trait runs. The hand-written parts of each op
/// family (inference, verifiers, folds) live in the family's own file.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

using namespace mlir;

LogicalResult kiln::detail::verifyInferredType(Operation *op) {
  SmallVector<Type> inferred;
  if (failed(cast<InferTypeOpInterface>(op).inferReturnTypes(
          op->getContext(), op->getLoc(), op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), inferred)))
    return failure();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip_equal(op->getResultTypes(), inferred))) {
    auto [declared, expected] = pair;
    if (declared != expected)
      return op->emitOpError("result ")
             << index << " has type " << declared << " but the operands give "
             << expected;
  }
  return success();
}

#define GET_OP_CLASSES
#include "ir/KilnOps.cpp.inc"
