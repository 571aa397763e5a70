//===- OneDnnMlp.h - The benchmark MLP written with oneDNN ------*- C++ -*-===//
//
/// The benchmark MLP (784-512-512-10 with ReLU, torch.nn.Linear's
/// parameters) programmed by hand with oneDNN primitives: the second
/// reference beside PyTorch, what a direct oneDNN program achieves on the
/// same machine.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_BENCH_ONEDNNMLP_H
#define KILN_BENCH_ONEDNNMLP_H

#include "bench/Timing.h"

#include <cstdint>

namespace kiln::bench {

/// Inference on `batch` rows: per layer one matmul with the bias and (but
/// for the last layer) the ReLU as post-ops, the weights reordered once
/// into the layout oneDNN prefers, as an inference engine does with
/// constant weights. `runs` runs after a warm-up.
Timing timeOneDnnMlpInference(int64_t batch, int runs);

/// The eight matrix products of a training step on `batch` rows with
/// weights in torch's [out, in] layout: the three forward ones (with bias
/// and ReLU post-ops) and, per layer, the weight gradient and (but for the
/// first layer) the input gradient. Not the loss, the ReLU and bias
/// gradients or the optimizer: a lower bound for the step's matmul time.
Timing timeOneDnnMlpTrainMatmuls(int64_t batch, int runs);

} // namespace kiln::bench

#endif // KILN_BENCH_ONEDNNMLP_H
