// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.arange: zero step, step of the wrong sign, wrong length or rank, bool results, missing attributes.

func.func @zero_step() -> tensor<5xf32> {
  // expected-error@+1 {{'kiln.arange' op step must be non-zero}}
  %0 = kiln.arange 0.0 to 5.0 step 0.0 : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @wrong_sign() -> tensor<5xf32> {
  // expected-error@+1 {{'kiln.arange' op step -1 cannot go from 0 to 5}}
  %0 = kiln.arange 0.0 to 5.0 step -1.0 : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @wrong_sign_descending() -> tensor<5xi64> {
  // expected-error@+1 {{'kiln.arange' op step 1 cannot go from 5 to 0}}
  %0 = kiln.arange 5.0 to 0.0 step 1.0 : tensor<5xi64>
  return %0 : tensor<5xi64>
}

// -----

// The end is exclusive: 0 to 5 has 5 elements, not 6.
func.func @too_long() -> tensor<6xi64> {
  // expected-error@+1 {{'kiln.arange' op from 0 to 5 by 1 has 5 elements, so the result must be [5], got [6]}}
  %0 = kiln.arange 0.0 to 5.0 step 1.0 : tensor<6xi64>
  return %0 : tensor<6xi64>
}

// -----

// The length rounds up: ceil(1 / 0.3) = 4, not 3.
func.func @rounds_up() -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.arange' op from 0 to 1 by 0.3 has 4 elements, so the result must be [4], got [3]}}
  %0 = kiln.arange 0.0 to 1.0 step 0.3 : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @two_dimensional() -> tensor<4x1xf32> {
  // expected-error@+1 {{'kiln.arange' op from 0 to 4 by 1 has 4 elements, so the result must be [4], got [4, 1]}}
  %0 = kiln.arange 0.0 to 4.0 step 1.0 : tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}

// -----

func.func @zero_dim() -> tensor<f32> {
  // expected-error@+1 {{'kiln.arange' op from 0 to 1 by 1 has 1 elements, so the result must be [1], got []}}
  %0 = kiln.arange 0.0 to 1.0 step 1.0 : tensor<f32>
  return %0 : tensor<f32>
}

// -----

// torch.arange is not implemented for bool.
func.func @bool_result() -> tensor<2xi1> {
  // expected-error@+1 {{'kiln.arange' op}}
  %0 = kiln.arange 0.0 to 2.0 step 1.0 : tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

func.func @missing_step() -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.arange' op requires attribute 'step'}}
  %0 = "kiln.arange"() <{start = 0.0 : f64, end = 2.0 : f64}> : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @dynamic() -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.arange' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.arange 0.0 to 2.0 step 1.0 : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @float16() -> tensor<2xf16> {
  // expected-error@+1 {{'kiln.arange' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<2xf16>'}}
  %0 = kiln.arange 0.0 to 2.0 step 1.0 : tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @nan_step() -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.arange' op start, end and step must be finite}}
  %0 = kiln.arange 0.0 to 1.0 step 0x7FF8000000000000 : tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @infinite_end() -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.arange' op start, end and step must be finite}}
  %0 = kiln.arange 0.0 to 0x7FF0000000000000 step 1.0 : tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @too_many_elements() -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.arange' op from 0 to 1e+20 by 1 has too many elements}}
  %0 = kiln.arange 0.0 to 1.0e20 step 1.0 : tensor<1xf32>
  return %0 : tensor<1xf32>
}
