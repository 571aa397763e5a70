// Round trip of kiln.scatter_nd (ONNX ScatterND): element and slice updates, reductions.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @rows
func.func @rows(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  // CHECK: kiln.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @elements
func.func @elements(%x: tensor<4x3xi32>, %i: tensor<5x2xi32>, %u: tensor<5xi32>) -> tensor<4x3xi32> {
  // CHECK: kiln.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} reduce <max> : (tensor<4x3xi32>, tensor<5x2xi32>, tensor<5xi32>) -> tensor<4x3xi32>
  %0 = kiln.scatter_nd %x, %i, %u reduce <max> : (tensor<4x3xi32>, tensor<5x2xi32>, tensor<5xi32>) -> tensor<4x3xi32>
  return %0 : tensor<4x3xi32>
}
