// Autodiff through topk, a differentiable op with two results: the values' gradient is scattered into zeros at the indices; the int64 indices take none, even when the loss reads them.
// RUN: kiln-opt %s --kiln-autodiff | FileCheck %s

// CHECK-LABEL: func.func @topk_values
// CHECK: %[[V:.*]], %[[I:.*]] = kiln.topk %arg0 k 2 dim 0
// CHECK: %[[F:.*]] = kiln.cast %[[I]]
// CHECK: %[[DV:.*]] = kiln.mul %{{.*}}, %[[F]] : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
// CHECK: %[[Z:.*]] = kiln.zeros : tensor<5xf32>
// CHECK: %[[DX:.*]] = kiln.scatter %[[Z]], %[[I]], %[[DV]] dim 0 : (tensor<5xf32>, tensor<2xi64>, tensor<2xf32>) -> tensor<5xf32>
// CHECK: return %{{.*}}, %[[DX]]
func.func @topk_values(%x: tensor<5xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %v, %i = kiln.topk %x k 2 dim 0 : (tensor<5xf32>) -> (tensor<2xf32>, tensor<2xi64>)
  %f = kiln.cast %i : tensor<2xi64> to tensor<2xf32>
  %p = kiln.mul %f, %v : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %loss = kiln.sum %p : (tensor<2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
