// Invalid kiln.mean: duplicate and out-of-range dims (also on 0-d), wrong declared result type, integer and bool inputs.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @duplicate_dim(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.mean' op dimension 0 appears more than once in dims [0, 2, 0]}}
  %0 = kiln.mean %x dim [0, 2, 0] : (tensor<2x3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// -2 and 1 name the same dimension of a rank-3 tensor.
func.func @duplicate_after_normalizing(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.mean' op dimension -2 appears more than once in dims [1, -2]}}
  %0 = kiln.mean %x dim [1, -2] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.mean' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.mean %x dim [2] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @dim_too_negative(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.mean' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.mean %x dim [-3] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// A 0-d tensor accepts only 0 and -1, and those are the same dimension.
func.func @zero_d_dim_one(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.mean' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.mean %s dim [1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @zero_d_duplicate(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.mean' op dimension -1 appears more than once in dims [0, -1]}}
  %0 = kiln.mean %s dim [0, -1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// keepdim keeps the reduced dimension with size 1.
func.func @keepdim_dropped(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.mean' op result 0 has type 'tensor<2xf32>' but the operands give 'tensor<2x1xf32>'}}
  %0 = "kiln.mean"(%x) <{dim = array<i64: 1>, keepdim}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// torch.mean of an integer tensor has no output dtype to infer.
func.func @integer_input(%x: tensor<2x3xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.mean' op needs a floating-point input, got int64 [2, 3]}}
  %0 = kiln.mean %x : (tensor<2x3xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @int32_input(%x: tensor<4xi32>) -> tensor<i32> {
  // expected-error@+1 {{'kiln.mean' op needs a floating-point input, got int32 [4]}}
  %0 = kiln.mean %x dim [0] : (tensor<4xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @bool_input(%x: tensor<4xi1>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.mean' op needs a floating-point input, got bool [4]}}
  %0 = kiln.mean %x : (tensor<4xi1>) -> tensor<f32>
  return %0 : tensor<f32>
}
