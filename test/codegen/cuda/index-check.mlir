// An index read from data is checked where it is read: negative indices wrap
// once, and one still out of range writes the index-error record (the
// kernel's u64 argument: site, value, bound), which the executable reads
// after the run, then goes on with index 0.
// RUN: %kiln_obj_root/bin/kiln compile %s --device cuda --emit cuda -o %t.cu
// RUN: FileCheck %s < %t.cu

// CHECK:      __device__ __noinline__ void kiln_index_error(u64 *record, i64 site, i64 value,
// CHECK-LABEL: gather_k0(i64 *p0, u64 *p1, float *p2, float *p3)
// CHECK:         i64 v2 = kiln_at(p0, v0);
// CHECK:         bool v7 = (((u64)(v5)) >= ((u64)(((i64)5LL))));
// CHECK-NEXT:    if (v7) {
// CHECK-NEXT:      kiln_index_error(p1, ((i64)0LL), v2, ((i64)5LL));
// CHECK-NEXT:    }
// CHECK-NEXT:    i64 v8 = (v6 ? v5 : ((i64)0LL));
// CHECK:         float v10 = kiln_at(p2, v9 * 3 + v1);
func.func @gather(%x: tensor<5x3xf32> {kiln.input = "x"}, %i: tensor<4xi64> {kiln.input = "i"}) -> (tensor<4x3xf32> {kiln.output = "y"}) {
  %y = kiln.index_select %x, %i dim 0 : (tensor<5x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}
