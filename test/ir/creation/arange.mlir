// RUN: kiln-opt %s | kiln-opt | FileCheck %s
// RUN: kiln-opt %s --mlir-print-op-generic | kiln-opt | FileCheck %s
// Round trip of kiln.arange (torch.arange): ceil((end - start) / step) elements, negative and fractional steps, empty ranges.

// CHECK-LABEL: func.func @int64_range
func.func @int64_range() -> tensor<5xi64> {
  // CHECK: kiln.arange 0.000000e+00 to 5.000000e+00 step 1.000000e+00 : tensor<5xi64>
  %0 = kiln.arange 0.0 to 5.0 step 1.0 : tensor<5xi64>
  return %0 : tensor<5xi64>
}

// ceil((1 - 0) / 0.3) = 4: 0, 0.3, 0.6, 0.9.
// CHECK-LABEL: func.func @fractional_step
func.func @fractional_step() -> tensor<4xf32> {
  // CHECK: kiln.arange 0.000000e+00 to 1.000000e+00 step 3.000000e-01 : tensor<4xf32>
  %0 = kiln.arange 0.0 to 1.0 step 0.3 : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// ceil((10 - 1) / 2) = 5: 1, 3, 5, 7, 9 (the end is exclusive).
// CHECK-LABEL: func.func @step_two
func.func @step_two() -> tensor<5xi32> {
  // CHECK: kiln.arange 1.000000e+00 to 1.000000e+01 step 2.000000e+00 : tensor<5xi32>
  %0 = kiln.arange 1.0 to 10.0 step 2.0 : tensor<5xi32>
  return %0 : tensor<5xi32>
}

// CHECK-LABEL: func.func @negative_step
func.func @negative_step() -> tensor<3xf64> {
  // CHECK: kiln.arange 5.000000e+00 to -1.000000e+00 step -2.000000e+00 : tensor<3xf64>
  %0 = kiln.arange 5.0 to -1.0 step -2.0 : tensor<3xf64>
  return %0 : tensor<3xf64>
}

// start == end gives an empty tensor.
// CHECK-LABEL: func.func @empty
func.func @empty() -> tensor<0xf32> {
  // CHECK: kiln.arange 3.000000e+00 to 3.000000e+00 step 1.000000e+00 : tensor<0xf32>
  %0 = kiln.arange 3.0 to 3.0 step 1.0 : tensor<0xf32>
  return %0 : tensor<0xf32>
}

// CHECK-LABEL: func.func @uint8
func.func @uint8() -> tensor<4xui8> {
  // CHECK: kiln.arange 0.000000e+00 to 4.000000e+00 step 1.000000e+00 : tensor<4xui8>
  %0 = kiln.arange 0.0 to 4.0 step 1.0 : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// CHECK-LABEL: func.func @generic_form
func.func @generic_form() -> tensor<2xf64> {
  // CHECK: kiln.arange -1.000000e+00 to 0.000000e+00 step 5.000000e-01 : tensor<2xf64>
  %0 = "kiln.arange"() <{start = -1.0 : f64, end = 0.0 : f64, step = 0.5 : f64}> : () -> tensor<2xf64>
  return %0 : tensor<2xf64>
}
