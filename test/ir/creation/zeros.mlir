// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.zeros (torch.zeros): every Kiln dtype, 0-d and size-0 shapes.

// CHECK-LABEL: func.func @float32
func.func @float32() -> tensor<2x3xf32> {
  // CHECK: kiln.zeros : tensor<2x3xf32>
  %0 = kiln.zeros : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @all_dtypes
func.func @all_dtypes() -> (tensor<4xf64>, tensor<4xi64>, tensor<4xi32>, tensor<4xui8>, tensor<4xi1>) {
  // CHECK: kiln.zeros : tensor<4xf64>
  // CHECK: kiln.zeros : tensor<4xi64>
  // CHECK: kiln.zeros : tensor<4xi32>
  // CHECK: kiln.zeros : tensor<4xui8>
  // CHECK: kiln.zeros : tensor<4xi1>
  %0 = kiln.zeros : tensor<4xf64>
  %1 = kiln.zeros : tensor<4xi64>
  %2 = kiln.zeros : tensor<4xi32>
  %3 = kiln.zeros : tensor<4xui8>
  %4 = kiln.zeros : tensor<4xi1>
  return %0, %1, %2, %3, %4 : tensor<4xf64>, tensor<4xi64>, tensor<4xi32>, tensor<4xui8>, tensor<4xi1>
}

// CHECK-LABEL: func.func @zero_dim
func.func @zero_dim() -> tensor<f32> {
  // CHECK: kiln.zeros : tensor<f32>
  %0 = kiln.zeros : tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @size_zero
func.func @size_zero() -> tensor<3x0xi64> {
  // CHECK: kiln.zeros : tensor<3x0xi64>
  %0 = kiln.zeros : tensor<3x0xi64>
  return %0 : tensor<3x0xi64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form() -> tensor<1x5xf32> {
  // CHECK: kiln.zeros : tensor<1x5xf32>
  %0 = "kiln.zeros"() : () -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}
