// Round trip of kiln.cumsum: flags, and integers accumulating in int64.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @flags
func.func @flags(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: kiln.cumsum %{{.*}} dim 1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.cumsum %x dim 1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: kiln.cumsum %{{.*}} dim -2 exclusive reverse : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = kiln.cumsum %x dim -2 exclusive reverse : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @integers
func.func @integers(%x: tensor<4xi32>, %b: tensor<4xi1>) -> (tensor<4xi64>, tensor<4xi64>) {
  // CHECK: kiln.cumsum %{{.*}} dim 0 : (tensor<4xi32>) -> tensor<4xi64>
  %0 = kiln.cumsum %x dim 0 : (tensor<4xi32>) -> tensor<4xi64>
  // CHECK: kiln.cumsum %{{.*}} dim 0 : (tensor<4xi1>) -> tensor<4xi64>
  %1 = kiln.cumsum %b dim 0 : (tensor<4xi1>) -> tensor<4xi64>
  return %0, %1 : tensor<4xi64>, tensor<4xi64>
}
