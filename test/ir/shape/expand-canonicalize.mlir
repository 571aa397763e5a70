// Folds of kiln.expand: an expand to the input's own type folds away; a real broadcast stays.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @same_sizes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @same_sizes(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.expand
  // CHECK: return %[[X]]
  %0 = kiln.expand %x [2, 3] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @all_minus_one
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
func.func @all_minus_one(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // CHECK-NOT: kiln.expand
  // CHECK: return %[[X]]
  %0 = kiln.expand %x [-1, -1] : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// CHECK-LABEL: func.func @broadcasts
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
func.func @broadcasts(%x: tensor<1x3xf32>) -> tensor<4x3xf32> {
  // CHECK: %[[E:.*]] = kiln.expand %[[X]] [4, -1] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  // CHECK: return %[[E]]
  %0 = kiln.expand %x [4, -1] : (tensor<1x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// A new leading dimension of size 1 changes the type and stays.
// CHECK-LABEL: func.func @new_unit_dim
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
func.func @new_unit_dim(%x: tensor<3xf32>) -> tensor<1x3xf32> {
  // CHECK: %[[E:.*]] = kiln.expand %[[X]] [1, 3] : (tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK: return %[[E]]
  %0 = kiln.expand %x [1, 3] : (tensor<3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}
