// RUN: kiln-opt %s --kiln-autodiff -split-input-file | FileCheck %s
// The backward graphs of the reductions.

// With keepdim the gradient already has the reduced dim as size 1 and is
// only expanded back.
// CHECK-LABEL: func.func @sum_keepdim(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32> {kiln.param = "x"}, %[[W:[^:]+]]: tensor<2x1xf32>)
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.mul %{{.*}}, %[[W]] : (tensor<2x1xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
// CHECK-NOT: kiln.reshape
// CHECK: %[[X:.*]] = kiln.expand %[[G]] [2, 3] : (tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @sum_keepdim(%x: tensor<2x3xf32> {kiln.param = "x"}, %w: tensor<2x1xf32>) -> (tensor<f32> {kiln.output = "loss"}) {
  %s = kiln.sum %x dim [-1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %p = kiln.mul %s, %w : (tensor<2x1xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  %loss = kiln.sum %p : (tensor<2x1xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// Without keepdim the reduced dims come back as size 1 first.
// CHECK-LABEL: func.func @sum_dims(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.mul {{.*}} -> tensor<3xf32>
// CHECK: %[[R:.*]] = kiln.reshape %[[G]] [1, 3, 1] : (tensor<3xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[X:.*]] = kiln.expand %[[R]] [2, 3, 4] : (tensor<1x3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @sum_dims(%x: tensor<2x3x4xf32> {kiln.param = "x"}, %w: tensor<3xf32>) -> (tensor<f32> {kiln.output = "loss"}) {
  %s = kiln.sum %x dim [2, 0] : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %p = kiln.mul %s, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %p : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// amax: the gradient is split evenly among the entries equal to the maximum
// (grad / count) * mask.
// CHECK-LABEL: func.func @max_ties(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32> {kiln.param = "x"}
// CHECK: %[[M:.*]] = kiln.max %[[X]] dim [1] : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.mul {{.*}} -> tensor<2xf32>
// CHECK: %[[MR:.*]] = kiln.reshape %[[M]] [2, 1] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[EQ:.*]] = kiln.eq %[[MR]], %[[X]] : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[MASK:.*]] = kiln.cast %[[EQ]] : tensor<2x3xi1> to tensor<2x3xf32>
// CHECK: %[[COUNT:.*]] = kiln.sum %[[MASK]] dim [1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK: %[[GR:.*]] = kiln.reshape %[[G]] [2, 1] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[SHARE:.*]] = kiln.div %[[GR]], %[[COUNT]] : (tensor<2x1xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
// CHECK: %[[DX:.*]] = kiln.mul %[[SHARE]], %[[MASK]] : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @max_ties(%x: tensor<2x3xf32> {kiln.param = "x"}, %w: tensor<2xf32>) -> (tensor<f32> {kiln.output = "loss"}) {
  %m = kiln.max %x dim [1] : (tensor<2x3xf32>) -> tensor<2xf32>
  %p = kiln.mul %m, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %loss = kiln.sum %p : (tensor<2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// amin over every dim: the same rule with a 0-d extremum.
// CHECK-LABEL: func.func @min_all(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32> {kiln.param = "x"}
// CHECK: %[[M:.*]] = kiln.min %[[X]] : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: %[[MR:.*]] = kiln.reshape %[[M]] [1, 1] : (tensor<f32>) -> tensor<1x1xf32>
// CHECK: %[[EQ:.*]] = kiln.eq %[[MR]], %[[X]]
// CHECK: %[[MASK:.*]] = kiln.cast %[[EQ]]
// CHECK: %[[COUNT:.*]] = kiln.sum %[[MASK]] dim [0, 1] keepdim : (tensor<2x3xf32>) -> tensor<1x1xf32>
// CHECK: %[[SHARE:.*]] = kiln.div %{{.*}}, %[[COUNT]]
// CHECK: %[[DX:.*]] = kiln.mul %[[SHARE]], %[[MASK]]
// CHECK: return %[[M]], %[[DX]]
func.func @min_all(%x: tensor<2x3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %m = kiln.min %x : (tensor<2x3xf32>) -> tensor<f32>
  return %m : tensor<f32>
}

// -----

// prod: result / x away from zeros; at a zero, the product of the other
// entries if it is its slice's only zero, else 0.
// CHECK-LABEL: func.func @prod(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32> {kiln.param = "x"}
// CHECK: %[[P:.*]] = kiln.prod %[[X]] dim [0] : (tensor<2x3xf32>) -> tensor<3xf32>
// CHECK: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[ISZERO:.*]] = kiln.eq %[[X]], %[[ZERO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK: %[[SAFE:.*]] = kiln.where %[[ISZERO]], %[[ONE]], %[[X]]
// CHECK: %[[COUNT:.*]] = kiln.sum %[[ISZERO]] dim [0] keepdim : (tensor<2x3xi1>) -> tensor<1x3xi64>
// CHECK: %[[ONEI:.*]] = kiln.constant dense<1> : tensor<i64>
// CHECK: %[[SINGLE:.*]] = kiln.eq %[[COUNT]], %[[ONEI]]
// CHECK: %[[OTHERS:.*]] = kiln.prod %[[SAFE]] dim [0] keepdim : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK: %[[ATZERO:.*]] = kiln.where %[[SINGLE]], %[[OTHERS]], %[[ZERO]]
// CHECK: %[[PR:.*]] = kiln.reshape %[[P]] [1, 3] : (tensor<3xf32>) -> tensor<1x3xf32>
// CHECK: %[[ELSEWHERE:.*]] = kiln.div %[[PR]], %[[SAFE]] : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[D:.*]] = kiln.where %[[ISZERO]], %[[ATZERO]], %[[ELSEWHERE]]
// CHECK: %[[GR:.*]] = kiln.reshape %{{.*}} [1, 3] : (tensor<3xf32>) -> tensor<1x3xf32>
// CHECK: %[[DX:.*]] = kiln.mul %[[GR]], %[[D]] : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @prod(%x: tensor<2x3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %p = kiln.prod %x dim [0] : (tensor<2x3xf32>) -> tensor<3xf32>
  %loss = kiln.sum %p : (tensor<3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// argmax carries no gradient (NonDifferentiable): the loss depends on x only
// through its index, so x's gradient is zeros.
// CHECK-LABEL: func.func @argmax(
// CHECK: %[[Z:.*]] = kiln.zeros : tensor<2x3xf32>
// CHECK: return %{{.*}}, %[[Z]]
func.func @argmax(%x: tensor<2x3xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %i = kiln.argmax %x dim 1 : (tensor<2x3xf32>) -> tensor<2xi64>
  %f = kiln.cast %i : tensor<2xi64> to tensor<2xf32>
  %loss = kiln.sum %f : (tensor<2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
