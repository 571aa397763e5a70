// Invalid norms, dropout and pad: statistics and affine shapes, ranks, groups, axis, too few values to train on, p, pad counts, crops and reflect/edge limits.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @bn_stats(%x: tensor<4x3x5xf32>, %m: tensor<4xf32>, %v: tensor<3xf32>) -> tensor<4x3x5xf32> {
  // expected-error@+1 {{'kiln.batch_norm' op running_mean must be float32 [3], got float32 [4]}}
  %y:3 = kiln.batch_norm %x, %m, %v : (tensor<4x3x5xf32>, tensor<4xf32>, tensor<3xf32>) -> (tensor<4x3x5xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0 : tensor<4x3x5xf32>
}

// -----

func.func @bn_weight_dtype(%x: tensor<4x3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %w: tensor<3xf64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{'kiln.batch_norm' op weight must be float32 [3], got float64 [3]}}
  %y:3 = kiln.batch_norm %x, %m, %v weight %w : (tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf64>) -> (tensor<4x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0 : tensor<4x3xf32>
}

// -----

func.func @bn_rank(%x: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.batch_norm' op expects an input [N, C, ...], got [3]}}
  %y:3 = kiln.batch_norm %x, %m, %v : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0 : tensor<3xf32>
}

// -----

func.func @bn_one_value(%x: tensor<1x3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<1x3xf32> {
  // expected-error@+1 {{'kiln.batch_norm' op training needs more than one value per channel, got input [1, 3]}}
  %y:3 = kiln.batch_norm %x, %m, %v training : (tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y#0 : tensor<1x3xf32>
}

// -----

func.func @ln_weight(%x: tensor<2x3x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.layer_norm' op weight must be float32 [3, 4] (the input's dims from axis 1) or broadcast to it, got float32 [4, 3]}}
  %y:3 = kiln.layer_norm %x weight %w axis 1 : (tensor<2x3x4xf32>, tensor<4x3xf32>) -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  return %y#0 : tensor<2x3x4xf32>
}

// -----

func.func @ln_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.layer_norm' op dimension 2 is out of range for rank 2 (expected [-2, 1])}}
  %y:3 = kiln.layer_norm %x axis 2 : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return %y#0 : tensor<2x3xf32>
}

// -----

func.func @gn_groups(%x: tensor<2x4x3xf32>) -> tensor<2x4x3xf32> {
  // expected-error@+1 {{'kiln.group_norm' op channels 4 of input [2, 4, 3] are not divisible into groups 3}}
  %0 = kiln.group_norm %x groups 3 : (tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

func.func @in_rank(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{'kiln.instance_norm' op expects an input [N, C, d1, ...], got [2, 4]}}
  %0 = kiln.instance_norm %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dropout_p(%x: tensor<4xf32>, %g: !kiln.generator) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.dropout' op p must be in [0, 1], got 1.5}}
  %y, %g1 = kiln.dropout %x, %g p 1.5 training : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @pad_count(%x: tensor<2x3xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{'kiln.pad' op pads must list 4 values (begins, then ends) for input [2, 3], got [1, 1]}}
  %0 = kiln.pad %x pads [1, 1] : (tensor<2x3xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @pad_crop(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'kiln.pad' op pads [0, -2, 0, -2] crop dim 1 of input [2, 3] below size 0}}
  %0 = kiln.pad %x pads [0, -2, 0, -2] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @pad_reflect(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{'kiln.pad' op reflect pads must be smaller than the dim: pads [0, 3, 0, 0] on input [2, 3]}}
  %0 = kiln.pad %x pads [0, 3, 0, 0] mode <reflect> : (tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @pad_edge(%x: tensor<2x1xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{'kiln.pad' op edge pads need a non-empty dim: pads [0, 1, 0, -2] on input [2, 1]}}
  %0 = kiln.pad %x pads [0, 1, 0, -2] mode <edge> : (tensor<2x1xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}
