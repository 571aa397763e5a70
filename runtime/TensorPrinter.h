//===- TensorPrinter.h - PyTorch-identical tensor printing ------*- C++ -*-===//
//
/// Formats a tensor exactly as str(tensor) does in PyTorch 1.13 with the
/// default print options, so that Kiln's output can be compared with
/// PyTorch's byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_TENSORPRINTER_H
#define KILN_RUNTIME_TENSORPRINTER_H

#include "runtime/Tensor.h"

#include <string>

namespace kiln {

/// What str(t) returns for the equivalent CPU tensor (print(t) writes this
/// plus a newline): `tensor([1., 2.])`, `tensor(104)`,
/// `tensor([], size=(0, 3))`, `tensor([1, 2], dtype=torch.int32)`, ...
std::string formatTensor(const Tensor &tensor);

} // namespace kiln

#endif // KILN_RUNTIME_TENSORPRINTER_H
