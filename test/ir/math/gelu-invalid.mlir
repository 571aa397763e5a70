// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.gelu: dtypes torch.nn.functional.gelu rejects, wrong result types, unsupported types, bad attributes.

// int64 inputs are rejected, as torch rejects them.
func.func @f(%x: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.gelu' op is only defined for float tensors (input [3] int64)}}
  %0 = kiln.gelu %x : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// bool inputs are rejected, as torch rejects them.
func.func @f(%x: tensor<3xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.gelu' op is only defined for float tensors (input [3] bool)}}
  %0 = kiln.gelu %x : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// float32 input stays float32, it is not widened to float64.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf64> {
  // expected-error@+1 {{'kiln.gelu' op result 0 has type 'tensor<3xf64>' but the operands give 'tensor<3xf32>'}}
  %0 = "kiln.gelu"(%x) : (tensor<3xf32>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// The result keeps the input shape.
func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.gelu' op result 0 has type 'tensor<3x2xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = kiln.gelu %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Dynamic shapes are not supported.
func.func @f(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.gelu' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.gelu %x : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// float16 is not a Kiln dtype.
func.func @f(%x: tensor<3xf16>) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.gelu' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<3xf16>'}}
  %0 = "kiln.gelu"(%x) : (tensor<3xf16>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

// Attributes have their declared types.
func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error-re@+1 {{invalid properties {{.*}} for op kiln.gelu}}
  %0 = "kiln.gelu"(%x) <{approximate = 1 : i64}> : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// approximate is "none" or "tanh".
func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.gelu' op approximate must be "none" or "tanh", not "erf"}}
  %0 = kiln.gelu %x {approximate = "erf"} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
