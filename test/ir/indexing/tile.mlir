// Round trip of kiln.tile (Tensor.repeat): leading new dimensions, zero repeats.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @repeat
func.func @repeat(%x: tensor<2x3xf32>) -> (tensor<2x2x9xf32>, tensor<0x3xf32>) {
  // CHECK: kiln.tile %{{.*}} [2, 1, 3] : (tensor<2x3xf32>) -> tensor<2x2x9xf32>
  %0 = kiln.tile %x [2, 1, 3] : (tensor<2x3xf32>) -> tensor<2x2x9xf32>
  // CHECK: kiln.tile %{{.*}} [0, 1] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  %1 = kiln.tile %x [0, 1] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  return %0, %1 : tensor<2x2x9xf32>, tensor<0x3xf32>
}
