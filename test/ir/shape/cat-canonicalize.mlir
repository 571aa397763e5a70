// Folds of kiln.cat: a single input folds to itself; two inputs stay.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @single
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @single(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.cat
  // CHECK: return %[[X]]
  %0 = kiln.cat %x dim -1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @two
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x3xf32>)
func.func @two(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<4x3xf32> {
  // CHECK: %[[C:.*]] = kiln.cat %[[X]], %[[Y]] dim 0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: return %[[C]]
  %0 = kiln.cat %x, %y dim 0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// Concatenating an empty tensor: the type does not change, but there are two inputs.
// CHECK-LABEL: func.func @with_empty
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[E:.*]]: tensor<0x3xf32>)
func.func @with_empty(%x: tensor<2x3xf32>, %e: tensor<0x3xf32>) -> tensor<2x3xf32> {
  // CHECK: %[[C:.*]] = kiln.cat %[[X]], %[[E]] dim 0
  // CHECK: return %[[C]]
  %0 = kiln.cat %x, %e dim 0 : (tensor<2x3xf32>, tensor<0x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
