// Round trip of kiln.expand: Tensor.expand of size-1 dims, -1 keeping a size, new leading dims, 0-d inputs.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @unit_row
func.func @unit_row(%x: tensor<1x3xf32>) -> tensor<4x3xf32> {
  // CHECK: kiln.expand %{{.*}} [4, 3] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  %0 = kiln.expand %x [4, 3] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @keep_with_minus_one
func.func @keep_with_minus_one(%x: tensor<1x3xf32>) -> tensor<4x3xf32> {
  // CHECK: kiln.expand %{{.*}} [4, -1] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  %0 = kiln.expand %x [4, -1] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -1 on a size-1 dimension keeps it at 1.
// CHECK-LABEL: func.func @minus_one_on_unit
func.func @minus_one_on_unit(%x: tensor<3x1xi64>) -> tensor<3x1xi64> {
  // CHECK: kiln.expand %{{.*}} [-1, -1] : (tensor<3x1xi64>) -> tensor<3x1xi64>
  %0 = kiln.expand %x [-1, -1] : (tensor<3x1xi64>) -> tensor<3x1xi64>
  return %0 : tensor<3x1xi64>
}

// CHECK-LABEL: func.func @new_leading_dims
func.func @new_leading_dims(%x: tensor<3x1xf32>) -> tensor<2x5x3x4xf32> {
  // CHECK: kiln.expand %{{.*}} [2, 5, -1, 4] : (tensor<3x1xf32>) -> tensor<2x5x3x4xf32>
  %0 = kiln.expand %x [2, 5, -1, 4] : (tensor<3x1xf32>) -> tensor<2x5x3x4xf32>
  return %0 : tensor<2x5x3x4xf32>
}

// CHECK-LABEL: func.func @new_leading_dim_only
func.func @new_leading_dim_only(%x: tensor<2x3xi32>) -> tensor<7x2x3xi32> {
  // CHECK: kiln.expand %{{.*}} [7, 2, 3] : (tensor<2x3xi32>) -> tensor<7x2x3xi32>
  %0 = kiln.expand %x [7, 2, 3] : (tensor<2x3xi32>) -> tensor<7x2x3xi32>
  return %0 : tensor<7x2x3xi32>
}

// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<f64>) -> tensor<3x2xf64> {
  // CHECK: kiln.expand %{{.*}} [3, 2] : (tensor<f64>) -> tensor<3x2xf64>
  %0 = kiln.expand %x [3, 2] : (tensor<f64>) -> tensor<3x2xf64>
  return %0 : tensor<3x2xf64>
}

// CHECK-LABEL: func.func @same_size
func.func @same_size(%x: tensor<2x3xi1>) -> tensor<2x3xi1> {
  // CHECK: kiln.expand %{{.*}} [2, 3] : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %0 = kiln.expand %x [2, 3] : (tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<1x1xui8>) -> tensor<2x3xui8> {
  // CHECK: kiln.expand %{{.*}} [2, 3] : (tensor<1x1xui8>) -> tensor<2x3xui8>
  %0 = "kiln.expand"(%x) <{sizes = array<i64: 2, 3>}> : (tensor<1x1xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}
