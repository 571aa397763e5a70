//===- OptimizerOptions.cpp - The optimizer and loss flags of kiln --------===//

#include "tools/kiln/OptimizerOptions.h"

#include <map>

namespace kiln {

bool readOptimizerOption(ArgumentReader &reader, OptimizerSpec &optimizer) {
  // Hyperparameter flags and the kiln-train-step option each one sets.
  static const std::map<std::string, std::string> numeric = {
      {"--lr", "lr"},
      {"--momentum", "momentum"},
      {"--dampening", "dampening"},
      {"--weight-decay", "weight_decay"},
      {"--eps", "eps"},
      {"--alpha", "alpha"},
      {"--lr-decay", "lr_decay"},
      {"--initial-accumulator-value", "initial_accumulator_value"},
      {"--rho", "rho"}};
  static const std::map<std::string, std::string> flags = {
      {"--nesterov", "nesterov"},
      {"--amsgrad", "amsgrad"},
      {"--centered", "centered"},
      {"--maximize", "maximize"}};
  const std::string arg = reader.current();
  if (arg == "--optimizer") {
    optimizer.name = reader.value();
  } else if (auto option = numeric.find(arg); option != numeric.end()) {
    // Checked here, read by the kiln-train-step pass.
    const std::string &text = reader.value();
    parseNumber(reader.command(), arg, text);
    optimizer.options[option->second] = text;
  } else if (auto flag = flags.find(arg); flag != flags.end()) {
    optimizer.options[flag->second] = "true";
  } else if (arg == "--betas") {
    const std::string &betas = reader.value();
    size_t comma = betas.find(',');
    if (comma == std::string::npos)
      reader.fail("B1,B2", betas);
    parseNumber(reader.command(), arg, betas.substr(0, comma));
    parseNumber(reader.command(), arg, betas.substr(comma + 1));
    optimizer.options["betas"] = betas;
  } else {
    return false;
  }
  return true;
}

LossSpec parseLossOption(const std::string &command, const std::string &text) {
  if (std::optional<LossSpec> loss = parseLossSpec(text))
    return *loss;
  throw RuntimeError("kiln " + command +
                     ": --loss takes KIND:OUTPUT,TARGET (e.g. "
                     "mse:prediction,y), got '" +
                     text + "'");
}

} // namespace kiln
