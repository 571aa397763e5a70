// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.randn: non-float or dynamic results, a non-generator operand, a missing next state.

// torch.randn only produces floating-point tensors.
func.func @int64_result(%g: !kiln.generator) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.randn' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xi64>'}}
  %x, %g1 = kiln.randn %g : tensor<3xi64>
  return %x : tensor<3xi64>
}

// -----

func.func @bool_result(%g: !kiln.generator) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.randn' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xi1>'}}
  %x, %g1 = kiln.randn %g : tensor<3xi1>
  return %x : tensor<3xi1>
}

// -----

func.func @float16_result(%g: !kiln.generator) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.randn' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xf16>'}}
  %x, %g1 = kiln.randn %g : tensor<3xf16>
  return %x : tensor<3xf16>
}

// -----

func.func @dynamic_result(%g: !kiln.generator) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.randn' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<?xf32>'}}
  %x, %g1 = kiln.randn %g : tensor<?xf32>
  return %x : tensor<?xf32>
}

// -----

func.func @tensor_generator(%t: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.randn' op operand #0 must be State of a PyTorch-compatible CPU random generator, but got 'tensor<2xf32>'}}
  %x, %g1 = "kiln.randn"(%t) : (tensor<2xf32>) -> (tensor<3xf32>, !kiln.generator)
  return %x : tensor<3xf32>
}

// -----

func.func @missing_next_state(%g: !kiln.generator) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.randn' op expected 2 results}}
  %x = "kiln.randn"(%g) : (!kiln.generator) -> tensor<3xf32>
  return %x : tensor<3xf32>
}
