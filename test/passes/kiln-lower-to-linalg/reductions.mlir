// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Reductions iterate the reduced dims as reductions; keepdim reshapes after.

// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROWS:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>

// CHECK-LABEL: func.func @sum_keepdim
// CHECK: linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROWS]]], iterator_types = ["parallel", "reduction"]}
// CHECK: arith.addf
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1]] output_shape [2, 1] : tensor<2xf32> into tensor<2x1xf32>
func.func @sum_keepdim(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %0 = kiln.sum %a dim [-1] keepdim : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// Summing int32 accumulates in int64: the element is widened first.
// CHECK-LABEL: func.func @sum_int32
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: arith.addi
func.func @sum_int32(%a: tensor<4xi32>) -> tensor<i64> {
  %0 = kiln.sum %a : (tensor<4xi32>) -> tensor<i64>
  return %0 : tensor<i64>
}

// max starts from -inf and keeps NaN (maximumf).
// CHECK-LABEL: func.func @amax
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: arith.maximumf
func.func @amax(%a: tensor<2x3xf32>) -> tensor<3xf32> {
  %0 = kiln.max %a dim [0] : (tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// argmax carries the value and the index; a NaN beats every number.
// CHECK-LABEL: func.func @argmax
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
// CHECK: linalg.index 1
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf uno
// CHECK: arith.select
func.func @argmax(%a: tensor<2x3xf32>) -> tensor<2xi64> {
  %0 = kiln.argmax %a dim 1 : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}
