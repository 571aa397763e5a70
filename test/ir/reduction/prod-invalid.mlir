// Invalid kiln.prod: duplicate and out-of-range dims (also on 0-d), wrong result type, int32/bool results not promoted to int64.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @duplicate_dim(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.prod' op dimension 0 appears more than once in dims [0, 2, 0]}}
  %0 = kiln.prod %x dim [0, 2, 0] : (tensor<2x3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// -2 and 1 name the same dimension of a rank-3 tensor.
func.func @duplicate_after_normalizing(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.prod' op dimension -2 appears more than once in dims [1, -2]}}
  %0 = kiln.prod %x dim [1, -2] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.prod' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.prod %x dim [2] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @dim_too_negative(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.prod' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.prod %x dim [-3] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// A 0-d tensor accepts only 0 and -1, and those are the same dimension.
func.func @zero_d_dim_one(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.prod' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.prod %s dim [1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @zero_d_duplicate(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.prod' op dimension -1 appears more than once in dims [0, -1]}}
  %0 = kiln.prod %s dim [0, -1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// keepdim keeps the reduced dimension with size 1.
func.func @keepdim_dropped(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.prod' op result 0 has type 'tensor<2xf32>' but the operands give 'tensor<2x1xf32>'}}
  %0 = "kiln.prod"(%x) <{dim = array<i64: 1>, keepdim}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// torch.prod accumulates int32 in int64.
func.func @int32_not_promoted(%x: tensor<2x3xi32>) -> tensor<i32> {
  // expected-error@+1 {{'kiln.prod' op result 0 has type 'tensor<i32>' but the operands give 'tensor<i64>'}}
  %0 = "kiln.prod"(%x) : (tensor<2x3xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @bool_not_promoted(%x: tensor<4xi1>) -> tensor<i1> {
  // expected-error@+1 {{'kiln.prod' op result 0 has type 'tensor<i1>' but the operands give 'tensor<i64>'}}
  %0 = "kiln.prod"(%x) : (tensor<4xi1>) -> tensor<i1>
  return %0 : tensor<i1>
}
