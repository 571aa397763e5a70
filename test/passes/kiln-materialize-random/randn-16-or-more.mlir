// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// From 16 elements on, PyTorch fills normal tensors in blocks of 16
// (uniforms first, then Box-Muller over each block's halves), so the values
// are not a continuation of the element-by-element stream below 16:
//   torch.manual_seed(7)
//   torch.randn(16)    # [-0.8201, 0.3956, 0.8989, -1.3884, ..., 1.0902]
//   torch.randn(4, 5)  # 20 elements: 16 in a block, the last 16 redrawn
//                      # [[-1.5827, -0.3246, 1.9264, -0.3300, 0.9571], ...

// CHECK-LABEL: func.func @big
// CHECK-NEXT: kiln.constant dense<[-0.82013452, 0.395631164, 0.898908495, -1.38840389, -0.166996017, 0.285149962, -0.641091525, -0.893655419, 9.265430e-01, -0.535512209, -1.1597203, -0.460157156, 0.708539068, 1.01275539, 0.230396867, 1.09016514]> : tensor<16xf32>
// CHECK-NEXT: kiln.constant dense<{{\[\[}}-1.58266461, -0.324566633, 1.92636812, -0.330011725, 0.957102179], [-0.661867558, -0.82845205, -0.605680286, -0.135436893, 0.747118235], [0.61181575, 1.86778355, -0.261586726, -0.25013262, 0.501121461], [0.2600362, -1.6370213, 0.157711908, 0.395740926, -1.36773968]]> : tensor<4x5xf32>
func.func @big() -> (tensor<16xf32>, tensor<4x5xf32>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<16xf32>
  %b, %g2 = kiln.randn %g1 : tensor<4x5xf32>
  return %a, %b : tensor<16xf32>, tensor<4x5xf32>
}
