//===- kiln-gpu-smoke.cpp - The CUDA runtime on a real GPU ----------------===//
//
/// kiln-gpu-smoke KERNEL_CLASSES.cu
///
/// What scripts/gpu-check.sh runs on a lent GPU machine, which has no LLVM:
/// built here, linked with LLVM's Support statically (scripts/gpu-bundle.sh).
/// Through DriverBackend and the compile cache, it
///  - runs the hand-written kernel classes of Inputs/kernel-classes.cu on
///    known inputs and compares every output with a double-precision host
///    reference (pointwise, warp-per-row softmax, block-per-row statistics,
///    the two-stage column sum);
///  - measures device-to-device copy bandwidth and a float4 pointwise kernel
///    (y = tanh(x * w + b) over 64 Mi floats) as a fraction of it.
/// Prints "key: value" lines; exits 1 with "no CUDA device: ..." without a
/// GPU, and 2 when a result is wrong.
//
//===----------------------------------------------------------------------===//

#include "runtime/cuda/DriverBackend.h"
#include "runtime/cuda/Nvrtc.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

using namespace kiln::cuda;

namespace {

/// The bandwidth kernels: shapes fixed at compile time, as Kiln emits them.
const char *kBandwidthSource = R"(
extern "C" __global__ void __launch_bounds__(256)
chain_f4(const float4 *__restrict__ x, const float4 *__restrict__ w,
         const float4 *__restrict__ b, float4 *__restrict__ y) {
  const long n4 = (64L << 20) / 4;
  for (long i = blockIdx.x * (long)blockDim.x + threadIdx.x; i < n4;
       i += (long)gridDim.x * blockDim.x) {
    float4 a = x[i], c = w[i], d = b[i], r;
    r.x = tanhf(a.x * c.x + d.x);
    r.y = tanhf(a.y * c.y + d.y);
    r.z = tanhf(a.z * c.z + d.z);
    r.w = tanhf(a.w * c.w + d.w);
    y[i] = r;
  }
}
)";
constexpr size_t kBandwidthFloats = size_t(64) << 20;

int failures = 0;

void check(llvm::Error error) {
  if (!error)
    return;
  llvm::outs().flush();
  llvm::errs() << "kiln-gpu-smoke: error: " << llvm::toString(std::move(error))
               << "\n";
  std::exit(2);
}

template <typename T> T check(llvm::Expected<T> value) {
  if (!value)
    check(value.takeError());
  return std::move(*value);
}

/// Compares `actual` with `expected` at a relative tolerance of `tolerance`
/// (and the same absolute tolerance near zero); prints one result line.
void compare(const char *name, const std::vector<float> &actual,
             const std::vector<double> &expected, double tolerance) {
  double worst = 0;
  size_t worstAt = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    double error = std::abs(actual[i] - expected[i]) /
                   std::max(1.0, std::abs(expected[i]));
    if (!(error <= worst)) {
      worst = error;
      worstAt = i;
    }
  }
  bool ok = worst <= tolerance;
  failures += !ok;
  llvm::outs() << "check " << name << ": " << (ok ? "PASS" : "FAIL")
               << " (max relative error " << worst << " at " << worstAt
               << ", tolerance " << tolerance << ")\n";
}

class Buffers {
public:
  explicit Buffers(CudaBackend &backend) : backend_(backend) {}
  ~Buffers() {
    for (DevicePtr pointer : owned_)
      backend_.release(pointer);
  }
  DevicePtr upload(const std::vector<float> &values) {
    DevicePtr pointer = allocate(values.size());
    check(backend_.copyToDevice(pointer, values.data(),
                                values.size() * sizeof(float)));
    return pointer;
  }
  DevicePtr allocate(size_t floats) {
    owned_.push_back(check(backend_.allocate(floats * sizeof(float))));
    return owned_.back();
  }
  std::vector<float> download(DevicePtr pointer, size_t floats) {
    std::vector<float> values(floats);
    check(backend_.copyToHost(values.data(), pointer, floats * sizeof(float)));
    return values;
  }

private:
  CudaBackend &backend_;
  std::vector<DevicePtr> owned_;
};

std::vector<float> random(size_t count, float low, float high, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<float> distribution(low, high);
  std::vector<float> values(count);
  for (float &value : values)
    value = distribution(generator);
  return values;
}

