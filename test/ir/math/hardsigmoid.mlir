// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.hardsigmoid: float dtypes, 0-d and size-0 tensors, and both attributes (required: torch's and ONNX's defaults differ).

// torch.nn.functional.hardsigmoid.
// CHECK-LABEL: func.func @torch_f32
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @torch_f32(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.hardsigmoid %[[X]] {alpha = 0.16666666666666666 : f64, beta = 5.000000e-01 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.hardsigmoid %x {alpha = 0.16666666666666666 : f64, beta = 0.5 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// ONNX HardSigmoid's defaults.
// CHECK-LABEL: func.func @onnx_f64
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>)
func.func @onnx_f64(%x: tensor<4xf64>) -> tensor<4xf64> {
  // CHECK: kiln.hardsigmoid %[[X]] {alpha = 2.000000e-01 : f64, beta = 5.000000e-01 : f64} : (tensor<4xf64>) -> tensor<4xf64>
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @f32_scalar
func.func @f32_scalar(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.hardsigmoid %{{.*}} : (tensor<f32>) -> tensor<f32>
  %0 = kiln.hardsigmoid %x {alpha = 1.0 : f64, beta = 0.0 : f64} : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @f64_0x2
func.func @f64_0x2(%x: tensor<0x2xf64>) -> tensor<0x2xf64> {
  // CHECK: kiln.hardsigmoid %{{.*}} : (tensor<0x2xf64>) -> tensor<0x2xf64>
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<0x2xf64>) -> tensor<0x2xf64>
  return %0 : tensor<0x2xf64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.hardsigmoid %{{.*}} {alpha = 2.000000e-01 : f64, beta = 5.000000e-01 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = "kiln.hardsigmoid"(%x) <{alpha = 0.2 : f64, beta = 0.5 : f64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
