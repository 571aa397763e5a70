//===- CommandLine.cpp - Reading a kiln subcommand's arguments ------------===//

#include "tools/kiln/CommandLine.h"

#include "codegen/device/Device.h"

#include <cstdlib>
#include "runtime/Tensor.h"

namespace kiln {

const std::string &ArgumentReader::value() {
  option_ = current();
  if (index_ + 1 >= args_.size())
    throw RuntimeError("kiln " + command_ + ": " + option_ + " needs a value");
  return args_[++index_];
}

void ArgumentReader::fail(const std::string &what,
                          const std::string &text) const {
  throw RuntimeError("kiln " + command_ + ": " + option_ + " takes " + what +
                     ", got '" + text + "'");
}

double ArgumentReader::number() {
  const std::string &text = value();
  return parseNumber(command_, option_, text);
}

int64_t ArgumentReader::count(int64_t minimum) {
  const std::string &text = value();
  try {
    size_t used = 0;
    long long parsed = std::stoll(text, &used);
    if (used == text.size() && parsed >= minimum)
      return parsed;
  } catch (const std::exception &) {
  }
  fail("an integer >= " + std::to_string(minimum), text);
}

std::pair<std::string, std::string> ArgumentReader::binding() {
  const std::string &text = value();
  size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
    fail("NAME=FILE.npy", text);
  return {text.substr(0, equals), text.substr(equals + 1)};
}

std::string getDefaultDevice(const std::string &command) {
  const char *chosen = std::getenv("KILN_DEVICE");
  if (!chosen || !*chosen)
    return kDefaultDevice;
  if (llvm::Error error = checkDevice(chosen))
    throw RuntimeError("kiln " + command +
                       ": KILN_DEVICE: " + llvm::toString(std::move(error)));
  return chosen;
}

const std::string &ArgumentReader::device() {
  const std::string &name = value();
  if (llvm::Error error = checkDevice(name))
    throw RuntimeError("kiln " + command_ +
                       ": --device: " + llvm::toString(std::move(error)));
  return name;
}

double parseNumber(const std::string &command, const std::string &option,
                   const std::string &text) {
  try {
    size_t used = 0;
    double parsed = std::stod(text, &used);
    if (used == text.size())
      return parsed;
  } catch (const std::exception &) {
  }
  throw RuntimeError("kiln " + command + ": " + option +
                     " takes a number, got '" + text + "'");
}

} // namespace kiln
