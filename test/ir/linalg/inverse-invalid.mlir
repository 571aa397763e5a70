// Diagnostics of kiln.inverse: non-square matrices (also in a batch), 1-D and 0-d inputs, integer input, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @not_square(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.inverse' op expects square matrices in the last two dimensions, got [2, 3]}}
  %0 = kiln.inverse %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @batch_not_square(%x: tensor<3x3x4xf32>) -> tensor<3x3x4xf32> {
  // expected-error@+1 {{'kiln.inverse' op expects square matrices in the last two dimensions, got [3, 3, 4]}}
  %0 = kiln.inverse %x : (tensor<3x3x4xf32>) -> tensor<3x3x4xf32>
  return %0 : tensor<3x3x4xf32>
}

// -----

func.func @vector(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.inverse' op expects square matrices in the last two dimensions, got [3]}}
  %0 = kiln.inverse %x : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @scalar(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.inverse' op expects square matrices in the last two dimensions, got []}}
  %0 = kiln.inverse %x : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @integer(%x: tensor<3x3xi64>) -> tensor<3x3xi64> {
  // expected-error@+1 {{'kiln.inverse' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3x3xi64>'}}
  %0 = kiln.inverse %x : (tensor<3x3xi64>) -> tensor<3x3xi64>
  return %0 : tensor<3x3xi64>
}

// -----

func.func @wrong_result(%x: tensor<2x3x3xf32>) -> tensor<3x3xf32> {
  // expected-error@+1 {{'kiln.inverse' op result 0 has type 'tensor<3x3xf32>' but the operands give 'tensor<2x3x3xf32>'}}
  %0 = "kiln.inverse"(%x) : (tensor<2x3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @wrong_result_dtype(%x: tensor<3x3xf32>) -> tensor<3x3xf64> {
  // expected-error@+1 {{'kiln.inverse' op result 0 has type 'tensor<3x3xf64>' but the operands give 'tensor<3x3xf32>'}}
  %0 = kiln.inverse %x : (tensor<3x3xf32>) -> tensor<3x3xf64>
  return %0 : tensor<3x3xf64>
}
