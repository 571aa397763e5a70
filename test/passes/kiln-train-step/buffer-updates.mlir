// kiln-train-step keeps the model's own updates of its buffers (batch norm's
// running statistics) after the optimizer's results, computed in the step's
// forward pass as a PyTorch module in training mode updates them; a buffer
// is neither differentiated nor given optimizer state.
// RUN: kiln-opt %s --kiln-train-step="optimizer=sgd lr=0.1" | FileCheck %s

// CHECK-LABEL: func.func @model
// CHECK-SAME: %[[M:[^:]*]]: tensor<3xf32> {kiln.buffer, kiln.param = "running_mean"}
// CHECK-SAME: %{{.*}}: tensor<f64> {kiln.state = "step"})
// CHECK-NOT: running_mean.
// CHECK-SAME: -> (tensor<f32> {kiln.output = "loss"}, tensor<3xf32> {kiln.update = "w"},
// CHECK-SAME: tensor<f64> {kiln.update = "step"}, tensor<3xf32> {kiln.update = "running_mean"})
// CHECK: %[[MEAN:.*]] = kiln.mean %{{.*}} dim [0]
// CHECK: %[[NEW:.*]] = kiln.add %[[M]], %[[MEAN]]
// CHECK: return %{{.*}}, %{{.*}}, %{{.*}}, %[[NEW]] :
func.func @model(%x: tensor<4x3xf32> {kiln.input = "x"},
                 %w: tensor<3xf32> {kiln.param = "w"},
                 %m: tensor<3xf32> {kiln.param = "running_mean", kiln.buffer})
    -> (tensor<f32> {kiln.output = "loss"}, tensor<3xf32> {kiln.update = "running_mean"}) {
  %0 = kiln.mul %x, %w : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  %1 = kiln.sum %0 : (tensor<4x3xf32>) -> tensor<f32>
  %2 = kiln.mean %x dim [0] : (tensor<4x3xf32>) -> tensor<3xf32>
  %3 = kiln.add %m, %2 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %1, %3 : tensor<f32>, tensor<3xf32>
}
