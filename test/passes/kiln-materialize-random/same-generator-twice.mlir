// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// A generator value is a state, not a handle: two draws from the same value
// give the same numbers, like two torch.randn calls each right after
// torch.manual_seed(7). The state after the first draw is not shared.

// CHECK-LABEL: func.func @twice
// CHECK-NEXT: %[[A:.*]] = kiln.constant dense<[-0.146795094, 0.786141276, 0.94682163]> : tensor<3xf32>
// CHECK-NEXT: %[[B:.*]] = kiln.constant dense<[-0.146795094, 0.786141276, 0.94682163]> : tensor<3xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @twice() -> (tensor<3xf32>, tensor<3xf32>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<3xf32>
  %b, %g2 = kiln.randn %g0 : tensor<3xf32>
  return %a, %b : tensor<3xf32>, tensor<3xf32>
}

// Forking after a draw: both branches continue from the same state, so they
// both equal torch.manual_seed(7); torch.randn(1, 5); torch.randn(1, 5).
// CHECK-LABEL: func.func @fork
// CHECK-NEXT: kiln.constant dense<{{\[\[}}-0.146795094, 0.786141276, 0.94682163, -1.114344, 1.69079018]]>
// CHECK-NEXT: kiln.constant dense<{{\[\[}}-0.894827902, -0.355625033, 1.23238575, 0.138172656, -1.68219852]]>
// CHECK-NEXT: kiln.constant dense<{{\[\[}}-0.894827902, -0.355625033, 1.23238575, 0.138172656, -1.68219852]]>
// CHECK-NEXT: return
func.func @fork() -> (tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x5xf32>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<1x5xf32>
  %b, %g2 = kiln.randn %g1 : tensor<1x5xf32>
  %c, %g3 = kiln.randn %g1 : tensor<1x5xf32>
  return %a, %b, %c : tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x5xf32>
}
