// Diagnostics of kiln.flip: repeated and out-of-range dims.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @repeated(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.flip' op dims [1, -1] repeat dimension -1}}
  %0 = kiln.flip %x [1, -1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.flip' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.flip %x [2] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
