// kiln-approximate-math: float32 exp, tanh and erf become polynomials (arithmetic only); float64 and the logarithms stay libm calls.
// RUN: kiln-opt %s --kiln-approximate-math | FileCheck %s

// CHECK-LABEL: func.func @f32
// CHECK-NOT: math.exp
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK: math.log
// CHECK-NOT: math.exp
// CHECK: return
func.func @f32(%x: f32) -> (f32, f32, f32, f32) {
  %e = math.exp %x : f32
  %t = math.tanh %x : f32
  %r = math.erf %x : f32
  %l = math.log %x : f32
  return %e, %t, %r, %l : f32, f32, f32, f32
}

// CHECK-LABEL: func.func @f64
// CHECK: math.exp
// CHECK: math.tanh
func.func @f64(%x: f64) -> (f64, f64) {
  %e = math.exp %x : f64
  %t = math.tanh %x : f64
  return %e, %t : f64, f64
}
