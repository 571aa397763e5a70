//===- RuntimeTest.cpp - Tensor, .npy and .safetensors --------------------===//
//
/// Round trips through both file formats for every dtype and each error path,
/// with the malformed files written byte by byte here (the float16 header is
/// the one numpy.save writes). The lit tests compare the same code with
/// NumPy and PyTorch on many more arrays.
//
//===----------------------------------------------------------------------===//

#include "runtime/Npy.h"
#include "runtime/Safetensors.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiln;

namespace {

/// A fresh directory per test, removed with its files afterwards.
class FileTest : public ::testing::Test {
protected:
  void SetUp() override {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = ::testing::TempDir() + "kiln-runtime-" + info->name() + "-" +
          std::to_string(getpid());
    ASSERT_EQ(mkdir(dir.c_str(), 0755), 0) << dir;
  }

  void TearDown() override {
    for (const std::string &name : listDir())
      std::remove((dir + "/" + name).c_str());
    rmdir(dir.c_str());
  }

  std::string path(const std::string &name) const { return dir + "/" + name; }

  std::vector<std::string> listDir() const {
    std::vector<std::string> names;
    if (DIR *handle = opendir(dir.c_str())) {
      while (dirent *entry = readdir(handle))
        if (std::strcmp(entry->d_name, ".") && std::strcmp(entry->d_name, ".."))
          names.push_back(entry->d_name);
      closedir(handle);
    }
    return names;
  }

  void writeBytes(const std::string &name, const std::string &bytes) const {
    std::ofstream(path(name), std::ios::binary) << bytes;
  }

