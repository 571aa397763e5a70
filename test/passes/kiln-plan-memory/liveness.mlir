// RUN: kiln-opt %s --split-input-file --kiln-plan-memory | FileCheck %s
// Buffers live from their allocation to the last top-level op that uses them
// or an alias of them; buffers live at the same time get distinct offsets,
// the others share memory. The largest buffer is placed first, each at the
// lowest 64-byte-aligned offset that is free while it lives.

// Steps: a [0, 3], b [2, 5], c [4, 6]. a and c never live together.
// CHECK: memref.global "private" @__kiln_arena_chain : memref<128xi8> = uninitialized {alignment = 64 : i64}
// CHECK-LABEL: func.func @chain
// CHECK-SAME: kiln.memory_plan = {arena_buffers = 3 : i64, arena_bytes = 128 : i64, heap_buffers = 0 : i64, intermediate_bytes = 96 : i64, kernels = 4 : i64, peak_bytes = 64 : i64}
// CHECK: %[[ARENA:.*]] = memref.get_global @__kiln_arena_chain : memref<128xi8>
// CHECK: %[[AT_A:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %[[ARENA]][%[[AT_A]]][] : memref<128xi8> to memref<8xf32>
// CHECK: memref.copy %{{.*}}, %[[A]]
// CHECK: %[[AT_B:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %[[ARENA]][%[[AT_B]]][] : memref<128xi8> to memref<8xf32>
// CHECK: memref.copy %[[A]], %[[B]]
// CHECK: %[[AT_C:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C:.*]] = memref.view %[[ARENA]][%[[AT_C]]][] : memref<128xi8> to memref<8xf32>
// CHECK: memref.copy %[[B]], %[[C]]
// CHECK-NOT: memref.alloc
func.func @chain(%in: memref<8xf32>, %out: memref<8xf32>) {
  %a = memref.alloc() : memref<8xf32>
  memref.copy %in, %a : memref<8xf32> to memref<8xf32>
  %b = memref.alloc() : memref<8xf32>
  memref.copy %a, %b : memref<8xf32> to memref<8xf32>
  %c = memref.alloc() : memref<8xf32>
  memref.copy %b, %c : memref<8xf32> to memref<8xf32>
  memref.copy %c, %out : memref<8xf32> to memref<8xf32>
  return
}

// -----

