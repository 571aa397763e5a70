//===- KilnOps.h - The ops of the kiln dialect ------------------*- C++ -*-===//
//
/// Include this header to use kiln ops. It brings in the dialect, the traits
/// and the shape-inference helpers the generated op classes call.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_KILNOPS_H
#define KILN_IR_KILNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "ir/KilnDialect.h"
#include "ir/KilnInterfaces.h"
#include "ir/KilnTraits.h"
#include "ir/ShapeInference.h"

#define GET_OP_CLASSES
#include "ir/KilnOps.h.inc"

#endif // KILN_IR_KILNOPS_H
