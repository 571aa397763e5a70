// Diagnostics of kiln.unsqueeze: dims out of the result's range, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
  // expected-error@+1 {{'kiln.unsqueeze' op dimension 3 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.unsqueeze %x dim 3 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  return %0 : tensor<2x3x1xf32>
}

// -----

func.func @dim_too_small(%x: tensor<2x3xf32>) -> tensor<1x2x3xf32> {
  // expected-error@+1 {{'kiln.unsqueeze' op dimension -4 is out of range for rank 3 (expected [-3, 2])}}
  %0 = kiln.unsqueeze %x dim -4 : (tensor<2x3xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

func.func @scalar_dim_out_of_range(%x: tensor<f32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.unsqueeze' op dimension 1 is out of range for rank 1 (expected [-1, 0])}}
  %0 = kiln.unsqueeze %x dim 1 : (tensor<f32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// -1 appends, it does not insert before the last dimension.
func.func @wrong_result(%x: tensor<2x3xf32>) -> tensor<2x1x3xf32> {
  // expected-error@+1 {{'kiln.unsqueeze' op result 0 has type 'tensor<2x1x3xf32>' but the operands give 'tensor<2x3x1xf32>'}}
  %0 = "kiln.unsqueeze"(%x) <{dim = -1 : i64}> : (tensor<2x3xf32>) -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}
