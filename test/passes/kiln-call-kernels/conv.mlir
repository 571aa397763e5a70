// RUN: kiln-opt %s --kiln-call-kernels | FileCheck %s
// A marked convolution on buffers becomes a call of its kernel: the three
// operands as fully dynamic strided memrefs, then kiln_cpu.kernel_args (the
// strides, the dilations, the groups) as int64 constants. The kernel
// overwrites its output, so the zero fill before it goes.

#in = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d2 * 2 + d4)>
#w = affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d4)>
#out = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>

// CHECK: func.func private @kiln_conv_f32_r3(memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, i64, i64, i64) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @conv
// CHECK-NOT: linalg.fill
// CHECK: %[[S:.*]] = arith.constant 2 : i64
// CHECK: %[[D:.*]] = arith.constant 1 : i64
// CHECK: %[[G:.*]] = arith.constant 1 : i64
// CHECK: call @kiln_conv_f32_r3(%{{.*}}, %{{.*}}, %{{.*}}, %[[S]], %[[D]], %[[G]])
// CHECK-NOT: linalg.generic
func.func @conv(%x: memref<1x3x9xf32>, %w: memref<4x3x3xf32>, %y: memref<1x4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%y : memref<1x4x4xf32>)
  linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"], library_call = "kiln_conv_f32_r3"}
      ins(%x, %w : memref<1x3x9xf32>, memref<4x3x3xf32>) outs(%y : memref<1x4x4xf32>) attrs = {kiln_cpu.kernel_args = array<i64: 2, 1, 1>} {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}
