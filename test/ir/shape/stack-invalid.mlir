// Diagnostics of kiln.stack: unequal shapes, out-of-range dims, no inputs, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @unequal_shapes(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{'kiln.stack' op stacks tensors of equal shape, but input 1 is [3, 2] and input 0 is [2, 3]}}
  %0 = kiln.stack %a, %b dim 0 : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -----

// Unlike cat, stack does not accept a mismatch in the stacked dimension either.
func.func @unequal_along_dim(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{'kiln.stack' op stacks tensors of equal shape, but input 1 is [2, 4] and input 0 is [2, 3]}}
  %0 = kiln.stack %a, %b dim 0 : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -----

func.func @unequal_rank(%a: tensor<3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.stack' op stacks tensors of equal shape, but input 1 is [] and input 0 is [3]}}
  %0 = kiln.stack %a, %b dim 0 : (tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dim_too_large(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3x2xf32> {
  // expected-error@+1 {{'kiln.stack' op dimension 3 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.stack %a, %b dim 3 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x2xf32>
  return %0 : tensor<2x3x2xf32>
}

// -----

func.func @dim_too_small(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{'kiln.stack' op dimension -4 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.stack %a, %b dim -4 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -----

func.func @no_inputs() -> tensor<0xf32> {
  // expected-error@+1 {{'kiln.stack' op needs at least one input}}
  %0 = "kiln.stack"() <{dim = 0 : i64}> : () -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

// dim -1 inserts the new dimension last.
func.func @wrong_result(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{'kiln.stack' op result 0 has type 'tensor<2x2x3xf32>' but the operands give 'tensor<2x3x2xf32>'}}
  %0 = "kiln.stack"(%a, %b) <{dim = -1 : i64}> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}
