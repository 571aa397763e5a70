// kiln.dropout (inference and training, with the generator threaded through) and kiln.pad in each mode, with crops and an integer tensor.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @dropout
func.func @dropout(%x: tensor<4x8xf32>, %g: !kiln.generator) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  // CHECK: %[[Y:.*]], %[[G:.*]] = kiln.dropout %{{.*}}, %{{.*}} p 5.000000e-01 training : tensor<4x8xf32>
  // CHECK: kiln.dropout %[[Y]], %[[G]] p 1.000000e-01 : tensor<4x8xf32>
  %y, %g1 = kiln.dropout %x, %g p 0.5 training : tensor<4x8xf32>
  %z, %g2 = kiln.dropout %y, %g1 p 0.1 : tensor<4x8xf32>
  return %y, %z : tensor<4x8xf32>, tensor<4x8xf32>
}

// CHECK-LABEL: func.func @pad
func.func @pad(%x: tensor<2x3xf32>, %i: tensor<3x4xi64>) -> (tensor<2x6xf32>, tensor<5x4xf32>, tensor<3x6xi64>, tensor<2x3xf32>) {
  // CHECK: kiln.pad %{{.*}} pads [0, 1, 0, 2] mode <reflect> : (tensor<2x3xf32>) -> tensor<2x6xf32>
  // CHECK: kiln.pad %{{.*}} pads [1, 0, 2, 1] value 1.500000e+00 : (tensor<2x3xf32>) -> tensor<5x4xf32>
  // CHECK: kiln.pad %{{.*}} pads [1, -1, -1, 3] mode <edge> : (tensor<3x4xi64>) -> tensor<3x6xi64>
  // CHECK: kiln.pad %{{.*}} pads [0, 0, 0, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.pad %x pads [0, 1, 0, 2] mode <reflect> : (tensor<2x3xf32>) -> tensor<2x6xf32>
  %1 = kiln.pad %x pads [1, 0, 2, 1] mode <constant> value 1.5 : (tensor<2x3xf32>) -> tensor<5x4xf32>
  %2 = kiln.pad %i pads [1, -1, -1, 3] mode <edge> : (tensor<3x4xi64>) -> tensor<3x6xi64>
  %3 = kiln.pad %x pads [0, 0, 0, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x6xf32>, tensor<5x4xf32>, tensor<3x6xi64>, tensor<2x3xf32>
}
