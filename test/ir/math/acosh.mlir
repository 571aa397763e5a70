// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.acosh (torch.acosh): every dtype it accepts, 0-d and size-0 tensors, and the result dtype.
// Integer and bool inputs give float32 (the default dtype).

// CHECK-LABEL: func.func @f32_2x3
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @f32_2x3(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.acosh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @f64_4
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>)
func.func @f64_4(%x: tensor<4xf64>) -> tensor<4xf64> {
  // CHECK: kiln.acosh %[[X]] : (tensor<4xf64>) -> tensor<4xf64>
  %0 = kiln.acosh %x : (tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @i64_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi64>)
func.func @i64_3(%x: tensor<3xi64>) -> tensor<3xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<3xi64>) -> tensor<3xf32>
  %0 = kiln.acosh %x : (tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @i32_2x2
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xi32>)
func.func @i32_2x2(%x: tensor<2x2xi32>) -> tensor<2x2xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<2x2xi32>) -> tensor<2x2xf32>
  %0 = kiln.acosh %x : (tensor<2x2xi32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @ui8_5
// CHECK-SAME: (%[[X:.*]]: tensor<5xui8>)
func.func @ui8_5(%x: tensor<5xui8>) -> tensor<5xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<5xui8>) -> tensor<5xf32>
  %0 = kiln.acosh %x : (tensor<5xui8>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// CHECK-LABEL: func.func @i1_3
// CHECK-SAME: (%[[X:.*]]: tensor<3xi1>)
func.func @i1_3(%x: tensor<3xi1>) -> tensor<3xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<3xi1>) -> tensor<3xf32>
  %0 = kiln.acosh %x : (tensor<3xi1>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @f32_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
func.func @f32_scalar(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<f32>) -> tensor<f32>
  %0 = kiln.acosh %x : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @f32_0x2
// CHECK-SAME: (%[[X:.*]]: tensor<0x2xf32>)
func.func @f32_0x2(%x: tensor<0x2xf32>) -> tensor<0x2xf32> {
  // CHECK: kiln.acosh %[[X]] : (tensor<0x2xf32>) -> tensor<0x2xf32>
  %0 = kiln.acosh %x : (tensor<0x2xf32>) -> tensor<0x2xf32>
  return %0 : tensor<0x2xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.acosh %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = "kiln.acosh"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
