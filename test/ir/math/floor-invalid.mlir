// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.floor: dtypes torch.floor rejects, wrong result types, unsupported types.

// Bool inputs are rejected, as torch rejects them.
func.func @f(%x: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.floor' op is not defined for bool tensors (input [3] bool)}}
  %0 = kiln.floor %x : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// The input's dtype is kept.
func.func @f(%x: tensor<3xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.floor' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<3xi64>'}}
  %0 = kiln.floor %x : (tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// float32 input stays float32, it is not widened to float64.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.floor' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = "kiln.floor"(%x) : (tensor<3xf32>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// The result keeps the input shape.
func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.floor' op result 0 has type 'tensor<3x2xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.floor %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.floor' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.floor %x : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.floor' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = "kiln.floor"(%x) : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}
