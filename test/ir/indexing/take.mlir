// Round trip of kiln.take (ONNX Gather): the indices' shape replaces the axis, any index rank.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matrix_index
func.func @matrix_index(%x: tensor<3x5xf32>, %i: tensor<2x2xi64>) -> tensor<3x2x2xf32> {
  // CHECK: kiln.take %{{.*}}, %{{.*}} axis 1 : (tensor<3x5xf32>, tensor<2x2xi64>) -> tensor<3x2x2xf32>
  %0 = kiln.take %x, %i axis 1 : (tensor<3x5xf32>, tensor<2x2xi64>) -> tensor<3x2x2xf32>
  return %0 : tensor<3x2x2xf32>
}

// A 0-d index drops the axis.
// CHECK-LABEL: func.func @scalar_index
func.func @scalar_index(%x: tensor<3x5xi32>, %i: tensor<i32>) -> tensor<5xi32> {
  // CHECK: kiln.take %{{.*}}, %{{.*}} axis -2 : (tensor<3x5xi32>, tensor<i32>) -> tensor<5xi32>
  %0 = kiln.take %x, %i axis -2 : (tensor<3x5xi32>, tensor<i32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<4xi1>, %i: tensor<3xi64>) -> tensor<3xi1> {
  // CHECK: kiln.take %{{.*}}, %{{.*}} axis 0 : (tensor<4xi1>, tensor<3xi64>) -> tensor<3xi1>
  %0 = "kiln.take"(%x, %i) <{axis = 0 : i64}> : (tensor<4xi1>, tensor<3xi64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}
