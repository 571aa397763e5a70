// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.logical_not: dtypes torch.logical_not rejects, wrong result types, unsupported types.

// The result is bool.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.logical_not' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<3xi1>'}}
  %0 = kiln.logical_not %x : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// The result keeps the input shape.
func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xi1> {
  // expected-error@+1 {{'kiln.logical_not' op result 0 has type 'tensor<3x2xi1>' but the operands give 'tensor<2x3xi1>'}}
  %0 = kiln.logical_not %x : (tensor<2x3xf32>) -> tensor<3x2xi1>
  return %0 : tensor<3x2xi1>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%x: tensor<?xf32>) -> tensor<?xi1> {
  // expected-error@+1 {{'kiln.logical_not' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.logical_not %x : (tensor<?xf32>) -> tensor<?xi1>
  return %0 : tensor<?xi1>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.logical_not' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = "kiln.logical_not"(%x) : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
