// Round trip of kiln.index_select: torch.index_select with int64/int32, 1-D, 0-d and empty indices and negative dims.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @rows
func.func @rows(%x: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<2x3xf32> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim 0 : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %0 = kiln.index_select %x, %i dim 0 : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Indices may repeat, so the result can be larger than the input.
// CHECK-LABEL: func.func @columns_negative
func.func @columns_negative(%x: tensor<4x3xi64>, %i: tensor<5xi32>) -> tensor<4x5xi64> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim -1 : (tensor<4x3xi64>, tensor<5xi32>) -> tensor<4x5xi64>
  %0 = kiln.index_select %x, %i dim -1 : (tensor<4x3xi64>, tensor<5xi32>) -> tensor<4x5xi64>
  return %0 : tensor<4x5xi64>
}

// CHECK-LABEL: func.func @middle
func.func @middle(%x: tensor<2x6x3xf64>, %i: tensor<4xi64>) -> tensor<2x4x3xf64> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim -2 : (tensor<2x6x3xf64>, tensor<4xi64>) -> tensor<2x4x3xf64>
  %0 = kiln.index_select %x, %i dim -2 : (tensor<2x6x3xf64>, tensor<4xi64>) -> tensor<2x4x3xf64>
  return %0 : tensor<2x4x3xf64>
}

// A 0-d index selects one entry and keeps the dimension, with size 1.
// CHECK-LABEL: func.func @scalar_index
func.func @scalar_index(%x: tensor<4x3xi1>, %i: tensor<i64>) -> tensor<1x3xi1> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim 0 : (tensor<4x3xi1>, tensor<i64>) -> tensor<1x3xi1>
  %0 = kiln.index_select %x, %i dim 0 : (tensor<4x3xi1>, tensor<i64>) -> tensor<1x3xi1>
  return %0 : tensor<1x3xi1>
}

// CHECK-LABEL: func.func @empty_index
func.func @empty_index(%x: tensor<4x3xui8>, %i: tensor<0xi64>) -> tensor<4x0xui8> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim 1 : (tensor<4x3xui8>, tensor<0xi64>) -> tensor<4x0xui8>
  %0 = kiln.index_select %x, %i dim 1 : (tensor<4x3xui8>, tensor<0xi64>) -> tensor<4x0xui8>
  return %0 : tensor<4x0xui8>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4x3xi32>, %i: tensor<6xi64>) -> tensor<6x3xi32> {
  // CHECK: kiln.index_select %{{.*}}, %{{.*}} dim 0 : (tensor<4x3xi32>, tensor<6xi64>) -> tensor<6x3xi32>
  %0 = "kiln.index_select"(%x, %i) <{dim = 0 : i64}> : (tensor<4x3xi32>, tensor<6xi64>) -> tensor<6x3xi32>
  return %0 : tensor<6x3xi32>
}
