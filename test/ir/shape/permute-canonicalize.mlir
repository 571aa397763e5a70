// Folds and canonicalization of kiln.permute: identity permutations fold, permute of permute composes.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @identity(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[X]]
  %0 = kiln.permute %x [0, 1, 2] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @identity_negative
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @identity_negative(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[X]]
  %0 = kiln.permute %x [-3, 1, -1] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @identity_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @identity_scalar(%x: tensor<f32>) -> tensor<f32> {
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[X]]
  %0 = kiln.permute %x [] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Same type, but [1, 0, 2] of a 3x3x3 tensor is not the identity.
// CHECK-LABEL: func.func @not_identity
// CHECK-SAME: (%[[X:.*]]: tensor<3x3x3xf32>)
func.func @not_identity(%x: tensor<3x3x3xf32>) -> tensor<3x3x3xf32> {
  // CHECK: %[[P:.*]] = kiln.permute %[[X]] [1, 0, 2] : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  // CHECK: return %[[P]]
  %0 = kiln.permute %x [1, 0, 2] : (tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  return %0 : tensor<3x3x3xf32>
}

// permute(permute(x, [1, 0, 2]), [2, 1, 0]) = permute(x, [2, 0, 1]).
// CHECK-LABEL: func.func @compose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @compose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK: %[[P:.*]] = kiln.permute %[[X]] [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[P]]
  %0 = kiln.permute %x [1, 0, 2] : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = kiln.permute %0 [2, 1, 0] : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// The same composition spelled with negative dims.
// CHECK-LABEL: func.func @compose_negative
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @compose_negative(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK: %[[P:.*]] = kiln.permute %[[X]] [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[P]]
  %0 = kiln.permute %x [-2, 0, -1] : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = kiln.permute %0 [-1, 1, -3] : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// A permutation followed by its inverse disappears.
// CHECK-LABEL: func.func @compose_to_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @compose_to_identity(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[X]]
  %0 = kiln.permute %x [1, 2, 0] : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %1 = kiln.permute %0 [2, 0, 1] : (tensor<3x4x2xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// Three permutes of a 4-D tensor compose into one.
// CHECK-LABEL: func.func @compose_three
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>)
func.func @compose_three(%x: tensor<2x3x4x5xf32>) -> tensor<5x3x2x4xf32> {
  // CHECK: %[[P:.*]] = kiln.permute %[[X]] [3, 1, 0, 2] : (tensor<2x3x4x5xf32>) -> tensor<5x3x2x4xf32>
  // CHECK-NOT: kiln.permute
  // CHECK: return %[[P]]
  %0 = kiln.permute %x [1, 0, 2, 3] : (tensor<2x3x4x5xf32>) -> tensor<3x2x4x5xf32>
  %1 = kiln.permute %0 [0, 1, 3, 2] : (tensor<3x2x4x5xf32>) -> tensor<3x2x5x4xf32>
  %2 = kiln.permute %1 [2, 0, 1, 3] : (tensor<3x2x5x4xf32>) -> tensor<5x3x2x4xf32>
  return %2 : tensor<5x3x2x4xf32>
}
