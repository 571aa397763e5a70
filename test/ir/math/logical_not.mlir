// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.logical_not (torch.logical_not): every dtype it accepts, 0-d and size-0 tensors, and the result dtype.
// Every dtype; the result is bool.

// CHECK-LABEL: func.func @f32_2x3
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @f32_2x3(%x: tensor<2x3xf32>) -> tensor<2x3xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %0 = kiln.logical_not %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @f64_4
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>)
func.func @f64_4(%x: tensor<4xf64>) -> tensor<4xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<4xf64>) -> tensor<4xi1>
  %0 = kiln.logical_not %x : (tensor<4xf64>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// CHECK-LABEL: func.func @i64_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi64>)
func.func @i64_3(%x: tensor<3xi64>) -> tensor<3xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<3xi64>) -> tensor<3xi1>
  %0 = kiln.logical_not %x : (tensor<3xi64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// CHECK-LABEL: func.func @i32_2x2
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xi32>)
func.func @i32_2x2(%x: tensor<2x2xi32>) -> tensor<2x2xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<2x2xi32>) -> tensor<2x2xi1>
  %0 = kiln.logical_not %x : (tensor<2x2xi32>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// CHECK-LABEL: func.func @ui8_5
// CHECK-SAME: (%[[X:.*]]: tensor<5xui8>)
func.func @ui8_5(%x: tensor<5xui8>) -> tensor<5xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<5xui8>) -> tensor<5xi1>
  %0 = kiln.logical_not %x : (tensor<5xui8>) -> tensor<5xi1>
  return %0 : tensor<5xi1>
}

// CHECK-LABEL: func.func @i1_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi1>)
func.func @i1_3(%x: tensor<3xi1>) -> tensor<3xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<3xi1>) -> tensor<3xi1>
  %0 = kiln.logical_not %x : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// CHECK-LABEL: func.func @f32_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @f32_scalar(%x: tensor<f32>) -> tensor<i1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<f32>) -> tensor<i1>
  %0 = kiln.logical_not %x : (tensor<f32>) -> tensor<i1>
  return %0 : tensor<i1>
}

// CHECK-LABEL: func.func @f32_0x2
// CHECK-SAME: (%[[X:.*]]: tensor<0x2xf32>)
func.func @f32_0x2(%x: tensor<0x2xf32>) -> tensor<0x2xi1> {
  // CHECK: kiln.logical_not %[[X]] : (tensor<0x2xf32>) -> tensor<0x2xi1>
  %0 = kiln.logical_not %x : (tensor<0x2xf32>) -> tensor<0x2xi1>
  return %0 : tensor<0x2xi1>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x3xi1> {
  // CHECK: kiln.logical_not %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %0 = "kiln.logical_not"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}
