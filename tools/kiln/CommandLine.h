//===- CommandLine.h - Reading a kiln subcommand's arguments ----*- C++ -*-===//
//
/// What every `kiln` subcommand's option parser shares: walking the
/// arguments, an option's value, numbers and NAME=FILE bindings, with errors
/// that name the subcommand and the option.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TOOLS_KILN_COMMANDLINE_H
#define KILN_TOOLS_KILN_COMMANDLINE_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiln {

/// Reads arguments in order:
///   for (ArgumentReader reader("run", args); reader.next();)
///     if (reader.current() == "--params") params = reader.value();
/// The device a command runs on without `--device`: $KILN_DEVICE if set
/// (so a test suite reruns on another device unchanged), else the CPU;
/// throws naming the available devices for an unknown one.
std::string getDefaultDevice(const std::string &command);

class ArgumentReader {
public:
  ArgumentReader(std::string command, const std::vector<std::string> &args)
      : command_(std::move(command)), args_(args) {}

  /// Moves to the next argument; false when there is none.
  bool next() { return ++index_ < args_.size(); }
  const std::string &current() const { return args_[index_]; }
  /// The subcommand, for errors ("kiln COMMAND: ...").
  const std::string &command() const { return command_; }

  /// The argument after the current option, which becomes the current one;
  /// throws "kiln COMMAND: OPTION needs a value" at the end.
  const std::string &value();
  /// value() as a number.
  double number();
  /// value() as an integer of at least `minimum`.
  int64_t count(int64_t minimum);
  /// value() as NAME=FILE.
  std::pair<std::string, std::string> binding();
  /// value() as a device name (`--device`); throws naming the available
  /// devices for an unknown one.
  const std::string &device();

  /// Throws "kiln COMMAND: OPTION takes WHAT, got 'TEXT'".
  [[noreturn]] void fail(const std::string &what,
                         const std::string &text) const;

private:
  std::string command_;
  const std::vector<std::string> &args_;
  /// Before the first argument, size_t(-1) wraps to 0 in next().
  size_t index_ = static_cast<size_t>(-1);
  /// The option whose value is being read, for errors.
  std::string option_;
};

/// `text` as a number; throws naming the command and option otherwise.
double parseNumber(const std::string &command, const std::string &option,
                   const std::string &text);

} // namespace kiln

#endif // KILN_TOOLS_KILN_COMMANDLINE_H
