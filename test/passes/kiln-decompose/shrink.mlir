// kiln-decompose of shrink: where(x < -lambd, x + bias, where(x > lambd, x - bias, 0)).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// softshrink(x, 0.5).
// CHECK-LABEL: func.func @softshrink
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[LOW:.*]] = kiln.constant dense<-5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[HALF:.*]] = kiln.constant dense<5.000000e-01> : tensor<f32>
// CHECK: %[[GT:.*]] = kiln.gt %[[X]], %[[HALF]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[SUB:.*]] = kiln.sub %[[X]], %[[HALF]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[INNER:.*]] = kiln.where %[[GT]], %[[SUB]], %[[ZERO]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[LT:.*]] = kiln.lt %[[X]], %[[LOW]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[ADD:.*]] = kiln.add %[[X]], %[[HALF]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[LT]], %[[ADD]], %[[INNER]] : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.shrink
func.func @softshrink(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.shrink %x {bias = 0.5 : f64, lambd = 0.5 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
