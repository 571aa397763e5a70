// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.bitwise_not (torch.bitwise_not): every dtype it accepts, 0-d and size-0 tensors, and the result dtype.
// Integers and bool, kept.

// CHECK-LABEL: func.func @i64_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi64>)
func.func @i64_3(%x: tensor<3xi64>) -> tensor<3xi64> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<3xi64>) -> tensor<3xi64>
  %0 = kiln.bitwise_not %x : (tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @i32_2x2
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xi32>)
func.func @i32_2x2(%x: tensor<2x2xi32>) -> tensor<2x2xi32> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<2x2xi32>) -> tensor<2x2xi32>
  %0 = kiln.bitwise_not %x : (tensor<2x2xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @ui8_5
// CHECK-SAME: (%[[X:.*]]: tensor<5xui8>)
func.func @ui8_5(%x: tensor<5xui8>) -> tensor<5xui8> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<5xui8>) -> tensor<5xui8>
  %0 = kiln.bitwise_not %x : (tensor<5xui8>) -> tensor<5xui8>
  return %0 : tensor<5xui8>
}

// CHECK-LABEL: func.func @i1_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi1>)
func.func @i1_3(%x: tensor<3xi1>) -> tensor<3xi1> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<3xi1>) -> tensor<3xi1>
  %0 = kiln.bitwise_not %x : (tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// CHECK-LABEL: func.func @i64_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<i64>)
func.func @i64_scalar(%x: tensor<i64>) -> tensor<i64> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<i64>) -> tensor<i64>
  %0 = kiln.bitwise_not %x : (tensor<i64>) -> tensor<i64>
  return %0 : tensor<i64>
}

// CHECK-LABEL: func.func @i64_0x2
// CHECK-SAME: (%[[X:.*]]: tensor<0x2xi64>)
func.func @i64_0x2(%x: tensor<0x2xi64>) -> tensor<0x2xi64> {
  // CHECK: kiln.bitwise_not %[[X]] : (tensor<0x2xi64>) -> tensor<0x2xi64>
  %0 = kiln.bitwise_not %x : (tensor<0x2xi64>) -> tensor<0x2xi64>
  return %0 : tensor<0x2xi64>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xi64>) -> tensor<2x3xi64> {
  // CHECK: kiln.bitwise_not %{{.*}} : (tensor<2x3xi64>) -> tensor<2x3xi64>
  %0 = "kiln.bitwise_not"(%x) : (tensor<2x3xi64>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}