// big is last read through a subview of an expand_shape of it (step 5), so
// tmp, allocated at step 3, cannot take its place; late, allocated after,
// can. big is the largest and is placed first.
// CHECK-LABEL: func.func @aliases
// CHECK-SAME: kiln.memory_plan = {arena_buffers = 3 : i64, arena_bytes = 128 : i64, heap_buffers = 0 : i64, intermediate_bytes = 96 : i64, kernels = 4 : i64, peak_bytes = 80 : i64}
// CHECK: %[[ARENA:.*]] = memref.get_global @__kiln_arena_aliases : memref<128xi8>
// CHECK: %[[AT_BIG:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[BIG:.*]] = memref.view %[[ARENA]][%[[AT_BIG]]][] : memref<128xi8> to memref<16xf32>
// CHECK: memref.expand_shape %[[BIG]]
// CHECK: %[[AT_TMP:.*]] = arith.constant 64 : index
// CHECK-NEXT: memref.view %[[ARENA]][%[[AT_TMP]]][] : memref<128xi8> to memref<4xf32>
// CHECK: %[[AT_LATE:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.view %[[ARENA]][%[[AT_LATE]]][] : memref<128xi8> to memref<4xf32>
func.func @aliases(%in: memref<16xf32>, %out: memref<4xf32>) {
  %big = memref.alloc() : memref<16xf32>
  memref.copy %in, %big : memref<16xf32> to memref<16xf32>
  %rows = memref.expand_shape %big [[0, 1]] output_shape [4, 4] : memref<16xf32> into memref<4x4xf32>
  %tmp = memref.alloc() : memref<4xf32>
  %row = memref.subview %rows[1, 0] [1, 4] [1, 1] : memref<4x4xf32> to memref<4xf32, strided<[1], offset: 4>>
  memref.copy %row, %tmp : memref<4xf32, strided<[1], offset: 4>> to memref<4xf32>
  %late = memref.alloc() : memref<4xf32>
  memref.copy %tmp, %late : memref<4xf32> to memref<4xf32>
  memref.copy %late, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A use inside a loop counts as the whole loop: a lives until the loop ends,
// so b (allocated before the loop) cannot share it, while c can. The
// allocation inside the loop stays on the heap.
// CHECK-LABEL: func.func @loop
// CHECK-SAME: kiln.memory_plan = {arena_buffers = 3 : i64, arena_bytes = 128 : i64, heap_buffers = 1 : i64, intermediate_bytes = 48 : i64, kernels = 4 : i64, peak_bytes = 32 : i64}
// CHECK: arith.constant 4 : index
// CHECK: %[[AT_A:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %{{.*}}[%[[AT_A]]][]
// CHECK: %[[AT_B:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %{{.*}}[%[[AT_B]]][]
// CHECK: scf.for
// CHECK: %[[SCRATCH:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[A]], %[[SCRATCH]]
// CHECK: memref.dealloc %[[SCRATCH]]
// CHECK: %[[AT_C:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.view %{{.*}}[%[[AT_C]]][]
func.func @loop(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %scratch = memref.alloc() : memref<4xf32>
    memref.copy %a, %scratch : memref<4xf32> to memref<4xf32>
    %v = memref.load %scratch[%i] : memref<4xf32>
    memref.store %v, %b[%i] : memref<4xf32>
    memref.dealloc %scratch : memref<4xf32>
  }
  %c = memref.alloc() : memref<4xf32>
  memref.copy %b, %c : memref<4xf32> to memref<4xf32>
  memref.copy %c, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Dynamic sizes stay on the heap; the deallocation of a planned buffer goes
// with its allocation. A bool takes a byte per element.
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME: kiln.memory_plan = {arena_buffers = 2 : i64, arena_bytes = 128 : i64, heap_buffers = 1 : i64, intermediate_bytes = 19 : i64, kernels = 2 : i64, peak_bytes = 19 : i64}
// CHECK: %[[D:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: %[[S:.*]] = memref.view {{.*}} to memref<4xf32>
// CHECK: memref.view {{.*}} to memref<3xi1>
// CHECK: memref.dealloc %[[D]]
// CHECK-NOT: memref.dealloc
func.func @dynamic(%n: index, %in: memref<4xf32>, %flags: memref<3xi1>) {
  %d = memref.alloc(%n) : memref<?xf32>
  %s = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<3xi1>
  memref.copy %in, %s : memref<4xf32> to memref<4xf32>
  memref.copy %flags, %b : memref<3xi1> to memref<3xi1>
  memref.dealloc %d : memref<?xf32>
  memref.dealloc %s : memref<4xf32>
  memref.dealloc %b : memref<3xi1>
  return
}

// -----

// A returned buffer escapes and stays on the heap; a function without
// buffers in the arena gets no arena, but still its plan.
// CHECK-NOT: memref.global
// CHECK-LABEL: func.func @escapes
// CHECK-SAME: kiln.memory_plan = {arena_buffers = 0 : i64, arena_bytes = 0 : i64, heap_buffers = 1 : i64, intermediate_bytes = 0 : i64, kernels = 0 : i64, peak_bytes = 0 : i64}
// CHECK: memref.alloc()
func.func @escapes() -> memref<4xf32> {
  %r = memref.alloc() : memref<4xf32>
  return %r : memref<4xf32>
}

// -----

// Each function has its own arena, named after it unless the name is taken;
// declarations have none.
// CHECK: memref.global "private" @__kiln_arena_f : memref<4xf32>
// CHECK: memref.global "private" @__kiln_arena_f_0 : memref<64xi8> = uninitialized
// CHECK-LABEL: func.func @f
// CHECK: memref.get_global @__kiln_arena_f_0 : memref<64xi8>
// CHECK: memref.global "private" @__kiln_arena_g : memref<64xi8> = uninitialized
// CHECK-LABEL: func.func @g
// CHECK: memref.get_global @__kiln_arena_g : memref<64xi8>
// CHECK-LABEL: func.func private @external
// CHECK-NOT: kiln.memory_plan
memref.global "private" @__kiln_arena_f : memref<4xf32>
func.func @f(%in: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  return
}
func.func @g(%in: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  return
}
func.func private @external(memref<4xf32>)
