// PyTorch 1.13 reduces over every dimension when sum/mean/amax/amin get an empty dim list (dim=[]).
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// torch.ones(2, 3).sum(dim=[]) is tensor(6.), a 0-d tensor.
// CHECK-LABEL: func.func @sum_empty_dims
func.func @sum_empty_dims(%x: tensor<2x3xf32>) -> tensor<f32> {
  // CHECK: kiln.sum %{{.*}} dim [] : (tensor<2x3xf32>) -> tensor<f32>
  %0 = kiln.sum %x dim [] : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @mean_empty_dims_keepdim
func.func @mean_empty_dims_keepdim(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  // CHECK: kiln.mean %{{.*}} dim [] keepdim : (tensor<2x3xf32>) -> tensor<1x1xf32>
  %0 = kiln.mean %x dim [] keepdim : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// torch.amax's dim defaults to [], meaning every dimension.
// CHECK-LABEL: func.func @max_empty_dims
func.func @max_empty_dims(%x: tensor<2x3xi32>) -> tensor<i32> {
  // CHECK: kiln.max %{{.*}} dim [] : (tensor<2x3xi32>) -> tensor<i32>
  %0 = kiln.max %x dim [] : (tensor<2x3xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}