  std::string readBytes(const std::string &name) const {
    std::ifstream in(path(name), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  /// The RuntimeError message of `body`, or "" if it does not throw one.
  template <typename Body> static std::string errorOf(Body body) {
    try {
      body();
    } catch (const RuntimeError &error) {
      return error.what();
    }
    return "";
  }

  std::string dir;
};

/// A version 1.0 .npy file with `descr`, padded as numpy pads it.
std::string npyFile(const std::string &dict, const std::string &data) {
  std::string header = dict;
  header += std::string(64 - (10 + header.size() + 1) % 64, ' ') + "\n";
  std::string bytes = "\x93NUMPY\x01";
  bytes += '\0';
  bytes += static_cast<char>(header.size() & 0xff);
  bytes += static_cast<char>(header.size() >> 8);
  return bytes + header + data;
}

std::string safetensorsFile(const std::string &json, const std::string &data) {
  std::string bytes;
  for (int i = 0; i < 8; ++i)
    bytes += static_cast<char>((json.size() >> (8 * i)) & 0xff);
  return bytes + json + data;
}

bool sameTensor(const Tensor &a, const Tensor &b) {
  return a.dtype() == b.dtype() && a.shape() == b.shape() &&
         std::memcmp(a.data(), b.data(), a.nbytes()) == 0;
}

/// One small tensor of every dtype, 0-d and empty ones included.
std::map<std::string, Tensor> sampleTensors() {
  return {
      {"f32", Tensor::fromValues<float>({2, 3}, {1, -2.5f, 0, -0.0f, 1e-8f, 3})},
      {"f64", Tensor::fromValues<double>({}, {3.25})},
      {"i64", Tensor::fromValues<int64_t>({3}, {INT64_MIN, 0, INT64_MAX})},
      {"i32", Tensor::fromValues<int32_t>({1, 2}, {-7, 7})},
      {"u8", Tensor::fromValues<uint8_t>({5}, {0, 1, 127, 128, 255})},
      {"i16", Tensor::fromValues<int16_t>({2}, {INT16_MIN, INT16_MAX})},
      {"i8", Tensor::fromValues<int8_t>({3}, {-128, 0, 127})},
      {"u64", Tensor::fromValues<uint64_t>({2}, {0, UINT64_MAX})},
      {"u32", Tensor::fromValues<uint32_t>({2}, {1, UINT32_MAX})},
      {"u16", Tensor::fromValues<uint16_t>({1}, {65535})},
      {"bool", Tensor::fromValues<bool>({2, 2}, {true, false, false, true})},
      {"empty", Tensor::zeros(DType::Int32, {0, 3})},
  };
}

TEST(TensorTest, ZerosAreAlignedZeroFilledAndShared) {
  Tensor tensor = Tensor::zeros(DType::Float64, {3, 5});
  EXPECT_EQ(tensor.numel(), 15);
  EXPECT_EQ(tensor.nbytes(), 120u);
  EXPECT_TRUE(tensor.ownsStorage());
  EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.data()) % Tensor::kAlignment,
            0u);
  for (int64_t i = 0; i < tensor.numel(); ++i)
    EXPECT_EQ(tensor.data<double>()[i], 0.0);
  Tensor copy = tensor;
  copy.data<double>()[4] = 2.0;
  EXPECT_EQ(tensor.data<double>()[4], 2.0);
  Tensor deep = tensor.clone();
  deep.data<double>()[4] = 3.0;
  EXPECT_EQ(tensor.data<double>()[4], 2.0);
  EXPECT_NE(deep.data(), tensor.data());
}

TEST(TensorTest, ViewsShareTheCallersMemory) {
  float values[] = {1, 2, 3, 4};
  Tensor view = Tensor::view(values, DType::Float32, {2, 2});
  EXPECT_FALSE(view.ownsStorage());
  view.data<float>()[3] = 9;
  EXPECT_EQ(values[3], 9);
  Tensor owned = view.clone();
  EXPECT_TRUE(owned.ownsStorage());
  EXPECT_EQ(owned.data<float>()[3], 9);
}

TEST(TensorTest, DefaultAndScalarShapes) {
  Tensor empty;
  EXPECT_EQ(empty.describe(), "float32 [0]");
  EXPECT_EQ(empty.numel(), 0);
  Tensor scalar = Tensor::zeros(DType::Int64, {});
  EXPECT_EQ(scalar.rank(), 0);
  EXPECT_EQ(scalar.numel(), 1);
  EXPECT_EQ(scalar.describe(), "int64 []");
}

TEST(TensorTest, NamesAndSizes) {
  EXPECT_EQ(formatShape({2, 3}), "[2, 3]");
  EXPECT_EQ(formatShape({}), "[]");
  EXPECT_STREQ(getDTypeName(DType::UInt8), "uint8");
  EXPECT_STREQ(getDTypeName(DType::Bool), "bool");
  EXPECT_EQ(getElementSize(DType::Float64), 8u);
  EXPECT_EQ(getElementSize(DType::Int32), 4u);
  EXPECT_EQ(getElementSize(DType::Bool), 1u);
  EXPECT_EQ(Tensor::zeros(DType::Float32, {2, 3}).describe(), "float32 [2, 3]");
}

TEST(TensorTest, MisuseThrows) {
  Tensor tensor = Tensor::zeros(DType::Float32, {2, 3});
  EXPECT_THROW(tensor.data<int64_t>(), RuntimeError);
  try {
    tensor.data<double>();
  } catch (const RuntimeError &error) {
    EXPECT_STREQ(error.what(), "dtype mismatch: tensor is float32 [2, 3] but "
                               "was accessed as float64");
  }
  EXPECT_THROW(Tensor::zeros(DType::Float32, {2, -1}), RuntimeError);
  EXPECT_THROW(Tensor::zeros(DType::Float64, {INT64_MAX, 2}), RuntimeError);
  EXPECT_THROW(Tensor::view(nullptr, DType::Float32, {2}), RuntimeError);
  EXPECT_THROW(Tensor::fromValues<int32_t>({2, 2}, {1, 2, 3}), RuntimeError);
}

TEST_F(FileTest, NpyRoundTripsEveryDType) {
  for (const auto &named : sampleTensors()) {
    std::string file = path(named.first + ".npy");
    writeNpy(file, named.second);
    EXPECT_TRUE(sameTensor(readNpy(file), named.second)) << named.first;
  }
}

TEST_F(FileTest, NpyWritesNumpysBytes) {
  writeNpy(path("a.npy"), Tensor::fromValues<uint8_t>({3}, {1, 2, 3}));
  EXPECT_EQ(readBytes("a.npy"),
            npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }",
                    "\x01\x02\x03"));
}

