// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// Consecutive draws continue the stream like consecutive torch calls:
//   torch.manual_seed(7)
//   torch.randn(1, 5)  # [-0.1468,  0.7861,  0.9468, -1.1143,  1.6908]
//   torch.randn(1, 5)  # [-0.8948, -0.3556,  1.2324,  0.1382, -1.6822]
//   torch.randn(1, 1)  # [[0.3177]]
// (the three tensors of the single-neuron seed).

// CHECK-LABEL: func.func @chained
// CHECK-NEXT: %[[A:.*]] = kiln.constant dense<{{\[\[}}-0.146795094, 0.786141276, 0.94682163, -1.114344, 1.69079018]]> : tensor<1x5xf32>
// CHECK-NEXT: %[[B:.*]] = kiln.constant dense<{{\[\[}}-0.894827902, -0.355625033, 1.23238575, 0.138172656, -1.68219852]]> : tensor<1x5xf32>
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<0.317678303> : tensor<1x1xf32>
// CHECK-NEXT: return %[[A]], %[[B]], %[[C]]
func.func @chained() -> (tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x1xf32>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<1x5xf32>
  %b, %g2 = kiln.randn %g1 : tensor<1x5xf32>
  %c, %g3 = kiln.randn %g2 : tensor<1x1xf32>
  return %a, %b, %c : tensor<1x5xf32>, tensor<1x5xf32>, tensor<1x1xf32>
}

// Draws interleave rand and randn on one stream:
//   torch.manual_seed(7); torch.randn(3); torch.rand(2)  # [0.3653, 0.8513]
// CHECK-LABEL: func.func @mixed
// CHECK-NEXT: kiln.constant dense<[-0.146795094, 0.786141276, 0.94682163]> : tensor<3xf32>
// CHECK-NEXT: kiln.constant dense<[0.365316153, 0.851268351]> : tensor<2xf32>
func.func @mixed() -> (tensor<3xf32>, tensor<2xf32>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<3xf32>
  %b, %g2 = kiln.rand %g1 : tensor<2xf32>
  return %a, %b : tensor<3xf32>, tensor<2xf32>
}
