// torch.log_softmax along one dim: positive and negative dims, 0-d input, float32 and float64 keep their type.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @last_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
func.func @last_dim(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.log_softmax %[[X]] dim 1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.log_softmax %x dim 1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @negative_dims
func.func @negative_dims(%x: tensor<2x3x4xf64>) -> (tensor<2x3x4xf64>, tensor<2x3x4xf64>) {
  // CHECK: kiln.log_softmax %{{.*}} dim -1 : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
  // CHECK: kiln.log_softmax %{{.*}} dim -3 : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
  %0 = kiln.log_softmax %x dim -1 : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
  %1 = kiln.log_softmax %x dim -3 : (tensor<2x3x4xf64>) -> tensor<2x3x4xf64>
  return %0, %1 : tensor<2x3x4xf64>, tensor<2x3x4xf64>
}

// CHECK-LABEL: func.func @vector
func.func @vector(%x: tensor<5xf32>) -> tensor<5xf32> {
  // CHECK: kiln.log_softmax %{{.*}} dim 0 : (tensor<5xf32>) -> tensor<5xf32>
  %0 = kiln.log_softmax %x dim 0 : (tensor<5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// A 0-d tensor accepts dim 0 and -1.
// CHECK-LABEL: func.func @zero_d
func.func @zero_d(%s: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  // CHECK: kiln.log_softmax %{{.*}} dim 0 : (tensor<f32>) -> tensor<f32>
  // CHECK: kiln.log_softmax %{{.*}} dim -1 : (tensor<f32>) -> tensor<f32>
  %0 = kiln.log_softmax %s dim 0 : (tensor<f32>) -> tensor<f32>
  %1 = kiln.log_softmax %s dim -1 : (tensor<f32>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.log_softmax %{{.*}} dim -2 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = "kiln.log_softmax"(%x) <{dim = -2 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
