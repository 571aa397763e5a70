// RUN: kiln-opt %s --kiln-decompose | FileCheck %s
// A softmax over an empty tensor is that tensor: there is no maximum of no
// elements to shift by (kiln.max refuses an empty dim), and PyTorch returns
// the empty tensor. Found by test/differential/difftest.py.
// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x0xf32>)
// CHECK-NOT: kiln.max
// CHECK: return %[[X]], %[[X]]
func.func @empty(%x: tensor<1x4x0xf32>) -> (tensor<1x4x0xf32>, tensor<1x4x0xf32>) {
  %s = kiln.softmax %x dim 2 : (tensor<1x4x0xf32>) -> tensor<1x4x0xf32>
  %l = kiln.log_softmax %x dim 1 : (tensor<1x4x0xf32>) -> tensor<1x4x0xf32>
  return %s, %l : tensor<1x4x0xf32>, tensor<1x4x0xf32>
}
