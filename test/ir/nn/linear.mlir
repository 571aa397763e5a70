// torch.nn.functional.linear: 2-D, 1-D and 3-D input, with and without bias, broadcast bias, float32 and float64.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @with_bias
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<4xf32>)
func.func @with_bias(%x: tensor<8x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> tensor<8x4xf32> {
  // CHECK: kiln.linear %[[X]], %[[W]], %[[B]] : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @without_bias
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf64>, %[[W:.*]]: tensor<4x3xf64>)
func.func @without_bias(%x: tensor<8x3xf64>, %w: tensor<4x3xf64>) -> tensor<8x4xf64> {
  // CHECK: kiln.linear %[[X]], %[[W]] : (tensor<8x3xf64>, tensor<4x3xf64>) -> tensor<8x4xf64>
  %0 = kiln.linear %x, %w : (tensor<8x3xf64>, tensor<4x3xf64>) -> tensor<8x4xf64>
  return %0 : tensor<8x4xf64>
}

// A 1-D input [in_features] gives a 1-D output [out_features].
// CHECK-LABEL: func.func @vector_input
func.func @vector_input(%x: tensor<3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // CHECK: kiln.linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<4xf32>
  // CHECK: kiln.linear %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<4x3xf32>) -> tensor<4xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = kiln.linear %x, %w : (tensor<3xf32>, tensor<4x3xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// Leading dimensions are batch dimensions and pass through.
// CHECK-LABEL: func.func @batched_input
func.func @batched_input(%x: tensor<2x5x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> (tensor<2x5x4xf32>, tensor<2x5x4xf32>) {
  // CHECK: kiln.linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x5x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
  // CHECK: kiln.linear %{{.*}}, %{{.*}} : (tensor<2x5x3xf32>, tensor<4x3xf32>) -> tensor<2x5x4xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<2x5x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
  %1 = kiln.linear %x, %w : (tensor<2x5x3xf32>, tensor<4x3xf32>) -> tensor<2x5x4xf32>
  return %0, %1 : tensor<2x5x4xf32>, tensor<2x5x4xf32>
}

// nn.Linear(3, 1) on one sample.
// CHECK-LABEL: func.func @single_output
func.func @single_output(%x: tensor<1x3xf32>, %w: tensor<1x3xf32>, %b: tensor<1xf32>) -> tensor<1x1xf32> {
  // CHECK: kiln.linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x3xf32>, tensor<1x3xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<1x3xf32>, tensor<1x3xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// The bias broadcasts to [out_features] as in torch.addmm: [1] and [] are accepted.
// CHECK-LABEL: func.func @bias_size_one
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<1xf32>)
func.func @bias_size_one(%x: tensor<8x3xf32>, %w: tensor<4x3xf32>, %b: tensor<1xf32>) -> tensor<8x4xf32> {
  // CHECK: kiln.linear %[[X]], %[[W]], %[[B]] : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<1xf32>) -> tensor<8x4xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<8x3xf32>, tensor<4x3xf32>, tensor<1xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @bias_zero_d
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x3xf64>, %[[W:.*]]: tensor<4x3xf64>, %[[B:.*]]: tensor<f64>)
func.func @bias_zero_d(%x: tensor<2x5x3xf64>, %w: tensor<4x3xf64>, %b: tensor<f64>) -> tensor<2x5x4xf64> {
  // CHECK: kiln.linear %[[X]], %[[W]], %[[B]] : (tensor<2x5x3xf64>, tensor<4x3xf64>, tensor<f64>) -> tensor<2x5x4xf64>
  %0 = kiln.linear %x, %w, %b : (tensor<2x5x3xf64>, tensor<4x3xf64>, tensor<f64>) -> tensor<2x5x4xf64>
  return %0 : tensor<2x5x4xf64>
}

// A [1] bias with a 1-D input.
// CHECK-LABEL: func.func @vector_input_bias_size_one
func.func @vector_input_bias_size_one(%x: tensor<3xf32>, %w: tensor<4x3xf32>, %b: tensor<1xf32>) -> tensor<4xf32> {
  // CHECK: kiln.linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<4x3xf32>, tensor<1xf32>) -> tensor<4xf32>
  %0 = kiln.linear %x, %w, %b : (tensor<3xf32>, tensor<4x3xf32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.linear %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %0 = "kiln.linear"(%x, %w) : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
