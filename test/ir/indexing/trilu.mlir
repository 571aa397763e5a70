// Round trip of kiln.trilu: upper (torch.triu) and lower (torch.tril), batched, any diagonal.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @both
func.func @both(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>) {
  // CHECK: kiln.trilu %{{.*}} diagonal 1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %0 = kiln.trilu %x diagonal 1 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  // CHECK: kiln.trilu %{{.*}} lower diagonal -2 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = kiln.trilu %x lower diagonal -2 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<2x3x4xf32>
}
