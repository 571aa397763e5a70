// Canonicalization around kiln.unsqueeze: a following reshape absorbs it; alone it stays.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @alone
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @alone(%x: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
  // CHECK: %[[R:.*]] = kiln.unsqueeze %[[X]] dim -1 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  // CHECK: return %[[R]]
  %0 = kiln.unsqueeze %x dim -1 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  return %0 : tensor<2x3x1xf32>
}

// CHECK-LABEL: func.func @then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @then_reshape(%x: tensor<2x3xf32>) -> tensor<6x1xf32> {
  // CHECK-NOT: kiln.unsqueeze
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [6, 1] : (tensor<2x3xf32>) -> tensor<6x1xf32>
  // CHECK: return %[[R]]
  %0 = kiln.unsqueeze %x dim 0 : (tensor<2x3xf32>) -> tensor<1x2x3xf32>
  %1 = kiln.reshape %0 [-1, 1] : (tensor<1x2x3xf32>) -> tensor<6x1xf32>
  return %1 : tensor<6x1xf32>
}

// unsqueeze then a reshape back to the input's shape is the identity.
// CHECK-LABEL: func.func @round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @round_trip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.unsqueeze
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[X]]
  %0 = kiln.unsqueeze %x dim 1 : (tensor<2x3xf32>) -> tensor<2x1x3xf32>
  %1 = kiln.reshape %0 [2, 3] : (tensor<2x1x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
