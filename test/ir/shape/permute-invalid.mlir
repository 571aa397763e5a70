// Diagnostics of kiln.permute: duplicate dims (also through negative spelling), wrong count, out-of-range dims, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @duplicate(%x: tensor<2x3x4xf32>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{'kiln.permute' op dims [0, 0, 1] repeat dimension 0}}
  %0 = kiln.permute %x [0, 0, 1] : (tensor<2x3x4xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -----

func.func @duplicate_negative(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.permute' op dims [2, 1, -1] repeat dimension -1}}
  %0 = kiln.permute %x [2, 1, -1] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @too_few(%x: tensor<2x3x4xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.permute' op dims [1, 0] must list all 3 dimensions of the input [2, 3, 4]}}
  %0 = kiln.permute %x [1, 0] : (tensor<2x3x4xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @too_many(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.permute' op dims [1, 0, 2] must list all 2 dimensions of the input [2, 3]}}
  %0 = kiln.permute %x [1, 0, 2] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @out_of_range(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.permute' op dimension 3 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.permute %x [0, 1, 3] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @negative_out_of_range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.permute' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.permute %x [-3, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @wrong_result(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  // expected-error@+1 {{'kiln.permute' op result 0 has type 'tensor<3x4x2xf32>' but the operands give 'tensor<4x2x3xf32>'}}
  %0 = "kiln.permute"(%x) <{dims = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  return %0 : tensor<3x4x2xf32>
}
