// Diagnostics of kiln.index_select: 2-D, float and bool index, out-of-range dim, wrong result type, several indices into a 0-d input.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @matrix_index(%x: tensor<4x3xf32>, %i: tensor<2x2xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.index_select' op index must be 0-D or 1-D, got [2, 2]}}
  %0 = kiln.index_select %x, %i dim 0 : (tensor<4x3xf32>, tensor<2x2xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @float_index(%x: tensor<4x3xf32>, %i: tensor<2xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.index_select' op operand #1 must be statically shaped tensor of 64-bit signless integer or 32-bit signless integer values, but got 'tensor<2xf32>'}}
  %0 = kiln.index_select %x, %i dim 0 : (tensor<4x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @bool_index(%x: tensor<4x3xf32>, %i: tensor<2xi1>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.index_select' op operand #1 must be statically shaped tensor of 64-bit signless integer or 32-bit signless integer values, but got 'tensor<2xi1>'}}
  %0 = kiln.index_select %x, %i dim 0 : (tensor<4x3xf32>, tensor<2xi1>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dim_out_of_range(%x: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.index_select' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.index_select %x, %i dim 2 : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @negative_dim_out_of_range(%x: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.index_select' op dimension -3 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.index_select %x, %i dim -3 : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// A 0-d index keeps the dimension (size 1); it does not drop it.
func.func @wrong_result(%x: tensor<4x3xf32>, %i: tensor<i64>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.index_select' op result 0 has type 'tensor<3xf32>' but the operands give 'tensor<1x3xf32>'}}
  %0 = "kiln.index_select"(%x, %i) <{dim = 0 : i64}> : (tensor<4x3xf32>, tensor<i64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// torch.index_select of a 0-d input: "Index to scalar can have only 1 value, got 2 value(s)".
func.func @scalar_input_many_indices(%x: tensor<f32>, %i: tensor<2xi64>) -> tensor<f32> {
  // expected-error@+1 {{'kiln.index_select' op}}
  %0 = kiln.index_select %x, %i dim 0 : (tensor<f32>, tensor<2xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}
