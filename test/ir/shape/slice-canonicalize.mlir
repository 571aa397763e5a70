// Folds of kiln.slice: a full-range step-1 slice folds away; partial or strided slices stay.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @full_range
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
func.func @full_range(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // CHECK-NOT: kiln.slice
  // CHECK: return %[[X]]
  %0 = kiln.slice %x dim 1 [0 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// CHECK-LABEL: func.func @full_range_clamped
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
func.func @full_range_clamped(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // CHECK-NOT: kiln.slice
  // CHECK: return %[[X]]
  %0 = kiln.slice %x dim -1 [-100 : 9223372036854775807 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// CHECK-LABEL: func.func @partial
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
func.func @partial(%x: tensor<3x8xf32>) -> tensor<3x7xf32> {
  // CHECK: %[[S:.*]] = kiln.slice %[[X]] dim 1{{ ?}}[1 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x7xf32>
  // CHECK: return %[[S]]
  %0 = kiln.slice %x dim 1 [1 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @step_two
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
func.func @step_two(%x: tensor<3x8xf32>) -> tensor<3x4xf32> {
  // CHECK: %[[S:.*]] = kiln.slice %[[X]] dim 1{{ ?}}[0 : 8 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  // CHECK: return %[[S]]
  %0 = kiln.slice %x dim 1 [0 : 8 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
func.func @empty(%x: tensor<3x8xf32>) -> tensor<3x0xf32> {
  // CHECK: %[[S:.*]] = kiln.slice %[[X]] dim 1{{ ?}}[5 : 2 : 1] : (tensor<3x8xf32>) -> tensor<3x0xf32>
  // CHECK: return %[[S]]
  %0 = kiln.slice %x dim 1 [5 : 2 : 1] : (tensor<3x8xf32>) -> tensor<3x0xf32>
  return %0 : tensor<3x0xf32>
}
