// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// The seed's mm of two [1, 5] matrices.
func.func @inner_dims_differ(%a: tensor<1x5xf32>, %b: tensor<1x5xf32>) -> tensor<1x1xf32> {
  // expected-error@+1 {{'kiln.mm' op inner dimensions 5 and 1 differ: cannot multiply [1, 5] by [1, 5]}}
  %0 = kiln.mm %a, %b : (tensor<1x5xf32>, tensor<1x5xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

func.func @not_matrices(%a: tensor<5xf32>, %b: tensor<5x1xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.mm' op expects 2-D operands, got [5] and [5, 1]}}
  %0 = kiln.mm %a, %b : (tensor<5xf32>, tensor<5x1xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @wrong_result(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.mm' op result 0 has type 'tensor<2x3xf32>' but the operands give 'tensor<2x4xf32>'}}
  %0 = "kiln.mm"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @mixed_dtypes(%a: tensor<2x3xf32>, %b: tensor<3x4xf64>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.mm' op operands must have the same dtype, got float32 [2, 3] and float64 [3, 4]}}
  %0 = kiln.mm %a, %b : (tensor<2x3xf32>, tensor<3x4xf64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dynamic_shape(%a: tensor<?x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.mm' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer values, but got 'tensor<?x3xf32>'}}
  %0 = kiln.mm %a, %b : (tensor<?x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
