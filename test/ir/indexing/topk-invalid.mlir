// Diagnostics of kiln.topk: k out of range, 0-d and bool inputs, wrong index dtype.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @k_too_large(%x: tensor<3x5xf32>) -> (tensor<3x6xf32>, tensor<3x6xi64>) {
  // expected-error@+1 {{'kiln.topk' op k 6 is out of range for dimension 1 of the input [3, 5] (expected [0, 5])}}
  %v, %i = kiln.topk %x k 6 dim 1 : (tensor<3x5xf32>) -> (tensor<3x6xf32>, tensor<3x6xi64>)
  return %v, %i : tensor<3x6xf32>, tensor<3x6xi64>
}

// -----

func.func @scalar(%x: tensor<f32>) -> (tensor<f32>, tensor<i64>) {
  // expected-error@+1 {{'kiln.topk' op input must have at least 1 dimension}}
  %v, %i = kiln.topk %x k 1 dim 0 : (tensor<f32>) -> (tensor<f32>, tensor<i64>)
  return %v, %i : tensor<f32>, tensor<i64>
}

// -----

func.func @bool(%x: tensor<4xi1>) -> (tensor<2xi1>, tensor<2xi64>) {
  // expected-error@+1 {{'kiln.topk' op bool tensors have no order to select by}}
  %v, %i = kiln.topk %x k 2 dim 0 : (tensor<4xi1>) -> (tensor<2xi1>, tensor<2xi64>)
  return %v, %i : tensor<2xi1>, tensor<2xi64>
}

// -----

func.func @int32_indices(%x: tensor<4xf32>) -> (tensor<2xf32>, tensor<2xi32>) {
  // expected-error@+1 {{'kiln.topk' op result #1 must be statically shaped tensor of 64-bit signless integer values}}
  %v, %i = kiln.topk %x k 2 dim 0 : (tensor<4xf32>) -> (tensor<2xf32>, tensor<2xi32>)
  return %v, %i : tensor<2xf32>, tensor<2xi32>
}
