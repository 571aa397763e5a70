// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.bitwise_right_shift: non-broadcastable shapes, dtypes torch.bitwise_right_shift rejects, wrong result types, unsupported types.

// Sizes 3 and 4 clash at the last dimension.
func.func @f(%a: tensor<2x3xi64>, %b: tensor<4xi64>) -> tensor<2x3xi64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op shapes [2, 3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<2x3xi64>, tensor<4xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// Floats are rejected, as torch rejects them.
func.func @f(%a: tensor<3xui8>, %b: tensor<3xf64>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op is only defined for integer tensors (uint8 and float64)}}
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<3xui8>, tensor<3xf64>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// Bools are rejected, as torch rejects them.
func.func @f(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op is only defined for integer tensors (bool and bool)}}
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// int32 with a 0-d int64 stays int32.
func.func @f(%a: tensor<3xi32>, %b: tensor<i64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<3xi32>'}}
  %0 = "kiln.bitwise_right_shift"(%a, %b) : (tensor<3xi32>, tensor<i64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// The declared result must have the broadcast shape.
func.func @f(%a: tensor<2x1xi64>, %b: tensor<3xi64>) -> tensor<2x1xi64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op result 0 has type 'tensor<2x1xi64>' but the operands give 'tensor<2x3xi64>'}}
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%a: tensor<?x3xi64>, %b: tensor<3xi64>) -> tensor<2x3xi64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?x3xi64>'}}
  %0 = "kiln.bitwise_right_shift"(%a, %b) : (tensor<?x3xi64>, tensor<3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// int8 is not a Kiln dtype.
func.func @f(%a: tensor<3xi64>, %b: tensor<3xf16>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.bitwise_right_shift' op operand #1 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<3xi64>, tensor<3xf16>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}
