// RUN: kiln-opt %s --kiln-call-kernels -verify-diagnostics
// A post-op the kernels do not have is reported, not called.

#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>

func.func @unknown_post_op(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>) {
  // expected-error@+1 {{has a post-op no matmul kernel has in ["relu", "softplus"]}}
  linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2_post0"}
      ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>) attrs = {kiln_cpu.post_ops = ["relu", "softplus"]} {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
