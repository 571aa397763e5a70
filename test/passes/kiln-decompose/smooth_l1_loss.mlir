// kiln-decompose of smooth_l1_loss: z = |x - y|; z < beta ? 0.5 z^2 / beta : z - 0.5 beta; beta = 0 is plain L1.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// beta = 2: 0.5 / beta = 0.25 and 0.5 * beta = 1.
// CHECK-LABEL: func.func @beta_two_mean
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[N:.*]] = kiln.constant dense<4.000000e+00> : tensor<f32>
// CHECK-DAG: %[[HALF_BETA:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-DAG: %[[HALF_OVER_BETA:.*]] = kiln.constant dense<2.500000e-01> : tensor<f32>
// CHECK-DAG: %[[BETA:.*]] = kiln.constant dense<2.000000e+00> : tensor<f32>
// CHECK: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[Z:.*]] = kiln.abs %[[D]] : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[Z2:.*]] = kiln.mul %[[Z]], %[[Z]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[QUAD:.*]] = kiln.mul %[[Z2]], %[[HALF_OVER_BETA]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[LIN:.*]] = kiln.sub %[[Z]], %[[HALF_BETA]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NEXT: %[[SMALL:.*]] = kiln.lt %[[Z]], %[[BETA]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[SMALL]], %[[QUAD]], %[[LIN]] : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[PER]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[M]] : tensor<f32>
// CHECK-NOT: kiln.smooth_l1_loss
func.func @beta_two_mean(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<f32> {
  %0 = kiln.smooth_l1_loss %x, %y {beta = 2.0 : f64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Default beta = 1: 0.5 / beta and 0.5 * beta are both 0.5; broadcast [2, 3] vs [3].
// CHECK-LABEL: func.func @default_beta_none
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf64>, %[[Y:.*]]: tensor<3xf64>)
// CHECK-DAG: %[[HALF:.*]] = kiln.constant dense<5.000000e-01> : tensor<f64>
// CHECK-DAG: %[[BETA:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<2x3xf64>, tensor<3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[Z:.*]] = kiln.abs %[[D]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[Z2:.*]] = kiln.mul %[[Z]], %[[Z]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[QUAD:.*]] = kiln.mul %[[Z2]], %[[HALF]] : (tensor<2x3xf64>, tensor<f64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[LIN:.*]] = kiln.sub %[[Z]], %[[HALF]] : (tensor<2x3xf64>, tensor<f64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[SMALL:.*]] = kiln.lt %[[Z]], %[[BETA]] : (tensor<2x3xf64>, tensor<f64>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[PER:.*]] = kiln.where %[[SMALL]], %[[QUAD]], %[[LIN]] : (tensor<2x3xi1>, tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: return %[[PER]] : tensor<2x3xf64>
func.func @default_beta_none(%x: tensor<2x3xf64>, %y: tensor<3xf64>) -> tensor<2x3xf64> {
  %0 = kiln.smooth_l1_loss %x, %y reduction <none> : (tensor<2x3xf64>, tensor<3xf64>) -> tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}

// beta = 0 is the L1 loss: no division by beta, no select.
// CHECK-LABEL: func.func @beta_zero_sum
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[Z:.*]] = kiln.abs %[[D]] : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[Z]] : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[S]] : tensor<f32>
// CHECK-NOT: kiln.where
func.func @beta_zero_sum(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<f32> {
  %0 = kiln.smooth_l1_loss %x, %y reduction <sum> {beta = 0.0 : f64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
