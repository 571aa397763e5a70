// Diagnostics of kiln.view: element-count mismatch, two -1s, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @count_mismatch(%x: tensor<2x3x4xf32>) -> tensor<5x5xf32> {
  // expected-error@+1 {{'kiln.view' op shape [5, 5] is invalid for input of shape [2, 3, 4] (24 elements)}}
  %0 = kiln.view %x [5, 5] : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
  return %0 : tensor<5x5xf32>
}

// -----

func.func @two_inferred(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.view' op invalid shape [2, -1, -1]: only one -1 is allowed and sizes are not negative}}
  %0 = kiln.view %x [2, -1, -1] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @inferred_not_divisible(%x: tensor<2x3x4xf32>) -> tensor<5x5xf32> {
  // expected-error@+1 {{'kiln.view' op shape [5, -1] is invalid for input of shape [2, 3, 4] (24 elements)}}
  %0 = kiln.view %x [5, -1] : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
  return %0 : tensor<5x5xf32>
}

// -----

func.func @wrong_result(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  // expected-error@+1 {{'kiln.view' op result 0 has type 'tensor<4x6xf32>' but the operands give 'tensor<6x4xf32>'}}
  %0 = "kiln.view"(%x) <{shape = array<i64: -1, 4>}> : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}
