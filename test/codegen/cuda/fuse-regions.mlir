// kiln-cuda-fuse-regions: an element-wise chain in a region fuses into one
// linalg.generic (one kernel) and the region dissolves, with no tiling (a
// kernel's threads stride over it); a softmax's max and sum reductions stay
// generics of their own, and its normalization, one generic reading the
// input, the max and the sum, is the last of those consecutive kernels.
// RUN: kiln-opt %s --kiln-decompose --kiln-fuse --kiln-lower-to-linalg --kiln-cuda-fuse-regions --canonicalize --cse | FileCheck %s

// CHECK-LABEL: func.func @chain
// CHECK-NOT: kiln.fusion
// CHECK-NOT: scf.forall
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: math.exp
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @chain(%x: tensor<1024xf32>, %w: tensor<1024xf32>, %b: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = kiln.mul %x, %w : (tensor<1024xf32>, tensor<1024xf32>) -> tensor<1024xf32>
  %1 = kiln.add %0, %b : (tensor<1024xf32>, tensor<1024xf32>) -> tensor<1024xf32>
  %2 = kiln.sigmoid %1 : (tensor<1024xf32>) -> tensor<1024xf32>
  return %2 : tensor<1024xf32>
}

// CHECK-LABEL: func.func @softmax
// CHECK-NOT: kiln.fusion
// CHECK-NOT: scf.forall
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: arith.maximumf
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: arith.addf
// CHECK: %[[Y:.*]] = linalg.generic {{.*}}ins(%arg0, %{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x1xf32>, tensor<4x1xf32>)
// CHECK: arith.divf
// CHECK: return %[[Y]]
func.func @softmax(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = kiln.softmax %x dim 1 : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
