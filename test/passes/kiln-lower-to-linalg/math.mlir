// RUN: kiln-opt %s --kiln-lower-to-linalg | FileCheck %s
// Math ops become one linalg.generic each, with math dialect ops in the body:
// rounding half to even, integer inputs converted to float32 first, guarded
// integer remainders, shifts that saturate past the width, gelu's erf taken
// in float64 for a float32 input, logical ops on each operand's truth.

// CHECK-LABEL: func.func @round
// CHECK: linalg.generic
// CHECK: math.roundeven %{{.*}} : f32
func.func @round(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.round %a : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @sin_int
// CHECK: ^bb0(%[[X:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[XF:.*]] = arith.sitofp %[[X]] : i64 to f32
// CHECK: math.sin %[[XF]] : f32
func.func @sin_int(%a: tensor<4xi64>) -> tensor<4xf32> {
  %0 = kiln.sin %a : (tensor<4xi64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// A divisor of 0 or -1 becomes 1 (no trap), then the remainder takes the
// divisor's sign.
// CHECK-LABEL: func.func @remainder_i32
// CHECK: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[SAFE:.*]] = arith.select %{{.*}}, %{{.*}}, %[[B]] : i32
// CHECK: %[[R:.*]] = arith.remsi %[[A]], %[[SAFE]] : i32
// CHECK: %[[MOVED:.*]] = arith.addi %[[R]], %[[B]] : i32
// CHECK: arith.select %{{.*}}, %[[MOVED]], %[[R]] : i32
func.func @remainder_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = kiln.remainder %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @fmod_f64
// CHECK: %[[R:.*]] = arith.remf %{{.*}}, %{{.*}} : f64
// CHECK-NEXT: linalg.yield %[[R]] : f64
func.func @fmod_f64(%a: tensor<4xf64>, %b: tensor<f64>) -> tensor<4xf64> {
  %0 = kiln.fmod %a, %b : (tensor<4xf64>, tensor<f64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @shr_u8
// CHECK: %[[WIDE:.*]] = arith.cmpi uge, %{{.*}}, %{{.*}} : i8
// CHECK: %[[S:.*]] = arith.shrui
// CHECK: arith.select %[[WIDE]], %{{.*}}, %[[S]] : i8
func.func @shr_u8(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = kiln.bitwise_right_shift %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// CHECK-LABEL: func.func @gelu
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f32 to f64
// CHECK-NEXT: %[[E:.*]] = math.erf %[[W]] : f64
// CHECK-NEXT: arith.truncf %[[E]] : f64 to f32
func.func @gelu(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.gelu %a : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @logical_and
// CHECK: %[[T0:.*]] = arith.cmpf une, %{{.*}}, %{{.*}} : f32
// CHECK: %[[T1:.*]] = arith.cmpi ne, %{{.*}}, %{{.*}} : i64
// CHECK: arith.andi %[[T0]], %[[T1]] : i1
func.func @logical_and(%a: tensor<4xf32>, %b: tensor<4xi64>) -> tensor<4xi1> {
  %0 = kiln.logical_and %a, %b : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
