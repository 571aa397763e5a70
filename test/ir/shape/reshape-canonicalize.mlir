// Folds and canonicalization of kiln.reshape: identity, constants, and chains of reshape-like ops.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @same_shape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @same_shape(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[X]] : tensor<2x3xf32>
  %0 = kiln.reshape %x [2, -1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @changes_shape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @changes_shape(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [3, -1] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK: return %[[R]]
  %0 = kiln.reshape %x [3, -1] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [4, 6] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[R]]
  %0 = kiln.reshape %x [6, -1] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = kiln.reshape %0 [-1, 6] : (tensor<6x4xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// A chain that returns to the input's shape disappears.
// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @reshape_round_trip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[X]]
  %0 = kiln.reshape %x [6] : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = kiln.reshape %0 [2, 3] : (tensor<6xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @view_then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @view_then_reshape(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [24] : (tensor<2x3x4xf32>) -> tensor<24xf32>
  // CHECK-NOT: kiln.view
  // CHECK: return %[[R]]
  %0 = kiln.view %x [6, 4] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = kiln.reshape %0 [-1] : (tensor<6x4xf32>) -> tensor<24xf32>
  return %1 : tensor<24xf32>
}

// CHECK-LABEL: func.func @flatten_then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @flatten_then_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [4, 6] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK-NOT: kiln.flatten
  // CHECK: return %[[R]]
  %0 = kiln.flatten %x start_dim 1 end_dim -1 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %1 = kiln.reshape %0 [4, 6] : (tensor<2x12xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// CHECK-LABEL: func.func @squeeze_then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x1xf32>)
func.func @squeeze_then_reshape(%x: tensor<1x6x1xf32>) -> tensor<2x3xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [2, 3] : (tensor<1x6x1xf32>) -> tensor<2x3xf32>
  // CHECK-NOT: kiln.squeeze
  // CHECK: return %[[R]]
  %0 = kiln.squeeze %x : (tensor<1x6x1xf32>) -> tensor<6xf32>
  %1 = kiln.reshape %0 [2, 3] : (tensor<6xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @unsqueeze_then_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<6xf32>)
func.func @unsqueeze_then_reshape(%x: tensor<6xf32>) -> tensor<3x2xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [3, 2] : (tensor<6xf32>) -> tensor<3x2xf32>
  // CHECK-NOT: kiln.unsqueeze
  // CHECK: return %[[R]]
  %0 = kiln.unsqueeze %x dim 0 : (tensor<6xf32>) -> tensor<1x6xf32>
  %1 = kiln.reshape %0 [3, 2] : (tensor<1x6xf32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// A long mixed chain becomes a single reshape of the original input.
// CHECK-LABEL: func.func @mixed_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
func.func @mixed_chain(%x: tensor<2x3x4xf32>) -> tensor<3x8xf32> {
  // CHECK: %[[R:.*]] = kiln.reshape %[[X]] [3, 8] : (tensor<2x3x4xf32>) -> tensor<3x8xf32>
  // CHECK-NEXT: return %[[R]]
  %0 = kiln.flatten %x start_dim 0 end_dim 1 : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = kiln.unsqueeze %0 dim -1 : (tensor<6x4xf32>) -> tensor<6x4x1xf32>
  %2 = kiln.reshape %1 [24, 1] : (tensor<6x4x1xf32>) -> tensor<24x1xf32>
  %3 = kiln.squeeze %2 dim [1] : (tensor<24x1xf32>) -> tensor<24xf32>
  %4 = kiln.view %3 [3, -1] : (tensor<24xf32>) -> tensor<3x8xf32>
  return %4 : tensor<3x8xf32>
}

// torch.tensor([1., 2., 3., 4., 5., 6.]).reshape(2, 3) folds to a constant.
// CHECK-LABEL: func.func @constant
func.func @constant() -> tensor<2x3xf32> {
  // CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[C]]
  %c = kiln.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %0 = kiln.reshape %c [2, -1] : (tensor<6xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @constant_int_to_scalar
func.func @constant_int_to_scalar() -> tensor<i64> {
  // CHECK: %[[C:.*]] = kiln.constant dense<7> : tensor<i64>
  // CHECK-NOT: kiln.reshape
  // CHECK: return %[[C]]
  %c = kiln.constant dense<[[7]]> : tensor<1x1xi64>
  %0 = kiln.reshape %c [] : (tensor<1x1xi64>) -> tensor<i64>
  return %0 : tensor<i64>
}
