// An element-wise chain with a broadcast operand fuses into one kernel whose
// threads stride over the flattened output, relu's compare and select
// spelled in C; the result's copy into its out-parameter is one more.
// RUN: %kiln_obj_root/bin/kiln compile %s --device cuda --emit cuda -o %t.cu
// RUN: FileCheck %s < %t.cu

// CHECK:      typedef long long i64;
// CHECK:      // Kernels of 'pointwise'.
// CHECK:      extern "C" __global__ void __launch_bounds__(32) pointwise_k0(float *p0, float *p1, float *p2) {
// CHECK-NEXT:   for (i64 t = (i64)blockIdx.x * blockDim.x + threadIdx.x; t < 32; t += (i64)gridDim.x * blockDim.x) {
// CHECK-NEXT:     i64 v0 = t / 8;
// CHECK-NEXT:     i64 v1 = t % 8;
// CHECK-NEXT:     float v2 = kiln_at(p0, v0 * 8 + v1);
// CHECK-NEXT:     float v3 = kiln_at(p1, v1);
// CHECK-NEXT:     float v4 = (v2 + v3);
// CHECK-NEXT:     bool v5 = (v4 < 0x0p+0f);
// CHECK-NEXT:     float v6 = (v5 ? 0x0p+0f : v4);
// CHECK-NEXT:     kiln_at(p2, v0 * 8 + v1) = v6;
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK:      pointwise_k1(float *p0, float *p1)
// CHECK-NOT:  __global__
func.func @pointwise(%x: tensor<4x8xf32> {kiln.input = "x"}, %b: tensor<8xf32> {kiln.input = "b"}) -> (tensor<4x8xf32> {kiln.output = "y"}) {
  %s = kiln.add %x, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %y = kiln.relu %s : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
