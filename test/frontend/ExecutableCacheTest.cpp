//===- ExecutableCacheTest.cpp - Compiled code shared by IR hash ----------===//

#include "codegen/cpu/CpuExecutable.h"
#include "frontend/Model.h"
#include "frontend/Support.h"

#include <gtest/gtest.h>

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

} // namespace
