// RUN: kiln-opt %s --kiln-call-kernels -split-input-file | FileCheck %s
// A marked contraction on buffers becomes a call of its kernel with fully
// dynamic strided operands; unmarked linalg ops stay. The kernel overwrites
// its output: the zero fill before it goes, a fill of another buffer stays.

#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK: func.func private @kiln_matmul_f32_r2r2(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-NOT: func.func private @kiln_matmul_f32_r2r2

// CHECK-LABEL: func.func @two_shapes
// CHECK-SAME: %[[F:[^:]+]]: memref<5x4xf32>)
// CHECK-NOT: linalg.fill
// CHECK: %[[A:.*]] = memref.cast %{{.*}} : memref<2x3xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NOT: memref.transpose
// CHECK: call @kiln_matmul_f32_r2r2(%[[A]],
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[F]] : memref<5x4xf32>)
// CHECK: call @kiln_matmul_f32_r2r2(
// CHECK-NOT: linalg.generic
func.func @two_shapes(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>,
                      %d: memref<5x3xf32>, %e: memref<5x4xf32>, %f: memref<5x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<2x4xf32>)
  linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  linalg.fill ins(%zero : f32) outs(%f : memref<5x4xf32>)
  linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%d, %b : memref<5x3xf32>, memref<3x4xf32>) outs(%e : memref<5x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Operands read permuted (transposes folded into the maps) become
// transposed views, so the kernel still sees each operand's dims in loop
// order: lhs [m, k], rhs [k, n].
#km = affine_map<(d0, d1, d2) -> (d1, d0)>
#nk = affine_map<(d0, d1, d2) -> (d2, d1)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK-LABEL: func.func @transposed_operands
// CHECK-SAME: %[[A:[^:]+]]: memref<3x2xf32>, %[[B:[^:]+]]: memref<4x3xf32>
// CHECK: %[[CA:.*]] = memref.cast %[[A]]
// CHECK: %[[TA:.*]] = memref.transpose %[[CA]] (d0, d1) -> (d1, d0) : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[CB:.*]] = memref.cast %[[B]]
// CHECK: %[[TB:.*]] = memref.transpose %[[CB]] (d0, d1) -> (d1, d0)
// CHECK: %[[CC:.*]] = memref.cast
// CHECK-NOT: memref.transpose
// CHECK: call @kiln_matmul_f32_r2r2(%[[TA]], %[[TB]], %[[CC]])
func.func @transposed_operands(%a: memref<3x2xf32>, %b: memref<4x3xf32>, %c: memref<2x4xf32>) {
  linalg.generic {indexing_maps = [#km, #nk, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2"}
      ins(%a, %b : memref<3x2xf32>, memref<4x3xf32>) outs(%c : memref<2x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A batch permutation too: rhs [k, b, n] read as [b, k, n].
#bmk = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#kbn = affine_map<(d0, d1, d2, d3) -> (d2, d0, d3)>
#bmn = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>

// CHECK-LABEL: func.func @permuted_batch
// CHECK: memref.transpose %{{.*}} (d0, d1, d2) -> (d1, d0, d2)
// CHECK: call @kiln_matmul_f32_r3r3(
func.func @permuted_batch(%a: memref<2x3x5xf32>, %b: memref<5x2x4xf32>, %c: memref<2x3x4xf32>) {
  linalg.generic {indexing_maps = [#bmk, #kbn, #bmn], iterator_types = ["parallel", "parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r3r3"}
      ins(%a, %b : memref<2x3x5xf32>, memref<5x2x4xf32>) outs(%c : memref<2x3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// An epilogue's steps go as one trailing i64, a byte each, first step in
// the lowest byte: add (1) then tanh (4) is 0x0401.
#mk = affine_map<(d0, d1, d2) -> (d0, d1)>
#kn = affine_map<(d0, d1, d2) -> (d1, d2)>
#bias = affine_map<(d0, d1, d2) -> (0, d2)>
#mn = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK: func.func private @kiln_matmul_f32_r2r2_post1(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, i64)
// CHECK-LABEL: func.func @epilogue
// CHECK: %[[STEPS:.*]] = arith.constant 1025 : i64
// CHECK: call @kiln_matmul_f32_r2r2_post1(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[STEPS]])
func.func @epilogue(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %bias: memref<1x4xf32>, %c: memref<2x4xf32>) {
  %c2 = arith.constant 2 : index
  linalg.generic {indexing_maps = [#mk, #kn, #bias, #mn], iterator_types = ["parallel", "reduction", "parallel"], library_call = "kiln_matmul_f32_r2r2_post1"}
      ins(%a, %b, %bias : memref<2x3xf32>, memref<3x4xf32>, memref<1x4xf32>) outs(%c : memref<2x4xf32>) attrs = {kiln_cpu.post_ops = ["add", "tanh"]} {
  ^bb0(%x: f32, %y: f32, %z: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    %k = linalg.index 1 : index
    %last = arith.cmpi eq, %k, %c2 : index
    %biased = arith.addf %s, %z : f32
    %tanh = math.tanh %biased : f32
    %r = arith.select %last, %tanh, %s : f32
    linalg.yield %r : f32
  }
  return
}
