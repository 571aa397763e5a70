// Invalid kiln.cross_entropy: target shape not fitting input, 0-d input, float/bool/int32 targets, integer scores, unknown reduction, wrong result types.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// The batch sizes differ.
func.func @batch_mismatch(%x: tensor<2x3xf32>, %t: tensor<3xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op target shape [3] does not fit input shape [2, 3] (expected [2])}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// One-hot targets of the input's shape are not class indices.
func.func @target_like_input(%x: tensor<2x3xf32>, %t: tensor<2x3xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op target shape [2, 3] does not fit input shape [2, 3] (expected [2])}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xf32>, tensor<2x3xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Unbatched scores [C] take a 0-d target.
func.func @unbatched_target_1d(%x: tensor<5xf32>, %t: tensor<1xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op target shape [1] does not fit input shape [5] (expected [])}}
  %0 = kiln.cross_entropy %x, %t : (tensor<5xf32>, tensor<1xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// [N, C, d1, d2] takes [N, d1, d2]; the spatial sizes must match.
func.func @spatial_mismatch(%x: tensor<2x3x4x5xf32>, %t: tensor<2x5x4xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op target shape [2, 5, 4] does not fit input shape [2, 3, 4, 5] (expected [2, 4, 5])}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3x4x5xf32>, tensor<2x5x4xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @spatial_target_missing_dims(%x: tensor<2x3x4x5xf32>, %t: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op target shape [2] does not fit input shape [2, 3, 4, 5] (expected [2, 4, 5])}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3x4x5xf32>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @zero_d_input(%x: tensor<f32>, %t: tensor<i64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op input must have a class dimension, got shape []}}
  %0 = kiln.cross_entropy %x, %t : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Targets are class indices, not probabilities.
func.func @float_target(%x: tensor<2x3xf32>, %t: tensor<2xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op operand #1 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2xf32>'}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// torch 1.13 takes int64 class indices only: an int32 target fails with
// "expected scalar type Long but found Int".
func.func @int32_target(%x: tensor<4x5xf32>, %t: tensor<4xi32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op operand #1 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<4xi32>'}}
  %0 = kiln.cross_entropy %x, %t : (tensor<4x5xf32>, tensor<4xi32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @int32_target_unbatched(%x: tensor<5xf32>, %t: tensor<i32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op operand #1 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<i32>'}}
  %0 = kiln.cross_entropy %x, %t reduction <sum> : (tensor<5xf32>, tensor<i32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @bool_target(%x: tensor<2x3xf32>, %t: tensor<2xi1>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op operand #1 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2xi1>'}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xf32>, tensor<2xi1>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @integer_scores(%x: tensor<2x3xi64>, %t: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<2x3xi64>'}}
  %0 = kiln.cross_entropy %x, %t : (tensor<2x3xi64>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @unknown_reduction(%x: tensor<2x3xf32>, %t: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+2 {{expected ::kiln::Reduction to be one of: none, mean, sum}}
  // expected-error@+1 {{failed to parse Kiln_ReductionAttr parameter 'value' which is to be a `::kiln::Reduction`}}
  %0 = kiln.cross_entropy %x, %t reduction <elementwise_mean> : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// none gives one loss per target element, in the scores' dtype.
func.func @none_wrong_shape(%x: tensor<2x3xf32>, %t: tensor<2xi64>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.cross_entropy' op result 0 has type 'tensor<2x3xf32>' but the operands give 'tensor<2xf32>'}}
  %0 = kiln.cross_entropy %x, %t reduction <none> : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @mean_wrong_dtype(%x: tensor<2x3xf64>, %t: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.cross_entropy' op result 0 has type 'tensor<f32>' but the operands give 'tensor<f64>'}}
  %0 = "kiln.cross_entropy"(%x, %t) : (tensor<2x3xf64>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @sum_not_reduced(%x: tensor<2x3xf32>, %t: tensor<2xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.cross_entropy' op result 0 has type 'tensor<2xf32>' but the operands give 'tensor<f32>'}}
  %0 = kiln.cross_entropy %x, %t reduction <sum> : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
