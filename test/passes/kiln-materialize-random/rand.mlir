// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// torch.manual_seed(7); torch.rand(2, 3) is
// [[0.5349, 0.1988, 0.6592], [0.6569, 0.2328, 0.4251]].

// CHECK-LABEL: func.func @rand
// CHECK-NEXT: kiln.constant dense<{{\[\[}}0.53492254, 0.198803186, 0.659211695], [0.656890273, 0.232761562, 0.425061405]]> : tensor<2x3xf32>
// CHECK-NOT: kiln.rand
func.func @rand() -> tensor<2x3xf32> {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.rand %g0 : tensor<2x3xf32>
  return %a : tensor<2x3xf32>
}
