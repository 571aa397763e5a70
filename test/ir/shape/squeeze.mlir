// Round trip of kiln.squeeze: torch.squeeze with no dim, listed size-1 dims, listed non-1 dims (kept) and negative dims.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @all_unit_dims
func.func @all_unit_dims(%x: tensor<1x3x1x2xf32>) -> tensor<3x2xf32> {
  // CHECK: kiln.squeeze %{{.*}} : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>
  %0 = kiln.squeeze %x : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @first_dim
func.func @first_dim(%x: tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32> {
  // CHECK: kiln.squeeze %{{.*}} dim [0] : (tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32>
  %0 = kiln.squeeze %x dim [0] : (tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32>
  return %0 : tensor<3x1x2xf32>
}

// CHECK-LABEL: func.func @negative_dim
func.func @negative_dim(%x: tensor<1x3x1x2xf32>) -> tensor<1x3x2xf32> {
  // CHECK: kiln.squeeze %{{.*}} dim [-2] : (tensor<1x3x1x2xf32>) -> tensor<1x3x2xf32>
  %0 = kiln.squeeze %x dim [-2] : (tensor<1x3x1x2xf32>) -> tensor<1x3x2xf32>
  return %0 : tensor<1x3x2xf32>
}

// torch.squeeze(x, 1) with x.size(1) == 3 returns x unchanged.
// CHECK-LABEL: func.func @non_unit_dim_stays
func.func @non_unit_dim_stays(%x: tensor<1x3x1x2xf32>) -> tensor<1x3x1x2xf32> {
  // CHECK: kiln.squeeze %{{.*}} dim [1] : (tensor<1x3x1x2xf32>) -> tensor<1x3x1x2xf32>
  %0 = kiln.squeeze %x dim [1] : (tensor<1x3x1x2xf32>) -> tensor<1x3x1x2xf32>
  return %0 : tensor<1x3x1x2xf32>
}

// CHECK-LABEL: func.func @mixed_dims
func.func @mixed_dims(%x: tensor<1x3x1x2xi64>) -> tensor<3x1x2xi64> {
  // CHECK: kiln.squeeze %{{.*}} dim [0, -1] : (tensor<1x3x1x2xi64>) -> tensor<3x1x2xi64>
  %0 = kiln.squeeze %x dim [0, -1] : (tensor<1x3x1x2xi64>) -> tensor<3x1x2xi64>
  return %0 : tensor<3x1x2xi64>
}

// CHECK-LABEL: func.func @two_dims
func.func @two_dims(%x: tensor<1x3x1x2xi32>) -> tensor<3x2xi32> {
  // CHECK: kiln.squeeze %{{.*}} dim [2, 0] : (tensor<1x3x1x2xi32>) -> tensor<3x2xi32>
  %0 = kiln.squeeze %x dim [2, 0] : (tensor<1x3x1x2xi32>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// CHECK-LABEL: func.func @to_scalar
func.func @to_scalar(%x: tensor<1x1xf64>) -> tensor<f64> {
  // CHECK: kiln.squeeze %{{.*}} : (tensor<1x1xf64>) -> tensor<f64>
  %0 = kiln.squeeze %x : (tensor<1x1xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// A 0-d tensor accepts dim 0 and -1 and stays 0-d.
// CHECK-LABEL: func.func @scalar
func.func @scalar(%x: tensor<i1>) -> (tensor<i1>, tensor<i1>) {
  // CHECK: kiln.squeeze %{{.*}} : (tensor<i1>) -> tensor<i1>
  %0 = kiln.squeeze %x : (tensor<i1>) -> tensor<i1>
  // CHECK: kiln.squeeze %{{.*}} dim [-1] : (tensor<i1>) -> tensor<i1>
  %1 = kiln.squeeze %x dim [-1] : (tensor<i1>) -> tensor<i1>
  return %0, %1 : tensor<i1>, tensor<i1>
}

// An empty dimension is not of size 1 and stays.
// CHECK-LABEL: func.func @empty
func.func @empty(%x: tensor<0x1xf32>) -> tensor<0xf32> {
  // CHECK: kiln.squeeze %{{.*}} : (tensor<0x1xf32>) -> tensor<0xf32>
  %0 = kiln.squeeze %x : (tensor<0x1xf32>) -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x1xui8>) -> tensor<2xui8> {
  // CHECK: kiln.squeeze %{{.*}} dim [1] : (tensor<2x1xui8>) -> tensor<2xui8>
  %0 = "kiln.squeeze"(%x) <{dim = array<i64: 1>}> : (tensor<2x1xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}
