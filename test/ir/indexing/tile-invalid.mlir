// Diagnostics of kiln.tile: too few repeats, negative repeats.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @too_few(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{'kiln.tile' op repeats [2] must have at least one entry per dimension of the input [2, 3]}}
  %0 = kiln.tile %x [2] : (tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @negative(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.tile' op repeats [1, -1] must not be negative}}
  %0 = kiln.tile %x [1, -1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
