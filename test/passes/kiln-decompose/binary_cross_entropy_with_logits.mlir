// kiln-decompose of binary_cross_entropy_with_logits: m = max(-x, 0); (1 - y) * x + m + log(exp(-m) + exp(-x - m)).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @sum
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf64>, %[[Y:.*]]: tensor<2x3xf64>)
// CHECK-NEXT: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f64>
// CHECK-NEXT: %[[NEGX:.*]] = kiln.neg %[[X]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[M:.*]] = kiln.clamp %[[NEGX]] min 0.000000e+00 : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[NEGM:.*]] = kiln.neg %[[M]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[E1:.*]] = kiln.exp %[[NEGM]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[SH:.*]] = kiln.sub %[[NEGX]], %[[M]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[E2:.*]] = kiln.exp %[[SH]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[ESUM:.*]] = kiln.add %[[E1]], %[[E2]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[LSE:.*]] = kiln.log %[[ESUM]] : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[NY:.*]] = kiln.sub %[[ONE]], %[[Y]] : (tensor<f64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[T1:.*]] = kiln.mul %[[NY]], %[[X]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[T2:.*]] = kiln.add %[[T1]], %[[M]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[PER:.*]] = kiln.add %[[T2]], %[[LSE]] : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[PER]] : (tensor<2x3xf64>) -> tensor<f64>
// CHECK-NEXT: return %[[S]] : tensor<f64>
// CHECK-NOT: kiln.binary_cross_entropy_with_logits
func.func @sum(%x: tensor<2x3xf64>, %y: tensor<2x3xf64>) -> tensor<f64> {
  %0 = kiln.binary_cross_entropy_with_logits %x, %y reduction <sum> : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// mean divides the 6 per-element losses' sum by 6; no sigmoid or unshifted log appears.
// CHECK-LABEL: func.func @mean
// CHECK-NOT: kiln.sigmoid
// CHECK: kiln.clamp %{{.*}} min 0.000000e+00 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[S:.*]] = kiln.sum %{{.*}} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %{{.*}} : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[M]] : tensor<f32>
func.func @mean(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  %0 = kiln.binary_cross_entropy_with_logits %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
