// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.prelu: a slope that does not broadcast to the input, or widens it, dtypes, wrong result types, unsupported types.

func.func @f(%x: tensor<2x3xf32>, %s: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.prelu' op shapes [2, 3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.prelu %x, %s : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The broadcast is one-way: the result has the input's shape.
func.func @f(%x: tensor<3xf32>, %s: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.prelu' op slope [2, 3] must broadcast to the input's shape [3], not widen it}}
  %0 = kiln.prelu %x, %s : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @f(%x: tensor<3xi64>, %s: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.prelu' op is only defined for float tensors (input [3] int64)}}
  %0 = kiln.prelu %x, %s : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// No promotion: the slope has the input's dtype (ONNX PRelu's one T).
func.func @f(%x: tensor<3xf32>, %s: tensor<f64>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.prelu' op slope must have the input's dtype float32, not float64}}
  %0 = kiln.prelu %x, %s : (tensor<3xf32>, tensor<f64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @f(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.prelu' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<2x3xf32>'}}
  %0 = "kiln.prelu"(%x, %s) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @f(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.prelu' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer or 1-bit signless integer values, but got 'tensor<?xf32>'}}
  %0 = kiln.prelu %x, %s : (tensor<?xf32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
