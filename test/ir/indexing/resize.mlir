// Round trip of kiln.resize: sizes or scales, the interpolation and coordinate modes.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @sizes
func.func @sizes(%x: tensor<1x1x2x3xf32>) -> tensor<1x1x4x6xf32> {
  // CHECK: kiln.resize %{{.*}} sizes [1, 1, 4, 6] {coordinate_transformation_mode = "align_corners", mode = "linear"} : (tensor<1x1x2x3xf32>) -> tensor<1x1x4x6xf32>
  %0 = kiln.resize %x sizes [1, 1, 4, 6] {mode = "linear", coordinate_transformation_mode = "align_corners"} : (tensor<1x1x2x3xf32>) -> tensor<1x1x4x6xf32>
  return %0 : tensor<1x1x4x6xf32>
}

// The size is floor(size * scale), computed in float32 as ONNX does.
// CHECK-LABEL: func.func @scales
func.func @scales(%x: tensor<1x10xf64>) -> tensor<1x7xf64> {
  // CHECK: kiln.resize %{{.*}} scales [1.000000e+00, {{.*}}] {nearest_mode = "floor"} : (tensor<1x10xf64>) -> tensor<1x7xf64>
  %0 = kiln.resize %x scales [1.0, 0.69999998807907104] {nearest_mode = "floor"} : (tensor<1x10xf64>) -> tensor<1x7xf64>
  return %0 : tensor<1x7xf64>
}
