// Diagnostics of kiln.slice: step 0 or negative, out-of-range dim, 0-d input, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @step_zero(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // expected-error@+1 {{'kiln.slice' op step must be positive, got 0}}
  %0 = kiln.slice %x dim 1 [0 : 8 : 0] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

// PyTorch has no negative slice steps (x.flip does that).
func.func @step_negative(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // expected-error@+1 {{'kiln.slice' op step must be positive, got -1}}
  %0 = kiln.slice %x dim 1 [7 : 0 : -1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

func.func @dim_out_of_range(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // expected-error@+1 {{'kiln.slice' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.slice %x dim 2 [0 : 1 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

func.func @negative_dim_out_of_range(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // expected-error@+1 {{'kiln.slice' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.slice %x dim -3 [0 : 1 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

func.func @scalar(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.slice' op cannot slice a 0-d tensor}}
  %0 = kiln.slice %x dim 0 [0 : 1 : 1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// x[:, ::3] of 8 elements has 3, not 2 (ceil, not floor).
func.func @wrong_result(%x: tensor<3x8xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.slice' op result 0 has type 'tensor<3x2xf32>' but the operands give 'tensor<3x3xf32>'}}
  %0 = "kiln.slice"(%x) <{dim = 1 : i64, start = 0 : i64, end = 8 : i64, step = 3 : i64}> : (tensor<3x8xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Bounds clamp instead of wrapping twice: x[:, -100:] is all 8.
func.func @wrong_result_clamp(%x: tensor<3x8xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.slice' op result 0 has type 'tensor<3x4xf32>' but the operands give 'tensor<3x8xf32>'}}
  %0 = kiln.slice %x dim 1 [-100 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
