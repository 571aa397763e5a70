// Diagnostics of kiln.scatter_nd: tuple length, updates shape, dtype.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @tuple_too_long(%x: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2xf32>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.scatter_nd' op the last dimension of indices [2, 3] must be in [1, 2] to index the input [4, 3]}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @updates_shape(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.scatter_nd' op updates of shape [2, 4] must be indices.shape[:-1] + input.shape[1:] = [2, 3] for indices [2, 1] and the input [4, 3]}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @dtype(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.scatter_nd' op updates dtype int64 differs from the input's float32}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
