// Diagnostics of kiln.reshape: element-count mismatch, two -1s, negative sizes, ambiguous -1, wrong result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @count_mismatch(%x: tensor<2x3xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.reshape' op shape [4] is invalid for input of shape [2, 3] (6 elements)}}
  %0 = kiln.reshape %x [4] : (tensor<2x3xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @two_inferred(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.reshape' op invalid shape [-1, -1]: only one -1 is allowed and sizes are not negative}}
  %0 = kiln.reshape %x [-1, -1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @negative_size(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.reshape' op invalid shape [2, -3]: only one -1 is allowed and sizes are not negative}}
  %0 = kiln.reshape %x [2, -3] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @inferred_not_divisible(%x: tensor<2x3xf32>) -> tensor<4x1xf32> {
  // expected-error@+1 {{'kiln.reshape' op shape [4, -1] is invalid for input of shape [2, 3] (6 elements)}}
  %0 = kiln.reshape %x [4, -1] : (tensor<2x3xf32>) -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}

// -----

// PyTorch: the -1 of [0, -1] could be any size for 0 elements.
func.func @inferred_ambiguous(%x: tensor<0x3xf32>) -> tensor<0x3xf32> {
  // expected-error@+1 {{'kiln.reshape' op shape [0, -1] is invalid for input of shape [0, 3] (0 elements)}}
  %0 = kiln.reshape %x [0, -1] : (tensor<0x3xf32>) -> tensor<0x3xf32>
  return %0 : tensor<0x3xf32>
}

// -----

func.func @wrong_result(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.reshape' op result 0 has type 'tensor<2x3xf32>' but the operands give 'tensor<3x2xf32>'}}
  %0 = "kiln.reshape"(%x) <{shape = array<i64: 3, -1>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @wrong_result_dtype(%x: tensor<2x3xf32>) -> tensor<6xf64> {
  // expected-error@+1 {{'kiln.reshape' op result 0 has type 'tensor<6xf64>' but the operands give 'tensor<6xf32>'}}
  %0 = kiln.reshape %x [6] : (tensor<2x3xf32>) -> tensor<6xf64>
  return %0 : tensor<6xf64>
}
