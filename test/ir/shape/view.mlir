// Round trip of kiln.view: Tensor.view shape inference, the same rule as reshape.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @explicit
func.func @explicit(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // CHECK: kiln.view %{{.*}} [6, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %0 = kiln.view %x [6, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// CHECK-LABEL: func.func @inferred_first
func.func @inferred_first(%x: tensor<2x3x4xf32>) -> tensor<8x3xf32> {
  // CHECK: kiln.view %{{.*}} [-1, 3] : (tensor<2x3x4xf32>) -> tensor<8x3xf32>
  %0 = kiln.view %x [-1, 3] : (tensor<2x3x4xf32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// CHECK-LABEL: func.func @inferred_flat
func.func @inferred_flat(%x: tensor<5x1xi32>) -> tensor<5xi32> {
  // CHECK: kiln.view %{{.*}} [-1] : (tensor<5x1xi32>) -> tensor<5xi32>
  %0 = kiln.view %x [-1] : (tensor<5x1xi32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// CHECK-LABEL: func.func @add_unit_dims
func.func @add_unit_dims(%x: tensor<f64>) -> tensor<1x1x1xf64> {
  // CHECK: kiln.view %{{.*}} [1, -1, 1] : (tensor<f64>) -> tensor<1x1x1xf64>
  %0 = kiln.view %x [1, -1, 1] : (tensor<f64>) -> tensor<1x1x1xf64>
  return %0 : tensor<1x1x1xf64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4x4xi1>) -> tensor<2x8xi1> {
  // CHECK: kiln.view %{{.*}} [2, -1] : (tensor<4x4xi1>) -> tensor<2x8xi1>
  %0 = "kiln.view"(%x) <{shape = array<i64: 2, -1>}> : (tensor<4x4xi1>) -> tensor<2x8xi1>
  return %0 : tensor<2x8xi1>
}
