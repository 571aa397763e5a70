// Diagnostics of kiln.one_hot: depth, axis, values shape.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @depth(%i: tensor<3xi64>) -> tensor<3x0xi64> {
  // expected-error@+1 {{'kiln.one_hot' op depth must be positive, got 0}}
  %0 = kiln.one_hot %i depth 0 axis -1 : (tensor<3xi64>) -> tensor<3x0xi64>
  return %0 : tensor<3x0xi64>
}

// -----

func.func @axis(%i: tensor<3xi64>) -> tensor<3x4xi64> {
  // expected-error@+1 {{'kiln.one_hot' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.one_hot %i depth 4 axis 2 : (tensor<3xi64>) -> tensor<3x4xi64>
  return %0 : tensor<3x4xi64>
}

// -----

func.func @values(%i: tensor<3xi64>, %v: tensor<3xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.one_hot' op values must be [off, on], a tensor of shape [2], got [3]}}
  %0 = kiln.one_hot %i, %v depth 4 axis -1 : (tensor<3xi64>, tensor<3xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
