// kiln-decompose of softsign: x / (|x| + 1); integers divide into float32.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @f32
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[ONE:.*]] = kiln.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: %[[ABS:.*]] = kiln.abs %[[X]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[DEN:.*]] = kiln.add %[[ABS]], %[[ONE]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.div %[[X]], %[[DEN]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
func.func @f32(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.softsign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @int64
// CHECK-SAME: (%[[X:.*]]: tensor<3xi64>)
// CHECK: %[[ONE:.*]] = kiln.constant dense<1> : tensor<i64>
// CHECK-NEXT: %[[ABS:.*]] = kiln.abs %[[X]] : (tensor<3xi64>) -> tensor<3xi64>
// CHECK-NEXT: %[[DEN:.*]] = kiln.add %[[ABS]], %[[ONE]] : (tensor<3xi64>, tensor<i64>) -> tensor<3xi64>
// CHECK-NEXT: kiln.div %[[X]], %[[DEN]] : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xf32>
func.func @int64(%x: tensor<3xi64>) -> tensor<3xf32> {
  %0 = kiln.softsign %x : (tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// A bool is its own absolute value (abs rejects bool).
// CHECK-LABEL: func.func @bool
// CHECK-NOT: kiln.abs
// CHECK: kiln.add
// CHECK: kiln.div
// CHECK-NOT: kiln.softsign
func.func @bool(%x: tensor<3xi1>) -> tensor<3xf32> {
  %0 = kiln.softsign %x : (tensor<3xi1>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
