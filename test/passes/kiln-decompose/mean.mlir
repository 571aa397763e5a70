// kiln-decompose of mean: sum over the same dims divided by the number of elements summed (all, several, negative dims, 0-d, empty dim list).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// 2 * 3 * 4 = 24 elements.
// CHECK-LABEL: func.func @all_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<2.400000e+01> : tensor<f32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[X]] : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[Y]] : tensor<f32>
// CHECK-NOT: kiln.mean
func.func @all_dims(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  %0 = kiln.mean %x : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// dims -1 and 1 of [2, 3, 4] hold 4 * 3 = 12 elements; the count has the input's dtype.
// CHECK-LABEL: func.func @negative_dims_keepdim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf64>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<1.200000e+01> : tensor<f64>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[X]] dim [-1, 1] keepdim : (tensor<2x3x4xf64>) -> tensor<2x1x1xf64>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[S]], %[[N]] : (tensor<2x1x1xf64>, tensor<f64>) -> tensor<2x1x1xf64>
// CHECK-NEXT: return %[[Y]] : tensor<2x1x1xf64>
func.func @negative_dims_keepdim(%x: tensor<2x3x4xf64>) -> tensor<2x1x1xf64> {
  %0 = kiln.mean %x dim [-1, 1] keepdim : (tensor<2x3x4xf64>) -> tensor<2x1x1xf64>
  return %0 : tensor<2x1x1xf64>
}

// Only the reduced dimension (7) counts, not the kept one (5).
// CHECK-LABEL: func.func @one_dim
// CHECK-SAME: (%[[X:.*]]: tensor<5x7xf32>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<7.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[X]] dim [1] : (tensor<5x7xf32>) -> tensor<5xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[S]], %[[N]] : (tensor<5xf32>, tensor<f32>) -> tensor<5xf32>
// CHECK-NEXT: return %[[Y]] : tensor<5xf32>
func.func @one_dim(%x: tensor<5x7xf32>) -> tensor<5xf32> {
  %0 = kiln.mean %x dim [1] : (tensor<5x7xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// A 0-d tensor has one element: its mean is itself.
// CHECK-LABEL: func.func @zero_d
// CHECK-NOT: kiln.mean
// CHECK-NOT: kiln.constant dense<0.0
// CHECK: return %{{.*}} : tensor<f32>
func.func @zero_d(%x: tensor<f32>) -> tensor<f32> {
  %0 = kiln.mean %x dim [0] : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// An empty dim list reduces every dimension (PyTorch 1.13), so the count is all 6 elements, not 1.
// CHECK-LABEL: func.func @empty_dim_list
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[N:.*]] = kiln.constant dense<6.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[X]] dim [] : (tensor<2x3xf32>) -> tensor<f32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[S]], %[[N]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %[[Y]] : tensor<f32>
func.func @empty_dim_list(%x: tensor<2x3xf32>) -> tensor<f32> {
  %0 = kiln.mean %x dim [] : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
