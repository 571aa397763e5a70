// RUN: kiln-opt %s -split-input-file -verify-diagnostics
// Invalid kiln.manual_seed: missing or non-integer seed, wrong result type.

func.func @missing_seed() -> !kiln.generator {
  // expected-error@+1 {{'kiln.manual_seed' op requires attribute 'seed'}}
  %0 = "kiln.manual_seed"() : () -> !kiln.generator
  return %0 : !kiln.generator
}

// -----

func.func @float_seed() -> !kiln.generator {
  // expected-error@+1 {{invalid properties {seed = 1.500000e+00 : f64} for op kiln.manual_seed: Invalid attribute `seed` in property conversion: 1.500000e+00 : f64}}
  %0 = "kiln.manual_seed"() <{seed = 1.5 : f64}> : () -> !kiln.generator
  return %0 : !kiln.generator
}

// -----

func.func @i32_seed() -> !kiln.generator {
  // expected-error@+1 {{'kiln.manual_seed' op attribute 'seed' failed to satisfy constraint: 64-bit signed integer attribute}}
  %0 = "kiln.manual_seed"() <{seed = 3 : i32}> : () -> !kiln.generator
  return %0 : !kiln.generator
}

// -----

func.func @tensor_result() -> tensor<i64> {
  // expected-error@+1 {{'kiln.manual_seed' op result #0 must be State of a PyTorch-compatible CPU random generator, but got 'tensor<i64>'}}
  %0 = "kiln.manual_seed"() <{seed = 3 : i64}> : () -> tensor<i64>
  return %0 : tensor<i64>
}
