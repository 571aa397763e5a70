// Round trip of kiln.permute: torch.permute with positive and negative dims, identity, 1-D and 0-d inputs.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// Result dimension i is input dimension dims[i].
// CHECK-LABEL: func.func @rotate
func.func @rotate(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK: kiln.permute %{{.*}} [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %0 = kiln.permute %x [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func.func @negative
func.func @negative(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK: kiln.permute %{{.*}} [-1, -3, -2] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %0 = kiln.permute %x [-1, -3, -2] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func.func @mixed
func.func @mixed(%x: tensor<2x3x4x5xi64>) -> tensor<3x5x2x4xi64> {
  // CHECK: kiln.permute %{{.*}} [1, -1, 0, 2] : (tensor<2x3x4x5xi64>) -> tensor<3x5x2x4xi64>
  %0 = kiln.permute %x [1, -1, 0, 2] : (tensor<2x3x4x5xi64>) -> tensor<3x5x2x4xi64>
  return %0 : tensor<3x5x2x4xi64>
}

// CHECK-LABEL: func.func @matrix
func.func @matrix(%x: tensor<2x3xf64>) -> tensor<3x2xf64> {
  // CHECK: kiln.permute %{{.*}} [1, 0] : (tensor<2x3xf64>) -> tensor<3x2xf64>
  %0 = kiln.permute %x [1, 0] : (tensor<2x3xf64>) -> tensor<3x2xf64>
  return %0 : tensor<3x2xf64>
}

// CHECK-LABEL: func.func @identity
func.func @identity(%x: tensor<2x3x4xi32>) -> tensor<2x3x4xi32> {
  // CHECK: kiln.permute %{{.*}} [0, 1, 2] : (tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  %0 = kiln.permute %x [0, 1, 2] : (tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  return %0 : tensor<2x3x4xi32>
}

// CHECK-LABEL: func.func @vector
func.func @vector(%x: tensor<7xui8>) -> tensor<7xui8> {
  // CHECK: kiln.permute %{{.*}} [-1] : (tensor<7xui8>) -> tensor<7xui8>
  %0 = kiln.permute %x [-1] : (tensor<7xui8>) -> tensor<7xui8>
  return %0 : tensor<7xui8>
}

// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<i1>) -> tensor<i1> {
  // CHECK: kiln.permute %{{.*}} [] : (tensor<i1>) -> tensor<i1>
  %0 = kiln.permute %x [] : (tensor<i1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  // CHECK: kiln.permute %{{.*}} [1, 2, 0] : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %0 = "kiln.permute"(%x) <{dims = array<i64: 1, 2, 0>}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  return %0 : tensor<3x4x2xf32>
}
