// Round trip of kiln.einsum: explicit and implicit outputs, ellipsis, one and three operands.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.einsum %{{.*}}, %{{.*}} "ij,jk->ik" : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %0 = kiln.einsum %a, %b "ij,jk->ik" : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// Implicit output: the labels that occur once, alphabetically ("ki" -> "ik").
// CHECK-LABEL: func.func @implicit
func.func @implicit(%a: tensor<4x3xf32>, %b: tensor<3x2xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.einsum %{{.*}}, %{{.*}} "kj,ji" : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<2x4xf32>
  %0 = kiln.einsum %a, %b "kj,ji" : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @ellipsis
func.func @ellipsis(%a: tensor<5x2x3xf64>, %b: tensor<3x4xf64>) -> tensor<5x2x4xf64> {
  // CHECK: kiln.einsum %{{.*}}, %{{.*}} "...ij,jk->...ik" : (tensor<5x2x3xf64>, tensor<3x4xf64>) -> tensor<5x2x4xf64>
  %0 = kiln.einsum %a, %b "...ij,jk->...ik" : (tensor<5x2x3xf64>, tensor<3x4xf64>) -> tensor<5x2x4xf64>
  return %0 : tensor<5x2x4xf64>
}

// CHECK-LABEL: func.func @sum_and_chain
func.func @sum_and_chain(%a: tensor<2x3xi64>, %b: tensor<3x4xi64>, %c: tensor<4xi64>) -> (tensor<i64>, tensor<2xi64>) {
  // CHECK: kiln.einsum %{{.*}} "ij->" : (tensor<2x3xi64>) -> tensor<i64>
  %0 = kiln.einsum %a "ij->" : (tensor<2x3xi64>) -> tensor<i64>
  // CHECK: kiln.einsum %{{.*}}, %{{.*}}, %{{.*}} "ij,jk,k->i" : (tensor<2x3xi64>, tensor<3x4xi64>, tensor<4xi64>) -> tensor<2xi64>
  %1 = kiln.einsum %a, %b, %c "ij,jk,k->i" : (tensor<2x3xi64>, tensor<3x4xi64>, tensor<4xi64>) -> tensor<2xi64>
  return %0, %1 : tensor<i64>, tensor<2xi64>
}
