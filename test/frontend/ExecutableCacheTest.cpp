//===- ExecutableCacheTest.cpp - Compiled code shared by IR hash ----------===//

#include "codegen/cpu/CpuExecutable.h"
#include "frontend/Model.h"
#include "frontend/Support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace {

const std::string kSeeds = KILN_SOURCE_DIR "/examples/seeds/";

std::unique_ptr<kiln::CpuExecutable> compile(const std::string &path,
                                             mlir::MLIRContext &context) {
  auto module = kiln::parseModel(path, context);
  auto executable = kiln::CpuExecutable::compile(*module);
  EXPECT_TRUE(static_cast<bool>(executable));
  return std::move(*executable);
}

/// Runs `executable` on `inputs` (the models here have no parameters) and
/// returns its outputs.
std::vector<kiln::Tensor> run(kiln::Executable &executable,
                              const std::vector<kiln::Tensor> &inputs) {
  std::vector<kiln::Tensor> outputs;
  for (const kiln::TensorSpec &spec : executable.signature().results)
    outputs.push_back(kiln::Tensor::zeros(spec.dtype, spec.shape));
  if (llvm::Error error =
          executable.run(std::vector<std::optional<kiln::Tensor>>(
                             inputs.begin(), inputs.end()),
                         outputs))
    ADD_FAILURE() << llvm::toString(std::move(error));
  return outputs;
}

TEST(ExecutableCacheTest, SameModelSharesCodeAcrossContexts) {
  auto first = kiln::createFrontendContext();
  auto second = kiln::createFrontendContext();
  auto a = compile(kSeeds + "single_neuron.mlir", *first);
  auto b = compile(kSeeds + "single_neuron.mlir", *second);
  EXPECT_TRUE(a->sharesCodeWith(*b));
  // Both still run, and agree.
  auto outA = run(*a, {});
  auto outB = run(*b, {});
  EXPECT_EQ(outA[0].data<float>()[0], outB[0].data<float>()[0]);
}

TEST(ExecutableCacheTest, DifferentModelsDoNot) {
  auto context = kiln::createFrontendContext();
  auto a = compile(kSeeds + "single_neuron.mlir", *context);
  auto b = compile(kSeeds + "two_layer.mlir", *context);
  EXPECT_FALSE(a->sharesCodeWith(*b));
}

// Executables that share code share its static arena of intermediates, so
// their calls must not overlap: two threads calling them with different
// inputs each get their own results every time.
TEST(ExecutableCacheTest, SharedCodeRunsOneCallAtATime) {
  auto first = kiln::createFrontendContext();
  auto second = kiln::createFrontendContext();
  const std::string chain =
      KILN_SOURCE_DIR "/test/tools/kiln/Inputs/stats-chain.mlir";
  auto a = compile(chain, *first);
  auto b = compile(chain, *second);
  ASSERT_TRUE(a->sharesCodeWith(*b));
  auto runMany = [](kiln::CpuExecutable &executable, double input,
                    bool &allEqual) {
    kiln::Tensor x = kiln::Tensor::full(kiln::DType::Float32, {16, 16}, input);
    auto expected = run(executable, {x});
    const float *want = expected[0].data<float>();
    for (int call = 0; call < 2000; ++call) {
      auto outputs = run(executable, {x});
      const float *got = outputs[0].data<float>();
      allEqual &= std::equal(got, got + 256, want);
    }
  };
  bool aEqual = true, bEqual = true;
  std::thread threadA(runMany, std::ref(*a), 0.5, std::ref(aEqual));
  std::thread threadB(runMany, std::ref(*b), -1.0, std::ref(bEqual));
  threadA.join();
  threadB.join();
  EXPECT_TRUE(aEqual);
  EXPECT_TRUE(bEqual);
}

} // namespace
