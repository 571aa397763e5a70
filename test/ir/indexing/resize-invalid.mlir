// Diagnostics of kiln.resize: modes, missing or misshaped sizes and scales, result shape, a scale too large.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @cubic(%x: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error@+1 {{'kiln.resize' op mode 'cubic' is not supported (expected nearest or linear)}}
  %0 = kiln.resize %x sizes [1, 8] {mode = "cubic"} : (tensor<1x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @crop(%x: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error@+1 {{'kiln.resize' op coordinate_transformation_mode 'tf_crop_and_resize' is not supported (expected one of half_pixel, pytorch_half_pixel, align_corners, asymmetric, tf_half_pixel_for_nn)}}
  %0 = kiln.resize %x sizes [1, 8] {coordinate_transformation_mode = "tf_crop_and_resize"} : (tensor<1x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @nearest_mode(%x: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error@+1 {{'kiln.resize' op nearest_mode 'round' is not supported (expected one of round_prefer_floor, round_prefer_ceil, floor, ceil)}}
  %0 = kiln.resize %x sizes [1, 8] {nearest_mode = "round"} : (tensor<1x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @neither(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'kiln.resize' op needs sizes or scales}}
  %0 = kiln.resize %x : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @sizes_rank(%x: tensor<1x4xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{'kiln.resize' op sizes [8] must have one entry per dimension of the input [1, 4]}}
  %0 = kiln.resize %x sizes [8] : (tensor<1x4xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @scale(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'kiln.resize' op scale 0 of dimension 1 must be positive}}
  %0 = kiln.resize %x scales [1.0, 0.0] : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @result(%x: tensor<1x4xf32>) -> tensor<1x9xf32> {
  // expected-error@+1 {{'kiln.resize' op result 0 has type 'tensor<1x9xf32>' but the operands give 'tensor<1x8xf32>'}}
  %0 = kiln.resize %x scales [1.0, 2.0] : (tensor<1x4xf32>) -> tensor<1x9xf32>
  return %0 : tensor<1x9xf32>
}

// -----

func.func @huge_scale(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'kiln.resize' op scale 1e+30 of dimension 1 gives a size too large to hold}}
  %0 = kiln.resize %x scales [1.0, 1.0e30] : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
