//===- FusionOps.cpp - Fusion regions -------------------------------------===//

#include "ir/KilnOps.h"

using namespace mlir;

namespace kiln {

LogicalResult FusionOp::verify() {
  Block &body = getBody().front();
  if (body.getArgumentTypes() != getInputs().getTypes())
    return emitOpError("region arguments must have the types of the inputs");
  Operation *terminator = body.getTerminator();
  if (terminator->getOperandTypes() != getResultTypes())
    return emitOpError("kiln.yield must return the types of the results");
  return success();
}

} // namespace kiln
