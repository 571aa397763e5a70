// Round trip of kiln.one_hot: torch's int64 form and ONNX's [off, on] values.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @torch_form
func.func @torch_form(%i: tensor<3xi64>) -> tensor<3x4xi64> {
  // CHECK: kiln.one_hot %{{.*}} depth 4 axis -1 : (tensor<3xi64>) -> tensor<3x4xi64>
  %0 = kiln.one_hot %i depth 4 axis -1 : (tensor<3xi64>) -> tensor<3x4xi64>
  return %0 : tensor<3x4xi64>
}

// CHECK-LABEL: func.func @onnx_form
func.func @onnx_form(%i: tensor<2x3xi32>, %v: tensor<2xf32>) -> tensor<2x5x3xf32> {
  // CHECK: kiln.one_hot %{{.*}}, %{{.*}} depth 5 axis 1 : (tensor<2x3xi32>, tensor<2xf32>) -> tensor<2x5x3xf32>
  %0 = kiln.one_hot %i, %v depth 5 axis 1 : (tensor<2x3xi32>, tensor<2xf32>) -> tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}
