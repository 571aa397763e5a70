// Diagnostics of kiln.expand: non-1 dims, -1 in new leading dims, too few sizes, negative sizes, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @non_unit_dim(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.expand' op cannot expand [2, 3] to [4, 3]: size 2 at dimension 0 is not 1 and differs from 4}}
  %0 = kiln.expand %x [4, 3] : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// The dimension is counted in the result, as PyTorch reports it.
func.func @non_unit_dim_after_leading(%x: tensor<2x3xf32>) -> tensor<5x2x6xf32> {
  // expected-error@+1 {{'kiln.expand' op cannot expand [2, 3] to [5, 2, 6]: size 3 at dimension 2 is not 1 and differs from 6}}
  %0 = kiln.expand %x [5, 2, 6] : (tensor<2x3xf32>) -> tensor<5x2x6xf32>
  return %0 : tensor<5x2x6xf32>
}

// -----

func.func @minus_one_leading(%x: tensor<3xf32>) -> tensor<1x3xf32> {
  // expected-error@+1 {{'kiln.expand' op new leading dimension 0 needs a size, got -1}}
  %0 = kiln.expand %x [-1, 3] : (tensor<3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @too_few_sizes(%x: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.expand' op sizes [3] have fewer dimensions than the input [2, 3]}}
  %0 = kiln.expand %x [3] : (tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @negative_size(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // expected-error@+1 {{'kiln.expand' op cannot expand [1, 3] to [-2, 3]}}
  %0 = kiln.expand %x [-2, 3] : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @wrong_result(%x: tensor<3x1xf32>) -> tensor<3x1xf32> {
  // expected-error@+1 {{'kiln.expand' op result 0 has type 'tensor<3x1xf32>' but the operands give 'tensor<2x3x4xf32>'}}
  %0 = "kiln.expand"(%x) <{sizes = array<i64: 2, -1, 4>}> : (tensor<3x1xf32>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}
