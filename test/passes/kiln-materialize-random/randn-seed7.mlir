// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// torch.manual_seed(7); torch.randn(1, 5) is
// [-0.1468, 0.7861, 0.9468, -1.1143, 1.6908]; the constants are PyTorch's
// float32 values bit for bit, printed with the digits that round-trip. The
// generator chain is erased once nothing draws from it.

// CHECK-LABEL: func.func @seed7
// CHECK-NEXT: %[[X:.*]] = kiln.constant dense<{{\[\[}}-0.146795094, 0.786141276, 0.94682163, -1.114344, 1.69079018]]> : tensor<1x5xf32>
// CHECK-NEXT: return %[[X]] : tensor<1x5xf32>
// CHECK-NOT: kiln.manual_seed
// CHECK-NOT: kiln.randn
func.func @seed7() -> tensor<1x5xf32> {
  %g0 = kiln.manual_seed 7
  %x, %g1 = kiln.randn %g0 : tensor<1x5xf32>
  return %x : tensor<1x5xf32>
}
