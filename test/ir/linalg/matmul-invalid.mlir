// Diagnostics of kiln.matmul: 0-d operands, inner-dimension mismatch per rank case, mixed dtypes, non-broadcastable batches, bool operands, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @scalar_lhs(%a: tensor<f32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.matmul' op operands must be at least 1-D, got [] and [4]}}
  %0 = kiln.matmul %a, %b : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @scalar_rhs(%a: tensor<3x4xf32>, %b: tensor<f32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.matmul' op operands must be at least 1-D, got [3, 4] and []}}
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<f32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @vector_vector_mismatch(%a: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.matmul' op inner dimensions 3 and 4 differ: cannot multiply [3] by [4]}}
  %0 = kiln.matmul %a, %b : (tensor<3xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @matrix_vector_mismatch(%a: tensor<3x4xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.matmul' op inner dimensions 4 and 3 differ: cannot multiply [3, 4] by [3]}}
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @vector_matrix_mismatch(%a: tensor<5xf32>, %b: tensor<4x5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{'kiln.matmul' op inner dimensions 5 and 4 differ: cannot multiply [5] by [4, 5]}}
  %0 = kiln.matmul %a, %b : (tensor<5xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @batched_mismatch(%a: tensor<5x3x4xf32>, %b: tensor<5x5x4xf32>) -> tensor<5x3x4xf32> {
  // expected-error@+1 {{'kiln.matmul' op inner dimensions 4 and 5 differ: cannot multiply [5, 3, 4] by [5, 5, 4]}}
  %0 = kiln.matmul %a, %b : (tensor<5x3x4xf32>, tensor<5x5x4xf32>) -> tensor<5x3x4xf32>
  return %0 : tensor<5x3x4xf32>
}

// -----

func.func @vector_batched_mismatch(%a: tensor<4xf32>, %b: tensor<5x2x4xf32>) -> tensor<5x4xf32> {
  // expected-error@+1 {{'kiln.matmul' op inner dimensions 4 and 2 differ: cannot multiply [4] by [5, 2, 4]}}
  %0 = kiln.matmul %a, %b : (tensor<4xf32>, tensor<5x2x4xf32>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// -----

func.func @mixed_dtypes(%a: tensor<3x4xf32>, %b: tensor<4x5xf64>) -> tensor<3x5xf64> {
  // expected-error@+1 {{'kiln.matmul' op operands must have the same dtype, got float32 [3, 4] and float64 [4, 5]}}
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<4x5xf64>) -> tensor<3x5xf64>
  return %0 : tensor<3x5xf64>
}

// -----

// torch.matmul does not promote: int64 with float32 is an error too.
func.func @mixed_int_float(%a: tensor<4xi64>, %b: tensor<4xf32>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.matmul' op operands must have the same dtype, got int64 [4] and float32 [4]}}
  %0 = kiln.matmul %a, %b : (tensor<4xi64>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @batch_not_broadcastable(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<2x3x5xf32> {
  // expected-error@+1 {{'kiln.matmul' op shapes [2] and [3] are not broadcastable: size 2 vs 3 at dimension 0 of the broadcast result}}
  %0 = kiln.matmul %a, %b : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

func.func @batch_not_broadcastable_4d(%a: tensor<2x3x3x4xf32>, %b: tensor<4x4x5xf32>) -> tensor<2x3x3x5xf32> {
  // expected-error@+1 {{'kiln.matmul' op shapes [2, 3] and [4] are not broadcastable: size 3 vs 4 at dimension 1 of the broadcast result}}
  %0 = kiln.matmul %a, %b : (tensor<2x3x3x4xf32>, tensor<4x4x5xf32>) -> tensor<2x3x3x5xf32>
  return %0 : tensor<2x3x3x5xf32>
}

// -----

func.func @bool_operands(%a: tensor<2x2xi1>, %b: tensor<2x2xi1>) -> tensor<2x2xi1> {
  // expected-error@+1 {{'kiln.matmul' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float or 64-bit signless integer or 32-bit signless integer or 16-bit signless integer or 8-bit signless integer or 64-bit unsigned integer or 32-bit unsigned integer or 16-bit unsigned integer or 8-bit unsigned integer values, but got 'tensor<2x2xi1>'}}
  %0 = kiln.matmul %a, %b : (tensor<2x2xi1>, tensor<2x2xi1>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// -----

// 1-D . 1-D is 0-d, not [1].
func.func @wrong_result_dot(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{'kiln.matmul' op result 0 has type 'tensor<1xf32>' but the operands give 'tensor<f32>'}}
  %0 = "kiln.matmul"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// The 1-D operand's added dimension is removed again: [3], not [3, 1].
func.func @wrong_result_matrix_vector(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<3x1xf32> {
  // expected-error@+1 {{'kiln.matmul' op result 0 has type 'tensor<3x1xf32>' but the operands give 'tensor<3xf32>'}}
  %0 = kiln.matmul %a, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}

// -----

func.func @wrong_result_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x2xf32>) -> tensor<2x1x3x2xf32> {
  // expected-error@+1 {{'kiln.matmul' op result 0 has type 'tensor<2x1x3x2xf32>' but the operands give 'tensor<2x5x3x2xf32>'}}
  %0 = "kiln.matmul"(%a, %b) : (tensor<2x1x3x4xf32>, tensor<5x4x2xf32>) -> tensor<2x1x3x2xf32>
  return %0 : tensor<2x1x3x2xf32>
}
