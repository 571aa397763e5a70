// RUN: kiln-opt %s --kiln-autodiff -split-input-file | FileCheck %s
// The backward graphs of the shape ops: each moves the gradient back to
// where the elements came from.

// CHECK-LABEL: func.func @reshape(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<3x4xf32>
// CHECK: %[[R:.*]] = kiln.reshape %[[G]] [2, 6] : (tensor<3x4xf32>) -> tensor<2x6xf32>
// CHECK: return %{{.*}}, %[[R]]
func.func @reshape(%x: tensor<2x6xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.reshape %x [3, -1] : (tensor<2x6xf32>) -> tensor<3x4xf32>
  %loss = kiln.sum %y : (tensor<3x4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// A transpose is its own inverse.
// CHECK-LABEL: func.func @transpose(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<4x3x2xf32>
// CHECK: %[[T:.*]] = kiln.transpose %[[G]] 0, -1 : (tensor<4x3x2xf32>) -> tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[T]]
func.func @transpose(%x: tensor<2x3x4xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.transpose %x 0, -1 : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %loss = kiln.sum %y : (tensor<4x3x2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// The inverse permutation of [2, 0, -2] = [2, 0, 1] is [1, 2, 0].
// CHECK-LABEL: func.func @permute(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<4x2x3xf32>
// CHECK: %[[P:.*]] = kiln.permute %[[G]] [1, 2, 0] : (tensor<4x2x3xf32>) -> tensor<2x3x4xf32>
// CHECK: return %{{.*}}, %[[P]]
func.func @permute(%x: tensor<2x3x4xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.permute %x [2, 0, -2] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %loss = kiln.sum %y : (tensor<4x2x3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// expand sums the gradient over the new and the expanded dims.
// CHECK-LABEL: func.func @expand(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x3x4xf32>
// CHECK: %[[S:.*]] = kiln.sum %[[G]] dim [0, 2] keepdim : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[R:.*]] = kiln.reshape %[[S]] [3, 1] : (tensor<1x3x1xf32>) -> tensor<3x1xf32>
// CHECK: return %{{.*}}, %[[R]]
func.func @expand(%x: tensor<3x1xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %y = kiln.expand %x [2, -1, 4] : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %loss = kiln.sum %y : (tensor<2x3x4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// Each input of cat gets its slice of the gradient, cast back to its dtype.
// CHECK-LABEL: func.func @cat(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x5xf64>
// CHECK: %[[X:.*]] = kiln.slice %[[G]] dim 1 [0 : 3 : 1] : (tensor<2x5xf64>) -> tensor<2x3xf64>
// CHECK: %[[XC:.*]] = kiln.cast %[[X]] : tensor<2x3xf64> to tensor<2x3xf32>
// CHECK: %[[Y:.*]] = kiln.slice %[[G]] dim 1 [3 : 5 : 1] : (tensor<2x5xf64>) -> tensor<2x2xf64>
// CHECK: return %{{.*}}, %[[XC]], %[[Y]]
func.func @cat(%x: tensor<2x3xf32> {kiln.param = "x"}, %y: tensor<2x2xf64> {kiln.param = "y"})
    -> (tensor<f64> {kiln.output = "loss"}) {
  %c = kiln.cat %x, %y dim -1 : (tensor<2x3xf32>, tensor<2x2xf64>) -> tensor<2x5xf64>
  %loss = kiln.sum %c : (tensor<2x5xf64>) -> tensor<f64>
  return %loss : tensor<f64>
}

// -----

// CHECK-LABEL: func.func @stack(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x2x3xf32>
// CHECK: %[[X:.*]] = kiln.slice %[[G]] dim 1 [0 : 1 : 1] : (tensor<2x2x3xf32>) -> tensor<2x1x3xf32>
// CHECK: %[[XR:.*]] = kiln.reshape %[[X]] [2, 3]
// CHECK: %[[Y:.*]] = kiln.slice %[[G]] dim 1 [1 : 2 : 1] : (tensor<2x2x3xf32>) -> tensor<2x1x3xf32>
// CHECK: %[[YR:.*]] = kiln.reshape %[[Y]] [2, 3]
// CHECK: return %{{.*}}, %[[XR]], %[[YR]]
func.func @stack(%x: tensor<2x3xf32> {kiln.param = "x"}, %y: tensor<2x3xf32> {kiln.param = "y"})
    -> (tensor<f32> {kiln.output = "loss"}) {
  %c = kiln.stack %x, %y dim -2 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2x3xf32>
  %loss = kiln.sum %c : (tensor<2x2x3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// x[:, 1:8:3] takes columns 1, 4, 7 of 8: two zeros follow each gradient
// column (-> columns 0, 3, 6 of 9), the 9th column would lie past the end
// and is cut, and one zero column goes before.
// CHECK-LABEL: func.func @slice_step(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<3x3xf32>
// CHECK: %[[U:.*]] = kiln.unsqueeze %[[G]] dim 2 : (tensor<3x3xf32>) -> tensor<3x3x1xf32>
// CHECK: %[[Z:.*]] = kiln.zeros : tensor<3x3x2xf32>
// CHECK: %[[I:.*]] = kiln.cat %[[U]], %[[Z]] dim 2 : (tensor<3x3x1xf32>, tensor<3x3x2xf32>) -> tensor<3x3x3xf32>
// CHECK: %[[R:.*]] = kiln.reshape %[[I]] [3, 9] : (tensor<3x3x3xf32>) -> tensor<3x9xf32>
// CHECK: %[[C:.*]] = kiln.slice %[[R]] dim 1 [0 : 7 : 1] : (tensor<3x9xf32>) -> tensor<3x7xf32>
// CHECK: %[[B:.*]] = kiln.zeros : tensor<3x1xf32>
// CHECK: %[[X:.*]] = kiln.cat %[[B]], %[[C]] dim 1 : (tensor<3x1xf32>, tensor<3x7xf32>) -> tensor<3x8xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @slice_step(%x: tensor<3x8xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %s = kiln.slice %x dim 1 [1 : 8 : 3] : (tensor<3x8xf32>) -> tensor<3x3xf32>
  %loss = kiln.sum %s : (tensor<3x3xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// Rows -4:5 of 6 are rows 2, 3, 4: zeros before and after.
// CHECK-LABEL: func.func @slice(
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<3x2xf32>
// CHECK: %[[B:.*]] = kiln.zeros : tensor<2x2xf32>
// CHECK: %[[A:.*]] = kiln.zeros : tensor<1x2xf32>
// CHECK: %[[X:.*]] = kiln.cat %[[B]], %[[G]], %[[A]] dim 0 : (tensor<2x2xf32>, tensor<3x2xf32>, tensor<1x2xf32>) -> tensor<6x2xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @slice(%x: tensor<6x2xf32> {kiln.param = "x"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %s = kiln.slice %x dim 0 [-4 : 5 : 1] : (tensor<6x2xf32>) -> tensor<3x2xf32>
  %loss = kiln.sum %s : (tensor<3x2xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// gather's scatter-add: the index compared with every position along dim 1
// on a new axis, times the gradient, summed over dim 1; the index had 2 of
// the 3 rows, so a zero row pads the result.
// CHECK-LABEL: func.func @gather(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x5xf32> {kiln.param = "x"}, %[[I:[^:]+]]: tensor<2x4xi64>)
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<2x4xf32>
// CHECK: %[[P:.*]] = kiln.arange 0.000000e+00 to 5.000000e+00 step 1.000000e+00 : tensor<5xi64>
// CHECK: %[[PR:.*]] = kiln.reshape %[[P]] [1, 1, 5] : (tensor<5xi64>) -> tensor<1x1x5xi64>
// CHECK: %[[IU:.*]] = kiln.unsqueeze %[[I]] dim 2 : (tensor<2x4xi64>) -> tensor<2x4x1xi64>
// CHECK: %[[EQ:.*]] = kiln.eq %[[IU]], %[[PR]] : (tensor<2x4x1xi64>, tensor<1x1x5xi64>) -> tensor<2x4x5xi1>
// CHECK: %[[H:.*]] = kiln.cast %[[EQ]] : tensor<2x4x5xi1> to tensor<2x4x5xf32>
// CHECK: %[[GU:.*]] = kiln.unsqueeze %[[G]] dim 2 : (tensor<2x4xf32>) -> tensor<2x4x1xf32>
// CHECK: %[[M:.*]] = kiln.mul %[[H]], %[[GU]] : (tensor<2x4x5xf32>, tensor<2x4x1xf32>) -> tensor<2x4x5xf32>
// CHECK: %[[S:.*]] = kiln.sum %[[M]] dim [1] : (tensor<2x4x5xf32>) -> tensor<2x5xf32>
// CHECK: %[[Z:.*]] = kiln.zeros : tensor<1x5xf32>
// CHECK: %[[X:.*]] = kiln.cat %[[S]], %[[Z]] dim 0 : (tensor<2x5xf32>, tensor<1x5xf32>) -> tensor<3x5xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @gather(%x: tensor<3x5xf32> {kiln.param = "x"}, %i: tensor<2x4xi64>) -> (tensor<f32> {kiln.output = "loss"}) {
  %g = kiln.gather %x, %i dim -1 : (tensor<3x5xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
  %loss = kiln.sum %g : (tensor<2x4xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}

// -----

// index_select's index-add: the gradient, with dim 0 moved last, times the
// one-hot matrix of the index.
// CHECK-LABEL: func.func @index_select(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x5xf32> {kiln.param = "x"}, %[[I:[^:]+]]: tensor<4xi32>)
// CHECK: kiln.constant dense<1.000000e+00>
// CHECK: %[[G:.*]] = kiln.expand {{.*}} -> tensor<4x5xf32>
// CHECK: %[[P:.*]] = kiln.arange 0.000000e+00 to 3.000000e+00 step 1.000000e+00 : tensor<3xi32>
// CHECK: %[[PR:.*]] = kiln.reshape %[[P]] [1, 3]
// CHECK: %[[IU:.*]] = kiln.unsqueeze %[[I]] dim 1 : (tensor<4xi32>) -> tensor<4x1xi32>
// CHECK: %[[EQ:.*]] = kiln.eq %[[IU]], %[[PR]] : (tensor<4x1xi32>, tensor<1x3xi32>) -> tensor<4x3xi1>
// CHECK: %[[H:.*]] = kiln.cast %[[EQ]] : tensor<4x3xi1> to tensor<4x3xf32>
// CHECK: %[[GT:.*]] = kiln.transpose %[[G]] 0, 1 : (tensor<4x5xf32>) -> tensor<5x4xf32>
// CHECK: %[[M:.*]] = kiln.matmul %[[GT]], %[[H]] : (tensor<5x4xf32>, tensor<4x3xf32>) -> tensor<5x3xf32>
// CHECK: %[[X:.*]] = kiln.transpose %[[M]] 0, 1 : (tensor<5x3xf32>) -> tensor<3x5xf32>
// CHECK: return %{{.*}}, %[[X]]
func.func @index_select(%x: tensor<3x5xf32> {kiln.param = "x"}, %i: tensor<4xi32>) -> (tensor<f32> {kiln.output = "loss"}) {
  %g = kiln.index_select %x, %i dim 0 : (tensor<3x5xf32>, tensor<4xi32>) -> tensor<4x5xf32>
  %loss = kiln.sum %g : (tensor<4x5xf32>) -> tensor<f32>
  return %loss : tensor<f32>
}
