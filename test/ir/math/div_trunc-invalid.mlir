// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.div_trunc: non-broadcastable shapes, dtypes torch.div(rounding_mode="trunc") rejects, wrong result types, unsupported types.

// Sizes 3 and 4 clash at the last dimension.
func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.div_trunc' op shapes [2, 3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.div_trunc %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// torch.div(rounding_mode="trunc") is not implemented for bool results.
func.func @f(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.div_trunc' op is not defined for bool results}}
  %0 = kiln.div_trunc %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// int32 with a 0-d int64 stays int32.
func.func @f(%a: tensor<3xi32>, %b: tensor<i64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.div_trunc' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<3xi32>'}}
  %0 = "kiln.div_trunc"(%a, %b) : (tensor<3xi32>, tensor<i64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// The declared result must have the broadcast shape.
func.func @f(%a: tensor<2x1xf32>, %b: tensor<3xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{'kiln.div_trunc' op result 0 has type 'tensor<2x1xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.div_trunc %a, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%a: tensor<?x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.div_trunc' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?x3xf32>'}}
  %0 = "kiln.div_trunc"(%a, %b) : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// int8 is not a Kiln dtype.
func.func @f(%a: tensor<3xf32>, %b: tensor<3xf16>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.div_trunc' op operand #1 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = kiln.div_trunc %a, %b : (tensor<3xf32>, tensor<3xf16>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
