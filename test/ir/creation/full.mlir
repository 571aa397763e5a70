// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.full (torch.full): values representable in each dtype, including the extremes, 0-d shapes.

// CHECK-LABEL: func.func @float32
func.func @float32() -> tensor<2x3xf32> {
  // CHECK: kiln.full 2.500000e+00 : tensor<2x3xf32>
  %0 = kiln.full 2.5 : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Any double goes in a float tensor, fractional or huge.
// CHECK-LABEL: func.func @float64
func.func @float64() -> tensor<4xf64> {
  // CHECK: kiln.full -1.000000e+300 : tensor<4xf64>
  %0 = kiln.full -1.0e300 : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @int64_negative
func.func @int64_negative() -> tensor<3xi64> {
  // CHECK: kiln.full -3.000000e+00 : tensor<3xi64>
  %0 = kiln.full -3.0 : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// Values that do not print exactly in decimal are printed as hex bit patterns.
// CHECK-LABEL: func.func @int32_extremes
func.func @int32_extremes() -> (tensor<2xi32>, tensor<2xi32>) {
  // CHECK: kiln.full 0xC1E0000000000000 : tensor<2xi32>
  // CHECK: kiln.full 0x41DFFFFFFFC00000 : tensor<2xi32>
  %0 = kiln.full -2147483648.0 : tensor<2xi32>
  %1 = kiln.full 2147483647.0 : tensor<2xi32>
  return %0, %1 : tensor<2xi32>, tensor<2xi32>
}

// CHECK-LABEL: func.func @uint8_extremes
func.func @uint8_extremes() -> (tensor<5xui8>, tensor<5xui8>) {
  // CHECK: kiln.full 0.000000e+00 : tensor<5xui8>
  // CHECK: kiln.full 2.550000e+02 : tensor<5xui8>
  %0 = kiln.full 0.0 : tensor<5xui8>
  %1 = kiln.full 255.0 : tensor<5xui8>
  return %0, %1 : tensor<5xui8>, tensor<5xui8>
}

// CHECK-LABEL: func.func @bool
func.func @bool() -> (tensor<2xi1>, tensor<2xi1>) {
  // CHECK: kiln.full 1.000000e+00 : tensor<2xi1>
  // CHECK: kiln.full 0.000000e+00 : tensor<2xi1>
  %0 = kiln.full 1.0 : tensor<2xi1>
  %1 = kiln.full 0.0 : tensor<2xi1>
  return %0, %1 : tensor<2xi1>, tensor<2xi1>
}

// CHECK-LABEL: func.func @zero_dim
func.func @zero_dim() -> tensor<f32> {
  // CHECK: kiln.full 7.000000e+00 : tensor<f32>
  %0 = kiln.full 7.0 : tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form() -> tensor<2x2xi64> {
  // CHECK: kiln.full 4.000000e+00 : tensor<2x2xi64>
  %0 = "kiln.full"() <{value = 4.0 : f64}> : () -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}
