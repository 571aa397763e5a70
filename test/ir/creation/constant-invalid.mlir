// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.constant: unsupported element types, value/result type mismatch, missing value.

func.func @float16() -> tensor<2xf16> {
  // expected-error@+1 {{'kiln.constant' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<2xf16>'}}
  %0 = kiln.constant dense<[1.0, 2.0]> : tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @type_mismatch() -> tensor<2xf64> {
  // expected-error@+1 {{'kiln.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "kiln.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf64>
  return %0 : tensor<2xf64>
}

// -----

func.func @shape_mismatch() -> tensor<1x2xf32> {
  // expected-error@+1 {{'kiln.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "kiln.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @vector_value() -> vector<2xf32> {
  // expected-error@+1 {{'kiln.constant' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'vector<2xf32>'}}
  %0 = kiln.constant dense<[1.0, 2.0]> : vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

func.func @missing_value() -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.constant' op requires attribute 'value'}}
  %0 = "kiln.constant"() : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
