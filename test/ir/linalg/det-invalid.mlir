// Diagnostics of kiln.det: non-square matrices (also in a batch), 1-D input, integer input, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @not_square(%x: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.det' op expects square matrices in the last two dimensions, got [2, 3]}}
  %0 = kiln.det %x : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @batch_not_square(%x: tensor<5x4x3xf64>) -> tensor<5xf64> {
  // expected-error@+1 {{'kiln.det' op expects square matrices in the last two dimensions, got [5, 4, 3]}}
  %0 = kiln.det %x : (tensor<5x4x3xf64>) -> tensor<5xf64>
  return %0 : tensor<5xf64>
}

// -----

func.func @vector(%x: tensor<4xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.det' op expects square matrices in the last two dimensions, got [4]}}
  %0 = kiln.det %x : (tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @integer(%x: tensor<3x3xi32>) -> tensor<i32> {
  // expected-error@+1 {{'kiln.det' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3x3xi32>'}}
  %0 = kiln.det %x : (tensor<3x3xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// The determinant of one matrix is 0-d, not [1].
func.func @wrong_result(%x: tensor<3x3xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.det' op result 0 has type 'tensor<1xf32>' but the operands give 'tensor<f32>'}}
  %0 = "kiln.det"(%x) : (tensor<3x3xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @wrong_result_batch(%x: tensor<2x3x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.det' op result 0 has type 'tensor<2x3xf32>' but the operands give 'tensor<2xf32>'}}
  %0 = kiln.det %x : (tensor<2x3x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
