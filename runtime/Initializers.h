//===- Initializers.h - PyTorch's default parameter initializers -*- C++
//-*-===//
//
/// The initializers a model's `kiln.init` names (docs/model-format.md),
/// computed with PyTorch's formulas and drawn from a PyTorch-compatible
/// generator, so a parameter starts from the value nn.Linear gives it.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_INITIALIZERS_H
#define KILN_RUNTIME_INITIALIZERS_H

#include "runtime/Generator.h"
#include "runtime/Tensor.h"

#include <string>

namespace kiln {

/// Fills `parameter` (named `name`, for messages) with initializer `init`.
/// `fanIn` is the `kiln.fan_in` of "fan_in_uniform". Throws RuntimeError for
/// an unknown initializer or one that does not fit the tensor.
void initializeParameter(Tensor &parameter, const std::string &name,
                         const std::string &init, int64_t fanIn,
                         Generator &generator);

} // namespace kiln

#endif // KILN_RUNTIME_INITIALIZERS_H
