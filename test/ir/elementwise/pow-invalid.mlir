// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.pow: non-broadcastable shapes, wrong declared result types, unsupported types.

// Sizes 3 and 4 clash at the last dimension.
func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.pow' op shapes [2, 3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.pow %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The clash is named with both shapes even when it is in a leading dimension.
func.func @f(%a: tensor<5x1xf32>, %b: tensor<2x3x7xf32>) -> tensor<2x5x7xf32> {
  // expected-error@+1 {{'kiln.pow' op shapes [5, 1] and [2, 3, 7] are not broadcastable: size 5 vs 3 at dimension 1 of the broadcast result}}
  %0 = kiln.pow %a, %b : (tensor<5x1xf32>, tensor<2x3x7xf32>) -> tensor<2x5x7xf32>
  return %0 : tensor<2x5x7xf32>
}

// -----

// int64[3] with float32[] gives float32, not the dimensioned operand's int64.
func.func @f(%a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.pow' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<3xf32>'}}
  %0 = "kiln.pow"(%a, %b) : (tensor<3xi64>, tensor<f32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// A 0-d float64 does not widen a float32 tensor.
func.func @f(%a: tensor<3xf32>, %b: tensor<f64>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.pow' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.pow %a, %b : (tensor<3xf32>, tensor<f64>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// The declared result must have the broadcast shape.
func.func @f(%a: tensor<2x1xf32>, %b: tensor<3xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{'kiln.pow' op result 0 has type 'tensor<2x1xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.pow %a, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%a: tensor<?x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.pow' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?x3xf32>'}}
  %0 = "kiln.pow"(%a, %b) : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%a: tensor<3xf32>, %b: tensor<3xf16>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.pow' op operand #1 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.pow %a, %b : (tensor<3xf32>, tensor<3xf16>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// int8 is not a Kiln dtype.
func.func @f(%a: tensor<3xf16>, %b: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.pow' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.pow %a, %b : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

// Unranked tensors are not supported.
func.func @f(%a: tensor<*xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.pow' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<*xf32>'}}
  %0 = "kiln.pow"(%a, %b) : (tensor<*xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// torch.pow is not implemented for bool results (bool ** bool).
func.func @f(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error-re@+1 {{'kiln.pow' op {{.*}}bool}}
  %0 = kiln.pow %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}
