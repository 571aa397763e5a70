// Invalid kiln.conv and kiln.conv_transpose: ranks, channels, groups, bias, window attributes, window arithmetic past int64, too small inputs, output_padding, result type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<3x8xf32>, %w: tensor<4x3xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'kiln.conv' op expects an input [N, C, d1, ...] with 1 to 3 spatial dims, got [3, 8]}}
  %0 = kiln.conv %x, %w : (tensor<3x8xf32>, tensor<4x3xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{'kiln.conv' op weight [4, 3, 3] must have the input's rank: input [1, 3, 8, 8]}}
  %0 = kiln.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{'kiln.conv' op weight [4, 2, 3, 3] expects 2 input channels (weight.size(1) * groups = 2 * 1) but input [1, 3, 8, 8] has 3}}
  %0 = kiln.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @groups_divide_input(%x: tensor<1x3x8xf32>, %w: tensor<4x1x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op input channels 3 are not divisible by groups 2: input [1, 3, 8]}}
  %0 = kiln.conv %x, %w groups 2 : (tensor<1x3x8xf32>, tensor<4x1x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @groups_divide_output(%x: tensor<1x4x8xf32>, %w: tensor<3x2x3xf32>) -> tensor<1x3x6xf32> {
  // expected-error@+1 {{'kiln.conv' op output channels 3 of weight [3, 2, 3] are not divisible by groups 2}}
  %0 = kiln.conv %x, %w groups 2 : (tensor<1x4x8xf32>, tensor<3x2x3xf32>) -> tensor<1x3x6xf32>
  return %0 : tensor<1x3x6xf32>
}

// -----

func.func @groups_zero(%x: tensor<1x4x8xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op groups must be positive, got 0}}
  %0 = kiln.conv %x, %w groups 0 : (tensor<1x4x8xf32>, tensor<4x2x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @bias_shape(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op bias must be float32 [4], got float32 [3]}}
  %0 = kiln.conv %x, %w, %b : (tensor<1x3x8xf32>, tensor<4x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @dtypes(%x: tensor<1x3x8xf64>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6xf64> {
  // expected-error@+1 {{'kiln.conv' op input and weight dtypes differ: float64 vs float32}}
  %0 = kiln.conv %x, %w : (tensor<1x3x8xf64>, tensor<4x3x3xf32>) -> tensor<1x4x6xf64>
  return %0 : tensor<1x4x6xf64>
}

// -----

func.func @stride_entries(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32> {
  // expected-error@+1 {{'kiln.conv' op stride has 1 entries but there are 2 spatial dims: [2]}}
  %0 = kiln.conv %x, %w stride [2] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}

// -----

func.func @stride_zero(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op stride must be at least 1, got [0]}}
  %0 = kiln.conv %x, %w stride [0] : (tensor<1x3x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @padding_entries(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{'kiln.conv' op padding must list 2 pads (both sides) or 4 (begins, then ends), got [1, 1, 1]}}
  %0 = kiln.conv %x, %w padding [1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @padding_negative(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op padding must not be negative, got [-1, 0]}}
  %0 = kiln.conv %x, %w padding [-1, 0] : (tensor<1x3x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

// The dilated kernel spans 2 * (3 - 1) + 1 = 5 positions; the input has 4.
func.func @input_too_small(%x: tensor<1x3x4xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'kiln.conv' op spatial dim 0 of input [1, 3, 4] is 4 after padding, smaller than the dilated kernel's 5}}
  %0 = kiln.conv %x, %w dilation [2] : (tensor<1x3x4xf32>, tensor<4x3x3xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

func.func @wrong_result(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x8xf32> {
  // expected-error@+1 {{'kiln.conv' op result 0 has type 'tensor<1x4x8xf32>' but the operands give 'tensor<1x4x6xf32>'}}
  %0 = kiln.conv %x, %w : (tensor<1x3x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x8xf32>
  return %0 : tensor<1x4x8xf32>
}

// -----

func.func @integer_input(%x: tensor<1x3x8xi64>, %w: tensor<4x3x3xi64>) -> tensor<1x4x6xi64> {
  // expected-error@+1 {{'kiln.conv' op operand #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<1x3x8xi64>'}}
  %0 = kiln.conv %x, %w : (tensor<1x3x8xi64>, tensor<4x3x3xi64>) -> tensor<1x4x6xi64>
  return %0 : tensor<1x4x6xi64>
}

// -----

// conv_transpose's weight is [C_in, C_out / groups, k]: its dim 0 is the input's channels.
func.func @transpose_channels(%x: tensor<1x4x5xf32>, %w: tensor<2x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'kiln.conv_transpose' op weight [2, 4, 3] expects 2 input channels but input [1, 4, 5] has 4}}
  %0 = kiln.conv_transpose %x, %w : (tensor<1x4x5xf32>, tensor<2x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @transpose_output_padding(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x2x13xf32> {
  // expected-error@+1 {{'kiln.conv_transpose' op output_padding [2] must be smaller than the stride or the dilation in each dim ([2], [1])}}
  %0 = kiln.conv_transpose %x, %w stride [2] output_padding [2] : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x13xf32>
  return %0 : tensor<1x2x13xf32>
}

// -----

// (1 - 1) * 1 - 2 - 2 + 2 + 1 = -1.
func.func @transpose_cropped_away(%x: tensor<1x4x1xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x2x1xf32> {
  // expected-error@+1 {{'kiln.conv_transpose' op spatial dim 0 of the output is -1 for input [1, 4, 1]: the padding crops more than there is}}
  %0 = kiln.conv_transpose %x, %w padding [2] : (tensor<1x4x1xf32>, tensor<4x2x3xf32>) -> tensor<1x2x1xf32>
  return %0 : tensor<1x2x1xf32>
}

// -----

func.func @transpose_bias(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<4xf32>) -> tensor<1x2x7xf32> {
  // expected-error@+1 {{'kiln.conv_transpose' op bias must be float32 [2], got float32 [4]}}
  %0 = kiln.conv_transpose %x, %w, %b : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<4xf32>) -> tensor<1x2x7xf32>
  return %0 : tensor<1x2x7xf32>
}

// -----

// Window arithmetic that overflows int64 is an error, not a wrapped size.
func.func @padding_overflow(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op spatial dim 0 of input [1, 3, 8] with kernel [3], stride [1], padding [9223372036854775807] and [9223372036854775807], dilation [1] overflows int64}}
  %0 = kiln.conv %x, %w padding [9223372036854775807] : (tensor<1x3x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @dilation_overflow(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv' op spatial dim 0 of input [1, 3, 8] with kernel [3], stride [1], padding [0] and [0], dilation [4611686018427387904] overflows int64}}
  %0 = kiln.conv %x, %w dilation [4611686018427387904] : (tensor<1x3x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

func.func @transposed_stride_overflow(%x: tensor<1x3x8xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'kiln.conv_transpose' op spatial dim 0 of input [1, 3, 8] with kernel [3], stride [2305843009213693952], padding [0] and [0], dilation [1] overflows int64}}
  %0 = kiln.conv_transpose %x, %w stride [2305843009213693952] : (tensor<1x3x8xf32>, tensor<3x4x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}
