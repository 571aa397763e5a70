// Folds of kiln.sum, kiln.prod, kiln.max and kiln.min: a reduction whose result type equals its input type
// (only size-1 dims reduced with keepdim, dtype unchanged) folds to its input; anything else stays.
// RUN: kiln-opt %s --canonicalize | FileCheck %s

// sum over a size-1 dim with keepdim is the identity.
// CHECK-LABEL: func.func @sum_unit_dim_keepdim
// CHECK-SAME: (%[[X:.*]]: tensor<2x1x3xf32>)
// CHECK-NOT: kiln.sum
// CHECK: return %[[X]] : tensor<2x1x3xf32>
func.func @sum_unit_dim_keepdim(%x: tensor<2x1x3xf32>) -> tensor<2x1x3xf32> {
  %0 = kiln.sum %x dim [1] keepdim : (tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}

// Negative dims name the same size-1 dim.
// CHECK-LABEL: func.func @prod_unit_dim_negative
// CHECK-SAME: (%[[X:.*]]: tensor<2x1x3xf64>)
// CHECK-NOT: kiln.prod
// CHECK: return %[[X]] : tensor<2x1x3xf64>
func.func @prod_unit_dim_negative(%x: tensor<2x1x3xf64>) -> tensor<2x1x3xf64> {
  %0 = kiln.prod %x dim [-2] keepdim : (tensor<2x1x3xf64>) -> tensor<2x1x3xf64>
  return %0 : tensor<2x1x3xf64>
}

// max and min keep the dtype, so integer inputs fold too.
// CHECK-LABEL: func.func @max_unit_dim_int32
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xi32>)
// CHECK-NOT: kiln.max
// CHECK: return %[[X]] : tensor<1x4xi32>
func.func @max_unit_dim_int32(%x: tensor<1x4xi32>) -> tensor<1x4xi32> {
  %0 = kiln.max %x dim [0] keepdim : (tensor<1x4xi32>) -> tensor<1x4xi32>
  return %0 : tensor<1x4xi32>
}

// CHECK-LABEL: func.func @min_all_unit_dims
// CHECK-SAME: (%[[X:.*]]: tensor<1x1xf32>)
// CHECK-NOT: kiln.min
// CHECK: return %[[X]] : tensor<1x1xf32>
func.func @min_all_unit_dims(%x: tensor<1x1xf32>) -> tensor<1x1xf32> {
  %0 = kiln.min %x dim [0, 1] keepdim : (tensor<1x1xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// CHECK-LABEL: func.func @max_bool
// CHECK-SAME: (%[[X:.*]]: tensor<1xi1>)
// CHECK-NOT: kiln.max
// CHECK: return %[[X]] : tensor<1xi1>
func.func @max_bool(%x: tensor<1xi1>) -> tensor<1xi1> {
  %0 = kiln.max %x dim [0] keepdim : (tensor<1xi1>) -> tensor<1xi1>
  return %0 : tensor<1xi1>
}

// prod keeps int64 as int64.
// CHECK-LABEL: func.func @prod_int64
// CHECK-SAME: (%[[X:.*]]: tensor<1x2xi64>)
// CHECK-NOT: kiln.prod
// CHECK: return %[[X]] : tensor<1x2xi64>
func.func @prod_int64(%x: tensor<1x2xi64>) -> tensor<1x2xi64> {
  %0 = kiln.prod %x dim [0] keepdim : (tensor<1x2xi64>) -> tensor<1x2xi64>
  return %0 : tensor<1x2xi64>
}

// A full sum of a 0-d float tensor is the tensor itself.
// CHECK-LABEL: func.func @sum_zero_d
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
// CHECK-NOT: kiln.sum
// CHECK: return %[[X]] : tensor<f32>
func.func @sum_zero_d(%x: tensor<f32>) -> tensor<f32> {
  %0 = kiln.sum %x : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// torch.sum accumulates int32 in int64: the types differ, so no fold.
// CHECK-LABEL: func.func @sum_int32_promoted
// CHECK-SAME: (%[[X:.*]]: tensor<2x1xi32>)
// CHECK-NEXT: %[[R:.*]] = kiln.sum %[[X]] dim [1] keepdim : (tensor<2x1xi32>) -> tensor<2x1xi64>
// CHECK-NEXT: return %[[R]] : tensor<2x1xi64>
func.func @sum_int32_promoted(%x: tensor<2x1xi32>) -> tensor<2x1xi64> {
  %0 = kiln.sum %x dim [1] keepdim : (tensor<2x1xi32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// bool sums to int64: no fold.
// CHECK-LABEL: func.func @sum_bool_promoted
// CHECK-SAME: (%[[X:.*]]: tensor<1xi1>)
// CHECK-NEXT: %[[R:.*]] = kiln.sum %[[X]] dim [0] keepdim : (tensor<1xi1>) -> tensor<1xi64>
// CHECK-NEXT: return %[[R]] : tensor<1xi64>
func.func @sum_bool_promoted(%x: tensor<1xi1>) -> tensor<1xi64> {
  %0 = kiln.sum %x dim [0] keepdim : (tensor<1xi1>) -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

// Without keepdim the size-1 dim is removed: the types differ, so no fold.
// CHECK-LABEL: func.func @sum_unit_dim_dropped
// CHECK-SAME: (%[[X:.*]]: tensor<2x1xf32>)
// CHECK-NEXT: %[[R:.*]] = kiln.sum %[[X]] dim [1] : (tensor<2x1xf32>) -> tensor<2xf32>
// CHECK-NEXT: return %[[R]] : tensor<2xf32>
func.func @sum_unit_dim_dropped(%x: tensor<2x1xf32>) -> tensor<2xf32> {
  %0 = kiln.sum %x dim [1] : (tensor<2x1xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// Reducing a dim of size > 1 changes the shape: no fold.
// CHECK-LABEL: func.func @max_non_unit_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[R:.*]] = kiln.max %[[X]] dim [1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: return %[[R]] : tensor<2x1xf32>
func.func @max_non_unit_dim(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %0 = kiln.max %x dim [1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// A full reduction of a non-unit tensor: no fold.
// CHECK-LABEL: func.func @prod_full_not_unit
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK-NEXT: %[[R:.*]] = kiln.prod %[[X]] : (tensor<3xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[R]] : tensor<f32>
func.func @prod_full_not_unit(%x: tensor<3xf32>) -> tensor<f32> {
  %0 = kiln.prod %x : (tensor<3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
