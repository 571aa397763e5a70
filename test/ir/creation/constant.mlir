// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.constant (torch.tensor): dense and splat values of every Kiln dtype, 0-d and size-0 tensors.

// CHECK-LABEL: func.func @float32_matrix
func.func @float32_matrix() -> tensor<2x2xf32> {
  // CHECK: kiln.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %0 = kiln.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @float64_splat
func.func @float64_splat() -> tensor<3x4xf64> {
  // CHECK: kiln.constant dense<-2.500000e-01> : tensor<3x4xf64>
  %0 = kiln.constant dense<-0.25> : tensor<3x4xf64>
  return %0 : tensor<3x4xf64>
}

// CHECK-LABEL: func.func @int64
func.func @int64() -> tensor<3xi64> {
  // CHECK: kiln.constant dense<[-1, 0, 9223372036854775807]> : tensor<3xi64>
  %0 = kiln.constant dense<[-1, 0, 9223372036854775807]> : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @int32
func.func @int32() -> tensor<2xi32> {
  // CHECK: kiln.constant dense<[-2147483648, 7]> : tensor<2xi32>
  %0 = kiln.constant dense<[-2147483648, 7]> : tensor<2xi32>
  return %0 : tensor<2xi32>
}

// CHECK-LABEL: func.func @uint8
func.func @uint8() -> tensor<3xui8> {
  // CHECK: kiln.constant dense<[0, 128, 255]> : tensor<3xui8>
  %0 = kiln.constant dense<[0, 128, 255]> : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// CHECK-LABEL: func.func @bool
func.func @bool() -> tensor<2xi1> {
  // CHECK: kiln.constant dense<[true, false]> : tensor<2xi1>
  %0 = kiln.constant dense<[true, false]> : tensor<2xi1>
  return %0 : tensor<2xi1>
}

// CHECK-LABEL: func.func @zero_dim
func.func @zero_dim() -> tensor<f32> {
  // CHECK: kiln.constant dense<3.000000e+00> : tensor<f32>
  %0 = kiln.constant dense<3.0> : tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @size_zero
func.func @size_zero() -> tensor<0x3xi64> {
  // CHECK: kiln.constant dense<> : tensor<0x3xi64>
  %0 = kiln.constant dense<> : tensor<0x3xi64>
  return %0 : tensor<0x3xi64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form() -> tensor<2xf64> {
  // CHECK: kiln.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf64>
  %0 = "kiln.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf64>}> : () -> tensor<2xf64>
  return %0 : tensor<2xf64>
}
