// RUN: kiln-opt %s --kiln-plan-memory --buffer-deallocation-pipeline | FileCheck %s
// The deallocation pipeline that follows in the CPU pipeline frees what stays
// on the heap and never a view of the arena.

// CHECK-LABEL: func.func @mixed
// CHECK: %[[VIEW:.*]] = memref.view
// CHECK: %[[HEAP:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: memref.dealloc %[[HEAP]]
// CHECK-NOT: memref.dealloc
func.func @mixed(%n: index, %in: memref<4xf32>, %out: memref<4xf32>) {
  %s = memref.alloc() : memref<4xf32>
  memref.copy %in, %s : memref<4xf32> to memref<4xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %s[%c0] : memref<4xf32>
  memref.store %v, %d[%c0] : memref<?xf32>
  call @consume(%d) : (memref<?xf32>) -> ()
  memref.copy %s, %out : memref<4xf32> to memref<4xf32>
  return
}
func.func private @consume(memref<?xf32>)
