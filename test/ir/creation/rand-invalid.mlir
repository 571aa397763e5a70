// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.rand: non-float or dynamic results, a non-generator operand, a missing next state.

// torch.rand only produces floating-point tensors.
func.func @int64_result(%g: !kiln.generator) -> tensor<3xi64> {
  // expected-error@+1 {{'kiln.rand' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xi64>'}}
  %x, %g1 = kiln.rand %g : tensor<3xi64>
  return %x : tensor<3xi64>
}

// -----

func.func @bool_result(%g: !kiln.generator) -> tensor<3xi1> {
  // expected-error@+1 {{'kiln.rand' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xi1>'}}
  %x, %g1 = kiln.rand %g : tensor<3xi1>
  return %x : tensor<3xi1>
}

// -----

func.func @float16_result(%g: !kiln.generator) -> tensor<3xf16> {
  // expected-error@+1 {{'kiln.rand' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<3xf16>'}}
  %x, %g1 = kiln.rand %g : tensor<3xf16>
  return %x : tensor<3xf16>
}

// -----

func.func @dynamic_result(%g: !kiln.generator) -> tensor<?xf32> {
  // expected-error@+1 {{'kiln.rand' op result #0 must be statically shaped tensor of 32-bit float or 64-bit float values, but got 'tensor<?xf32>'}}
  %x, %g1 = kiln.rand %g : tensor<?xf32>
  return %x : tensor<?xf32>
}

// -----

func.func @tensor_generator(%t: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.rand' op operand #0 must be State of a PyTorch-compatible CPU random generator, but got 'tensor<2xf32>'}}
  %x, %g1 = "kiln.rand"(%t) : (tensor<2xf32>) -> (tensor<3xf32>, !kiln.generator)
  return %x : tensor<3xf32>
}

// -----

func.func @missing_next_state(%g: !kiln.generator) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.rand' op expected 2 results}}
  %x = "kiln.rand"(%g) : (!kiln.generator) -> tensor<3xf32>
  return %x : tensor<3xf32>
}
