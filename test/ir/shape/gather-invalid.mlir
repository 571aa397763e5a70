// Diagnostics of kiln.gather: index larger than the input outside dim, rank mismatch, float and int32 index, out-of-range dim, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @index_larger(%x: tensor<3x4xf32>, %i: tensor<4x2xi64>) -> tensor<4x2xf32> {
  // expected-error@+1 {{'kiln.gather' op index of shape [4, 2] must have the rank of the input [3, 4] and be no larger outside dimension 1}}
  %0 = kiln.gather %x, %i dim 1 : (tensor<3x4xf32>, tensor<4x2xi64>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @index_larger_negative_dim(%x: tensor<3x4xf32>, %i: tensor<2x5xi64>) -> tensor<2x5xf32> {
  // expected-error@+1 {{'kiln.gather' op index of shape [2, 5] must have the rank of the input [3, 4] and be no larger outside dimension 0}}
  %0 = kiln.gather %x, %i dim -2 : (tensor<3x4xf32>, tensor<2x5xi64>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @rank_mismatch(%x: tensor<3x4xf32>, %i: tensor<3xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.gather' op index of shape [3] must have the rank of the input [3, 4] and be no larger outside dimension 1}}
  %0 = kiln.gather %x, %i dim 1 : (tensor<3x4xf32>, tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @float_index(%x: tensor<3x4xf32>, %i: tensor<3x2xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.gather' op operand #1 must be statically shaped tensor of 64-bit signless integer}}
  %0 = kiln.gather %x, %i dim 1 : (tensor<3x4xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// torch.gather (unlike index_select) only takes int64 indices:
// "gather(): Expected dtype int64 for index".
func.func @int32_index(%x: tensor<3x4xf32>, %i: tensor<3x2xi32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.gather' op}}
  %0 = kiln.gather %x, %i dim 1 : (tensor<3x4xf32>, tensor<3x2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @dim_out_of_range(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  // expected-error@+1 {{'kiln.gather' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %0 = kiln.gather %x, %i dim 2 : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// The result has the index's shape and the input's dtype.
func.func @wrong_result(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xi64> {
  // expected-error@+1 {{'kiln.gather' op result 0 has type 'tensor<3x2xi64>' but the operands give 'tensor<3x2xf32>'}}
  %0 = "kiln.gather"(%x, %i) <{dim = 1 : i64}> : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xi64>
  return %0 : tensor<3x2xi64>
}
