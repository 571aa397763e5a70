// kiln-decompose of softmax: e = exp(x - amax(x, dim, keepdim)); e / sum(e, dim, keepdim).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @last_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[MAX:.*]] = kiln.max %[[X]] dim [-1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %[[SHIFT:.*]] = kiln.sub %[[X]], %[[MAX]] : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[EXP:.*]] = kiln.exp %[[SHIFT]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SUM:.*]] = kiln.sum %[[EXP]] dim [-1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[EXP]], %[[SUM]] : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]] : tensor<2x3xf32>
// CHECK-NOT: kiln.softmax
func.func @last_dim(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.softmax %x dim -1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @first_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf64>)
// CHECK-NEXT: %[[MAX:.*]] = kiln.max %[[X]] dim [0] keepdim : (tensor<2x3x4xf64>) -> tensor<1x3x4xf64>
// CHECK-NEXT: %[[SHIFT:.*]] = kiln.sub %[[X]], %[[MAX]] : (tensor<2x3x4xf64>, tensor<1x3x4xf64>) -> tensor<2x3x4xf64>
// CHECK-NEXT: %[[EXP:.*]] = kiln.exp %[[SHIFT]] : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
// CHECK-NEXT: %[[SUM:.*]] = kiln.sum %[[EXP]] dim [0] keepdim : (tensor<2x3x4xf64>) -> tensor<1x3x4xf64>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[EXP]], %[[SUM]] : (tensor<2x3x4xf64>, tensor<1x3x4xf64>) -> tensor<2x3x4xf64>
// CHECK-NEXT: return %[[Y]] : tensor<2x3x4xf64>
func.func @first_dim(%x: tensor<2x3x4xf64>) -> tensor<2x3x4xf64> {
  %0 = kiln.softmax %x dim 0 : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
  return %0 : tensor<2x3x4xf64>
}
