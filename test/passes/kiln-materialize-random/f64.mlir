// RUN: kiln-opt %s --kiln-materialize-random | FileCheck %s

// float64 draws use PyTorch's double paths, so they are not the float32
// values widened:
//   torch.manual_seed(7)
//   torch.randn(4, dtype=torch.float64)  # [-0.1468,  0.7861,  0.9468, -1.1143]
//   torch.rand(3, dtype=torch.float64)   # [ 0.9225,  0.8395,  0.2947]

// CHECK-LABEL: func.func @f64
// CHECK-NEXT: kiln.constant dense<[-0.1467950974849952, 0.78614129872353578, 0.9468216090039564, -1.1143440212610307]> : tensor<4xf64>
// CHECK-NEXT: kiln.constant dense<[0.92252936745298719, 0.83954537576238664, 0.29471210801288372]> : tensor<3xf64>
func.func @f64() -> (tensor<4xf64>, tensor<3xf64>) {
  %g0 = kiln.manual_seed 7
  %a, %g1 = kiln.randn %g0 : tensor<4xf64>
  %b, %g2 = kiln.rand %g1 : tensor<3xf64>
  return %a, %b : tensor<4xf64>, tensor<3xf64>
}
