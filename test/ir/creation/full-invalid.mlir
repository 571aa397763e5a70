// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.full: values not representable in the element type, missing value, unsupported types.

func.func @fractional_int64() -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.full' op value 2.5 is not integral, but the int64 result is}}
  %0 = kiln.full 2.5 : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @fractional_uint8() -> tensor<3xui8> {
  // expected-error@+1 {{'kiln.full' op value 0.1 is not integral, but the uint8 result is}}
  %0 = kiln.full 0.1 : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

func.func @fractional_bool() -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.full' op value 0.5 is not integral, but the bool result is}}
  %0 = kiln.full 0.5 : tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @nan_int32() -> tensor<3xi32> {
  // expected-error@+1 {{'kiln.full' op value nan is not integral, but the int32 result is}}
  %0 = kiln.full 0x7FF8000000000000 : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

func.func @uint8_too_large() -> tensor<3xui8> {
  // expected-error@+1 {{'kiln.full' op value 256 does not fit in uint8}}
  %0 = kiln.full 256.0 : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

func.func @uint8_negative() -> tensor<3xui8> {
  // expected-error@+1 {{'kiln.full' op value -1 does not fit in uint8}}
  %0 = kiln.full -1.0 : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

func.func @bool_two() -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.full' op value 2 does not fit in bool}}
  %0 = kiln.full 2.0 : tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @int32_too_large() -> tensor<3xi32> {
  // expected-error@+1 {{'kiln.full' op value 2.14748e+09 does not fit in int32}}
  %0 = kiln.full 2147483648.0 : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// 2^63 is one past the largest int64.
func.func @int64_too_large() -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.full' op value 9.22337e+18 does not fit in int64}}
  %0 = kiln.full 9223372036854775808.0 : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @missing_value() -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.full' op requires attribute 'value'}}
  %0 = "kiln.full"() : () -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @integer_value_attr() -> tensor<3xf32> {
  // expected-error@+1 {{invalid properties {value = 1 : i64} for op kiln.full: Invalid attribute `value` in property conversion: 1 : i64}}
  %0 = "kiln.full"() <{value = 1 : i64}> : () -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dynamic() -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.full' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.full 1.0 : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @float16() -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.full' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.full 1.0 : tensor<3xf16>
  return %0 : tensor<3xf16>
}
