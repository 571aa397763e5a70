// RUN: kiln-opt %s --kiln-lower-to-linalg -split-input-file -verify-diagnostics
// What the CPU lowering cannot handle is an error at the op, not a crash.

// Random draws must be materialized (kiln-materialize-random) first.
func.func @random() -> tensor<2xf32> {
  // expected-error@+1 {{'kiln.manual_seed' op must be evaluated by kiln-materialize-random before lowering}}
  %g = kiln.manual_seed 0
  %r, %g1 = kiln.randn %g : tensor<2xf32>
  return %r : tensor<2xf32>
}
