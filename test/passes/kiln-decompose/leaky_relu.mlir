// kiln-decompose of leaky_relu: where(x > 0, x, x * negative_slope).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @default_slope
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[SLOPE:.*]] = kiln.constant dense<0.00999999977> : tensor<f32>
// CHECK: %[[NEG:.*]] = kiln.mul %[[X]], %[[SLOPE]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[POS:.*]] = kiln.gt %[[X]], %[[ZERO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[POS]], %[[X]], %[[NEG]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.leaky_relu
func.func @default_slope(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.leaky_relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
