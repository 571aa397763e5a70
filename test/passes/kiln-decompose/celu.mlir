// kiln-decompose of celu: where(x > 0, x, elu(x * (1 / alpha), alpha)).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @alpha_2
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf64>)
// CHECK-DAG: %[[ZERO:.*]] = kiln.constant dense<0.000000e+00> : tensor<f64>
// CHECK-DAG: %[[INV:.*]] = kiln.constant dense<5.000000e-01> : tensor<f64>
// CHECK: %[[SCALED:.*]] = kiln.mul %[[X]], %[[INV]] : (tensor<2x3xf64>, tensor<f64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[ELU:.*]] = kiln.elu %[[SCALED]] {alpha = 2.000000e+00 : f64} : (tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: %[[POS:.*]] = kiln.gt %[[X]], %[[ZERO]] : (tensor<2x3xf64>, tensor<f64>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[Y:.*]] = kiln.where %[[POS]], %[[X]], %[[ELU]] : (tensor<2x3xi1>, tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<2x3xf64>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.celu
func.func @alpha_2(%x: tensor<2x3xf64>) -> tensor<2x3xf64> {
  %0 = kiln.celu %x {alpha = 2.0 : f64} : (tensor<2x3xf64>) -> tensor<2x3xf64>
  return %0 : tensor<2x3xf64>
}
