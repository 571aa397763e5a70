// kiln-decompose of hardswish: x * clamp(x + 3, 0, 6) / 6, in PyTorch's order.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @f32
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[SIX:.*]] = kiln.constant dense<6.000000e+00> : tensor<f32>
// CHECK-DAG: %[[THREE:.*]] = kiln.constant dense<3.000000e+00> : tensor<f32>
// CHECK: %[[SHIFTED:.*]] = kiln.add %[[X]], %[[THREE]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[CLAMPED:.*]] = kiln.clamp %[[SHIFTED]] min 0.000000e+00 max 6.000000e+00 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[PRODUCT:.*]] = kiln.mul %[[X]], %[[CLAMPED]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[PRODUCT]], %[[SIX]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.hardswish
func.func @f32(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.hardswish %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
