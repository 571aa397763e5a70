// Round trip of kiln.unsqueeze: torch.unsqueeze at 0, -1, middle and negative positions, and of 0-d tensors.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @front
func.func @front(%x: tensor<2x3xf32>) -> tensor<1x2x3xf32> {
  // CHECK: kiln.unsqueeze %{{.*}} dim 0 : (tensor<2x3xf32>) -> tensor<1x2x3xf32>
  %0 = kiln.unsqueeze %x dim 0 : (tensor<2x3xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// torch.unsqueeze(x, -1) appends: -1 counts in the result's rank.
// CHECK-LABEL: func.func @back
func.func @back(%x: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
  // CHECK: kiln.unsqueeze %{{.*}} dim -1 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  %0 = kiln.unsqueeze %x dim -1 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  return %0 : tensor<2x3x1xf32>
}

// CHECK-LABEL: func.func @back_positive
func.func @back_positive(%x: tensor<2x3xi64>) -> tensor<2x3x1xi64> {
  // CHECK: kiln.unsqueeze %{{.*}} dim 2 : (tensor<2x3xi64>) -> tensor<2x3x1xi64>
  %0 = kiln.unsqueeze %x dim 2 : (tensor<2x3xi64>) -> tensor<2x3x1xi64>
  return %0 : tensor<2x3x1xi64>
}

// CHECK-LABEL: func.func @middle
func.func @middle(%x: tensor<2x3xi32>) -> tensor<2x1x3xi32> {
  // CHECK: kiln.unsqueeze %{{.*}} dim 1 : (tensor<2x3xi32>) -> tensor<2x1x3xi32>
  %0 = kiln.unsqueeze %x dim 1 : (tensor<2x3xi32>) -> tensor<2x1x3xi32>
  return %0 : tensor<2x1x3xi32>
}

// CHECK-LABEL: func.func @middle_negative
func.func @middle_negative(%x: tensor<2x3xf64>) -> tensor<2x1x3xf64> {
  // CHECK: kiln.unsqueeze %{{.*}} dim -2 : (tensor<2x3xf64>) -> tensor<2x1x3xf64>
  %0 = kiln.unsqueeze %x dim -2 : (tensor<2x3xf64>) -> tensor<2x1x3xf64>
  return %0 : tensor<2x1x3xf64>
}

// CHECK-LABEL: func.func @front_negative
func.func @front_negative(%x: tensor<2x3xui8>) -> tensor<1x2x3xui8> {
  // CHECK: kiln.unsqueeze %{{.*}} dim -3 : (tensor<2x3xui8>) -> tensor<1x2x3xui8>
  %0 = kiln.unsqueeze %x dim -3 : (tensor<2x3xui8>) -> tensor<1x2x3xui8>
  return %0 : tensor<1x2x3xui8>
}

// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<i1>) -> (tensor<1xi1>, tensor<1xi1>) {
  // CHECK: kiln.unsqueeze %{{.*}} dim 0 : (tensor<i1>) -> tensor<1xi1>
  %0 = kiln.unsqueeze %x dim 0 : (tensor<i1>) -> tensor<1xi1>
  // CHECK: kiln.unsqueeze %{{.*}} dim -1 : (tensor<i1>) -> tensor<1xi1>
  %1 = kiln.unsqueeze %x dim -1 : (tensor<i1>) -> tensor<1xi1>
  return %0, %1 : tensor<1xi1>, tensor<1xi1>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4xf32>) -> tensor<4x1xf32> {
  // CHECK: kiln.unsqueeze %{{.*}} dim 1 : (tensor<4xf32>) -> tensor<4x1xf32>
  %0 = "kiln.unsqueeze"(%x) <{dim = 1 : i64}> : (tensor<4xf32>) -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}
