//===- Commands.h - The kiln tool's subcommands -----------------*- C++ -*-===//

#ifndef KILN_TOOLS_KILN_COMMANDS_H
#define KILN_TOOLS_KILN_COMMANDS_H

#include <string>
#include <vector>

namespace kiln {

/// `kiln run MODEL [--input NAME=FILE.npy]... [--params FILE.safetensors]
/// [--output-dir DIR]`. Returns the process exit code; throws RuntimeError
/// for bad input.
int runCommand(const std::vector<std::string> &args);

} // namespace kiln

#endif // KILN_TOOLS_KILN_COMMANDS_H
