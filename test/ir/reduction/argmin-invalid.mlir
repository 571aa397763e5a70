// Invalid kiln.argmin: out-of-range dim (also on 0-d), non-int64 result, wrong declared result shape.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{'kiln.argmin' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.argmin %x dim 2 : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @dim_too_negative(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{'kiln.argmin' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.argmin %x dim -3 : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @zero_d_dim_one(%s: tensor<f32>) -> tensor<i64> {
  // expected-error@+1 {{'kiln.argmin' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.argmin %s dim 1 : (tensor<f32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// Indices are int64 whatever the input dtype.
func.func @float_result(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.argmin' op result #0 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2xf32>'}}
  %0 = kiln.argmin %x dim 1 : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @int32_result(%x: tensor<2x3xi32>) -> tensor<2xi32> {
  // expected-error@+1 {{'kiln.argmin' op result #0 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2xi32>'}}
  %0 = kiln.argmin %x dim 1 : (tensor<2x3xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// dim 1 of [2, 3] leaves [2], not [3].
func.func @wrong_dim_reduced(%x: tensor<2x3xf32>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.argmin' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<2xi64>'}}
  %0 = "kiln.argmin"(%x) <{dim = 1 : i64}> : (tensor<2x3xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// Without dim the input is flattened: the index is 0-d.
func.func @no_dim_not_0d(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{'kiln.argmin' op result 0 has type 'tensor<2xi64>' but the operands give 'tensor<i64>'}}
  %0 = "kiln.argmin"(%x) : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// No argmin of no elements: PyTorch raises for an empty reduced dim.
func.func @empty_dim(%x: tensor<2x0xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{'kiln.argmin' op reduces dimension 1 of size 0 of [2, 0]: there is no maximum or minimum of no elements}}
  %0 = kiln.argmin %x dim 1 : (tensor<2x0xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}
