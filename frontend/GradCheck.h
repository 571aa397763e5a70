//===- GradCheck.h - Finite-difference check of a model's gradients -*- C++ -*-===//
//
/// kiln's torch.autograd.gradcheck: compares the gradients that the
/// autodiff pass builds for a model's loss with central differences of the
/// compiled forward model, element by element, in float64.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_FRONTEND_GRADCHECK_H
#define KILN_FRONTEND_GRADCHECK_H

#include "runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace kiln {

/// torch.autograd.gradcheck's defaults.
struct GradCheckOptions {
  double eps = 1e-6;
  double atol = 1e-5;
  double rtol = 1e-3;
  /// The kiln.output name of the loss (a 0-d float64 result).
  std::string loss = "loss";
};

/// One parameter's comparison.
struct GradCheckParam {
  std::string name;
  int64_t numel = 0;
  /// Elements where |analytic - numeric| > atol + rtol * |numeric|.
  int64_t mismatches = 0;
  /// The largest |analytic - numeric| and where it is.
  double maxError = 0.0;
  int64_t maxErrorIndex = 0;
  double analyticAtMax = 0.0;
  double numericAtMax = 0.0;
};

struct GradCheckReport {
  std::vector<GradCheckParam> params;
  bool passed() const;
};

/// Checks every float parameter of the model function in `module`, which
/// must all be float64. `inputs` binds the model's inputs and `params` the
/// parameters (those not given start from their initializers). Throws
/// RuntimeError when the model cannot be differentiated or run.
GradCheckReport gradcheck(mlir::ModuleOp module,
                          std::shared_ptr<mlir::MLIRContext> context,
                          const std::map<std::string, Tensor> &inputs,
                          const std::map<std::string, Tensor> &params,
                          const GradCheckOptions &options = {});

} // namespace kiln

#endif // KILN_FRONTEND_GRADCHECK_H
