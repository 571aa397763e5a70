// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.zeros: dynamic or unranked shapes, unsupported element types, non-tensor results.

func.func @dynamic() -> tensor<?x3xf32> {
  // expected-error@+1 {{'kiln.zeros' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?x3xf32>'}}
  %0 = kiln.zeros : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @unranked() -> tensor<*xf32> {
  // expected-error@+1 {{'kiln.zeros' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<*xf32>'}}
  %0 = "kiln.zeros"() : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @float16() -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.zeros' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.zeros : tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

func.func @int8() -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.zeros' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.zeros : tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

func.func @scalar_result() -> f32 {
  // expected-error@+1 {{'kiln.zeros' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'f32'}}
  %0 = "kiln.zeros"() : () -> f32
  return %0 : f32
}
