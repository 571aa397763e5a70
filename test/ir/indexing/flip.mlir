// Round trip of kiln.flip.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @flip
func.func @flip(%x: tensor<2x3x4xi64>) -> tensor<2x3x4xi64> {
  // CHECK: kiln.flip %{{.*}} [0, -1] : (tensor<2x3x4xi64>) -> tensor<2x3x4xi64>
  %0 = kiln.flip %x [0, -1] : (tensor<2x3x4xi64>) -> tensor<2x3x4xi64>
  return %0 : tensor<2x3x4xi64>
}
