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

TEST(ExecutableCacheTest, SameModelSharesCodeAcrossContexts) {
  auto first = kiln::createFrontendContext();
  auto second = kiln::createFrontendContext();
  auto a = compile(kSeeds + "single_neuron.mlir", *first);
  auto b = compile(kSeeds + "single_neuron.mlir", *second);
  EXPECT_TRUE(a->sharesCodeWith(*b));
  // Both still run, and agree.
  auto outA = a->run({});
  auto outB = b->run({});
  ASSERT_TRUE(static_cast<bool>(outA) && static_cast<bool>(outB));
  EXPECT_EQ((*outA)[0].data<float>()[0], (*outB)[0].data<float>()[0]);
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
    auto expected = executable.run({x});
    ASSERT_TRUE(static_cast<bool>(expected));
    const float *want = (*expected)[0].data<float>();
    for (int call = 0; call < 2000; ++call) {
      auto outputs = executable.run({x});
      ASSERT_TRUE(static_cast<bool>(outputs));
      const float *got = (*outputs)[0].data<float>();
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
