// Canonicalization cancels transposes across the ops between them: a
// transpose of a product moves to its operands when it cancels one there,
// (A B)^T = B^T A^T, and transposes move from an element-wise op's operands
// to its result. No rewrite adds a transpose.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// linear's weight gradient, (x^T g)^T, becomes g^T x.
// CHECK-LABEL: func.func @product_with_transposed_lhs
// CHECK-SAME: (%[[X:[^:]+]]: tensor<8x4xf32>, %[[G:[^:]+]]: tensor<8x3xf32>)
// CHECK: %[[GT:.*]] = kiln.transpose %[[G]] -2, -1 : (tensor<8x3xf32>) -> tensor<3x8xf32>
// CHECK: %[[R:.*]] = kiln.matmul %[[GT]], %[[X]] : (tensor<3x8xf32>, tensor<8x4xf32>) -> tensor<3x4xf32>
// CHECK: return %[[R]]
func.func @product_with_transposed_lhs(%x: tensor<8x4xf32>, %g: tensor<8x3xf32>) -> tensor<3x4xf32> {
  %xt = kiln.transpose %x -2, -1 : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %p = kiln.matmul %xt, %g : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  %r = kiln.transpose %p 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
  return %r : tensor<3x4xf32>
}

// Batched, both operands transposed: no transpose is left; batch dims
// broadcast the same way.
// CHECK-LABEL: func.func @batched_both_transposed
// CHECK-SAME: (%[[A:[^:]+]]: tensor<2x1x3x4xf32>, %[[B:[^:]+]]: tensor<5x6x3xf32>)
// CHECK-NOT: kiln.transpose
// CHECK: %[[R:.*]] = kiln.matmul %[[B]], %[[A]] : (tensor<5x6x3xf32>, tensor<2x1x3x4xf32>) -> tensor<2x5x6x4xf32>
// CHECK: return %[[R]]
func.func @batched_both_transposed(%a: tensor<2x1x3x4xf32>, %b: tensor<5x6x3xf32>) -> tensor<2x5x6x4xf32> {
  %at = kiln.transpose %a -2, -1 : (tensor<2x1x3x4xf32>) -> tensor<2x1x4x3xf32>
  %bt = kiln.transpose %b 1, 2 : (tensor<5x6x3xf32>) -> tensor<5x3x6xf32>
  %p = kiln.matmul %at, %bt : (tensor<2x1x4x3xf32>, tensor<5x3x6xf32>) -> tensor<2x5x4x6xf32>
  %r = kiln.transpose %p -1, -2 : (tensor<2x5x4x6xf32>) -> tensor<2x5x6x4xf32>
  return %r : tensor<2x5x6x4xf32>
}

// mm too.
// CHECK-LABEL: func.func @mm_transposed_rhs
// CHECK-SAME: (%[[A:[^:]+]]: tensor<2x3xf32>, %[[B:[^:]+]]: tensor<4x3xf32>)
// CHECK: %[[AT:.*]] = kiln.transpose %[[A]] -2, -1
// CHECK: kiln.mm %[[B]], %[[AT]] : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>
func.func @mm_transposed_rhs(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %bt = kiln.transpose %b 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
  %p = kiln.mm %a, %bt : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %r = kiln.transpose %p 0, 1 : (tensor<2x4xf32>) -> tensor<4x2xf32>
  return %r : tensor<4x2xf32>
}

