// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.bitwise_not: dtypes torch.bitwise_not rejects, wrong result types, unsupported types.

// Float inputs are rejected.
func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.bitwise_not' op is only defined for integer and bool tensors (input [2, 3] float32)}}
  %0 = kiln.bitwise_not %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The input's dtype is kept.
func.func @f(%x: tensor<3xui8>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.bitwise_not' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<3xui8>'}}
  %0 = kiln.bitwise_not %x : (tensor<3xui8>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// The result keeps the input shape.
func.func @f(%x: tensor<2x3xi32>) -> tensor<3x2xi32> {
  // expected-error@+1 {{'kiln.bitwise_not' op result 0 has type 'tensor<3x2xi32>' but the operands give 'tensor<2x3xi32>'}}
  %0 = kiln.bitwise_not %x : (tensor<2x3xi32>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%x: tensor<?xi32>) -> tensor<?xi32> {
  // expected-error@+1 {{'kiln.bitwise_not' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xi32>'}}
  %0 = kiln.bitwise_not %x : (tensor<?xi32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.bitwise_not' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = "kiln.bitwise_not"(%x) : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
