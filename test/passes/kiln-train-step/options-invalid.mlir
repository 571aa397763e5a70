// kiln-train-step's option checks: an option the optimizer does not take, betas that are not two, a negative initial accumulator, no optimizer at all, and torch.optim's argument checks, which the update op's verifier reports at the parameter.
// RUN: not kiln-opt %s --kiln-train-step="optimizer=adam momentum=0.9" 2>&1 | FileCheck %s --check-prefix=NOT-TAKEN
// RUN: not kiln-opt %s --kiln-train-step="optimizer=rmsprop nesterov" 2>&1 | FileCheck %s --check-prefix=FLAG-NOT-TAKEN
// RUN: not kiln-opt %s --kiln-train-step="optimizer=adamw betas=0.9" 2>&1 | FileCheck %s --check-prefix=BETAS
// RUN: not kiln-opt %s --kiln-train-step="optimizer=adagrad initial_accumulator_value=-1" 2>&1 | FileCheck %s --check-prefix=ACCUMULATOR
// RUN: not kiln-opt %s --kiln-train-step 2>&1 | FileCheck %s --check-prefix=NO-OPTIMIZER
// RUN: not kiln-opt %s --kiln-train-step="optimizer=sgd lr=-0.1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE-LR
// RUN: not kiln-opt %s --kiln-train-step="optimizer=adam betas=0.9,1" 2>&1 | FileCheck %s --check-prefix=BETA2
// RUN: not kiln-opt %s --kiln-train-step="optimizer=sgd lr=0.1 nesterov" 2>&1 | FileCheck %s --check-prefix=NESTEROV

// NOT-TAKEN: :[[# @LINE + 8]]:1: error: kiln-train-step: adam takes no 'momentum' option
// FLAG-NOT-TAKEN: error: kiln-train-step: rmsprop takes no 'nesterov' option
// BETAS: error: kiln-train-step: betas takes two values, got 1
// ACCUMULATOR: error: kiln-train-step: initial_accumulator_value must be non-negative, got -1
// NO-OPTIMIZER: error: kiln-train-step: unknown optimizer '' (expected one of: sgd, adam, adamw, rmsprop, adagrad, adadelta)
// NEGATIVE-LR: :[[# @LINE + 4]]:{{[0-9]+}}: error: 'kiln.sgd_update' op lr must be non-negative, got -0.1
// BETA2: error: 'kiln.adam_update' op beta2 must be in [0, 1), got 1
// NESTEROV: error: 'kiln.sgd_update' op nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0
func.func @model(%x: tensor<3xf32> {kiln.input = "x"},
                 %w: tensor<3xf32> {kiln.param = "w"}) -> (tensor<f32> {kiln.output = "loss"}) {
  %0 = kiln.mul %x, %w : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = kiln.sum %0 : (tensor<3xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}
