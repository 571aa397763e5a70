// Diagnostics of kiln.dot: non-1-D operands, length mismatch, mixed dtypes, bool operands, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @matrix(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.dot' op expects 1-D operands, got [2, 3] and [3]}}
  %0 = kiln.dot %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @scalars(%a: tensor<f32>, %b: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.dot' op expects 1-D operands, got [] and []}}
  %0 = kiln.dot %a, %b : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @length_mismatch(%a: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.dot' op inner dimensions 3 and 4 differ: cannot multiply [3] by [4]}}
  %0 = kiln.dot %a, %b : (tensor<3xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @mixed_dtypes(%a: tensor<3xi32>, %b: tensor<3xi64>) -> tensor<i64> {
  // expected-error@+1 {{'kiln.dot' op operands must have the same dtype, got int32 [3] and int64 [3]}}
  %0 = kiln.dot %a, %b : (tensor<3xi32>, tensor<3xi64>) -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

func.func @bool_operands(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<i1> {
  // expected-error@+1 {{'kiln.dot' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer values, but got 'tensor<3xi1>'}}
  %0 = kiln.dot %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// -----

func.func @wrong_result(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.dot' op result 0 has type 'tensor<1xf32>' but the operands give 'tensor<f32>'}}
  %0 = "kiln.dot"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}
