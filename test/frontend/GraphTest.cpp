//===- GraphTest.cpp - The seeds built with the C++ API -------------------===//
//
/// The seed tutorials written with kiln::Graph, checked against the numbers
/// PyTorch prints for them, plus the model-level behaviour: parameters and
/// their initializers, loading model files, and the errors a user meets.
//
//===----------------------------------------------------------------------===//

#include "test/frontend/TestUtils.h"

#include <fstream>

using namespace kiln;
using kiln::test::expectError;
using kiln::test::expectFloats;

namespace {

const std::string kSeeds = std::string(KILN_SOURCE_DIR) + "/examples/seeds/";

TEST(GraphTest, SingleNeuronSeed) {
  Graph g;
  auto x = g.input("x", {1, 5});
  auto w = g.param("w", {1, 5});
  auto b = g.param("b", {1, 1});
  g.output("y", sigmoid((x * w).sum() + b));
  g.output("y_mm", mm(x, w.view({5, 1})));
  Model model = g.compile();

  Generator gen(7);
  Tensor features = randn(gen, DType::Float32, {1, 5});
  Tensor weights = randn(gen, DType::Float32, {1, 5});
  Tensor bias = randn(gen, DType::Float32, {1, 1});
  auto out = model.run({{"x", features}, {"w", weights}, {"b", bias}});
  EXPECT_EQ(formatTensor(out.at("y")), "tensor([[0.1595]])");
  EXPECT_EQ(formatTensor(out.at("y_mm")), "tensor([[-1.9796]])");
}

TEST(GraphTest, TwoLayerSeed) {
  Generator gen(7);
  Tensor features = randn(gen, DType::Float32, {1, 3});
  Tensor w1 = randn(gen, DType::Float32, {3, 2});
  Tensor w2 = randn(gen, DType::Float32, {2, 1});
  Tensor b1 = randn(gen, DType::Float32, {1, 2});
  Tensor b2 = randn(gen, DType::Float32, {1, 1});

  Graph g;
  auto x = g.input("features", {1, 3});
  auto hidden = sigmoid(mm(x, g.constant(w1)) + g.constant(b1));
  g.output("hidden", hidden);
  g.output("output", sigmoid(mm(hidden, g.constant(w2)) + g.constant(b2)));
  auto out = g.compile().run({{"features", features}});
  EXPECT_EQ(formatTensor(out.at("hidden")), "tensor([[0.6813, 0.4355]])");
  EXPECT_EQ(formatTensor(out.at("output")), "tensor([[0.3171]])");
}

TEST(GraphTest, FullyConnectedSeed) {
  Generator gen(42);
  Graph g;
  auto x = g.input("x", {1, 3});
  auto batch = g.input("batch", {5, 3});
  auto wh = g.constant(randn(gen, DType::Float32, {3, 4}));
  auto bh = g.constant(randn(gen, DType::Float32, {4}));
  auto wo = g.constant(randn(gen, DType::Float32, {4, 2}));
  auto bo = g.constant(randn(gen, DType::Float32, {2}));
  auto layer = [&](const Var &in) {
    return matmul(relu(matmul(in, wh) + bh), wo) + bo;
  };
  g.output("output", layer(x));
  g.output("batch_output", layer(batch));

  std::vector<float> rows;
  for (int i = 1; i <= 15; ++i)
    rows.push_back(static_cast<float>(i));
  auto out =
      g.compile().run({{"x", Tensor::fromValues<float>({1, 3}, {1, 2, 3})},
                       {"batch", Tensor::fromValues<float>({5, 3}, rows)}});
  EXPECT_EQ(formatTensor(out.at("output")), "tensor([[7.4129, 6.0104]])");
  expectFloats(out.at("batch_output"), {5, 2},
               {7.4129, 6.0104, 18.3247, 12.6200, 29.9141, 19.6131, 41.1189,
                26.2293, 52.3238, 32.8455});
}

TEST(GraphTest, ParametersStartFromTheirInitializers) {
  // nn.Linear(1, 1) after torch.manual_seed(0), as in linear_regression.mlir.
  Graph g(0, "linear_regression");
  auto x = g.input("x", {10, 1});
  auto y = g.input("y", {10, 1});
  auto weight = g.param("weight", {1, 1}, "kaiming_uniform");
  auto bias = g.param("bias", {1}, "fan_in_uniform", DType::Float32, 1);
  auto prediction = linear(x, weight, bias);
  g.output("prediction", prediction);
  g.output("loss", mse_loss(prediction, y));
  Model built = g.compile();
  Model loaded = loadModel(kSeeds + "linear_regression.mlir");

  for (const char *name : {"weight", "bias"})
    EXPECT_EQ(test::values<float>(built.param(name)),
              test::values<float>(loaded.param(name)))
        << name;
  Tensor xs = Tensor::fromValues<float>({10, 1}, std::vector<float>(10, 1.0f));
  Tensor ys = Tensor::fromValues<float>({10, 1}, std::vector<float>(10, 2.0f));
  auto a = built.run({{"x", xs}, {"y", ys}});
  auto b = loaded.run({{"x", xs}, {"y", ys}});
  EXPECT_EQ(test::values<float>(a.at("loss")),
            test::values<float>(b.at("loss")));
  EXPECT_EQ(a.at("loss").shape(), std::vector<int64_t>{});
}

TEST(GraphTest, SetParamReplacesTheValueForLaterRuns) {
  Graph g;
  auto x = g.input("x", {2});
  auto w = g.param("w", {2}, "ones");
  g.output("y", x * w);
  Model model = g.compile();
  Tensor xs = Tensor::fromValues<float>({2}, {3, 4});
  expectFloats(model.run({{"x", xs}}).at("y"), {2}, {3, 4});

  Tensor twos = Tensor::fromValues<float>({2}, {2, 2});
  model.setParam("w", twos);
  twos.data<float>()[0] = 100; // the model keeps its own copy
  expectFloats(model.run({{"x", xs}}).at("y"), {2}, {6, 8});
  // A parameter given to run() is used for that run only.
  Tensor zeros = Tensor::zeros(DType::Float32, {2});
  expectFloats(model.run({{"x", xs}, {"w", zeros}}).at("y"), {2}, {0, 0});
  expectFloats(model.run({{"x", xs}}).at("y"), {2}, {6, 8});
}

TEST(GraphTest, LoadsAndRunsASeedModel) {
  Model model = loadModel(kSeeds + "single_neuron.mlir");
  auto out = model.run({});
  EXPECT_EQ(formatTensor(out.at("y")), "tensor([[0.1595]])");
  EXPECT_EQ(formatTensor(out.at("y_mm")), "tensor([[-1.9796]])");
}

TEST(GraphTest, PrintsTheModel) {
  Graph g(7, "neuron");
  auto x = g.input("x", {1, 5});
  auto w = g.param("w", {1, 5}, "normal");
  g.output("y", mm(x, w.t()));
  std::string text = g.toString();
  for (const char *fragment :
       {"func.func @neuron", "kiln.input = \"x\"", "kiln.param = \"w\"",
        "kiln.init = \"normal\"", "kiln.output = \"y\"", "kiln.seed = 7",
        "kiln.transpose", "kiln.mm"})
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n"
                                                      << text;
}

TEST(GraphErrorTest, MmOfMismatchedShapesThrows) {
  Graph g;
  auto features = g.input("features", {1, 5});
  auto weights = g.input("weights", {1, 5});
  expectError([&] { mm(features, weights); },
              "'kiln.mm' op inner dimensions 5 and 1 differ: cannot multiply "
              "[1, 5] by [1, 5]");
  // The failed op left nothing behind: the graph still compiles.
  g.output("y", mm(features, weights.t()));
  EXPECT_EQ(g.toString().find("kiln.mm %arg0, %arg1"), std::string::npos);
  auto out = g.compile().run(
      {{"features", Tensor::fromValues<float>({1, 5}, {1, 1, 1, 1, 1})},
       {"weights", Tensor::fromValues<float>({1, 5}, {1, 2, 3, 4, 5})}});
  expectFloats(out.at("y"), {1, 1}, {15});
}

TEST(GraphErrorTest, ShapeAndDTypeErrorsThrow) {
  Graph g;
  auto a = g.input("a", {2, 3});
  auto b = g.input("b", {4});
  auto i = g.input("i", {2, 3}, DType::Int64);
  expectError([&] { a + b; }, "'kiln.add' op shapes [2, 3] and [4]");
  expectError([&] { a.view({4, -1}); }, "kiln.view");
  expectError([&] { a.sum({2}); }, "kiln.sum");
  expectError([&] { a.transpose(0, 5); }, "kiln.transpose");
  expectError([&] { sigmoid(a).mean() + i.mean(); }, "kiln.mean");
  expectError([&] { where(a, a, a); }, "kiln.where");
  expectError([&] { a.t().unsqueeze(0).t(); }, "t() expects");
  expectError([&] { cat({}); }, "needs at least one tensor");
  expectError([&] { mse_loss(a, a, "average"); }, "reduction must be");
  expectError([&] { Var().shape(); }, "empty kiln::Var");
  Graph other;
  auto foreign = other.input("a", {2, 3});
  expectError([&] { a + foreign; }, "another kiln::Graph");
  expectError([&] { g.output("y", foreign); }, "another kiln::Graph");
}

TEST(GraphErrorTest, ModelFormatErrorsThrow) {
  Graph g;
  auto x = g.input("x", {2});
  expectError([&] { g.input("x", {3}); }, "model name 'x'");
  expectError([&] { g.param("w", {2}, "xavier"); }, "unknown initializer");
  expectError([&] { g.param("b", {2}, "fan_in_uniform"); }, "kiln.fan_in");
  expectError([&] { g.input("n", {-2}); }, "negative size");
  g.output("y", x * 2.0);
  expectError([&] { g.output("y", x); }, "model name 'y'");
  // The rejected arguments and results were removed again.
  EXPECT_EQ(g.compile().signature().arguments.size(), 1u);
  EXPECT_EQ(g.compile().signature().results.size(), 1u);
}

TEST(GraphErrorTest, RunChecksItsInputs) {
  Graph g;
  auto x = g.input("x", {2});
  auto w = g.param("w", {2});
  g.output("y", x * w);
  Model model = g.compile();
  Tensor two = Tensor::zeros(DType::Float32, {2});
  expectError([&] { model.run({{"w", two}}); }, "model input 'x'");
  expectError([&] { model.run({{"x", two}}); }, "parameter 'w' has no");
  expectError(
      [&] {
        model.run({{"x", two}, {"w", two}, {"z", two}});
      },
      "no input or parameter 'z' (it has: x, w)");
  expectError(
      [&] {
        model.run({{"x", Tensor::zeros(DType::Float32, {3})}, {"w", two}});
      },
      "argument 'x' must be float32 [2], got float32 [3]");
  expectError([&] { model.setParam("w", Tensor::zeros(DType::Int64, {2})); },
              "parameter 'w' must be float32 [2], got int64 [2]");
  expectError([&] { model.param("v"); }, "has no parameter 'v'");
}

TEST(GraphErrorTest, LoadModelReportsTheFile) {
  expectError([&] { loadModel(kSeeds + "missing.mlir"); },
              "missing.mlir': No such file or directory");
  std::string path = testing::TempDir() + "bad_model.mlir";
  {
    std::ofstream file(path);
    file << "func.func @f(%a: tensor<1x5xf32> {kiln.input = \"a\"}) -> "
            "tensor<1x1xf32> {\n"
            "  %0 = kiln.mm %a, %a : (tensor<1x5xf32>, tensor<1x5xf32>) -> "
            "tensor<1x1xf32>\n"
            "  return %0 : tensor<1x1xf32>\n}\n";
  }
  expectError(
      [&] { loadModel(path); },
      "bad_model.mlir:2:8: error: 'kiln.mm' op inner dimensions 5 and 1");
}

} // namespace
