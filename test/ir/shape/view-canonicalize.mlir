// Canonicalization of kiln.view: it becomes kiln.reshape, and an identity view disappears.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @to_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @to_reshape(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // CHECK-NOT: kiln.view
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [6, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  // CHECK: return %[[R]]
  %0 = kiln.view %x [-1, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.view
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[X]]
  %0 = kiln.view %x [2, 3] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @view_of_view
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @view_of_view(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [4, 6] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = kiln.view %x [24] : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = kiln.view %0 [4, -1] : (tensor<24xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// CHECK-LABEL: func.func @constant
func.func @constant() -> tensor<2x2xi32> {
  // CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi32>
  // CHECK-NOT: kiln.view
  // CHECK: return %[[C]]
  %c = kiln.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %0 = kiln.view %c [2, 2] : (tensor<4xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}
