//===- DeviceTest.cpp - Compiling for a device, values resident -----------===//
//
/// The C++ API's device argument (Graph::compile, loadModel, createExecutable)
/// and the Executable contract behind Model and Trainer: parameters and state
/// stay resident between runs, updates land in them, and what is read back
/// or set is a copy.
//
//===----------------------------------------------------------------------===//

#include "test/frontend/TestUtils.h"

#include "codegen/device/Device.h"
#include "frontend/Support.h"

#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"

using namespace kiln;
using kiln::test::expectError;

namespace {

const std::string kSeeds = std::string(KILN_SOURCE_DIR) + "/examples/seeds/";

/// A running sum: each run adds `x` to the state `total` and outputs the new
/// total.
constexpr const char *kRunningSum = R"mlir(
func.func @running_sum(
    %x: tensor<2xf32> {kiln.input = "x"},
    %total: tensor<2xf32> {kiln.state = "total", kiln.init_value = 1.0 : f64})
    -> (tensor<2xf32> {kiln.output = "sum"},
        tensor<2xf32> {kiln.update = "total"}) {
  %sum = kiln.add %total, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %sum, %sum : tensor<2xf32>, tensor<2xf32>
}
)mlir";

TEST(DeviceTest, TheDefaultDeviceIsTheCpu) {
  ASSERT_FALSE(getAvailableDevices().empty());
  EXPECT_EQ(getAvailableDevices().front(), kDefaultDevice);
  EXPECT_EQ(std::string(kDefaultDevice), "cpu");
}

TEST(DeviceTest, GraphCompilesForTheCpuAsByDefault) {
  Graph g;
  auto x = g.input("x", {1, 5});
  auto w = g.param("w", {1, 5}, "normal");
  g.output("y", (x * w).sum());
  Tensor ones = Tensor::full(DType::Float32, {1, 5}, 1.0);
  Model onCpu = g.compile("cpu");
  Model byDefault = g.compile();
  EXPECT_EQ(test::values<float>(onCpu.run({{"x", ones}}).at("y")),
            test::values<float>(byDefault.run({{"x", ones}}).at("y")));
}

TEST(DeviceTest, UnknownDeviceNamesTheAvailableOnes) {
  Graph g;
  g.output("y", g.input("x", {2}) * 2.0);
  // cuda is there where the build has the CUDA runtime (KILN_ENABLE_CUDA).
  std::string available = llvm::join(getAvailableDevices(), ", ");
  EXPECT_TRUE(available == "cpu, cuda-emulator" ||
              available == "cpu, cuda, cuda-emulator")
      << available;
  expectError([&] { g.compile("gpu0"); },
              "unknown device 'gpu0' (available: " + available + ")");
  expectError([&] { loadModel(kSeeds + "single_neuron.mlir", "tpu"); },
              "unknown device 'tpu' (available: " + available + ")");
}

/// What every device gives the same way.
class EveryDevice : public ::testing::TestWithParam<std::string> {};

/// The devices that run models on this machine: every available one, but
/// cuda only where a GPU answers.
std::vector<std::string> getDevicesHere() {
  std::vector<std::string> devices;
  for (llvm::StringRef device : getAvailableDevices()) {
    if (device == "cuda") {
      Graph probe;
      probe.output("y", probe.input("x", {1}) * 2.0);
      try {
        probe.compile("cuda");
      } catch (const RuntimeError &) {
        continue;
      }
    }
    devices.push_back(device.str());
  }
  return devices;
}

INSTANTIATE_TEST_SUITE_P(Devices, EveryDevice,
                         ::testing::ValuesIn(getDevicesHere()));

TEST_P(EveryDevice, GivesTheCpusNumbers) {
  Graph g;
  auto x = g.input("x", {2, 5});
  auto w = g.param("w", {3, 5}, "normal");
  g.output("y", softmax(matmul(x, w.t()), 1).sum({1}));
  Tensor input =
      Tensor::fromValues<float>({2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  std::vector<double> onCpu =
      test::values<float>(g.compile("cpu").run({{"x", input}}).at("y"));
  std::vector<double> here =
      test::values<float>(g.compile(GetParam()).run({{"x", input}}).at("y"));
  ASSERT_EQ(here.size(), onCpu.size());
  for (size_t i = 0; i < here.size(); ++i)
    EXPECT_NEAR(here[i], onCpu[i], 1e-6) << i;
}

TEST_P(EveryDevice, StateStaysResidentAndUpdatesInPlace) {
  auto context = createFrontendContext();
  auto module =
      mlir::parseSourceString<mlir::ModuleOp>(kRunningSum, context.get());
  ASSERT_TRUE(module);
  Model model = Model::compile(*module, context, GetParam());
  Tensor before = model.state("total");
  Tensor x = Tensor::fromValues<float>({2}, {1, 2});
  EXPECT_EQ(test::values<float>(model.run({{"x", x}}).at("sum")),
            (std::vector<double>{2, 3}));
  EXPECT_EQ(test::values<float>(model.run({{"x", x}}).at("sum")),
            (std::vector<double>{3, 5}));
  EXPECT_EQ(test::values<float>(model.state("total")),
            (std::vector<double>{3, 5}));
  // What was read before is a copy: the runs did not change it.
  EXPECT_EQ(test::values<float>(before), (std::vector<double>{1, 1}));

  // So is what is set: later writes to the caller's tensor do not leak in.
  Tensor zeros = Tensor::zeros(DType::Float32, {2});
  model.setState("total", zeros);
  zeros.data<float>()[0] = 100;
  EXPECT_EQ(test::values<float>(model.run({{"x", x}}).at("sum")),
            (std::vector<double>{1, 2}));
}

TEST(DeviceTest, ExecutableRunsIntoCallerBuffers) {
  auto context = createFrontendContext();
  auto module =
      mlir::parseSourceString<mlir::ModuleOp>(kRunningSum, context.get());
  ASSERT_TRUE(module);
  auto executable = createExecutable(kDefaultDevice, *module);
  ASSERT_TRUE(static_cast<bool>(executable))
      << llvm::toString(executable.takeError());
  Executable &compiled = **executable;
  Tensor x = Tensor::fromValues<float>({2}, {1, 2});
  std::vector<Tensor> outputs = {Tensor::zeros(DType::Float32, {2})};
  const float *buffer = outputs[0].data<float>();

  // The state starts without a value: createExecutable sets none.
  llvm::Error unset = compiled.run({x, std::nullopt}, outputs);
  ASSERT_TRUE(static_cast<bool>(unset));
  EXPECT_EQ(llvm::toString(std::move(unset)),
            "state 'total' has no kiln.init initializer and was never set");

  ASSERT_FALSE(static_cast<bool>(
      compiled.setResident(1, Tensor::full(DType::Float32, {2}, 10))));
  ASSERT_FALSE(static_cast<bool>(compiled.run({x, std::nullopt}, outputs)));
  EXPECT_EQ(outputs[0].data<float>(), buffer);
  EXPECT_EQ(test::values<float>(outputs[0]), (std::vector<double>{11, 12}));
  llvm::Expected<Tensor> total = compiled.readResident(1);
  ASSERT_TRUE(static_cast<bool>(total));
  EXPECT_EQ(test::values<float>(*total), (std::vector<double>{11, 12}));

  // An input is not resident.
  llvm::Error input = compiled.setResident(0, x);
  ASSERT_TRUE(static_cast<bool>(input));
  EXPECT_EQ(llvm::toString(std::move(input)),
            "argument 0 of 'running_sum' is neither a parameter nor state");
}

} // namespace
