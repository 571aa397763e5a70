// Invalid kiln.min: duplicate and out-of-range dims (also on 0-d), wrong declared result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @duplicate_dim(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.min' op dimension 0 appears more than once in dims [0, 2, 0]}}
  %0 = kiln.min %x dim [0, 2, 0] : (tensor<2x3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// -2 and 1 name the same dimension of a rank-3 tensor.
func.func @duplicate_after_normalizing(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.min' op dimension -2 appears more than once in dims [1, -2]}}
  %0 = kiln.min %x dim [1, -2] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.min' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.min %x dim [2] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @dim_too_negative(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.min' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.min %x dim [-3] : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// A 0-d tensor accepts only 0 and -1, and those are the same dimension.
func.func @zero_d_dim_one(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.min' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.min %s dim [1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @zero_d_duplicate(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.min' op dimension -1 appears more than once in dims [0, -1]}}
  %0 = kiln.min %s dim [0, -1] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// keepdim keeps the reduced dimension with size 1.
func.func @keepdim_dropped(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.min' op result 0 has type 'tensor<2xf32>' but the operands give 'tensor<2x1xf32>'}}
  %0 = "kiln.min"(%x) <{dim = array<i64: 1>, keepdim}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// torch.amin keeps the input dtype; it does not accumulate in int64.
func.func @int32_promoted(%x: tensor<2x3xi32>) -> tensor<i64> {
  // expected-error@+1 {{'kiln.min' op result 0 has type 'tensor<i64>' but the operands give 'tensor<i32>'}}
  %0 = "kiln.min"(%x) : (tensor<2x3xi32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// No min of no elements: PyTorch raises for an empty reduced dim.
func.func @empty_dim(%x: tensor<2x0xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.min' op reduces dimension 1 of size 0 of [2, 0]: there is no maximum or minimum of no elements}}
  %0 = kiln.min %x dim [1] : (tensor<2x0xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Every dim of an empty tensor.
func.func @empty_all(%x: tensor<0x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.min' op reduces dimension 0 of size 0 of [0, 3]}}
  %0 = kiln.min %x : (tensor<0x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
