// Round trip of kiln.slice: Python slicing with negative bounds, clamping of out-of-range bounds, steps > 1 and empty results.
// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s

// x[:, 2:5]
// CHECK-LABEL: func.func @plain
func.func @plain(%x: tensor<3x8xf32>) -> tensor<3x3xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[2 : 5 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  %0 = kiln.slice %x dim 1 [2 : 5 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// x[:, -3:]: a negative start counts from the end.
// CHECK-LABEL: func.func @negative_start
func.func @negative_start(%x: tensor<3x8xf32>) -> tensor<3x3xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[-3 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  %0 = kiln.slice %x dim 1 [-3 : 8 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// x[:, :-1]
// CHECK-LABEL: func.func @negative_end
func.func @negative_end(%x: tensor<3x8xf32>) -> tensor<3x7xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[0 : -1 : 1] : (tensor<3x8xf32>) -> tensor<3x7xf32>
  %0 = kiln.slice %x dim 1 [0 : -1 : 1] : (tensor<3x8xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// x[:, -2:-1]
// CHECK-LABEL: func.func @both_negative
func.func @both_negative(%x: tensor<3x8xi64>) -> tensor<3x1xi64> {
  // CHECK: kiln.slice %{{.*}} dim -1{{ ?}}[-2 : -1 : 1] : (tensor<3x8xi64>) -> tensor<3x1xi64>
  %0 = kiln.slice %x dim -1 [-2 : -1 : 1] : (tensor<3x8xi64>) -> tensor<3x1xi64>
  return %0 : tensor<3x1xi64>
}

// x[1:3] on dimension -2
// CHECK-LABEL: func.func @negative_dim
func.func @negative_dim(%x: tensor<3x8xf32>) -> tensor<2x8xf32> {
  // CHECK: kiln.slice %{{.*}} dim -2{{ ?}}[1 : 3 : 1] : (tensor<3x8xf32>) -> tensor<2x8xf32>
  %0 = kiln.slice %x dim -2 [1 : 3 : 1] : (tensor<3x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// x[:, -100:100] clamps to the whole dimension.
// CHECK-LABEL: func.func @clamp_both
func.func @clamp_both(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[-100 : 100 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %0 = kiln.slice %x dim 1 [-100 : 100 : 1] : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// x[:, 5:] as frontends write it, with end = INT64_MAX.
// CHECK-LABEL: func.func @open_end
func.func @open_end(%x: tensor<3x8xf32>) -> tensor<3x3xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[5 : 9223372036854775807 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  %0 = kiln.slice %x dim 1 [5 : 9223372036854775807 : 1] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// x[:, ::3] of 8 elements takes 0, 3, 6.
// CHECK-LABEL: func.func @step_three
func.func @step_three(%x: tensor<3x8xf32>) -> tensor<3x3xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[0 : 8 : 3] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  %0 = kiln.slice %x dim 1 [0 : 8 : 3] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// x[:, 1::2] takes 1, 3, 5, 7.
// CHECK-LABEL: func.func @step_two_odd
func.func @step_two_odd(%x: tensor<3x8xf32>) -> tensor<3x4xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[1 : 8 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  %0 = kiln.slice %x dim 1 [1 : 8 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// x[:, :-1:2] takes 0, 2, 4, 6.
// CHECK-LABEL: func.func @step_two_negative_end
func.func @step_two_negative_end(%x: tensor<3x8xf32>) -> tensor<3x4xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[0 : -1 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  %0 = kiln.slice %x dim 1 [0 : -1 : 2] : (tensor<3x8xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// A step larger than the range takes only the start.
// CHECK-LABEL: func.func @step_beyond
func.func @step_beyond(%x: tensor<3x8xf32>) -> tensor<3x1xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[-1 : 100 : 10] : (tensor<3x8xf32>) -> tensor<3x1xf32>
  %0 = kiln.slice %x dim 1 [-1 : 100 : 10] : (tensor<3x8xf32>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}

// x[:, 5:2] is empty, not an error.
// CHECK-LABEL: func.func @empty_reversed
func.func @empty_reversed(%x: tensor<3x8xf32>) -> tensor<3x0xf32> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[5 : 2 : 1] : (tensor<3x8xf32>) -> tensor<3x0xf32>
  %0 = kiln.slice %x dim 1 [5 : 2 : 1] : (tensor<3x8xf32>) -> tensor<3x0xf32>
  return %0 : tensor<3x0xf32>
}

// x[:, 10:20] starts past the end: empty.
// CHECK-LABEL: func.func @empty_past_end
func.func @empty_past_end(%x: tensor<3x8xi1>) -> tensor<3x0xi1> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[10 : 20 : 1] : (tensor<3x8xi1>) -> tensor<3x0xi1>
  %0 = kiln.slice %x dim 1 [10 : 20 : 1] : (tensor<3x8xi1>) -> tensor<3x0xi1>
  return %0 : tensor<3x0xi1>
}

// x[:, -100:-50] ends before the start: empty.
// CHECK-LABEL: func.func @empty_before_start
func.func @empty_before_start(%x: tensor<3x8xui8>) -> tensor<3x0xui8> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[-100 : -50 : 2] : (tensor<3x8xui8>) -> tensor<3x0xui8>
  %0 = kiln.slice %x dim 1 [-100 : -50 : 2] : (tensor<3x8xui8>) -> tensor<3x0xui8>
  return %0 : tensor<3x0xui8>
}

// x[3:3] is empty.
// CHECK-LABEL: func.func @empty_equal
func.func @empty_equal(%x: tensor<8xi32>) -> tensor<0xi32> {
  // CHECK: kiln.slice %{{.*}} dim 0{{ ?}}[3 : 3 : 1] : (tensor<8xi32>) -> tensor<0xi32>
  %0 = kiln.slice %x dim 0 [3 : 3 : 1] : (tensor<8xi32>) -> tensor<0xi32>
  return %0 : tensor<0xi32>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form(%x: tensor<3x8xf64>) -> tensor<3x2xf64> {
  // CHECK: kiln.slice %{{.*}} dim 1{{ ?}}[-4 : 8 : 3] : (tensor<3x8xf64>) -> tensor<3x2xf64>
  %0 = "kiln.slice"(%x) <{dim = 1 : i64, start = -4 : i64, end = 8 : i64, step = 3 : i64}> : (tensor<3x8xf64>) -> tensor<3x2xf64>
  return %0 : tensor<3x2xf64>
}

// The generic form may leave out step: 1.
// CHECK-LABEL: func.func @default_step
func.func @default_step(%x: tensor<8xf32>) -> tensor<6xf32> {
  // CHECK: kiln.slice %{{.*}} dim 0{{ ?}}[1 : -1 : 1] : (tensor<8xf32>) -> tensor<6xf32>
  %0 = "kiln.slice"(%x) <{dim = 0 : i64, start = 1 : i64, end = -1 : i64}> : (tensor<8xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}
