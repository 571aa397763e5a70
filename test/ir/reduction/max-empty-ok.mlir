// RUN: kiln-opt %s | FileCheck %s
// Reducing a non-empty dim of a tensor with an empty one is fine: the result
// is empty (torch.amax(zeros(2, 0), 0) is a tensor of shape [0]).
// CHECK-LABEL: func.func @keep_empty
// CHECK: kiln.max %{{.*}} dim [0] : (tensor<2x0xf32>) -> tensor<0xf32>
func.func @keep_empty(%x: tensor<2x0xf32>) -> tensor<0xf32> {
  %0 = kiln.max %x dim [0] : (tensor<2x0xf32>) -> tensor<0xf32>
  return %0 : tensor<0xf32>
}
