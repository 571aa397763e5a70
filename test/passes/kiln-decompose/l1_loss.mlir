// kiln-decompose of l1_loss: |x - y|, then none / sum / mean over the broadcast shape.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @none
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[A:.*]] = kiln.abs %[[D]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[A]] : tensor<2x3xf32>
// CHECK-NOT: kiln.l1_loss
func.func @none(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.l1_loss %x, %y reduction <none> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sum_zero_d
// CHECK-SAME: (%[[X:.*]]: tensor<f32>, %[[Y:.*]]: tensor<f32>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: %[[A:.*]] = kiln.abs %[[D]] : (tensor<f32>) -> tensor<f32>
// A sum over a 0-d tensor may fold away; no division may appear.
// CHECK-NOT: kiln.div
// CHECK: return %{{.*}} : tensor<f32>
func.func @sum_zero_d(%x: tensor<f32>, %y: tensor<f32>) -> tensor<f32> {
  %0 = kiln.l1_loss %x, %y reduction <sum> : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Broadcast [4, 1] against [3]: the mean divides by 12.
// CHECK-LABEL: func.func @mean_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<4x1xf64>, %[[Y:.*]]: tensor<3xf64>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<1.200000e+01> : tensor<f64>
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<4x1xf64>, tensor<3xf64>) -> tensor<4x3xf64>
// CHECK-NEXT: %[[A:.*]] = kiln.abs %[[D]] : (tensor<4x3xf64>) -> tensor<4x3xf64>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[A]] : (tensor<4x3xf64>) -> tensor<f64>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: return %[[M]] : tensor<f64>
func.func @mean_broadcast(%x: tensor<4x1xf64>, %y: tensor<3xf64>) -> tensor<f64> {
  %0 = kiln.l1_loss %x, %y : (tensor<4x1xf64>, tensor<3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}
