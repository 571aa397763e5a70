// kiln-train-step with SGD and momentum: the step and one momentum buffer per float parameter become kiln.state arguments; the results are the loss, the new parameters, the new step and the new buffers. The integer parameter is not trained, the other output is dropped along with the ops that only fed it.
// RUN: kiln-opt %s --kiln-train-step="optimizer=sgd lr=0.1 momentum=0.9" | FileCheck %s

// CHECK-LABEL: func.func @model
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32> {kiln.input = "x"},
// CHECK-SAME: %[[W:.*]]: tensor<3xf32> {kiln.init = "zeros", kiln.param = "w"},
// CHECK-SAME: %[[B:.*]]: tensor<f32> {kiln.param = "b"},
// CHECK-SAME: %[[N:.*]]: tensor<2xi64> {kiln.param = "count"},
// CHECK-SAME: %[[STEP:.*]]: tensor<f64> {kiln.state = "step"},
// CHECK-SAME: %[[W_BUF:.*]]: tensor<3xf32> {kiln.state = "w.momentum_buffer"},
// CHECK-SAME: %[[B_BUF:.*]]: tensor<f32> {kiln.state = "b.momentum_buffer"})
// CHECK-SAME: -> (tensor<f32> {kiln.output = "loss"},
// CHECK-SAME: tensor<3xf32> {kiln.update = "w"}, tensor<f32> {kiln.update = "b"},
// CHECK-SAME: tensor<f64> {kiln.update = "step"},
// CHECK-SAME: tensor<3xf32> {kiln.update = "w.momentum_buffer"}, tensor<f32> {kiln.update = "b.momentum_buffer"})
// CHECK-NOT: kiln.relu
// CHECK: %[[LOSS:.*]] = kiln.sum %{{.*}} : (tensor<4xf32>) -> tensor<f32>
// CHECK-NOT: kiln.relu
// CHECK: %[[NEXT:.*]] = kiln.add %[[STEP]], %{{.*}} : (tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[W1:[^,]*]], %[[W_BUF1:[^,]*]] = kiln.sgd_update %[[W]], %{{.*}}, step %[[NEXT]], momentum_buffer %[[W_BUF]] {lr = 1.000000e-01 : f64, momentum = 9.000000e-01 : f64} : tensor<3xf32>
// CHECK-NEXT: %[[B1:[^,]*]], %[[B_BUF1:[^,]*]] = kiln.sgd_update %[[B]], %{{.*}}, step %[[NEXT]], momentum_buffer %[[B_BUF]] {lr = 1.000000e-01 : f64, momentum = 9.000000e-01 : f64} : tensor<f32>
// CHECK-NEXT: return %[[LOSS]], %[[W1]], %[[B1]], %[[NEXT]], %[[W_BUF1]], %[[B_BUF1]] : tensor<f32>, tensor<3xf32>, tensor<f32>, tensor<f64>, tensor<3xf32>, tensor<f32>
func.func @model(%x: tensor<4x3xf32> {kiln.input = "x"},
                 %w: tensor<3xf32> {kiln.param = "w", kiln.init = "zeros"},
                 %b: tensor<f32> {kiln.param = "b"},
                 %n: tensor<2xi64> {kiln.param = "count"})
    -> (tensor<4xf32> {kiln.output = "activation"}, tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.mul %x, %w : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  %1 = kiln.sum %0 dim [1] : (tensor<4x3xf32>) -> tensor<4xf32>
  %2 = kiln.add %1, %b : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %3 = kiln.relu %2 : (tensor<4xf32>) -> tensor<4xf32>
  %4 = kiln.mul %2, %2 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %5 = kiln.sum %4 : (tensor<4xf32>) -> tensor<f32>
  return %3, %5 : tensor<4xf32>, tensor<f32>
}
