// kiln-decompose of kl_div: xlogy(y, y) - y * x (0 where y == 0); with log_target exp(y) * (y - x); then the reduction.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @none
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[LOGY:.*]] = kiln.log %[[Y]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[YLOGY:.*]] = kiln.mul %[[Y]], %[[LOGY]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[ISZERO:.*]] = kiln.eq %[[Y]], %[[ZERO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[XLOGY:.*]] = kiln.where %[[ISZERO]], %[[ZERO]], %[[YLOGY]] : (tensor<2x3xi1>, tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[YX:.*]] = kiln.mul %[[Y]], %[[X]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[PER:.*]] = kiln.sub %[[XLOGY]], %[[YX]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[PER]] : tensor<2x3xf32>
// CHECK-NOT: kiln.kl_div
func.func @none(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.kl_div %x, %y reduction <none> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// log_target with a broadcast target; sum.
// CHECK-LABEL: func.func @log_target_sum
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf64>, %[[Y:.*]]: tensor<3xf64>)
// CHECK-NEXT: %[[D:.*]] = kiln.sub %[[Y]], %[[X]] : (tensor<3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[E:.*]] = kiln.exp %[[Y]] : (tensor<3xf64>) -> tensor<3xf64>
// CHECK-NEXT: %[[PER:.*]] = kiln.mul %[[E]], %[[D]] : (tensor<3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[PER]] : (tensor<2x3xf64>) -> tensor<f64>
// CHECK-NEXT: return %[[S]] : tensor<f64>
// CHECK-NOT: kiln.log
func.func @log_target_sum(%x: tensor<2x3xf64>, %y: tensor<3xf64>) -> tensor<f64> {
  %0 = kiln.kl_div %x, %y reduction <sum> {log_target} : (tensor<2x3xf64>, tensor<3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// reduction mean divides by every element of the broadcast shape (6), as PyTorch's 'mean' does (not 'batchmean').
// CHECK-LABEL: func.func @mean_broadcast
// CHECK: %[[N:.*]] = kiln.constant dense<6.000000e+00> : tensor<f32>
// CHECK: %[[PER:.*]] = kiln.sub %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[PER]] : (tensor<2x3xf32>) -> tensor<f32>
// CHECK-NEXT: %[[M:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[M]] : tensor<f32>
func.func @mean_broadcast(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<f32> {
  %0 = kiln.kl_div %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
