// kiln-decompose of thresholded_relu: where(x <= alpha, 0, x), so NaN stays NaN as in torch's threshold.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @default_alpha
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ALPHA:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[LE:.*]] = kiln.le %[[X]], %[[ALPHA]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[LE]], %[[ZERO]], %[[X]] : (tensor<2x3xi1>, tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.thresholded_relu
func.func @default_alpha(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.thresholded_relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
