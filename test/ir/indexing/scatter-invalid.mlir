// Diagnostics of kiln.scatter: ranks, index larger than src or input, dtypes, bool reductions, unknown reduction.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @rank(%x: tensor<3x4xf32>, %i: tensor<2xi64>, %s: tensor<2xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.scatter' op index [2] and src [2] must have the rank of the input [3, 4]}}
  %0 = kiln.scatter %x, %i, %s dim 0 : (tensor<3x4xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @index_larger_than_src(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>, %s: tensor<2x3xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.scatter' op index of shape [2, 4] must be no larger than src [2, 3] in any dimension and than the input [3, 4] outside dimension 0}}
  %0 = kiln.scatter %x, %i, %s dim 0 : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x3xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @index_larger_than_input(%x: tensor<3x4xf32>, %i: tensor<2x5xi64>, %s: tensor<2x5xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.scatter' op index of shape [2, 5] must be no larger than src [2, 5] in any dimension and than the input [3, 4] outside dimension 0}}
  %0 = kiln.scatter %x, %i, %s dim 0 : (tensor<3x4xf32>, tensor<2x5xi64>, tensor<2x5xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @dtype(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>, %s: tensor<2x4xf64>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.scatter' op src dtype float64 differs from the input's float32}}
  %0 = kiln.scatter %x, %i, %s dim 0 : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @bool_add(%x: tensor<3xi1>, %i: tensor<2xi64>, %s: tensor<2xi1>) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.scatter' op reduce add is not defined for bool tensors}}
  %0 = kiln.scatter %x, %i, %s dim 0 reduce <add> : (tensor<3xi1>, tensor<2xi64>, tensor<2xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

func.func @unknown_reduction(%x: tensor<3xf32>, %i: tensor<2xi64>, %s: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error@+2 {{expected ::kiln::ScatterReduce to be one of: none, add, mul, max, min}}
  // expected-error@+1 {{failed to parse Kiln_ScatterReduceAttr parameter 'value'}}
  %0 = kiln.scatter %x, %i, %s dim 0 reduce <mean> : (tensor<3xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
