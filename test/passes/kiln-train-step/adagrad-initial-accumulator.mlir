// kiln-train-step with Adagrad and the defaults: the sum starts at initial_accumulator_value, which its kiln.init_value records (no attribute when it is 0); the loss result may have another name.
// RUN: kiln-opt %s --kiln-train-step="optimizer=adagrad initial_accumulator_value=0.5 loss=objective" | FileCheck %s
// RUN: kiln-opt %s --kiln-train-step="optimizer=adagrad loss=objective" | FileCheck %s --check-prefix=ZERO

// CHECK-LABEL: func.func @model
// CHECK-SAME: %[[STEP:[^:]*]]: tensor<f64> {kiln.state = "step"},
// CHECK-SAME: %[[SUM:[^:]*]]: tensor<3xf32> {kiln.init_value = 5.000000e-01 : f64, kiln.state = "w.sum"})
// CHECK-SAME: -> (tensor<f32> {kiln.output = "objective"}, tensor<3xf32> {kiln.update = "w"}, tensor<f64> {kiln.update = "step"}, tensor<3xf32> {kiln.update = "w.sum"})
// CHECK: kiln.adagrad_update %{{.*}}, %{{.*}}, step %{{.*}}, sum %[[SUM]] : tensor<3xf32>

// ZERO-LABEL: func.func @model
// ZERO-SAME: %{{[^:]*}}: tensor<3xf32> {kiln.state = "w.sum"})
func.func @model(%x: tensor<3xf32> {kiln.input = "x"}, %w: tensor<3xf32> {kiln.param = "w"})
    -> (tensor<f32> {kiln.output = "objective"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}
