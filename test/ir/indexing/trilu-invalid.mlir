// Diagnostics of kiln.trilu: fewer than 2 dimensions, result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @vector(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.trilu' op input must have at least 2 dimensions, got [3]}}
  %0 = kiln.trilu %x diagonal 0 : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @result(%x: tensor<3x3xf32>) -> tensor<3x3xf64> {
  // expected-error@+1 {{'kiln.trilu' op result 0 has type 'tensor<3x3xf64>' but the operands give 'tensor<3x3xf32>'}}
  %0 = kiln.trilu %x diagonal 0 : (tensor<3x3xf32>) -> tensor<3x3xf64>
  return %0 : tensor<3x3xf64>
}
