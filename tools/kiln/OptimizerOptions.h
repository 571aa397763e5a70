//===- OptimizerOptions.h - The optimizer and loss flags of kiln ---*- C++ -*-===//
//
/// The command-line flags that choose a train step's optimizer, its
/// hyperparameters and the loss, shared by `kiln train` and `kiln bench`.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TOOLS_KILN_OPTIMIZEROPTIONS_H
#define KILN_TOOLS_KILN_OPTIMIZEROPTIONS_H

#include "frontend/Trainer.h"
#include "tools/kiln/CommandLine.h"

namespace kiln {

/// The flags, for usage texts.
inline constexpr const char *kOptimizerUsage =
    "--optimizer sgd|adam|adamw|rmsprop|adagrad|adadelta [--lr LR]\n"
    "         [--momentum M] [--dampening D] [--nesterov] [--weight-decay W]\n"
    "         [--betas B1,B2] [--eps E] [--amsgrad] [--alpha A] [--centered]\n"
    "         [--lr-decay D] [--initial-accumulator-value V] [--rho R]\n"
    "         [--maximize]";

/// Reads the reader's current argument into `optimizer` if it is
/// --optimizer or one of the hyperparameter flags (checking numbers here;
/// the kiln-train-step pass checks the rest); false if it is neither.
bool readOptimizerOption(ArgumentReader &reader, OptimizerSpec &optimizer);

/// `--loss KIND:OUTPUT,TARGET` of `command`.
LossSpec parseLossOption(const std::string &command, const std::string &text);

} // namespace kiln

#endif // KILN_TOOLS_KILN_OPTIMIZEROPTIONS_H
