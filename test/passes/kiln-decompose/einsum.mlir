// kiln-decompose of einsum: labels only one operand has are summed, shared ones contract in a kiln.matmul, then the result is permuted to the output's order.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @bmm
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<2x4x5xf32>)
// CHECK-NEXT: %[[Y:.*]] = kiln.matmul %[[A]], %[[B]] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
// CHECK-NEXT: return %[[Y]]
func.func @bmm(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = kiln.einsum %a, %b "bij,bjk->bik" : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @transpose_sum
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[S:.*]] = kiln.sum %[[A]] dim [1] : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.permute %[[S]] [1, 0] : (tensor<2x4xf32>) -> tensor<4x2xf32>
// CHECK-NEXT: return %[[Y]]
func.func @transpose_sum(%a: tensor<2x3x4xf32>) -> tensor<4x2xf32> {
  %0 = kiln.einsum %a "abc->ca" : (tensor<2x3x4xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// Three operands: j contracts first, k in the second product.
// CHECK-LABEL: func.func @chain
// CHECK-COUNT-2: kiln.matmul
// CHECK-NOT: kiln.einsum
func.func @chain(%a: tensor<2x3xf64>, %b: tensor<3x4xf64>, %c: tensor<4xf64>) -> tensor<2xf64> {
  %0 = kiln.einsum %a, %b, %c "ij,jk,k->i" : (tensor<2x3xf64>, tensor<3x4xf64>, tensor<4xf64>) -> tensor<2xf64>
  return %0 : tensor<2xf64>
}
