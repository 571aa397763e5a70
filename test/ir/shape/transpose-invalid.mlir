// Diagnostics of kiln.transpose: out-of-range dims and wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim0_out_of_range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.transpose' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.transpose %x 2, 0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dim1_out_of_range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.transpose' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.transpose %x 0, -3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @scalar_out_of_range(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.transpose' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.transpose %x 0, 1 : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @wrong_result(%x: tensor<2x3x4xf32>) -> tensor<3x2x4xf32> {
  // expected-error@+1 {{'kiln.transpose' op result 0 has type 'tensor<3x2x4xf32>' but the operands give 'tensor<4x3x2xf32>'}}
  %0 = "kiln.transpose"(%x) <{dim0 = 0 : i64, dim1 = -1 : i64}> : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return %0 : tensor<3x2x4xf32>
}
