// RUN: kiln-opt %s --kiln-lower-to-linalg --kiln-select-cpu-kernels --kiln-fold-matmul-transposes -split-input-file | FileCheck %s
// A transpose feeding a kernel matmul is read through the permuted map: the
// matmul takes the transpose's source and nothing is copied.

// linear's x @ W^T reads W [n, k] as (n, k) = (d2, d1).
// CHECK-DAG: #[[MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[NK:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-LABEL: func.func @weight_transposed
// CHECK-SAME: %[[X:[^:]+]]: tensor<8x4xf32>, %[[W:[^:]+]]: tensor<3x4xf32>
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[MK]], #[[NK]], #{{.*}}], {{.*}} library_call = "kiln_matmul_f32_r2r2"} ins(%[[X]], %[[W]] : tensor<8x4xf32>, tensor<3x4xf32>)
func.func @weight_transposed(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>) -> tensor<8x3xf32> {
  %wt = kiln.transpose %w 0, 1 : (tensor<3x4xf32>) -> tensor<4x3xf32>
  %y = kiln.matmul %x, %wt : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  return %y : tensor<8x3xf32>
}

// -----

// Both operands of a batched product, one through a permute of batch and
// matrix dims: a [b, k, m] read as (d0, d2, d1), b [k, b, n] as (d2, d0, d3).
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d0, d3)>
// CHECK-LABEL: func.func @both_operands
// CHECK-SAME: %[[A0:[^:]+]]: tensor<2x5x3xf32>, %[[B0:[^:]+]]: tensor<5x2x4xf32>
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #{{.*}}], {{.*}}} ins(%[[A0]], %[[B0]] :
func.func @both_operands(%a: tensor<2x5x3xf32>, %b: tensor<5x2x4xf32>) -> tensor<2x3x4xf32> {
  %at = kiln.transpose %a -2, -1 : (tensor<2x5x3xf32>) -> tensor<2x3x5xf32>
  %bp = kiln.permute %b [1, 0, 2] : (tensor<5x2x4xf32>) -> tensor<2x5x4xf32>
  %y = kiln.matmul %at, %bp : (tensor<2x3x5xf32>, tensor<2x5x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

// A transpose another op also reads stays for that op; the matmul reads its
// source anyway.
// CHECK-LABEL: func.func @transpose_shared
// CHECK-SAME: %[[X:[^:]+]]: tensor<8x4xf32>, %[[W:[^:]+]]: tensor<3x4xf32>
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]]
// CHECK: linalg.generic {{.*}} library_call = "kiln_matmul_f32_r2r2"} ins(%[[X]], %[[W]] :
// CHECK: return {{.*}}, %[[WT]]
func.func @transpose_shared(%x: tensor<8x4xf32>, %w: tensor<3x4xf32>) -> (tensor<8x3xf32>, tensor<4x3xf32>) {
  %wt = kiln.transpose %w 0, 1 : (tensor<3x4xf32>) -> tensor<4x3xf32>
  %y = kiln.matmul %x, %wt : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
  return %y, %wt : tensor<8x3xf32>, tensor<4x3xf32>
}

// -----

// A product that runs as generated loops (not float32) keeps its transpose.
// CHECK-LABEL: func.func @loops_keep_transpose
// CHECK: linalg.transpose
// CHECK: linalg.generic
// CHECK-NOT: library_call
func.func @loops_keep_transpose(%x: tensor<8x4xf64>, %w: tensor<3x4xf64>) -> tensor<8x3xf64> {
  %wt = kiln.transpose %w 0, 1 : (tensor<3x4xf64>) -> tensor<4x3xf64>
  %y = kiln.matmul %x, %wt : (tensor<8x4xf64>, tensor<4x3xf64>) -> tensor<8x3xf64>
  return %y : tensor<8x3xf64>
}

// -----

// An operand whose size-1 batch dim broadcasts keeps the lowering's view:
// the kernels expect a broadcasting operand's dims in loop order.
// CHECK-LABEL: func.func @broadcast_operand_kept
// CHECK: %[[T:.*]] = linalg.transpose
// CHECK: linalg.generic {{.*}} ins(%[[T]], %{{.*}} :
func.func @broadcast_operand_kept(%a: tensor<1x4x3xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %at = kiln.transpose %a -2, -1 : (tensor<1x4x3xf32>) -> tensor<1x3x4xf32>
  %y = kiln.matmul %at, %b : (tensor<1x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}

// -----

// A transpose as a permuting generic (generalized named op) folds too.
#tr = affine_map<(d0, d1) -> (d1, d0)>
#id = affine_map<(d0, d1) -> (d0, d1)>
#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[KM:.*]] = affine_map<(d0, d1, d2) -> (d1, d0)>
// CHECK-LABEL: func.func @generic_transpose
// CHECK-SAME: %[[A:[^:]+]]: tensor<3x2xf32>
// CHECK-NOT: linalg.generic {{.*}}["parallel", "parallel"]
// CHECK: linalg.generic {indexing_maps = [#[[KM]], {{.*}} ins(%[[A]], %{{.*}} : tensor<3x2xf32>, tensor<3x4xf32>)
func.func @generic_transpose(%a: tensor<3x2xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %e = tensor.empty() : tensor<2x3xf32>
  %at = linalg.generic {indexing_maps = [#tr, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<3x2xf32>) outs(%e : tensor<2x3xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<2x3xf32>
  %y = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%at, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
