//===- KilnInterfaces.h - Op interfaces of the kiln dialect -----*- C++ -*-===//
//
/// The C++ side of KilnInterfaces.td.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IR_KILNINTERFACES_H
#define KILN_IR_KILNINTERFACES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"

#include "ir/KilnInterfaces.h.inc"

#endif // KILN_IR_KILNINTERFACES_H
