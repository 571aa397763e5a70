// kiln-decompose of hardsigmoid: clamp(x * alpha + beta, 0, 1).
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @onnx_defaults
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[BETA:.*]] = kiln.constant dense<5.000000e-01> : tensor<f32>
// CHECK-DAG: %[[ALPHA:.*]] = kiln.constant dense<2.000000e-01> : tensor<f32>
// CHECK: %[[SCALED:.*]] = kiln.mul %[[X]], %[[ALPHA]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[SHIFTED:.*]] = kiln.add %[[SCALED]], %[[BETA]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[Y:.*]] = kiln.clamp %[[SHIFTED]] min 0.000000e+00 max 1.000000e+00 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.hardsigmoid
func.func @onnx_defaults(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.hardsigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
