// Invalid kiln.binary_cross_entropy: input/target dtype mismatch, shape mismatch (no broadcasting), 1integer target, unknown reduction, wrong result types.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dtype_mismatch(%x: tensor<2x3xf32>, %y: tensor<2x3xf64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op input and target dtypes differ: float32 vs float64}}
  %0 = kiln.binary_cross_entropy %x, %y : (tensor<2x3xf32>, tensor<2x3xf64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @integer_target(%x: tensor<2x3xf32>, %y: tensor<2x3xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op operand #1 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<2x3xi64>'}}
  %0 = kiln.binary_cross_entropy %x, %y : (tensor<2x3xf32>, tensor<2x3xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @unknown_reduction(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+2 {{expected ::kiln::Reduction to be one of: none, mean, sum}}
  // expected-error@+1 {{failed to parse Kiln_ReductionAttr parameter 'value' which is to be a `::kiln::Reduction`}}
  %0 = kiln.binary_cross_entropy %x, %y reduction <batchmean> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// mean gives a 0-d tensor, not the per-element shape.
func.func @mean_not_reduced(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op result 0 has type 'tensor<2x3xf32>' but the operands give 'tensor<f32>'}}
  %0 = kiln.binary_cross_entropy %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// none keeps the per-element shape.
func.func @none_reduced(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op result 0 has type 'tensor<f32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.binary_cross_entropy %x, %y reduction <none> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// sum keeps the input dtype.
func.func @sum_wrong_dtype(%x: tensor<2x3xf64>, %y: tensor<2x3xf64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op result 0 has type 'tensor<f32>' but the operands give 'tensor<f64>'}}
  %0 = "kiln.binary_cross_entropy"(%x, %y) <{reduction = #kiln.reduction<sum>}> : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Unlike mse_loss, the target must have exactly the input's shape.
func.func @target_broadcasts(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op target shape [3] must equal input shape [2, 3]}}
  %0 = kiln.binary_cross_entropy %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @shape_mismatch(%x: tensor<2x3xf32>, %y: tensor<3x2xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.binary_cross_entropy' op target shape [3, 2] must equal input shape [2, 3]}}
  %0 = kiln.binary_cross_entropy %x, %y reduction <none> : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
