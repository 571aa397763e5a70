// kiln-decompose of selu: gamma * elu(x, alpha), PyTorch's constants by default.
// RUN: kiln-opt %s --kiln-decompose | FileCheck %s

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[GAMMA:.*]] = kiln.constant dense<1.05070102> : tensor<f32>
// CHECK-DAG: %[[ELU:.*]] = kiln.elu %[[X]] {alpha = 1.6732632423543772 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[Y:.*]] = kiln.mul %[[ELU]], %[[GAMMA]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: kiln.selu
func.func @defaults(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.selu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// ONNX Selu's attributes.
// CHECK-LABEL: func.func @onnx
// CHECK-DAG: %[[GAMMA:.*]] = kiln.constant dense<3.000000e+00> : tensor<f64>
// CHECK-DAG: %[[ELU:.*]] = kiln.elu %{{.*}} {alpha = 2.000000e+00 : f64}
// CHECK: kiln.mul %[[ELU]], %[[GAMMA]]
func.func @onnx(%x: tensor<4xf64>) -> tensor<4xf64> {
  %0 = kiln.selu %x {alpha = 2.0 : f64, gamma = 3.0 : f64} : (tensor<4xf64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}
