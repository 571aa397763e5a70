// Invalid pooling ops: kernel rank, zero kernel, pads past the window, too small inputs, stride entries, window arithmetic past int64, max_pool_backward's gradient type.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @kernel_rank(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x8xf32> {
  // expected-error@+1 {{'kiln.max_pool' op kernel [2] has 1 dims but input [1, 3, 8, 8] has 2 spatial dims}}
  %0 = kiln.max_pool %x kernel [2] : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x8xf32>
  return %0 : tensor<1x3x4x8xf32>
}

// -----

func.func @kernel_zero(%x: tensor<1x3x8xf32>) -> tensor<1x3x8xf32> {
  // expected-error@+1 {{'kiln.avg_pool' op kernel sizes must be positive, got [0]}}
  %0 = kiln.avg_pool %x kernel [0] : (tensor<1x3x8xf32>) -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

// A window [-3, -1] would hold no input element.
func.func @pad_past_window(%x: tensor<1x3x8xf32>) -> tensor<1x3x6xf32> {
  // expected-error@+1 {{'kiln.max_pool' op pads [3] and [0] must be smaller than the dilated window [3] in every dim}}
  %0 = kiln.max_pool %x kernel [3] stride [2] padding [3, 0] : (tensor<1x3x8xf32>) -> tensor<1x3x6xf32>
  return %0 : tensor<1x3x6xf32>
}

// -----

func.func @input_too_small(%x: tensor<1x3x2x8xf32>) -> tensor<1x3x1x2xf32> {
  // expected-error@+1 {{'kiln.max_pool' op spatial dim 0 of input [1, 3, 2, 8] is 2 after padding, smaller than the dilated kernel's 3}}
  %0 = kiln.max_pool %x kernel [3, 3] : (tensor<1x3x2x8xf32>) -> tensor<1x3x1x2xf32>
  return %0 : tensor<1x3x1x2xf32>
}

// -----

func.func @stride_entries(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error@+1 {{'kiln.avg_pool' op stride has 3 entries but there are 2 spatial dims: [2, 2, 2]}}
  %0 = kiln.avg_pool %x kernel [2, 2] stride [2, 2, 2] : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @wrong_result(%x: tensor<1x3x9xf32>) -> tensor<1x3x5xf32> {
  // expected-error@+1 {{'kiln.max_pool' op result 0 has type 'tensor<1x3x5xf32>' but the operands give 'tensor<1x3x4xf32>'}}
  %0 = kiln.max_pool %x kernel [2] : (tensor<1x3x9xf32>) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

func.func @backward_grad(%g: tensor<1x3x5xf32>, %x: tensor<1x3x8xf32>) -> tensor<1x3x8xf32> {
  // expected-error@+1 {{'kiln.max_pool_backward' op grad must have the pooled type, got [1, 3, 5] for pooled [1, 3, 4]}}
  %0 = kiln.max_pool_backward %g, %x kernel [2] : (tensor<1x3x5xf32>, tensor<1x3x8xf32>) -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

// The dilated window's extent overflows int64: an error, not a wrapped size.
func.func @window_overflow(%x: tensor<1x3x8xf32>) -> tensor<1x3x1xf32> {
  // expected-error@+1 {{'kiln.max_pool' op spatial dim 0 of input [1, 3, 8] with kernel [4611686018427387904], stride [1], padding [0] and [0], dilation [4] overflows int64}}
  %0 = kiln.max_pool %x kernel [4611686018427387904] stride [1] dilation [4] : (tensor<1x3x8xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}