TEST_F(FileTest, NpyReadsVersions2And3) {
  std::string dict = "{'shape': (2,), 'fortran_order': False, 'descr': '<i4'}";
  std::string header = dict + std::string(64 - (12 + dict.size() + 1) % 64, ' ') + "\n";
  for (char major : {'\x02', '\x03'}) {
    std::string bytes = std::string("\x93NUMPY") + major + '\0';
    bytes += static_cast<char>(header.size());
    bytes += std::string(3, '\0');
    bytes += header + std::string("\x05\0\0\0\xfa\xff\xff\xff", 8);
    writeBytes("v.npy", bytes);
    Tensor tensor = readNpy(path("v.npy"));
    ASSERT_EQ(tensor.describe(), "int32 [2]");
    EXPECT_EQ(tensor.data<int32_t>()[0], 5);
    EXPECT_EQ(tensor.data<int32_t>()[1], -6);
  }
}

TEST_F(FileTest, NpyWriteReplacesAtomically) {
  writeBytes("out.npy", std::string(100000, 'x'));
  Tensor tensor = Tensor::fromValues<float>({2}, {1, 2});
  writeNpy(path("out.npy"), tensor);
  EXPECT_TRUE(sameTensor(readNpy(path("out.npy")), tensor));
  EXPECT_EQ(listDir(), std::vector<std::string>{"out.npy"});
  std::string message =
      errorOf([&] { writeNpy(path("missing/out.npy"), tensor); });
  EXPECT_NE(message.find("missing/out.npy: cannot create a temporary file"),
            std::string::npos)
      << message;
  EXPECT_EQ(listDir(), std::vector<std::string>{"out.npy"});
}

TEST_F(FileTest, NpyErrorsNameFileAndProblem) {
  const std::string f32 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  struct Case {
    const char *name;
    std::string bytes;
    const char *expected;
  } cases[] = {
      {"truncated.npy", npyFile(f32, std::string(23, '\0')),
       "truncated.npy: truncated file: the header promises 24 data bytes for "
       "float32 [2, 3] but only 23 follow"},
      {"short.npy", std::string("\x93NUMPY\x01", 7),
       "short.npy: truncated file: the NPY magic and version needs 8 bytes"},
      {"magic.npy", "PK\x03\x04 not npy at all",
       "magic.npy: bad magic: not an NPY file"},
      {"fortran.npy",
       npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
               std::string(24, '\0')),
       "fortran.npy: Fortran-order arrays are not supported"},
      // The header numpy.save writes for np.ones((2, 3), np.float16).
      {"half.npy",
       npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (2, 3), }",
               std::string(12, '\0')),
       "half.npy: unsupported dtype '<f2' (float16); supported: <f4 "
       "(float32), <f8 (float64), <i8 (int64), <i4 (int32), <i2 (int16), |i1 "
       "(int8), <u8 (uint64), <u4 (uint32), <u2 (uint16), |u1 (uint8), |b1 "
       "(bool)"},
      {"big.npy",
       npyFile("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }",
               std::string(8, '\0')),
       "big.npy: big-endian dtype '>f8' is not supported"},
      {"key.npy",
       npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), "
               "'extra': 1}",
               std::string(4, '\0')),
       "key.npy: bad header: unexpected key 'extra' in the header"},
  };
  for (const Case &c : cases) {
    writeBytes(c.name, c.bytes);
    std::string message = errorOf([&] { readNpy(path(c.name)); });
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << "got: " << message;
    EXPECT_EQ(message.rfind(dir, 0), 0u) << "message must start with the path";
  }
  std::string message = errorOf([&] { readNpy(path("absent.npy")); });
  EXPECT_NE(message.find("absent.npy: cannot open file"), std::string::npos)
      << message;
}

TEST_F(FileTest, NpyAcceptsOneDimensionalFortranOrder) {
  // The same bytes in either order, so numpy writers may flag it either way.
  writeBytes("f.npy",
             npyFile("{'descr': '|b1', 'fortran_order': True, 'shape': (2,), }",
                     std::string("\x01\x00", 2)));
  Tensor tensor = readNpy(path("f.npy"));
  EXPECT_TRUE(tensor.data<bool>()[0]);
  EXPECT_FALSE(tensor.data<bool>()[1]);
}

TEST_F(FileTest, SafetensorsRoundTripsEveryDType) {
  std::map<std::string, Tensor> tensors = sampleTensors();
  writeSafetensors(path("m.safetensors"), tensors);
  std::map<std::string, Tensor> loaded = readSafetensors(path("m.safetensors"));
  ASSERT_EQ(loaded.size(), tensors.size());
  for (const auto &named : tensors)
    EXPECT_TRUE(sameTensor(loaded.at(named.first), named.second))
        << named.first;
  EXPECT_EQ(listDir(), std::vector<std::string>{"m.safetensors"});
}

