// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.atan: dtypes torch.atan rejects, wrong result types, unsupported types.

// Integer inputs give float32, not the input dtype.
func.func @f(%x: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.atan' op result 0 has type 'tensor<3xi64>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.atan %x : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// float32 input stays float32, it is not widened to float64.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.atan' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = "kiln.atan"(%x) : (tensor<3xf32>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// The result keeps the input shape.
func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.atan' op result 0 has type 'tensor<3x2xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.atan %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.atan' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.atan %x : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.atan' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = "kiln.atan"(%x) : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
