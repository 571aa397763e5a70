// Folds of kiln.squeeze: a squeeze that removes nothing folds; one that removes a dim stays.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @no_unit_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @no_unit_dims(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.squeeze
  // CHECK: return %[[X]]
  %0 = kiln.squeeze %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @listed_non_unit_dim
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
func.func @listed_non_unit_dim(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // CHECK-NOT: kiln.squeeze
  // CHECK: return %[[X]]
  %0 = kiln.squeeze %x dim [-1] : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// CHECK-LABEL: func.func @removes_dim
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
func.func @removes_dim(%x: tensor<1x3xf32>) -> tensor<3xf32> {
  // CHECK: %[[R:.*]] = kiln.squeeze %[[X]] dim [0] : (tensor<1x3xf32>) -> tensor<3xf32>
  // CHECK: return %[[R]]
  %0 = kiln.squeeze %x dim [0] : (tensor<1x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x1xf32>)
func.func @then_reshape(%x: tensor<1x4x1xf32>) -> tensor<2x2xf32> {
  // CHECK-NOT: kiln.squeeze
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [2, 2] : (tensor<1x4x1xf32>) -> tensor<2x2xf32>
  // CHECK: return %[[R]]
  %0 = kiln.squeeze %x dim [2] : (tensor<1x4x1xf32>) -> tensor<1x4xf32>
  %1 = kiln.reshape %0 [2, 2] : (tensor<1x4xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}
