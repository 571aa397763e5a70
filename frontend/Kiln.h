//===- Kiln.h - The C++ embedding API ---------------------------*- C++ -*-===//
//
/// The one header an embedding program includes: graphs, the functions on
/// their values, compiled models and the runtime's tensors (docs/cpp-api.md).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_KILN_H
#define KILN_FRONTEND_KILN_H

#include "frontend/Functions.h"
#include "frontend/Graph.h"
#include "frontend/Model.h"
#include "frontend/Var.h"
#include "runtime/Generator.h"
#include "runtime/Tensor.h"
#include "runtime/TensorPrinter.h"

#endif // KILN_FRONTEND_KILN_H
