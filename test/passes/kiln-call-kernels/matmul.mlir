// RUN: kiln-opt %s --kiln-call-kernels | FileCheck %s
// A marked contraction on buffers becomes a call of its kernel with fully
// dynamic strided operands; unmarked linalg ops stay.

#mk = affine_map<(d0, d1, d2) -> (d0, d2)>
#kn = affine_map<(d0, d1, d2) -> (d2, d1)>
#mn = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK: func.func private @kiln_matmul_f32_r2r2(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-NOT: func.func private @kiln_matmul_f32_r2r2

// CHECK-LABEL: func.func @two_shapes
// CHECK: linalg.fill
// CHECK: %[[A:.*]] = memref.cast %{{.*}} : memref<2x3xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: call @kiln_matmul_f32_r2r2(%[[A]],
// CHECK: call @kiln_matmul_f32_r2r2(
// CHECK-NOT: linalg.generic
func.func @two_shapes(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>,
                      %d: memref<5x3xf32>, %e: memref<5x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<2x4xf32>)
  linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%d, %b : memref<5x3xf32>, memref<3x4xf32>) outs(%e : memref<5x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
