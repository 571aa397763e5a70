//===- KilnOptimizerOps.td - Optimizer updates -------------*- tablegen -*-===//
//
/// One op per torch.optim optimizer: the update of one parameter and its
/// state for one step, as the optimizer's `_single_tensor_*` function
/// computes it. Every update is a composite that `kiln-decompose` rewrites
/// into element-wise core ops in torch's order of operations, so a train
/// step built from them (`kiln-train-step`) is compiled like any other graph.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_OPTIMIZER_OPS_TD
#define KILN_OPTIMIZER_OPS_TD

include "ir/KilnBase.td"

/// The number of the step being taken, counting it (1 on the first step), as
/// a 0-d float64 tensor.
def Kiln_StepTensor : 0DTensorOf<[F64]>;

/// An optimizer update. Operands: `param`, `grad`, `step`, then the state
/// tensors named after torch.optim's state keys (`states`, in order); results:
/// the new param, then the new state tensors in the same order. Every tensor
/// but `step` has the param's type.
class Kiln_OptimizerOp<string mnemonic, string torchName, list<string> states,
                       list<Trait> traits = []>
    : Kiln_Op<mnemonic, traits # [Pure, Kiln_Composite]> {
  let summary = "One " # torchName # " step of a parameter";
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The state operands by torch.optim's state names, in operand order.
    static ::llvm::ArrayRef<::llvm::StringLiteral> getStateNames() {
      static constexpr ::llvm::StringLiteral names[] = {}]
        # !interleave(!foreach(state, states, "\"" # state # "\""), ", ") # [{};
      return names;
    }
  }];
}

def Kiln_SgdUpdateOp : Kiln_OptimizerOp<"sgd_update", "torch.optim.SGD",
                                        ["momentum_buffer"]> {
  let description = [{
    With `g` the gradient (negated under `maximize`), `t` the step:

    ```
    g = g + weight_decay * param                     if weight_decay != 0
    buf = t == 1 ? g
                 : momentum * buf + (1 - dampening) * g
    g = nesterov ? g + momentum * buf : buf          if momentum != 0
    param = param - lr * g
    ```

    `momentum_buffer` is present exactly when `momentum != 0`; it may start
    at anything (zeros), since the first step sets it to `g` as torch does.
    `lr` has no default, as in torch. `nesterov` needs `momentum > 0` and
    `dampening == 0`.
    ```mlir
    %p1, %b1 = kiln.sgd_update %p, %g, step %t, momentum_buffer %b {lr = 1.000000e-01 : f64, momentum = 9.000000e-01 : f64} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$param, Kiln_FloatTensor:$grad,
                       Kiln_StepTensor:$step,
                       Optional<Kiln_FloatTensor>:$momentum_buffer,
                       F64Attr:$lr,
                       DefaultValuedAttr<F64Attr, "0.0">:$momentum,
                       DefaultValuedAttr<F64Attr, "0.0">:$dampening,
                       DefaultValuedAttr<F64Attr, "0.0">:$weight_decay,
                       UnitAttr:$nesterov, UnitAttr:$maximize);
  let results = (outs Kiln_FloatTensor:$new_param,
                      Optional<Kiln_FloatTensor>:$new_momentum_buffer);
}

/// Adam and AdamW differ only in how they apply weight decay.
class Kiln_AdamLikeOp<string mnemonic, string torchName, string weightDecay,
                      string decayFormula>
    : Kiln_OptimizerOp<mnemonic, torchName,
                       ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"]> {
  let description = [{
    With `g` the gradient (negated under `maximize`), `t` the step:

    ```
    }] # decayFormula # [{
    exp_avg = beta1 * exp_avg + (1 - beta1) * g
    exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
    v = exp_avg_sq, or, with amsgrad:
      max_exp_avg_sq = maximum(max_exp_avg_sq, exp_avg_sq); v = max_exp_avg_sq
    param = param - lr / (1 - beta1^t) * exp_avg
                    / (sqrt(v) / sqrt(1 - beta2^t) + eps)
    ```

    The bias corrections `1 - beta^t`, the step size and the square root are
    computed in float64 and rounded to the param's dtype, as torch computes
    them in Python floats. `max_exp_avg_sq` is present exactly when
    `amsgrad` is set. The states start at zero.
    ```mlir
    %p1, %m1, %v1 = kiln.}] # mnemonic # [{ %p, %g, step %t, exp_avg %m, exp_avg_sq %v {lr = 1.000000e-02 : f64} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$param, Kiln_FloatTensor:$grad,
                       Kiln_StepTensor:$step, Kiln_FloatTensor:$exp_avg,
                       Kiln_FloatTensor:$exp_avg_sq,
                       Optional<Kiln_FloatTensor>:$max_exp_avg_sq,
                       DefaultValuedAttr<F64Attr, "1e-3">:$lr,
                       DefaultValuedAttr<F64Attr, "0.9">:$beta1,
                       DefaultValuedAttr<F64Attr, "0.999">:$beta2,
                       DefaultValuedAttr<F64Attr, "1e-8">:$eps,
                       DefaultValuedAttr<F64Attr, weightDecay>:$weight_decay,
                       UnitAttr:$amsgrad, UnitAttr:$maximize);
  let results = (outs Kiln_FloatTensor:$new_param,
                      Kiln_FloatTensor:$new_exp_avg,
                      Kiln_FloatTensor:$new_exp_avg_sq,
                      Optional<Kiln_FloatTensor>:$new_max_exp_avg_sq);
}