void checkKernelClasses(CudaBackend &backend, const CudaSource &program) {
  check(backend.loadProgram(program));
  Buffers buffers(backend);

  const size_t n = 1 << 20;
  std::vector<float> x = random(n, -2, 2, 1), w = random(n, -2, 2, 2),
                     b = random(n, -1, 1, 3);
  DevicePtr dx = buffers.upload(x), dw = buffers.upload(w),
            db = buffers.upload(b), dy = buffers.allocate(n);
  check(
      backend.launch("pointwise_tanh_fma", {264}, {256}, 0, {dx, dw, db, dy}));
  std::vector<double> expected(n);
  for (size_t i = 0; i < n; ++i)
    expected[i] = std::tanh(double(x[i]) * w[i] + b[i]);
  compare("pointwise_tanh_fma", buffers.download(dy, n), expected, 1e-5);

  const size_t rows = 1024, cols = 512;
  std::vector<float> logits = random(rows * cols, -8, 8, 4);
  DevicePtr dl = buffers.upload(logits), ds = buffers.allocate(rows * cols);
  check(backend.launch("row_softmax", {rows / 8}, {256}, 0, {dl, ds}));
  expected.assign(rows * cols, 0);
  for (size_t r = 0; r < rows; ++r) {
    double m = -INFINITY, sum = 0;
    for (size_t c = 0; c < cols; ++c)
      m = std::max(m, double(logits[r * cols + c]));
    for (size_t c = 0; c < cols; ++c)
      sum += std::exp(logits[r * cols + c] - m);
    for (size_t c = 0; c < cols; ++c)
      expected[r * cols + c] = std::exp(logits[r * cols + c] - m) / sum;
  }
  compare("row_softmax", buffers.download(ds, rows * cols), expected, 1e-5);

  const size_t statRows = 256, statCols = 4096;
  std::vector<float> data = random(statRows * statCols, -3, 5, 5);
  DevicePtr dd = buffers.upload(data), dm = buffers.allocate(statRows),
            dr = buffers.allocate(statRows);
  check(backend.launch("row_mean_rstd", {statRows}, {512}, 0, {dd, dm, dr}));
  std::vector<double> means(statRows), rstds(statRows);
  for (size_t r = 0; r < statRows; ++r) {
    double sum = 0, squares = 0;
    for (size_t c = 0; c < statCols; ++c) {
      sum += data[r * statCols + c];
      squares += double(data[r * statCols + c]) * data[r * statCols + c];
    }
    means[r] = sum / statCols;
    rstds[r] = 1 / std::sqrt(squares / statCols - means[r] * means[r] + 1e-5);
  }
  compare("row_mean_rstd (mean)", buffers.download(dm, statRows), means, 1e-4);
  compare("row_mean_rstd (rstd)", buffers.download(dr, statRows), rstds, 1e-4);

  const size_t sumRows = 65536, sumCols = 64, slices = 128;
  std::vector<float> table = random(sumRows * sumCols, -1, 1, 6);
  DevicePtr dt = buffers.upload(table), dp = buffers.allocate(slices * sumCols),
            dc = buffers.allocate(64);
  check(backend.launch("column_sum_stage1", {slices}, {256}, 0, {dt, dp}));
  check(backend.launch("column_sum_stage2", {1}, {64}, 0, {dp, dc}));
  std::vector<double> sums(sumCols, 0);
  for (size_t r = 0; r < sumRows; ++r)
    for (size_t c = 0; c < sumCols; ++c)
      sums[c] += table[r * sumCols + c];
  std::vector<float> first = buffers.download(dc, sumCols);
  compare("column_sum (two stages)", first, sums, 1e-4);
  // Deterministic: a second run repeats the first bit for bit.
  check(backend.launch("column_sum_stage1", {slices}, {256}, 0, {dt, dp}));
  check(backend.launch("column_sum_stage2", {1}, {64}, 0, {dp, dc}));
  bool repeats = buffers.download(dc, sumCols) == first;
  failures += !repeats;
  llvm::outs() << "check column_sum repeats bit for bit: "
               << (repeats ? "PASS" : "FAIL") << "\n";
}

/// Seconds per call of `body`, the median of `runs` after a warm-up.
template <typename Body>
double time(CudaBackend &backend, int runs, Body body) {
  body();
  check(backend.synchronize());
  std::vector<double> seconds;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    body();
    check(backend.synchronize());
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

void measureBandwidth(CudaBackend &backend) {
  check(backend.loadProgram({"bandwidth", kBandwidthSource}));
  Buffers buffers(backend);
  const size_t bytes = kBandwidthFloats * sizeof(float);
  DevicePtr x = buffers.allocate(kBandwidthFloats),
            w = buffers.allocate(kBandwidthFloats),
            b = buffers.allocate(kBandwidthFloats),
            y = buffers.allocate(kBandwidthFloats);
  std::vector<float> ones(kBandwidthFloats, 0.5f);
  for (DevicePtr buffer : {x, w, b})
    check(backend.copyToDevice(buffer, ones.data(), bytes));

  double copy =
      time(backend, 20, [&] { check(backend.copyOnDevice(y, x, bytes)); });
  double copyRate = 2.0 * bytes / copy / 1e9;
  // Enough blocks to fill any current GPU several times over.
  double chain = time(backend, 20, [&] {
    check(backend.launch("chain_f4", {132 * 16}, {256}, 0, {x, w, b, y}));
  });
  double chainRate = 4.0 * bytes / chain / 1e9;
  llvm::outs() << "copy bandwidth GB/s: " << copyRate << "\n"
               << "pointwise chain GB/s: " << chainRate << "\n"
               << "pointwise chain fraction of copy: " << chainRate / copyRate
               << "\n";
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: kiln-gpu-smoke KERNEL_CLASSES.cu\n";
    return 2;
  }
  auto file = llvm::MemoryBuffer::getFile(argv[1]);
  if (!file) {
    llvm::errs() << "kiln-gpu-smoke: error: " << argv[1] << ": "
                 << file.getError().message() << "\n";
    return 2;
  }
  llvm::Expected<std::unique_ptr<CudaBackend>> backend = createDriverBackend();
  if (!backend) {
    llvm::errs() << "kiln-gpu-smoke: " << llvm::toString(backend.takeError())
                 << "\n";
    return 1;
  }
  llvm::outs() << "device: " << (*backend)->describe() << "\n"
               << "nvrtc: " << check(getNvrtcVersion()) << "\n";
  checkKernelClasses(**backend, {"kernel-classes", (*file)->getBuffer().str()});
  measureBandwidth(**backend);
  llvm::outs() << "failures: " << failures << "\n";
  return failures ? 2 : 0;
}
