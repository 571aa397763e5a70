// RUN: kiln-opt %s --kiln-autodiff -split-input-file | FileCheck %s
// The backward graphs of the matrix products and of inverse/det.

// Batched matmul whose batch dims broadcast ([2, 1] against [5]): mm's rule
// per batch, then each gradient is summed over the batch dims it was
// broadcast along.
// CHECK-LABEL: func.func @matmul_broadcast_batch(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x1x3x4xf32> {kiln.param = "a"}, %[[B:[^:]+]]: tensor<5x4x6xf32> {kiln.param = "b"})
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x5x3x6xf32>
// CHECK: %[[BT:.*]] = kiln.transpose %[[B]] -2, -1 : (tensor<5x4x6xf32>) -> tensor<5x6x4xf32>
// CHECK: %[[GA:.*]] = kiln.matmul %[[G]], %[[BT]] : (tensor<2x5x3x6xf32>, tensor<5x6x4xf32>) -> tensor<2x5x3x4xf32>
// CHECK: %[[SA:.*]] = kiln.sum %[[GA]] dim [1] keepdim : (tensor<2x5x3x4xf32>) -> tensor<2x1x3x4xf32>
// CHECK: %[[AT:.*]] = kiln.transpose %[[A]] -2, -1 : (tensor<2x1x3x4xf32>) -> tensor<2x1x4x3xf32>
// CHECK: %[[GB:.*]] = kiln.matmul %[[AT]], %[[G]] : (tensor<2x1x4x3xf32>, tensor<2x5x3x6xf32>) -> tensor<2x5x4x6xf32>
// CHECK: %[[SB:.*]] = kiln.sum %[[GB]] dim [0] keepdim : (tensor<2x5x4x6xf32>) -> tensor<1x5x4x6xf32>
// CHECK: %[[RB:.*]] = kiln.reshape %[[SB]] [5, 4, 6] : (tensor<1x5x4x6xf32>) -> tensor<5x4x6xf32>
// CHECK: return %{{.*}}, %[[SA]], %[[RB]]
func.func @matmul_broadcast_batch(%a: tensor<2x1x3x4xf32> {kiln.param = "a"}, %b: tensor<5x4x6xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %loss = kiln.sum %y : (tensor<2x5x3x6xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// A 1-D lhs is a row: the gradient regains the removed row dim, and the
// row's gradient loses it again.
// CHECK-LABEL: func.func @matmul_vector_matrix(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32> {kiln.param = "a"}, %[[B:[^:]+]]: tensor<4x6xf32> {kiln.param = "b"})
// CHECK: %[[ROW:.*]] = kiln.reshape %[[A]] [1, 4] : (tensor<4xf32>) -> tensor<1x4xf32>
// CHECK: %[[G:.*]] = kiln.reshape %{{.*}} [1, 6] : (tensor<6xf32>) -> tensor<1x6xf32>
// CHECK: %[[BT:.*]] = kiln.transpose %[[B]] -2, -1
// CHECK: %[[GA:.*]] = kiln.matmul %[[G]], %[[BT]] : (tensor<1x6xf32>, tensor<6x4xf32>) -> tensor<1x4xf32>
// CHECK: %[[ROWT:.*]] = kiln.transpose %[[ROW]] -2, -1 : (tensor<1x4xf32>) -> tensor<4x1xf32>
// CHECK: %[[GB:.*]] = kiln.matmul %[[ROWT]], %[[G]] : (tensor<4x1xf32>, tensor<1x6xf32>) -> tensor<4x6xf32>
// CHECK: %[[RA:.*]] = kiln.reshape %[[GA]] [4] : (tensor<1x4xf32>) -> tensor<4xf32>
// CHECK: return %{{.*}}, %[[RA]], %[[GB]]
func.func @matmul_vector_matrix(%a: tensor<4xf32> {kiln.param = "a"}, %b: tensor<4x6xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.matmul %a, %b : (tensor<4xf32>, tensor<4x6xf32>) -> tensor<6xf32>
  %loss = kiln.sum %y : (tensor<6xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// A batched lhs against an unbatched rhs: rhs's gradient is one product
// over all rows of lhs (torch folds the batch into the rows), with no batch
// dims to sum.
// CHECK-LABEL: func.func @matmul_folded_batch(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3x4xf32> {kiln.param = "a"}, %arg{{[0-9]+}}: tensor<4xf32> {kiln.param = "b"})
// CHECK: %[[G:.*]] = kiln.reshape %{{.*}} [2, 3, 1] : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
// CHECK: %[[GA:.*]] = kiln.matmul %[[G]], %{{.*}} : (tensor<2x3x1xf32>, tensor<1x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[ROWS:.*]] = kiln.reshape %[[A]] [6, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK: %[[GROWS:.*]] = kiln.reshape %[[G]] [6, 1] : (tensor<2x3x1xf32>) -> tensor<6x1xf32>
// CHECK: %[[ROWST:.*]] = kiln.transpose %[[ROWS]] -2, -1 : (tensor<6x4xf32>) -> tensor<4x6xf32>
// CHECK: %[[GB:.*]] = kiln.mm %[[ROWST]], %[[GROWS]] : (tensor<4x6xf32>, tensor<6x1xf32>) -> tensor<4x1xf32>
// CHECK: %[[RB:.*]] = kiln.reshape %[[GB]] [4] : (tensor<4x1xf32>) -> tensor<4xf32>
// CHECK: return %{{.*}}, %[[GA]], %[[RB]]
func.func @matmul_folded_batch(%a: tensor<2x3x4xf32> {kiln.param = "a"}, %b: tensor<4xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  %loss = kiln.sum %y : (tensor<2x3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// 1-D · 1-D is a dot product: each operand's gradient is grad times the
// other.
// CHECK-LABEL: func.func @matmul_dot(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32> {kiln.param = "a"}, %[[B:[^:]+]]: tensor<4xf32> {kiln.param = "b"})
// CHECK: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[GA:.*]] = kiln.mul %[[ONE]], %[[B]] : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: %[[GB:.*]] = kiln.mul %[[ONE]], %[[A]] : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: return %{{.*}}, %[[GA]], %[[GB]]
func.func @matmul_dot(%a: tensor<4xf32> {kiln.param = "a"}, %b: tensor<4xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.matmul %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @mm(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3xf32> {kiln.param = "a"}, %[[B:[^:]+]]: tensor<3x4xf32> {kiln.param = "b"})
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x4xf32>
// CHECK: %[[BT:.*]] = kiln.transpose %[[B]] -2, -1 : (tensor<3x4xf32>) -> tensor<4x3xf32>
// CHECK: %[[GA:.*]] = kiln.mm %[[G]], %[[BT]] : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[AT:.*]] = kiln.transpose %[[A]] -2, -1 : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK: %[[GB:.*]] = kiln.mm %[[AT]], %[[G]] : (tensor<3x2xf32>, tensor<2x4xf32>) -> tensor<3x4xf32>
// CHECK: return %{{.*}}, %[[GA]], %[[GB]]
func.func @mm(%a: tensor<2x3xf32> {kiln.param = "a"}, %b: tensor<3x4xf32> {kiln.param = "b"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.mm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %loss = kiln.sum %y : (tensor<2x4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// inverse: -R^T (grad R^T) with R the inverse itself.
// CHECK-LABEL: func.func @inverse(
// CHECK: %[[R:.*]] = kiln.inverse %{{.*}} : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x3x3xf64>
// CHECK: %[[RT:.*]] = kiln.transpose %[[R]] -2, -1
// CHECK: %[[P:.*]] = kiln.matmul %[[G]], %[[RT]]
// CHECK: %[[Q:.*]] = kiln.matmul %[[RT]], %[[P]]
// CHECK: %[[N:.*]] = kiln.neg %[[Q]]
// CHECK: return %{{.*}}, %[[N]]
func.func @inverse(%a: tensor<2x3x3xf64> {kiln.param = "a"}) -> (tensor<f64> {kiln.output = "loss"}) {
  %r = kiln.inverse %a : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
  %loss = kiln.sum %r : (tensor<2x3x3xf64>) -> tensor<f64>
  return %loss : tensor<f64>
}

// -----

// det: grad * det * A^-T, the per-matrix scale broadcast over each matrix.
// CHECK-LABEL: func.func @det(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3x3xf64> {kiln.param = "a"})
// CHECK: %[[D:.*]] = kiln.det %[[A]] : (tensor<2x3x3xf64>) -> tensor<2xf64>
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2xf64>
// CHECK: %[[GD:.*]] = kiln.mul %[[G]], %[[D]] : (tensor<2xf64>, tensor<2xf64>) -> tensor<2xf64>
// CHECK: %[[S:.*]] = kiln.reshape %[[GD]] [2, 1, 1] : (tensor<2xf64>) -> tensor<2x1x1xf64>
// CHECK: %[[I:.*]] = kiln.inverse %[[A]]
// CHECK: %[[IT:.*]] = kiln.transpose %[[I]] -2, -1
// CHECK: %[[GA:.*]] = kiln.mul %[[S]], %[[IT]] : (tensor<2x1x1xf64>, tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
// CHECK: return %{{.*}}, %[[GA]]
func.func @det(%a: tensor<2x3x3xf64> {kiln.param = "a"}) -> (tensor<f64> {kiln.output = "loss"}) {
  %d = kiln.det %a : (tensor<2x3x3xf64>) -> tensor<2xf64>
  %loss = kiln.sum %d : (tensor<2xf64>) -> tensor<f64>
  return %loss : tensor<f64>
}
