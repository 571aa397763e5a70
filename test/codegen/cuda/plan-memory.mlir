// RUN: kiln-opt %s --kiln-cuda-plan-memory --split-input-file --verify-diagnostics | FileCheck %s

// Intermediates become views of the device arena, a trailing argument; buffers
// live at the same time do not overlap.
// CHECK-LABEL: func.func @two_buffers(
// CHECK-SAME:    %[[IN:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<4xf32>, %[[ARENA:.*]]: memref<128xi8> {kiln_cuda.arena})
// CHECK-SAME:    kiln.memory_plan = {arena_buffers = 2 : i64, arena_bytes = 128 : i64
// CHECK:         memref.view %[[ARENA]][%{{.*}}][] : memref<128xi8> to memref<4xf32>
// CHECK:         memref.view %[[ARENA]][%{{.*}}][] : memref<128xi8> to memref<4xf32>
// CHECK-NOT:     memref.alloc
func.func @two_buffers(%in: memref<4xf32>, %out: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  linalg.copy ins(%in : memref<4xf32>) outs(%a : memref<4xf32>)
  linalg.copy ins(%in : memref<4xf32>) outs(%b : memref<4xf32>)
  linalg.add ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%out : memref<4xf32>)
  return
}

// -----

// Device code allocates nothing: what the planner leaves on the heap is an
// error.
func.func @dynamic(%n: index, %out: memref<f32>) {
  // expected-error @+1 {{'memref.alloc' op cannot be placed in the device arena}}
  %a = memref.alloc(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<?xf32>
  memref.store %v, %out[] : memref<f32>
  return
}
