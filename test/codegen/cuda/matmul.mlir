// A matmul is a generated loop kernel for now (no cuBLASLt yet): the output
// zero-filled, then one thread per output element with the contracted dim
// as its serial loop.
// RUN: %kiln_obj_root/bin/kiln compile %s --device cuda --emit cuda -o %t.cu
// RUN: FileCheck %s < %t.cu

// CHECK-LABEL: matmul_k0(float *p0)
// CHECK:         kiln_at(p0, v0 * 5 + v1) = 0x0p+0f;
// CHECK-LABEL: matmul_k1(float *p0, float *p1, float *p2)
// CHECK:         for (i64 t = {{.*}}; t < 20;
// CHECK-NEXT:      i64 v0 = t / 5;
// CHECK-NEXT:      i64 v1 = t % 5;
// CHECK-NEXT:      for (i64 v2 = 0; v2 < 3; v2 += 1) {
// CHECK-NEXT:        float v3 = kiln_at(p0, v0 * 3 + v2);
// CHECK-NEXT:        float v4 = kiln_at(p1, v2 * 5 + v1);
// CHECK-NEXT:        float v5 = kiln_at(p2, v0 * 5 + v1);
// CHECK-NEXT:        float v6 = (v3 * v4);
// CHECK-NEXT:        float v7 = (v5 + v6);
// CHECK-NEXT:        kiln_at(p2, v0 * 5 + v1) = v7;
func.func @matmul(%a: tensor<4x3xf32> {kiln.input = "a"}, %b: tensor<3x5xf32> {kiln.input = "b"}) -> (tensor<4x5xf32> {kiln.output = "c"}) {
  %c = kiln.mm %a, %b : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return %c : tensor<4x5xf32>
}
