// Diagnostics of kiln.gather_nd: 0-d indices, batch_dims, tuple length, batch shapes.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @scalar_indices(%x: tensor<3xf32>, %i: tensor<i64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.gather_nd' op indices must have at least 1 dimension}}
  %0 = kiln.gather_nd %x, %i batch_dims 0 : (tensor<3xf32>, tensor<i64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @batch_dims(%x: tensor<3x4xf32>, %i: tensor<3x1xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.gather_nd' op batch_dims 2 must be in [0, min(rank of input [3, 4], rank of indices [3, 1]))}}
  %0 = kiln.gather_nd %x, %i batch_dims 2 : (tensor<3x4xf32>, tensor<3x1xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @tuple_too_long(%x: tensor<3x4xf32>, %i: tensor<2x3xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.gather_nd' op the last dimension of indices [2, 3] must be in [1, 2] to index the input [3, 4] after 0 batch dimensions}}
  %0 = kiln.gather_nd %x, %i batch_dims 0 : (tensor<3x4xf32>, tensor<2x3xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @batch_mismatch(%x: tensor<3x4xf32>, %i: tensor<2x1xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.gather_nd' op the 1 batch dimensions of indices [2, 1] and the input [3, 4] differ}}
  %0 = kiln.gather_nd %x, %i batch_dims 1 : (tensor<3x4xf32>, tensor<2x1xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
