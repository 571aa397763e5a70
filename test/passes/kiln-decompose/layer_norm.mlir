// kiln-decompose of layer_norm, group_norm and instance_norm: mean, centered input, biased variance (mean of squares), rsqrt(var + eps), then the affine. group_norm normalizes [N, G, C/G * spatial] rows; instance_norm is group_norm with one channel per group.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// The mean and rsqrt(var + eps) are the second and third results.
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf64>, %[[W:.*]]: tensor<4xf64>, %[[B:.*]]: tensor<4xf64>)
// CHECK-DAG: %[[EPS:.*]] = kiln.constant dense<1.000000e-05> : tensor<f64>
// CHECK-DAG: %[[N:.*]] = kiln.constant dense<4.000000e+00> : tensor<f64>
// CHECK: %[[SUM:.*]] = kiln.sum %[[X]] dim [2] keepdim
// CHECK: %[[MEAN:.*]] = kiln.div %[[SUM]], %[[N]]
// CHECK: %[[C:.*]] = kiln.sub %[[X]], %[[MEAN]]
// CHECK: %[[SQ:.*]] = kiln.mul %[[C]], %[[C]]
// CHECK: %[[SQSUM:.*]] = kiln.sum %[[SQ]] dim [2] keepdim
// CHECK: %[[VAR:.*]] = kiln.div %[[SQSUM]], %[[N]]
// CHECK: %[[VE:.*]] = kiln.add %[[VAR]], %[[EPS]]
// CHECK: %[[INV:.*]] = kiln.rsqrt %[[VE]]
// CHECK: %[[NORM:.*]] = kiln.mul %[[C]], %[[INV]]
// CHECK: %[[S:.*]] = kiln.mul %[[NORM]], %[[W]]
// CHECK: %[[Y:.*]] = kiln.add %[[S]], %[[B]]
// CHECK: return %[[Y]], %[[MEAN]], %[[INV]]
func.func @layer_norm(%x: tensor<2x3x4xf64>, %w: tensor<4xf64>, %b: tensor<4xf64>) -> (tensor<2x3x4xf64>, tensor<2x3x1xf64>, tensor<2x3x1xf64>) {
  %y:3 = kiln.layer_norm %x weight %w bias %b axis -1 : (tensor<2x3x4xf64>, tensor<4xf64>, tensor<4xf64>) -> (tensor<2x3x4xf64>, tensor<2x3x1xf64>, tensor<2x3x1xf64>)
  return %y#0, %y#1, %y#2 : tensor<2x3x4xf64>, tensor<2x3x1xf64>, tensor<2x3x1xf64>
}

// CHECK-LABEL: func.func @group_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xf32>, %[[W:.*]]: tensor<4xf32>)
// CHECK: %[[G:.*]] = kiln.reshape %[[X]] [2, 2, 6]
// CHECK: kiln.sum %[[G]] dim [2] keepdim
// CHECK: %[[INV:.*]] = kiln.rsqrt
// CHECK: %[[NORM:.*]] = kiln.mul %{{.*}}, %[[INV]]
// CHECK: %[[BACK:.*]] = kiln.reshape %[[NORM]] [2, 4, 3]
// CHECK: %[[W3:.*]] = kiln.reshape %[[W]] [1, 4, 1]
// CHECK: %[[Y:.*]] = kiln.mul %[[BACK]], %[[W3]]
// CHECK: return %[[Y]]
func.func @group_norm(%x: tensor<2x4x3xf32>, %w: tensor<4xf32>) -> tensor<2x4x3xf32> {
  %0 = kiln.group_norm %x weight %w groups 2 : (tensor<2x4x3xf32>, tensor<4xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// The [N, C, 3] -> [N, C, 3] reshape folds away.
// CHECK-LABEL: func.func @instance_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xf32>)
// CHECK: kiln.sum %[[X]] dim [2] keepdim : (tensor<2x4x3xf32>) -> tensor<2x4x1xf32>
// CHECK-NOT: kiln.instance_norm
func.func @instance_norm(%x: tensor<2x4x3xf32>) -> tensor<2x4x3xf32> {
  %0 = kiln.instance_norm %x : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}
