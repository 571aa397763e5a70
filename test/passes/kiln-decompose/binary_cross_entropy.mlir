// kiln-decompose of binary_cross_entropy: -(y * max(log p, -100) + (1 - y) * max(log(1 - p), -100)), then the reduction.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @mean
// CHECK-SAME: (%[[P:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[N:.*]] = kiln.constant dense<6.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[LOGP:.*]] = kiln.log %[[P]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[CLOGP:.*]] = kiln.clamp %[[LOGP]] min -1.000000e+02 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[Q:.*]] = kiln.sub %[[ONE]], %[[P]] : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[LOGQ:.*]] = kiln.log %[[Q]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[CLOGQ:.*]] = kiln.clamp %[[LOGQ]] min -1.000000e+02 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[POS:.*]] = kiln.mul %[[Y]], %[[CLOGP]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[NY:.*]] = kiln.sub %[[ONE]], %[[Y]] : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[NEGT:.*]] = kiln.mul %[[NY]], %[[CLOGQ]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SUM:.*]] = kiln.add %[[POS]], %[[NEGT]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[PER:.*]] = kiln.neg %[[SUM]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[PER]] : (tensor<2x3xf32>) -> tensor<f32>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[M]] : tensor<f32>
// CHECK-NOT: kiln.binary_cross_entropy
func.func @mean(%p: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<f32> {
  %0 = kiln.binary_cross_entropy %p, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// none keeps the per-element loss; both logs are still clamped at -100.
// CHECK-LABEL: func.func @none
// CHECK-COUNT-2: kiln.clamp %{{.*}} min -1.000000e+02 : (tensor<4xf64>) -> tensor<4xf64>
// CHECK: %[[PER:.*]] = kiln.neg %{{.*}} : (tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: return %[[PER]] : tensor<4xf64>
func.func @none(%p: tensor<4xf64>, %y: tensor<4xf64>) -> tensor<4xf64> {
  %0 = kiln.binary_cross_entropy %p, %y reduction <none> : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}
