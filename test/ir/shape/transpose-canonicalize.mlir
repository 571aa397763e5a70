// Folds of kiln.transpose: a double swap of one pair (however the dims are spelled) and a swap of a dim with itself are the identity; different pairs stay.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @same_pair
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @same_pair(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x 0, 1 : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = kiln.transpose %0 0, 1 : (tensor<3x2x4xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @same_pair_reversed
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @same_pair_reversed(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x 0, 1 : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = kiln.transpose %0 1, 0 : (tensor<3x2x4xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// -1, -2 and 1, 2 name the same pair of a rank-3 tensor.
// CHECK-LABEL: func.func @same_pair_negative
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @same_pair_negative(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x -1, -2 : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %1 = kiln.transpose %0 1, 2 : (tensor<2x4x3xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// Square dims: the types match, but only the dims tell the pairs apart.
// CHECK-LABEL: func.func @same_pair_square
// CHECK-SAME: (%[[X:.*]]: tensor<3x3x3xf32>)
func.func @same_pair_square(%x: tensor<3x3x3xf32>) -> tensor<3x3x3xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x 0, -1 : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  %1 = kiln.transpose %0 2, -3 : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  return %1 : tensor<3x3x3xf32>
}

// CHECK-LABEL: func.func @same_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @same_dim(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x 1, 1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @same_dim_negative
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @same_dim_negative(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.transpose
  // CHECK: return %[[X]]
  %0 = kiln.transpose %x 2, -1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// transpose(transpose(x, 0, 1), 1, 2) is a rotation, not the identity.
// CHECK-LABEL: func.func @different_pairs
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @different_pairs(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  // CHECK: %[[A:.*]] = kiln.transpose %[[X]] 0, 1 : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  // CHECK: %[[B:.*]] = kiln.transpose %[[A]] 1, 2 : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  // CHECK: return %[[B]]
  %0 = kiln.transpose %x 0, 1 : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = kiln.transpose %0 1, 2 : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  return %1 : tensor<3x4x2xf32>
}

// With square dims the result type equals the input type, yet the swaps differ.
// CHECK-LABEL: func.func @different_pairs_square
// CHECK-SAME: (%[[X:.*]]: tensor<3x3x3xf32>)
func.func @different_pairs_square(%x: tensor<3x3x3xf32>) -> tensor<3x3x3xf32> {
  // CHECK: %[[A:.*]] = kiln.transpose %[[X]] 0, 1
  // CHECK: %[[B:.*]] = kiln.transpose %[[A]] 0, 2
  // CHECK: return %[[B]]
  %0 = kiln.transpose %x 0, 1 : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  %1 = kiln.transpose %0 0, 2 : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  return %1 : tensor<3x3x3xf32>
}

// A single swap of different dims stays.
// CHECK-LABEL: func.func @single
// CHECK-SAME: (%[[X:.*]]: tensor<3x3xf32>)
func.func @single(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  // CHECK: %[[A:.*]] = kiln.transpose %[[X]] 0, 1 : (tensor<3x3xf32>) -> tensor<3x3xf32>
  // CHECK: return %[[A]]
  %0 = kiln.transpose %x 0, 1 : (tensor<3x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}
