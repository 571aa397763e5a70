// Invalid kiln.linear: feature mismatch, bad bias shape/dtype, 0-d input, non-matrix weight, dtypes, result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// weight [4, 5] expects 5 input features.
func.func @feature_mismatch(%x: tensor<2x3xf32>, %w: tensor<4x5xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op input has 3 features but weight expects 5: input [2, 3], weight [4, 5]}}
  %0 = kiln.linear %x, %w : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// The weight is [out, in] as nn.Linear stores it, not [in, out].
func.func @weight_transposed(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op input has 3 features but weight expects 4: input [2, 3], weight [3, 4]}}
  %0 = kiln.linear %x, %w : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// The bias has out_features (4) entries, not in_features (3).
func.func @bias_wrong_size(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op bias must be float32 [4] or broadcast to it, got float32 [3]}}
  %0 = kiln.linear %x, %w, %b : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @bias_2d(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<2x5xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op bias must be float32 [4] or broadcast to it, got float32 [2, 5]}}
  %0 = kiln.linear %x, %w, %b : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<2x5xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @bias_dtype(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf64>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op bias must be float32 [4] or broadcast to it, got float64 [4]}}
  %0 = kiln.linear %x, %w, %b : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @zero_d_input(%x: tensor<f32>, %w: tensor<4x3xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.linear' op expects input [..., in_features] and weight [out_features, in_features], got [] and [4, 3]}}
  %0 = kiln.linear %x, %w : (tensor<f32>, tensor<4x3xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @weight_3d(%x: tensor<2x3xf32>, %w: tensor<1x4x3xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.linear' op expects input [..., in_features] and weight [out_features, in_features], got [2, 3] and [1, 4, 3]}}
  %0 = kiln.linear %x, %w : (tensor<2x3xf32>, tensor<1x4x3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dtype_mismatch(%x: tensor<2x3xf64>, %w: tensor<4x3xf32>) -> tensor<2x4xf64> {
  // expected-error@+1 {{'kiln.linear' op input and weight dtypes differ: float64 vs float32}}
  %0 = kiln.linear %x, %w : (tensor<2x3xf64>, tensor<4x3xf32>) -> tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}

// -----

func.func @integer_input(%x: tensor<2x3xi64>, %w: tensor<4x3xi64>) -> tensor<2x4xi64> {
  // expected-error@+1 {{'kiln.linear' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<2x3xi64>'}}
  %0 = kiln.linear %x, %w : (tensor<2x3xi64>, tensor<4x3xi64>) -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}

// -----

func.func @wrong_result(%x: tensor<2x5x3xf32>, %w: tensor<4x3xf32>) -> tensor<10x4xf32> {
  // expected-error@+1 {{'kiln.linear' op result 0 has type 'tensor<10x4xf32>' but the operands give 'tensor<2x5x4xf32>'}}
  %0 = "kiln.linear"(%x, %w) : (tensor<2x5x3xf32>, tensor<4x3xf32>) -> tensor<10x4xf32>
  return %0 : tensor<10x4xf32>
}
