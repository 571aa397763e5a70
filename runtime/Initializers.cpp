//===- Initializers.cpp - PyTorch's default parameter initializers --------===//

#include "runtime/Initializers.h"

#include <cmath>
#include <cstring>

namespace kiln {

/// torch.nn.init._calculate_fan_in_and_fan_out's fan-in: the size of
/// dimension 1 times the receptive field (the sizes of dimensions 2...).
static int64_t getFanIn(const Tensor &tensor, const std::string &name) {
  if (tensor.rank() < 2)
    throw RuntimeError("parameter '" + name + "' (" + tensor.describe() +
                       ") has fewer than 2 dimensions, so kaiming_uniform "
                       "cannot compute its fan-in");
  int64_t fanIn = 1;
  for (int64_t dim = 1; dim < tensor.rank(); ++dim)
    fanIn *= tensor.shape()[dim];
  return fanIn;
}

/// Sets every element of a float tensor to `value`.
static void fill(Tensor &tensor, double value) {
  if (tensor.dtype() == DType::Float32) {
    float *data = tensor.data<float>();
    std::fill(data, data + tensor.numel(), static_cast<float>(value));
  } else {
    double *data = tensor.data<double>();
    std::fill(data, data + tensor.numel(), value);
  }
}

void initializeParameter(Tensor &parameter, const std::string &name,
                         const std::string &init, int64_t fanIn,
                         Generator &generator) {
  if (parameter.dtype() != DType::Float32 &&
      parameter.dtype() != DType::Float64)
    throw RuntimeError("parameter '" + name + "' is " + parameter.describe() +
                       "; initializers fill float32 or float64 tensors");
  if (init == "zeros")
    return fill(parameter, 0.0);
  if (init == "ones")
    return fill(parameter, 1.0);
  if (init == "normal")
    return generator.fillNormal(parameter, 0.0, 1.0);
  if (init == "uniform")
    return generator.fillUniform(parameter, 0.0, 1.0);
  if (init == "kaiming_uniform") {
    // nn.Linear's kaiming_uniform_(a=sqrt(5)), step by step as PyTorch
    // computes it, so the bound has the same rounding.
    double a = std::sqrt(5.0);
    double gain = std::sqrt(2.0 / (1 + a * a));
    double std =
        gain / std::sqrt(static_cast<double>(getFanIn(parameter, name)));
    double bound = std::sqrt(3.0) * std;
    return generator.fillUniform(parameter, -bound, bound);
  }
  if (init == "fan_in_uniform") {
    double bound = fanIn > 0 ? 1 / std::sqrt(static_cast<double>(fanIn)) : 0;
    return generator.fillUniform(parameter, -bound, bound);
  }
  throw RuntimeError("parameter '" + name + "' has unknown initializer '" +
                     init + "'");
}

} // namespace kiln
