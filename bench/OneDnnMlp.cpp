//===- OneDnnMlp.cpp - The benchmark MLP written with oneDNN --------------===//

#include "bench/OneDnnMlp.h"

#include "oneapi/dnnl/dnnl.hpp"

#include <deque>
#include <unordered_map>
#include <vector>

namespace kiln::bench {
namespace {

using dt = dnnl::memory::data_type;

/// The layer widths, input first.
constexpr int64_t kWidths[] = {784, 512, 512, 10};
constexpr int kLayers = 3;

/// A row-major rows x cols matrix, or with `transposed` the transpose of a
/// row-major cols x rows one (a strided view of the same buffer).
dnnl::memory::desc matrix(int64_t rows, int64_t cols, bool transposed = false) {
  return dnnl::memory::desc(
      {rows, cols}, dt::f32,
      transposed ? dnnl::memory::dims{1, rows} : dnnl::memory::dims{cols, 1});
}

/// A matrix operand: its layout and its buffer.
struct Operand {
  dnnl::memory::desc desc;
  float *data;
};

/// Matmul primitives run in order on one stream over buffers it owns.
class Program {
public:
  Program() : engine_(dnnl::engine::kind::cpu, 0), stream_(engine_) {}

  /// A buffer of `size` floats that lives as long as the program, filled
  /// with a small normal number (the values do not change the time).
  float *buffer(int64_t size) {
    return buffers_.emplace_back(size, 0.01f).data();
  }

  /// Appends c = a b, plus `bias` (one value per column of c) and then a
  /// ReLU when asked. With `prepackWeights`, b is reordered once, now, into
  /// the layout oneDNN chooses, and the product reads that copy.
  void matmul(Operand a, Operand b, Operand c, float *bias = nullptr,
              bool relu = false, bool prepackWeights = false) {
    dnnl::memory::desc weightsDesc =
        prepackWeights ? dnnl::memory::desc(b.desc.dims(), dt::f32,
                                            dnnl::memory::format_tag::any)
                       : b.desc;
    dnnl::memory::desc biasDesc = matrix(1, c.desc.dims()[1]);
    dnnl::primitive_attr attributes;
    if (relu) {
      dnnl::post_ops postOps;
      postOps.append_eltwise(1.0f, dnnl::algorithm::eltwise_relu, 0.0f, 0.0f);
      attributes.set_post_ops(postOps);
    }
    dnnl::matmul::primitive_desc descriptor(
        bias ? dnnl::matmul::desc(a.desc, weightsDesc, biasDesc, c.desc)
             : dnnl::matmul::desc(a.desc, weightsDesc, c.desc),
        attributes, engine_);

    dnnl::memory weights(b.desc, engine_, b.data);
    if (prepackWeights) {
      dnnl::memory packed(descriptor.weights_desc(), engine_);
      dnnl::reorder(weights, packed).execute(stream_, weights, packed);
      stream_.wait();
      weights = packed;
    }
    std::unordered_map<int, dnnl::memory> arguments = {
        {DNNL_ARG_SRC, dnnl::memory(a.desc, engine_, a.data)},
        {DNNL_ARG_WEIGHTS, weights},
        {DNNL_ARG_DST, dnnl::memory(c.desc, engine_, c.data)}};
    if (bias)
      arguments.emplace(DNNL_ARG_BIAS, dnnl::memory(biasDesc, engine_, bias));
    steps_.push_back({dnnl::matmul(descriptor), std::move(arguments)});
  }

  void run() {
    for (Step &step : steps_)
      step.primitive.execute(stream_, step.arguments);
    stream_.wait();
  }

private:
  struct Step {
    dnnl::primitive primitive;
    std::unordered_map<int, dnnl::memory> arguments;
  };

  dnnl::engine engine_;
  dnnl::stream stream_;
  /// A deque: buffers never move once handed out.
  std::deque<std::vector<float>> buffers_;
  std::vector<Step> steps_;
};

/// The parameters and activations of the forward pass.
struct Forward {
  /// activations[0] is the input, activations[l + 1] layer l's output
  /// (after its ReLU).
  float *activations[kLayers + 1];
  /// Layer l's weight, [out, in] as in torch.nn.Linear.
  float *weights[kLayers];
};

/// Appends the forward pass on `batch` rows to `program`.
Forward appendForward(Program &program, int64_t batch, bool prepackWeights) {
  Forward forward;
  forward.activations[0] = program.buffer(batch * kWidths[0]);
  for (int layer = 0; layer < kLayers; ++layer) {
    int64_t in = kWidths[layer], out = kWidths[layer + 1];
    forward.weights[layer] = program.buffer(out * in);
    forward.activations[layer + 1] = program.buffer(batch * out);
    // x W^T: the weight seen as its [in, out] transpose.
    program.matmul({matrix(batch, in), forward.activations[layer]},
                   {matrix(in, out, /*transposed=*/true),
                    forward.weights[layer]},
                   {matrix(batch, out), forward.activations[layer + 1]},
                   program.buffer(out), /*relu=*/layer + 1 < kLayers,
                   prepackWeights);
  }
  return forward;
}

} // namespace

Timing timeOneDnnMlpInference(int64_t batch, int runs) {
  Program program;
  appendForward(program, batch, /*prepackWeights=*/true);
  program.run(); // warm-up
  return timeRuns(runs, [&] { program.run(); });
}

Timing timeOneDnnMlpTrainMatmuls(int64_t batch, int runs) {
  Program program;
  Forward forward = appendForward(program, batch, /*prepackWeights=*/false);
  // The gradient of the loss with respect to each layer's output, from the
  // logits back; the ReLU's backward (a mask) is not a product.
  float *outputGradient = program.buffer(batch * kWidths[kLayers]);
  for (int layer = kLayers - 1; layer >= 0; --layer) {
    int64_t in = kWidths[layer], out = kWidths[layer + 1];
    // dW = dY^T X: [out, batch] x [batch, in].
    program.matmul({matrix(out, batch, /*transposed=*/true), outputGradient},
                   {matrix(batch, in), forward.activations[layer]},
                   {matrix(out, in), program.buffer(out * in)});
    if (layer == 0)
      break;
    // dX = dY W: [batch, out] x [out, in].
    float *inputGradient = program.buffer(batch * in);
    program.matmul({matrix(batch, out), outputGradient},
                   {matrix(out, in), forward.weights[layer]},
                   {matrix(batch, in), inputGradient});
    outputGradient = inputGradient;
  }
  program.run(); // warm-up
  return timeRuns(runs, [&] { program.run(); });
}

} // namespace kiln::bench
