// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Folds of kiln.where: equal branches, constant conditions (only when the chosen value already has the result type).

// CHECK-LABEL: func.func @equal_branches
// CHECK-SAME: (%[[C:.*]]: tensor<2x3xi1>, %[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]] : tensor<2x3xf32>
func.func @equal_branches(%c: tensor<2x3xi1>, %x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.where %c, %x, %x : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// The condition broadcasts x to [2, 3]: not foldable to x.
// CHECK-LABEL: func.func @equal_branches_broadcast
// CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
func.func @equal_branches_broadcast(%c: tensor<2x3xi1>, %x: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.where %c, %x, %x : (tensor<2x3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @true_condition
// CHECK-SAME: (%[[A:.*]]: tensor<3xi64>, %[[B:.*]]: tensor<3xi64>)
// CHECK-NEXT: return %[[A]] : tensor<3xi64>
func.func @true_condition(%a: tensor<3xi64>, %b: tensor<3xi64>) -> tensor<3xi64> {
  %c = kiln.ones : tensor<3xi1>
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @false_condition
// CHECK-SAME: (%[[A:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK-NEXT: return %[[B]] : tensor<3xf32>
func.func @false_condition(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %c = kiln.constant dense<false> : tensor<i1>
  %0 = kiln.where %c, %a, %b : (tensor<i1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @full_true_condition
// CHECK-SAME: (%[[A:.*]]: tensor<2xf64>, %[[B:.*]]: tensor<f32>)
// CHECK-NEXT: return %[[A]] : tensor<2xf64>
func.func @full_true_condition(%a: tensor<2xf64>, %b: tensor<f32>) -> tensor<2xf64> {
  %c = kiln.full 1.0 : tensor<2xi1>
  %0 = kiln.where %c, %a, %b : (tensor<2xi1>, tensor<2xf64>, tensor<f32>) -> tensor<2xf64>
  return %0 : tensor<2xf64>
}

// The chosen value is int64 but the result is float32 (promoted by the other side): no fold.
// CHECK-LABEL: func.func @true_condition_promotes
// CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xi1>, tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
func.func @true_condition_promotes(%a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xf32> {
  %c = kiln.ones : tensor<3xi1>
  %0 = kiln.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// The chosen value is broadcast to the result shape: no fold.
// CHECK-LABEL: func.func @false_condition_broadcasts
// CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
func.func @false_condition_broadcasts(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %c = kiln.zeros : tensor<2x3xi1>
  %0 = kiln.where %c, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// A mixed constant condition picks neither side.
// CHECK-LABEL: func.func @mixed_condition
// CHECK: kiln.where
func.func @mixed_condition(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %c = kiln.constant dense<[true, false]> : tensor<2xi1>
  %0 = kiln.where %c, %a, %b : (tensor<2xi1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