def Kiln_AdamUpdateOp : Kiln_AdamLikeOp<"adam_update", "torch.optim.Adam",
    "0.0", "g = g + weight_decay * param              if weight_decay != 0">;
def Kiln_AdamWUpdateOp : Kiln_AdamLikeOp<"adamw_update", "torch.optim.AdamW",
    "1e-2", "param = (1 - lr * weight_decay) * param  (decoupled decay)">;

def Kiln_RmspropUpdateOp : Kiln_OptimizerOp<"rmsprop_update",
    "torch.optim.RMSprop", ["square_avg", "grad_avg", "momentum_buffer"],
    [AttrSizedOperandSegments, AttrSizedResultSegments]> {
  let description = [{
    With `g` the gradient (negated under `maximize`):

    ```
    g = g + weight_decay * param                     if weight_decay != 0
    square_avg = alpha * square_avg + (1 - alpha) * g * g
    avg = sqrt(square_avg) + eps, or, when centered:
      grad_avg = alpha * grad_avg + (1 - alpha) * g
      avg = sqrt(square_avg - grad_avg * grad_avg) + eps
    momentum_buffer = momentum * momentum_buffer + g / avg
    param = param - lr * momentum_buffer             if momentum > 0
    param = param - lr * g / avg                     otherwise
    ```

    `grad_avg` is present exactly when `centered` is set, `momentum_buffer`
    exactly when `momentum > 0`. The states start at zero; `step` is unused.
    ```mlir
    %p1, %s1, %a1 = kiln.rmsprop_update %p, %g, step %t, square_avg %s, grad_avg %a {centered} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$param, Kiln_FloatTensor:$grad,
                       Kiln_StepTensor:$step, Kiln_FloatTensor:$square_avg,
                       Optional<Kiln_FloatTensor>:$grad_avg,
                       Optional<Kiln_FloatTensor>:$momentum_buffer,
                       DefaultValuedAttr<F64Attr, "1e-2">:$lr,
                       DefaultValuedAttr<F64Attr, "0.99">:$alpha,
                       DefaultValuedAttr<F64Attr, "1e-8">:$eps,
                       DefaultValuedAttr<F64Attr, "0.0">:$weight_decay,
                       DefaultValuedAttr<F64Attr, "0.0">:$momentum,
                       UnitAttr:$centered, UnitAttr:$maximize);
  let results = (outs Kiln_FloatTensor:$new_param,
                      Kiln_FloatTensor:$new_square_avg,
                      Optional<Kiln_FloatTensor>:$new_grad_avg,
                      Optional<Kiln_FloatTensor>:$new_momentum_buffer);
}

def Kiln_AdagradUpdateOp : Kiln_OptimizerOp<"adagrad_update",
    "torch.optim.Adagrad", ["sum"]> {
  let description = [{
    With `g` the gradient (negated under `maximize`), `t` the step:

    ```
    g = g + weight_decay * param                     if weight_decay != 0
    sum = sum + g * g
    param = param - lr / (1 + (t - 1) * lr_decay) * g / (sqrt(sum) + eps)
    ```

    The decayed learning rate is computed in float64 and rounded to the
    param's dtype, as torch computes it in Python floats. `sum` starts at
    torch's `initial_accumulator_value` (0 by default).
    ```mlir
    %p1, %s1 = kiln.adagrad_update %p, %g, step %t, sum %s {lr_decay = 1.000000e-01 : f64} : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$param, Kiln_FloatTensor:$grad,
                       Kiln_StepTensor:$step, Kiln_FloatTensor:$sum,
                       DefaultValuedAttr<F64Attr, "1e-2">:$lr,
                       DefaultValuedAttr<F64Attr, "0.0">:$lr_decay,
                       DefaultValuedAttr<F64Attr, "0.0">:$weight_decay,
                       DefaultValuedAttr<F64Attr, "1e-10">:$eps,
                       UnitAttr:$maximize);
  let results = (outs Kiln_FloatTensor:$new_param, Kiln_FloatTensor:$new_sum);
}

def Kiln_AdadeltaUpdateOp : Kiln_OptimizerOp<"adadelta_update",
    "torch.optim.Adadelta", ["square_avg", "acc_delta"]> {
  let description = [{
    With `g` the gradient (negated under `maximize`):

    ```
    g = g + weight_decay * param                     if weight_decay != 0
    square_avg = rho * square_avg + (1 - rho) * g * g
    delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g
    acc_delta = rho * acc_delta + (1 - rho) * delta * delta
    param = param - lr * delta
    ```

    The states start at zero; `step` is unused.
    ```mlir
    %p1, %s1, %d1 = kiln.adadelta_update %p, %g, step %t, square_avg %s, acc_delta %d : tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$param, Kiln_FloatTensor:$grad,
                       Kiln_StepTensor:$step, Kiln_FloatTensor:$square_avg,
                       Kiln_FloatTensor:$acc_delta,
                       DefaultValuedAttr<F64Attr, "1.0">:$lr,
                       DefaultValuedAttr<F64Attr, "0.9">:$rho,
                       DefaultValuedAttr<F64Attr, "1e-6">:$eps,
                       DefaultValuedAttr<F64Attr, "0.0">:$weight_decay,
                       UnitAttr:$maximize);
  let results = (outs Kiln_FloatTensor:$new_param,
                      Kiln_FloatTensor:$new_square_avg,
                      Kiln_FloatTensor:$new_acc_delta);
}

#endif // KILN_OPTIMIZER_OPS_TD
