// Invalid kiln.fusion regions: arguments and yielded values must match the op's inputs and results, and the region sees nothing from above.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @argument_type(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.fusion' op region arguments must have the types of the inputs}}
  %r = kiln.fusion <pointwise>(%x) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf64>):
    %c = kiln.cast %a : tensor<4xf64> to tensor<4xf32>
    kiln.yield %c : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @yield_type(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.fusion' op kiln.yield must return the types of the results}}
  %r = kiln.fusion <pointwise>(%x) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %c = kiln.cast %a : tensor<4xf32> to tensor<4xf64>
    kiln.yield %c : tensor<4xf64>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @captures(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-note@+1 {{required by region isolation constraints}}
  %r = kiln.fusion <pointwise>() : () -> tensor<4xf32> {
    // expected-error@+1 {{using value defined outside the region}}
    %n = kiln.neg %x : (tensor<4xf32>) -> tensor<4xf32>
    kiln.yield %n : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
