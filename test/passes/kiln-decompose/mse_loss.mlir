// kiln-decompose of mse_loss: d = x - y; d * d, then none / sum / mean over the broadcast shape.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @none
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SQ:.*]] = kiln.mul %[[D]], %[[D]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[SQ]] : tensor<2x3xf32>
// CHECK-NOT: kiln.mse_loss
func.func @none(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.mse_loss %x, %y reduction <none> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sum
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>, %[[Y:.*]]: tensor<4xf64>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[SQ:.*]] = kiln.mul %[[D]], %[[D]] : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[SQ]] : (tensor<4xf64>) -> tensor<f64>
// CHECK-NEXT: return %[[S]] : tensor<f64>
func.func @sum(%x: tensor<4xf64>, %y: tensor<4xf64>) -> tensor<f64> {
  %0 = kiln.mse_loss %x, %y reduction <sum> : (tensor<4xf64>, tensor<4xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// The mean counts the 6 elements of the broadcast [2, 3], not the target's 3.
// CHECK-LABEL: func.func @mean_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<3xf32>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<6.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SQ:.*]] = kiln.mul %[[D]], %[[D]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[SQ]] : (tensor<2x3xf32>) -> tensor<f32>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[M]] : tensor<f32>
func.func @mean_broadcast(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<f32> {
  %0 = kiln.mse_loss %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
