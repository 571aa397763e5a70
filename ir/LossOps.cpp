//===- LossOps.cpp - Loss functions ---------------------------------------===//
//
/// The attribute checks of the losses; their result types follow the shared
/// rules of ShapeInference and their formulas live in kiln-decompose.
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {

LogicalResult SmoothL1LossOp::verify() {
  double beta = getBeta().convertToDouble();
  if (!(beta >= 0))
    return emitOpError("beta must be non-negative, got ") << formatNumber(beta);
  return success();
}

LogicalResult CrossEntropyOp::verify() {
  double smoothing = getLabelSmoothing().convertToDouble();
  if (!(smoothing >= 0 && smoothing <= 1))
    return emitOpError("label_smoothing must be between 0.0 and 1.0, got ")
           << formatNumber(smoothing);
  return success();
}

} // namespace kiln
