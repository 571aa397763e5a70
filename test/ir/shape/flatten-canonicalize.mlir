// Canonicalization of kiln.flatten: it becomes kiln.reshape; a no-op flatten disappears.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @to_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @to_reshape(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  // CHECK-NOT: kiln.flatten
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [2, 12] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  // CHECK: return %[[R]]
  %0 = kiln.flatten %x start_dim 1 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @identity(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.flatten
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[X]]
  %0 = kiln.flatten %x start_dim -2 end_dim 1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @scalar(%x: tensor<f32>) -> tensor<1xf32> {
  // CHECK-NOT: kiln.flatten
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [1] : (tensor<f32>) -> tensor<1xf32>
  // CHECK: return %[[R]]
  %0 = kiln.flatten %x start_dim 0 end_dim -1 : (tensor<f32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}