TEST_F(FileTest, SafetensorsLayout) {
  writeSafetensors(path("m.safetensors"),
                   {{"b", Tensor::fromValues<uint8_t>({1}, {7})},
                    {"a\"", Tensor::fromValues<int64_t>({}, {1})}});
  std::string json =
      "{\"a\\\"\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
      "\"b\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[8,9]}}";
  json += std::string((8 - json.size() % 8) % 8, ' ');
  EXPECT_EQ(readBytes("m.safetensors"),
            safetensorsFile(json, std::string("\x01\0\0\0\0\0\0\0\x07", 9)));
}

TEST_F(FileTest, SafetensorsIgnoresMetadata) {
  writeBytes("m.safetensors",
             safetensorsFile("{\"__metadata__\":{\"format\":\"pt\"},"
                             "\"x\":{\"dtype\":\"I32\",\"shape\":[1],"
                             "\"data_offsets\":[0,4]}}",
                             std::string("\x2a\0\0\0", 4)));
  std::map<std::string, Tensor> loaded = readSafetensors(path("m.safetensors"));
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded.at("x").data<int32_t>()[0], 42);
}

TEST_F(FileTest, SafetensorsErrorsNameFileAndTensor) {
  auto entry = [](const std::string &name, const std::string &dtype,
                  const std::string &shape, const std::string &offsets) {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape +
           ",\"data_offsets\":" + offsets + "}";
  };
  std::string data(16, '\0');
  struct Case {
    const char *name;
    std::string bytes;
    const char *expected;
  } cases[] = {
      {"dtype.st",
       safetensorsFile("{" + entry("w", "BF16", "[2]", "[0,4]") + "}", data),
       "dtype.st: tensor 'w': unsupported dtype 'BF16'; supported: F32, F64, "
       "I64, I32, I16, I8, U64, U32, U16, U8, BOOL"},
      {"overlap.st",
       safetensorsFile("{" + entry("a", "F32", "[2]", "[0,8]") + "," +
                           entry("b", "F32", "[2]", "[4,12]") + "}",
                       data),
       "overlap.st: tensors 'a' and 'b' overlap"},
      {"nested.st",
       safetensorsFile("{" + entry("long", "U8", "[16]", "[0,16]") + "," +
                           entry("empty", "U8", "[0]", "[2,2]") + "," +
                           entry("inner", "U8", "[2]", "[4,6]") + "}",
                       data),
       "nested.st: tensors 'long' and 'inner' overlap"},
      {"range.st",
       safetensorsFile("{" + entry("w", "F64", "[3]", "[0,24]") + "}", data),
       "range.st: tensor 'w': data_offsets [0, 24] are out of range"},
      {"reversed.st",
       safetensorsFile("{" + entry("w", "U8", "[0]", "[4,0]") + "}", data),
       "reversed.st: tensor 'w': data_offsets [4, 0] end before they begin"},
      {"size.st",
       safetensorsFile("{" + entry("w", "I32", "[2,2]", "[0,12]") + "}", data),
       "size.st: tensor 'w': data_offsets [0, 12] span 12 bytes but int32 [2, "
       "2] needs 16"},
      {"shape.st",
       safetensorsFile("{" + entry("w", "U8", "[-1]", "[0,1]") + "}", data),
       "shape.st: tensor 'w': 'shape' must be an array of non-negative"},
      {"header.st", std::string("\x40\0\0\0\0\0\0\0{}", 10),
       "header.st: truncated file: the header length is 64 bytes but only 2 "
       "follow"},
      {"json.st", safetensorsFile("{\"w\":{},}", ""),
       "json.st: bad header: invalid JSON at offset 8"},
      {"array.st", safetensorsFile("[]", ""),
       "array.st: bad header: expected a JSON object"},
  };
  for (const Case &c : cases) {
    writeBytes(c.name, c.bytes);
    std::string message = errorOf([&] { readSafetensors(path(c.name)); });
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << "got: " << message;
  }
}

TEST_F(FileTest, SafetensorsRejectsReservedName) {
  std::string message = errorOf([&] {
    writeSafetensors(path("m.safetensors"), {{"__metadata__", Tensor()}});
  });
  EXPECT_NE(message.find("'__metadata__' is reserved"), std::string::npos);
  EXPECT_TRUE(listDir().empty());
}

} // namespace
