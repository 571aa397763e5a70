// kiln-decompose of every loss under each reduction: none returns the per-element tensor, sum one kiln.sum, mean kiln.sum / element count (or / kept count for class losses).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @mse_reductions
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>, %[[Y:.*]]: tensor<3x5xf32>)
// CHECK-DAG: %[[N:.*]] = kiln.constant dense<1.500000e+01> : tensor<f32>
// CHECK-DAG: %[[D:.*]] = kiln.sub %[[X]], %[[Y]] : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-DAG: %[[PER:.*]] = kiln.mul %[[D]], %[[D]] : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-DAG: %[[SUM:.*]] = kiln.sum %{{.*}} : (tensor<3x5xf32>) -> tensor<f32>
// CHECK-DAG: %[[MEANSUM:.*]] = kiln.sum %{{.*}} : (tensor<3x5xf32>) -> tensor<f32>
// CHECK-DAG: %[[MEAN:.*]] = kiln.div %[[MEANSUM]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: return %{{.*}}, %{{.*}}, %{{.*}} : tensor<3x5xf32>, tensor<f32>, tensor<f32>
// CHECK-NOT: kiln.mse_loss
func.func @mse_reductions(%x: tensor<3x5xf32>, %y: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<f32>, tensor<f32>) {
  %0 = kiln.mse_loss %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %1 = kiln.mse_loss %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %2 = kiln.mse_loss %x, %y reduction <mean> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<3x5xf32>, tensor<f32>, tensor<f32>
}

// none: the per-element loss is returned unreduced.
// CHECK-LABEL: func.func @none_everywhere
// CHECK-NOT: kiln.sum %{{.*}} : (tensor<3x5xf32>) -> tensor<f32>
// CHECK-NOT: kiln.div
// CHECK: return %{{.*}} : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>
func.func @none_everywhere(%x: tensor<3x5xf32>, %y: tensor<3x5xf32>, %t: tensor<3xi64>)
    -> (tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0 = kiln.mse_loss %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %1 = kiln.l1_loss %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %2 = kiln.smooth_l1_loss %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %3 = kiln.binary_cross_entropy %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %4 = kiln.binary_cross_entropy_with_logits %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %5 = kiln.kl_div %x, %y reduction <none> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %6 = kiln.nll_loss %x, %t reduction <none> : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<3xf32>
  %7 = kiln.cross_entropy %x, %t reduction <none> : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<3xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>
}

// sum: one full kiln.sum per loss and no division.
// CHECK-LABEL: func.func @sum_everywhere
// CHECK-COUNT-6: kiln.sum %{{.*}} : (tensor<3x5xf32>) -> tensor<f32>
// CHECK-COUNT-2: kiln.sum %{{.*}} : (tensor<3xf32>) -> tensor<f32>
// CHECK-NOT: kiln.div
// CHECK-NOT: kiln.cast
// CHECK: return
func.func @sum_everywhere(%x: tensor<3x5xf32>, %y: tensor<3x5xf32>, %t: tensor<3xi64>)
    -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) {
  %0 = kiln.mse_loss %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %1 = kiln.l1_loss %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %2 = kiln.smooth_l1_loss %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %3 = kiln.binary_cross_entropy %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %4 = kiln.binary_cross_entropy_with_logits %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %5 = kiln.kl_div %x, %y reduction <sum> : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %6 = kiln.nll_loss %x, %t reduction <sum> : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<f32>
  %7 = kiln.cross_entropy %x, %t reduction <sum> : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<f32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
}

// mean: point-wise losses divide by the 15 elements; class losses by the count of kept targets.
// CHECK-LABEL: func.func @mean_everywhere
// CHECK-DAG: %[[N:.*]] = kiln.constant dense<1.500000e+01> : tensor<f32>
// CHECK-COUNT-6: kiln.div %{{.*}}, %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: %[[KEPT:.*]] = kiln.cast %{{.*}} : tensor<3xi1> to tensor<3xf32>
// CHECK-NEXT: %[[COUNT:.*]] = kiln.sum %[[KEPT]] : (tensor<3xf32>) -> tensor<f32>
// CHECK-NEXT: kiln.div %{{.*}}, %[[COUNT]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: %[[KEPT2:.*]] = kiln.cast %{{.*}} : tensor<3xi1> to tensor<3xf32>
// CHECK-NEXT: %[[COUNT2:.*]] = kiln.sum %[[KEPT2]] : (tensor<3xf32>) -> tensor<f32>
// CHECK-NEXT: kiln.div %{{.*}}, %[[COUNT2]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NOT: kiln.div %{{.*}}, %[[N]]
// CHECK: return
func.func @mean_everywhere(%x: tensor<3x5xf32>, %y: tensor<3x5xf32>, %t: tensor<3xi64>)
    -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) {
  %0 = kiln.mse_loss %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %1 = kiln.l1_loss %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %2 = kiln.smooth_l1_loss %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %3 = kiln.binary_cross_entropy %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %4 = kiln.binary_cross_entropy_with_logits %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %5 = kiln.kl_div %x, %y : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<f32>
  %6 = kiln.nll_loss %x, %t : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<f32>
  %7 = kiln.cross_entropy %x, %t : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<f32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
}
