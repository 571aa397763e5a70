// Reductions: one thread per output element, the reduced dims a serial loop
// inside it, in a fixed order (a run repeats bit for bit, no atomics). A
// row reduction reads its row; a reduction over the outer dim has its loops
// interchanged (kiln-cuda-parallel-loops-first) so that the output's dim is
// the parallel one. max starts from -inf and uses NaN-propagating maximum.
// RUN: %kiln_obj_root/bin/kiln compile %s --device cuda --emit cuda -o %t.cu
// RUN: FileCheck %s < %t.cu

// CHECK-LABEL: reductions_k0(float *p0)
// CHECK:         kiln_at(p0, v0) = 0x0p+0f;
// CHECK-LABEL: reductions_k1(float *p0, float *p1)
// CHECK:         for (i64 t = {{.*}}; t < 4;
// CHECK-NEXT:      i64 v0 = t;
// CHECK-NEXT:      for (i64 v1 = 0; v1 < 8; v1 += 1) {
// CHECK-NEXT:        float v2 = kiln_at(p0, v0 * 8 + v1);
// CHECK-NEXT:        float v3 = kiln_at(p1, v0);
// CHECK-NEXT:        float v4 = (v3 + v2);
// CHECK-NEXT:        kiln_at(p1, v0) = v4;
// CHECK-LABEL: reductions_k2(float *p0)
// CHECK:         kiln_at(p0, v0) = kiln_f32_from_bits(0xff800000u);
// CHECK-LABEL: reductions_k3(float *p0, float *p1)
// CHECK:         for (i64 t = {{.*}}; t < 8;
// CHECK-NEXT:      i64 v0 = t;
// CHECK-NEXT:      for (i64 v1 = 0; v1 < 4; v1 += 1) {
// CHECK-NEXT:        float v2 = kiln_at(p0, v1 * 8 + v0);
// CHECK-NEXT:        float v3 = kiln_at(p1, v0);
// CHECK-NEXT:        float v4 = kiln_maximum(v3, v2);
func.func @reductions(%x: tensor<4x8xf32> {kiln.input = "x"}) -> (tensor<4xf32> {kiln.output = "rows"}, tensor<8xf32> {kiln.output = "columns"}) {
  %rows = kiln.sum %x dim [1] : (tensor<4x8xf32>) -> tensor<4xf32>
  %columns = kiln.max %x dim [0] : (tensor<4x8xf32>) -> tensor<8xf32>
  return %rows, %columns : tensor<4xf32>, tensor<8xf32>
}
