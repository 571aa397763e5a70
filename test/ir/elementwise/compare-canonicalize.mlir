// RUN: kiln-opt %s --canonicalize | FileCheck %s
// Comparisons, where and abs over constants fold to constants, as the shape
// computations of ONNX exports use them. Comparisons compute in the operands'
// promoted dtype; NaN is unordered (only ne holds).

// CHECK-LABEL: func.func @compare_int
// CHECK-DAG: %[[EQ:.*]] = kiln.constant dense<[false, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[NE:.*]] = kiln.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[LT:.*]] = kiln.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-DAG: %[[LE:.*]] = kiln.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[GT:.*]] = kiln.constant dense<[false, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[GE:.*]] = kiln.constant dense<[false, true, true]> : tensor<3xi1>
// CHECK-NOT: kiln.{{eq|ne|lt|le|gt|ge}}
// CHECK: return %[[EQ]], %[[NE]], %[[LT]], %[[LE]], %[[GT]], %[[GE]]
func.func @compare_int() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = kiln.constant dense<[-1, 2, 5]> : tensor<3xi64>
  %b = kiln.constant dense<2> : tensor<i64>
  %0 = kiln.eq %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %1 = kiln.ne %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %2 = kiln.lt %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %3 = kiln.le %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %4 = kiln.gt %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %5 = kiln.ge %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// uint8 compares unsigned: 200 > 100.
// CHECK-LABEL: func.func @compare_unsigned
// CHECK: %[[C:.*]] = kiln.constant dense<true> : tensor<i1>
// CHECK: return %[[C]]
func.func @compare_unsigned() -> tensor<i1> {
  %a = kiln.constant dense<200> : tensor<ui8>
  %b = kiln.constant dense<100> : tensor<ui8>
  %0 = kiln.gt %a, %b : (tensor<ui8>, tensor<ui8>) -> tensor<i1>
  return %0 : tensor<i1>
}

// int64 against float32 compares in float32 (2.5 > 2); NaN is unordered.
// CHECK-LABEL: func.func @compare_promoted_nan
// CHECK-DAG: %[[GT:.*]] = kiln.constant dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: %[[NE:.*]] = kiln.constant dense<true> : tensor<2xi1>
// CHECK: return %[[GT]], %[[NE]]
func.func @compare_promoted_nan() -> (tensor<2xi1>, tensor<2xi1>) {
  %a = kiln.constant dense<[2.5, 0x7FC00000]> : tensor<2xf32>
  %b = kiln.constant dense<2> : tensor<2xi64>
  %0 = kiln.gt %a, %b : (tensor<2xf32>, tensor<2xi64>) -> tensor<2xi1>
  %1 = kiln.ne %a, %b : (tensor<2xf32>, tensor<2xi64>) -> tensor<2xi1>
  return %0, %1 : tensor<2xi1>, tensor<2xi1>
}

// A comparison with a value not known stays.
// CHECK-LABEL: func.func @compare_unknown
// CHECK: kiln.eq
func.func @compare_unknown(%x: tensor<3xi64>) -> tensor<3xi1> {
  %b = kiln.constant dense<2> : tensor<i64>
  %0 = kiln.eq %x, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// The where of torchvision's ViT export: Where(Equal(shape, -1), 1, shape),
// a mixed condition broadcast against both values.
// CHECK-LABEL: func.func @where_mixed
// CHECK: %[[C:.*]] = kiln.constant dense<[2, 1, 32]> : tensor<3xi64>
// CHECK-NOT: kiln.where
// CHECK: return %[[C]]
func.func @where_mixed() -> tensor<3xi64> {
  %shape = kiln.constant dense<[2, -1, 32]> : tensor<3xi64>
  %m = kiln.constant dense<-1> : tensor<i64>
  %one = kiln.constant dense<1> : tensor<i64>
  %c = kiln.eq %shape, %m : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %0 = kiln.where %c, %one, %shape : (tensor<3xi1>, tensor<i64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// The values convert to the result's dtype: int64 and float32 give float32.
// CHECK-LABEL: func.func @where_promotes
// CHECK: %[[C:.*]] = kiln.constant dense<{{\[}}[3.000000e+00, 5.000000e-01], [3.000000e+00, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK: return %[[C]]
func.func @where_promotes() -> tensor<2x2xf32> {
  %c = kiln.constant dense<[true, false]> : tensor<2xi1>
  %a = kiln.constant dense<3> : tensor<i64>
  %b = kiln.constant dense<[[0.5], [0.25]]> : tensor<2x1xf32>
  %0 = kiln.where %c, %a, %b : (tensor<2xi1>, tensor<i64>, tensor<2x1xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @abs
// CHECK-DAG: kiln.constant dense<[3, 0, 4]> : tensor<3xi32>
// CHECK-DAG: kiln.constant dense<[1.500000e+00, 0.000000e+00]> : tensor<2xf64>
// CHECK-NOT: kiln.abs
func.func @abs() -> (tensor<3xi32>, tensor<2xf64>) {
  %a = kiln.constant dense<[-3, 0, 4]> : tensor<3xi32>
  %b = kiln.constant dense<[-1.5, -0.0]> : tensor<2xf64>
  %0 = kiln.abs %a : (tensor<3xi32>) -> tensor<3xi32>
  %1 = kiln.abs %b : (tensor<2xf64>) -> tensor<2xf64>
  return %0, %1 : tensor<3xi32>, tensor<2xf64>
}