// No operand is transposed: moving the transpose would make two of one.
// CHECK-LABEL: func.func @product_plain_operands
// CHECK: %[[P:.*]] = kiln.matmul
// CHECK: kiln.transpose %[[P]] 0, 1
func.func @product_plain_operands(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<4x2xf32> {
  %p = kiln.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %r = kiln.transpose %p 0, 1 : (tensor<2x4xf32>) -> tensor<4x2xf32>
  return %r : tensor<4x2xf32>
}

// The product is also used untransposed: it stays, and so does the
// transpose.
// CHECK-LABEL: func.func @product_used_twice
// CHECK: %[[P:.*]] = kiln.matmul
// CHECK: %[[R:.*]] = kiln.transpose %[[P]] 0, 1
// CHECK: return %[[P]], %[[R]]
func.func @product_used_twice(%x: tensor<8x4xf32>, %g: tensor<8x3xf32>) -> (tensor<4x3xf32>, tensor<3x4xf32>) {
  %xt = kiln.transpose %x 0, 1 : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %p = kiln.matmul %xt, %g : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  %r = kiln.transpose %p 0, 1 : (tensor<4x3xf32>) -> tensor<3x4xf32>
  return %p, %r : tensor<4x3xf32>, tensor<3x4xf32>
}

// A transpose of batch dims is not (A B)^T.
// CHECK-LABEL: func.func @batch_dims_swapped
// CHECK: kiln.matmul
// CHECK: kiln.transpose %{{.*}} 0, 1
func.func @batch_dims_swapped(%a: tensor<2x3x4x5xf32>, %b: tensor<2x3x5x6xf32>) -> tensor<3x2x4x6xf32> {
  %bt = kiln.transpose %b -1, -2 : (tensor<2x3x5x6xf32>) -> tensor<2x3x6x5xf32>
  %bb = kiln.transpose %bt -1, -2 : (tensor<2x3x6x5xf32>) -> tensor<2x3x5x6xf32>
  %at = kiln.transpose %a -1, -2 : (tensor<2x3x4x5xf32>) -> tensor<2x3x5x4xf32>
  %aa = kiln.transpose %at -1, -2 : (tensor<2x3x5x4xf32>) -> tensor<2x3x4x5xf32>
  %p = kiln.matmul %aa, %bb : (tensor<2x3x4x5xf32>, tensor<2x3x5x6xf32>) -> tensor<2x3x4x6xf32>
  %r = kiln.transpose %p 0, 1 : (tensor<2x3x4x6xf32>) -> tensor<3x2x4x6xf32>
  return %r : tensor<3x2x4x6xf32>
}

// transpose(relu(transpose(x)) + transpose(y) * s) with a 0-d s is
// relu(x) + y * s: every element-wise op is computed untransposed.
// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x3xf32>, %[[Y:[^:]+]]: tensor<2x3xf32>, %[[S:[^:]+]]: tensor<f32>)
// CHECK-NOT: kiln.transpose
// CHECK: %[[A:.*]] = kiln.relu %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[B:.*]] = kiln.mul %[[Y]], %[[S]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = kiln.add %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @elementwise(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>, %s: tensor<f32>) -> tensor<2x3xf32> {
  %xt = kiln.transpose %x 0, 1 : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %yt = kiln.transpose %y 0, 1 : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %a = kiln.relu %xt : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %b = kiln.mul %yt, %s : (tensor<3x2xf32>, tensor<f32>) -> tensor<3x2xf32>
  %c = kiln.add %a, %b : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  %r = kiln.transpose %c 0, 1 : (tensor<3x2xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// An operand that broadcasts ([3] against [2, 3]), one transposed another
// way or not at all, or a transpose something else also reads: the
// transposes stay where they are.
// CHECK-LABEL: func.func @elementwise_kept
// CHECK: %[[XT:.*]] = kiln.transpose
// CHECK: kiln.add %[[XT]]
// CHECK: %[[YT:.*]] = kiln.transpose
// CHECK: kiln.mul %[[YT]]
// CHECK: %[[WT:.*]] = kiln.transpose
// CHECK: kiln.relu %[[WT]]
func.func @elementwise_kept(%x: tensor<3x2xf32>, %b: tensor<3xf32>, %y: tensor<2x3x4xf32>, %z: tensor<3x2x4xf32>, %w: tensor<3x2xf32>)
    -> (tensor<2x3xf32>, tensor<3x2x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %xt = kiln.transpose %x 0, 1 : (tensor<3x2xf32>) -> tensor<2x3xf32>
  %s = kiln.add %xt, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %yt = kiln.transpose %y 0, 1 : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %p = kiln.mul %yt, %z : (tensor<3x2x4xf32>, tensor<3x2x4xf32>) -> tensor<3x2x4xf32>
  %wt = kiln.transpose %w 0, 1 : (tensor<3x2xf32>) -> tensor<2x3xf32>
  %r = kiln.relu %wt : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %s, %p, %r, %wt : tensor<2x3xf32>, tensor<3x2x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}
