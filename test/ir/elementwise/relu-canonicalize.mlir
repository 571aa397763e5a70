// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.relu: relu(relu x) -> relu x (idempotence); a single relu stays.

// CHECK-LABEL: func.func @relu_of_relu
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[R:.*]] = kiln.relu %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[R]], %[[R]] : tensor<2x3xf32>, tensor<2x3xf32>
func.func @relu_of_relu(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = kiln.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = kiln.relu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @relu_chain_int
// CHECK: %[[R:.*]] = kiln.relu %{{.*}} : (tensor<4xi64>) -> tensor<4xi64>
// CHECK-NOT: kiln.relu
// CHECK: return %[[R]]
func.func @relu_chain_int(%x: tensor<4xi64>) -> tensor<4xi64> {
  %0 = kiln.relu %x : (tensor<4xi64>) -> tensor<4xi64>
  %1 = kiln.relu %0 : (tensor<4xi64>) -> tensor<4xi64>
  %2 = kiln.relu %1 : (tensor<4xi64>) -> tensor<4xi64>
  return %2 : tensor<4xi64>
}

// relu of neg is not relu: nothing folds.
// CHECK-LABEL: func.func @relu_of_neg
// CHECK: kiln.neg
// CHECK: kiln.relu
func.func @relu_of_neg(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = kiln.neg %x : (tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.relu %0 : (tensor<3xf32>) -> tensor<3xf32>
  return %1 : tensor<3xf32>
}
