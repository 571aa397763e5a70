// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(kiln-attach-loss{kind=mse output=y target=t}))' | FileCheck %s --check-prefix=MSE
// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(kiln-attach-loss{kind=cross_entropy output=y target=label}))' | FileCheck %s --check-prefix=CE

// A new target input typed like the prediction (mse), or int64 class indices
// without the class dimension (cross_entropy); the loss is a new result.
// MSE-LABEL: func.func @model
// MSE-SAME: (%[[X:.*]]: tensor<4x3xf32> {kiln.input = "x"}, %[[T:.*]]: tensor<4x3xf32> {kiln.input = "t"})
// MSE-SAME: -> (tensor<4x3xf32> {kiln.output = "y"}, tensor<f32> {kiln.output = "loss"})
// MSE: %[[Y:.*]] = kiln.relu %[[X]]
// MSE: %[[L:.*]] = kiln.mse_loss %[[Y]], %[[T]] : (tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<f32>
// MSE: return %[[Y]], %[[L]]
// CE-LABEL: func.func @model
// CE-SAME: %{{.*}}: tensor<4xi64> {kiln.input = "label"}
// CE: kiln.cross_entropy %{{.*}}, %{{.*}} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<f32>
func.func @model(%x: tensor<4x3xf32> {kiln.input = "x"}) -> (tensor<4x3xf32> {kiln.output = "y"}) {
  %y = kiln.relu %x : (tensor<4x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// A target the model already takes is used as it is.
// MSE-LABEL: func.func @existing_target
// MSE-SAME: (%[[X:.*]]: tensor<4x3xf32> {kiln.input = "x"}, %[[T:.*]]: tensor<4x3xf32> {kiln.input = "t"})
// MSE: kiln.mse_loss %[[X]], %[[T]]
// CE-LABEL: func.func @existing_target
func.func @existing_target(%x: tensor<4x3xf32> {kiln.input = "x"}, %t: tensor<4x3xf32> {kiln.input = "t"}) -> (tensor<4x3xf32> {kiln.output = "y"}) {
  return %x : tensor<4x3xf32>
}
