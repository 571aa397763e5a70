// Round trip of kiln.transpose: torch.transpose with positive, negative and equal dims, 1-D and 0-d inputs.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matrix
func.func @matrix(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // CHECK: kiln.transpose %{{.*}} 0, 1 : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %0 = kiln.transpose %x 0, 1 : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @last_and_first
func.func @last_and_first(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  // CHECK: kiln.transpose %{{.*}} -1, 0 : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %0 = kiln.transpose %x -1, 0 : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// CHECK-LABEL: func.func @both_negative
func.func @both_negative(%x: tensor<2x3x4xi64>) -> tensor<3x2x4xi64> {
  // CHECK: kiln.transpose %{{.*}} -3, -2 : (tensor<2x3x4xi64>) -> tensor<3x2x4xi64>
  %0 = kiln.transpose %x -3, -2 : (tensor<2x3x4xi64>) -> tensor<3x2x4xi64>
  return %0 : tensor<3x2x4xi64>
}

// CHECK-LABEL: func.func @last_two
func.func @last_two(%x: tensor<5x2x3x4xf64>) -> tensor<5x2x4x3xf64> {
  // CHECK: kiln.transpose %{{.*}} -2, -1 : (tensor<5x2x3x4xf64>) -> tensor<5x2x4x3xf64>
  %0 = kiln.transpose %x -2, -1 : (tensor<5x2x3x4xf64>) -> tensor<5x2x4x3xf64>
  return %0 : tensor<5x2x4x3xf64>
}

// CHECK-LABEL: func.func @same_dim
func.func @same_dim(%x: tensor<2x3x4xi32>) -> tensor<2x3x4xi32> {
  // CHECK: kiln.transpose %{{.*}} 1, -2 : (tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  %0 = kiln.transpose %x 1, -2 : (tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  return %0 : tensor<2x3x4xi32>
}

// CHECK-LABEL: func.func @vector
func.func @vector(%x: tensor<5xui8>) -> tensor<5xui8> {
  // CHECK: kiln.transpose %{{.*}} 0, -1 : (tensor<5xui8>) -> tensor<5xui8>
  %0 = kiln.transpose %x 0, -1 : (tensor<5xui8>) -> tensor<5xui8>
  return %0 : tensor<5xui8>
}

// torch.transpose of a 0-d tensor accepts dims 0 and -1.
// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<i1>) -> tensor<i1> {
  // CHECK: kiln.transpose %{{.*}} 0, -1 : (tensor<i1>) -> tensor<i1>
  %0 = kiln.transpose %x 0, -1 : (tensor<i1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3x4xf32>) -> tensor<2x4x3xf32> {
  // CHECK: kiln.transpose %{{.*}} 2, 1 : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %0 = "kiln.transpose"(%x) <{dim0 = 2 : i64, dim1 = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}
