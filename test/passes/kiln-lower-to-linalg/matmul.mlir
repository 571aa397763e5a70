// RUN: kiln-opt %s --kiln-lower-to-linalg --kiln-select-cpu-kernels | FileCheck %s
// Every torch.matmul case is one contraction; the maps encode the rank rules.
// float32 contractions name the oneDNN kernel that kiln-call-kernels calls.

// The loops are the batch, the row, the contracted dim and the column, so
// every operand lists its dims in loop order.
// CHECK-DAG: #[[MK:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[KN:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[K:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:map[0-9]*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[VK:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[VKN:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[VN:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[BL:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d3)>
// CHECK-DAG: #[[BR:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d4)>
// CHECK-DAG: #[[BO:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>

// CHECK-LABEL: func.func @matrix_matrix
// CHECK: linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[MK]], #[[KN]], #[[MN]]], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @matrix_matrix(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = kiln.mm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @dot
// Integer products stay generated loops: no library_call.
// CHECK: linalg.generic {indexing_maps = [#[[K]], #[[K]], #[[SCALAR]]], iterator_types = ["reduction"]} ins
// CHECK: arith.muli
func.func @dot(%a: tensor<3xi64>, %b: tensor<3xi64>) -> tensor<i64> {
  %0 = kiln.matmul %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<i64>
  return %0 : tensor<i64>
}

// CHECK-LABEL: func.func @vector_matrix
// CHECK: linalg.generic {indexing_maps = [#[[VK]], #[[VKN]], #[[VN]]], iterator_types = ["reduction", "parallel"], library_call = "kiln_matmul_f32_r1r2"}
func.func @vector_matrix(%a: tensor<2xf32>, %b: tensor<2x5xf32>) -> tensor<5xf32> {
  %0 = kiln.matmul %a, %b : (tensor<2xf32>, tensor<2x5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// Batch dims broadcast: the size-1 batch dim of lhs reads index 0.
// CHECK-LABEL: func.func @broadcast_batch
// CHECK: linalg.generic {indexing_maps = [#[[BL]], #[[BR]], #[[BO]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r4r3"}
func.func @broadcast_batch(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32> {
  %0 = kiln.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x2xf32>) -> tensor<2x5x3x2xf32>
  return %0 : tensor<2x5x3x2xf32>
}
