// Round trip of kiln.gather_nd (ONNX GatherND): full and partial tuples, batch dimensions.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @slices
func.func @slices(%x: tensor<2x3x4xf32>, %i: tensor<5x2xi64>) -> tensor<5x4xf32> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} batch_dims 0 : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
  %0 = kiln.gather_nd %x, %i batch_dims 0 : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// CHECK-LABEL: func.func @batched
func.func @batched(%x: tensor<2x3x4xi32>, %i: tensor<2x6x2xi32>) -> tensor<2x6xi32> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} batch_dims 1 : (tensor<2x3x4xi32>, tensor<2x6x2xi32>) -> tensor<2x6xi32>
  %0 = kiln.gather_nd %x, %i batch_dims 1 : (tensor<2x3x4xi32>, tensor<2x6x2xi32>) -> tensor<2x6xi32>
  return %0 : tensor<2x6xi32>
}
