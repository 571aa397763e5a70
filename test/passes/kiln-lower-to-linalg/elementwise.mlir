// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Element-wise ops become one linalg.generic whose indexing maps broadcast,
// with operands converted to the compute dtype inside the body.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>

// CHECK-LABEL: func.func @broadcast_add
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK: arith.addf
func.func @broadcast_add(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// A size-1 dimension that the result widens reads index 0.
// CHECK-LABEL: func.func @widen_size_one
// CHECK: linalg.generic {indexing_maps = [#[[COL]], #[[ID]], #[[ID]]]
func.func @widen_size_one(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.mul %a, %b : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// int64 + float32 0-d promotes to float32: the integer converts first.
// CHECK-LABEL: func.func @promote
// CHECK: ^bb0(%[[X:.*]]: i64, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[XF:.*]] = arith.sitofp %[[X]] : i64 to f32
// CHECK: arith.addf %[[XF]], %[[Y]] : f32
func.func @promote(%a: tensor<3xi64>, %b: tensor<f32>) -> tensor<3xf32> {
  %0 = kiln.add %a, %b : (tensor<3xi64>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// PyTorch's uint8 is signless i8 after lowering, with unsigned ops.
// CHECK-LABEL: func.func @uint8_max
// CHECK-SAME: (%{{.*}}: tensor<4xi8>, %{{.*}}: tensor<4xi8>) -> tensor<4xi8>
// CHECK: arith.maxui
func.func @uint8_max(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = kiln.maximum %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// True + True is True: bool addition is a logical or.
// CHECK-LABEL: func.func @bool_add
// CHECK: arith.ori
func.func @bool_add(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = kiln.add %a, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// ne is unordered so that NaN != NaN; comparisons compute in the promoted dtype.
// CHECK-LABEL: func.func @compare
// CHECK: arith.sitofp
// CHECK: arith.cmpf une
func.func @compare(%a: tensor<4xf32>, %b: tensor<4xi32>) -> tensor<4xi1> {
  %0 = kiln.ne %a, %b : (tensor<4xf32>, tensor<4xi32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// Integer division is true division in float32.
// CHECK-LABEL: func.func @int_div
// CHECK: arith.sitofp
// CHECK: arith.sitofp
// CHECK: arith.divf
func.func @int_div(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xf32> {
  %0 = kiln.div %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @where_clamp_cast
// CHECK: arith.select
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: arith.fptosi
func.func @where_clamp_cast(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<f32>) -> tensor<4xi64> {
  %0 = kiln.where %c, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = kiln.clamp %0 min -1.0 max 1.0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = kiln.cast %1 : tensor<4xf32> to tensor<4xi64>
  return %2 : tensor<4xi64>
}

// CHECK-LABEL: func.func @sigmoid
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @sigmoid(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.sigmoid %a : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
