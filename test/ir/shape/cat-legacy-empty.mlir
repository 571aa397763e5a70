// kiln.cat of PyTorch 1.13's legacy empty input: a 1-D tensor of shape [0] is skipped whatever the other inputs' rank.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// torch.cat([torch.ones(2, 3), torch.empty(0)]) is a [2, 3] tensor in torch 1.13.
// CHECK-LABEL: func.func @legacy_empty_second
func.func @legacy_empty_second(%a: tensor<2x3xf32>, %e: tensor<0xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 0 : (tensor<2x3xf32>, tensor<0xf32>) -> tensor<2x3xf32>
  %0 = kiln.cat %a, %e dim 0 : (tensor<2x3xf32>, tensor<0xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// torch.cat([torch.empty(0), torch.ones(2, 3)], dim=1) is [2, 3]: the skipped input does not set the rank.
// CHECK-LABEL: func.func @legacy_empty_first
func.func @legacy_empty_first(%e: tensor<0xf32>, %a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.cat %{{.*}}, %{{.*}} dim 1 : (tensor<0xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = kiln.cat %e, %a dim 1 : (tensor<0xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
