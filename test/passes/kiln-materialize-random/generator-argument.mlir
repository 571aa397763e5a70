// RUN: kiln-opt %s --kiln-materialize-random -verify-diagnostics

// A generator passed in from outside has no known seed, so its draws cannot
// become constants; the pass says so at the draw instead of guessing.
func.func @from_argument(%g0: !kiln.generator) -> tensor<3xf32> {
  // expected-error @below {{'kiln.randn' op draws from a generator that no kiln.manual_seed seeds, so its values are not known}}
  %a, %g1 = kiln.randn %g0 : tensor<3xf32>
  return %a : tensor<3xf32>
}
