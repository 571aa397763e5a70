// Round trip of kiln.reshape: torch.reshape shape inference with -1, 0-d and empty tensors.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @flat
func.func @flat(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  // CHECK: kiln.reshape %{{.*}} [6] : (tensor<2x3xf32>) -> tensor<6xf32>
  %0 = kiln.reshape %x [6] : (tensor<2x3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// CHECK-LABEL: func.func @inferred_last
func.func @inferred_last(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // CHECK: kiln.reshape %{{.*}} [3, -1] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %0 = kiln.reshape %x [3, -1] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @inferred_only
func.func @inferred_only(%x: tensor<2x3x4xi64>) -> tensor<24xi64> {
  // CHECK: kiln.reshape %{{.*}} [-1] : (tensor<2x3x4xi64>) -> tensor<24xi64>
  %0 = kiln.reshape %x [-1] : (tensor<2x3x4xi64>) -> tensor<24xi64>
  return %0 : tensor<24xi64>
}

// CHECK-LABEL: func.func @inferred_middle
func.func @inferred_middle(%x: tensor<2x3x4xf64>) -> tensor<4x3x2xf64> {
  // CHECK: kiln.reshape %{{.*}} [4, -1, 2] : (tensor<2x3x4xf64>) -> tensor<4x3x2xf64>
  %0 = kiln.reshape %x [4, -1, 2] : (tensor<2x3x4xf64>) -> tensor<4x3x2xf64>
  return %0 : tensor<4x3x2xf64>
}

// CHECK-LABEL: func.func @to_scalar
func.func @to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  // CHECK: kiln.reshape %{{.*}} [] : (tensor<1x1xf32>) -> tensor<f32>
  %0 = kiln.reshape %x [] : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @from_scalar
func.func @from_scalar(%x: tensor<i1>) -> tensor<1x1xi1> {
  // CHECK: kiln.reshape %{{.*}} [-1, 1] : (tensor<i1>) -> tensor<1x1xi1>
  %0 = kiln.reshape %x [-1, 1] : (tensor<i1>) -> tensor<1x1xi1>
  return %0 : tensor<1x1xi1>
}

// torch.empty(0, 3).reshape(-1, 3) is [0, 3]: -1 is 0 / 3.
// CHECK-LABEL: func.func @empty_inferred
func.func @empty_inferred(%x: tensor<3x0xui8>) -> tensor<0x3xui8> {
  // CHECK: kiln.reshape %{{.*}} [-1, 3] : (tensor<3x0xui8>) -> tensor<0x3xui8>
  %0 = kiln.reshape %x [-1, 3] : (tensor<3x0xui8>) -> tensor<0x3xui8>
  return %0 : tensor<0x3xui8>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<6xi32>) -> tensor<2x1x3xi32> {
  // CHECK: kiln.reshape %{{.*}} [2, 1, -1] : (tensor<6xi32>) -> tensor<2x1x3xi32>
  %0 = "kiln.reshape"(%x) <{shape = array<i64: 2, 1, -1>}> : (tensor<6xi32>) -> tensor<2x1x3xi32>
  return %0 : tensor<2x1x3xi32>
}
