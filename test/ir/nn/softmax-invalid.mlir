// Invalid kiln.softmax: out-of-range dims (also on 0-d), integer input, result type differing from the input's.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dim_too_large(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.softmax' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.softmax %x dim 2 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dim_too_negative(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.softmax' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.softmax %x dim -3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @zero_d_dim_one(%s: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.softmax' op dimension 1 is out of range for rank 0 (expected [-1, 0])}}
  %0 = kiln.softmax %s dim 1 : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @integer_input(%x: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // expected-error@+1 {{'kiln.softmax' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<2x3xi64>'}}
  %0 = kiln.softmax %x dim 1 : (tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

func.func @result_dtype_changed(%x: tensor<2x3xf32>) -> tensor<2x3xf64> {
  // expected-error@+1 {{'kiln.softmax' op result 0 has type 'tensor<2x3xf64>' but the operands give 'tensor<2x3xf32>'}}
  %0 = "kiln.softmax"(%x) <{dim = 1 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}

// -----

// The dimension is not reduced away.
func.func @result_reduced(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.softmax' op result 0 has type 'tensor<2xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = "kiln.softmax"(%x) <{dim = 1 : i64}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
