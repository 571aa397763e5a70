// kiln-decompose of prelu: where(x > 0, x, x * slope), the slope broadcast.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @row_slope
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<3xf32>)
// CHECK: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[NEG:.*]] = kiln.mul %[[X]], %[[S]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[POS:.*]] = kiln.gt %[[X]], %[[ZERO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[POS]], %[[X]], %[[NEG]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.prelu
func.func @row_slope(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.prelu %x, %s : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
