// kiln-train-step with Adam and amsgrad, after kiln-decompose (the model's linear and mse_loss are composites): each float parameter gets exp_avg, exp_avg_sq and max_exp_avg_sq states of its type, in that order; the options set become the update's attributes, the others keep torch's defaults. A second kiln-decompose (the CPU pipeline's first pass) expands the updates.
// RUN: kiln-opt %s --kiln-decompose --kiln-train-step="optimizer=adam amsgrad lr=0.01 betas=0.8,0.99 weight_decay=0.1" | FileCheck %s
// RUN: kiln-opt %s --kiln-decompose --kiln-train-step="optimizer=adam amsgrad" --kiln-decompose | FileCheck %s --check-prefix=DECOMPOSED

// CHECK-LABEL: func.func @regression
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf64> {kiln.input = "x"}, %[[Y:.*]]: tensor<8x2xf64> {kiln.input = "y"},
// CHECK-SAME: %[[W:.*]]: tensor<2x3xf64> {kiln.init = "kaiming_uniform", kiln.param = "fc.weight"},
// CHECK-SAME: %[[B:.*]]: tensor<2xf64> {kiln.init = "zeros", kiln.param = "fc.bias"},
// CHECK-SAME: %[[STEP:.*]]: tensor<f64> {kiln.state = "step"},
// CHECK-SAME: %[[WM:.*]]: tensor<2x3xf64> {kiln.state = "fc.weight.exp_avg"},
// CHECK-SAME: %[[WV:.*]]: tensor<2x3xf64> {kiln.state = "fc.weight.exp_avg_sq"},
// CHECK-SAME: %[[WVMAX:.*]]: tensor<2x3xf64> {kiln.state = "fc.weight.max_exp_avg_sq"},
// CHECK-SAME: %[[BM:.*]]: tensor<2xf64> {kiln.state = "fc.bias.exp_avg"},
// CHECK-SAME: %[[BV:.*]]: tensor<2xf64> {kiln.state = "fc.bias.exp_avg_sq"},
// CHECK-SAME: %[[BVMAX:.*]]: tensor<2xf64> {kiln.state = "fc.bias.max_exp_avg_sq"})
// CHECK-SAME: -> (tensor<f64> {kiln.output = "loss"},
// CHECK-SAME: tensor<2x3xf64> {kiln.update = "fc.weight"}, tensor<2xf64> {kiln.update = "fc.bias"},
// CHECK-SAME: tensor<f64> {kiln.update = "step"},
// CHECK-SAME: tensor<2x3xf64> {kiln.update = "fc.weight.exp_avg"}, tensor<2x3xf64> {kiln.update = "fc.weight.exp_avg_sq"}, tensor<2x3xf64> {kiln.update = "fc.weight.max_exp_avg_sq"},
// CHECK-SAME: tensor<2xf64> {kiln.update = "fc.bias.exp_avg"}, tensor<2xf64> {kiln.update = "fc.bias.exp_avg_sq"}, tensor<2xf64> {kiln.update = "fc.bias.max_exp_avg_sq"})
// CHECK: %[[NEXT:.*]] = kiln.add %[[STEP]], %{{.*}} : (tensor<f64>, tensor<f64>) -> tensor<f64>
// CHECK-NEXT: %[[W1:[^,]*]], %[[WM1:[^,]*]], %[[WV1:[^,]*]], %[[WVMAX1:[^,]*]] = kiln.adam_update %[[W]], %{{.*}}, step %[[NEXT]], exp_avg %[[WM]], exp_avg_sq %[[WV]], max_exp_avg_sq %[[WVMAX]] {amsgrad, beta1 = 8.000000e-01 : f64, beta2 = 0.98999999999999999 : f64, lr = 1.000000e-02 : f64, weight_decay = 1.000000e-01 : f64} : tensor<2x3xf64>
// CHECK-NEXT: %[[B1:[^,]*]], %[[BM1:[^,]*]], %[[BV1:[^,]*]], %[[BVMAX1:[^,]*]] = kiln.adam_update %[[B]], %{{.*}}, step %[[NEXT]], exp_avg %[[BM]], exp_avg_sq %[[BV]], max_exp_avg_sq %[[BVMAX]] {amsgrad, beta1 = 8.000000e-01 : f64, beta2 = 0.98999999999999999 : f64, lr = 1.000000e-02 : f64, weight_decay = 1.000000e-01 : f64} : tensor<2xf64>
// CHECK-NEXT: return %{{.*}}, %[[W1]], %[[B1]], %[[NEXT]], %[[WM1]], %[[WV1]], %[[WVMAX1]], %[[BM1]], %[[BV1]], %[[BVMAX1]] :

// DECOMPOSED-LABEL: func.func @regression
// DECOMPOSED: kiln.maximum
// DECOMPOSED: kiln.pow
// DECOMPOSED-NOT: kiln.adam_update
// DECOMPOSED: return
func.func @regression(%x: tensor<8x3xf64> {kiln.input = "x"}, %y: tensor<8x2xf64> {kiln.input = "y"},
                      %w: tensor<2x3xf64> {kiln.param = "fc.weight", kiln.init = "kaiming_uniform"},
                      %b: tensor<2xf64> {kiln.param = "fc.bias", kiln.init = "zeros"})
    -> (tensor<f64> {kiln.output = "loss"}, tensor<8x2xf64> {kiln.output = "prediction"}) {
  %0 = kiln.linear %x, %w, %b : (tensor<8x3xf64>, tensor<2x3xf64>, tensor<2xf64>) -> tensor<8x2xf64>
  %1 = kiln.mse_loss %0, %y : (tensor<8x2xf64>, tensor<8x2xf64>) -> tensor<f64>
  return %1, %0 : tensor<f64>, tensor<8x2xf64>
}
