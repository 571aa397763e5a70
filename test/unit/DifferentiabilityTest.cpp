//===- DifferentiabilityTest.cpp - Every op's stance on gradients ---------===//
//
/// Autodiff reports an error at any op on the loss's path that neither has
/// a vector-Jacobian product nor is marked NonDifferentiable, so a new op
/// that forgets both would only fail in a model that uses it. This test
/// makes the choice explicit for every op of the dialect: differentiable,
/// non-differentiable, or composite (decomposed before autodiff).
//
//===----------------------------------------------------------------------===//

#include "ir/KilnOps.h"

#include "mlir/IR/MLIRContext.h"
#include <gtest/gtest.h>

using namespace mlir;

namespace {

TEST(DifferentiabilityTest, EveryOpDeclaresHowItDifferentiates) {
  MLIRContext context;
  context.loadDialect<kiln::KilnDialect>();
  int kilnOps = 0;
  for (RegisteredOperationName op : context.getRegisteredOperations()) {
    if (op.getDialectNamespace() != "kiln")
      continue;
    ++kilnOps;
    int stances = int(op.hasInterface<kiln::DifferentiableOpInterface>()) +
                  int(op.hasTrait<kiln::OpTrait::NonDifferentiable>()) +
                  int(op.hasTrait<kiln::OpTrait::Composite>()) +
                  int(op.hasTrait<kiln::OpTrait::Structural>());
    EXPECT_EQ(stances, 1)
        << op.getStringRef().str()
        << " must be exactly one of Kiln_Differentiable, "
           "Kiln_NonDifferentiable, Kiln_Composite or Kiln_Structural";
  }
  EXPECT_GT(kilnOps, 60);
}

} // namespace
