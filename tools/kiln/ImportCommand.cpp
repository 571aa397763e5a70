//===- ImportCommand.cpp - kiln import ------------------------------------===//
//
/// `kiln import MODEL.onnx -o OUT.mlir [--input-shape NAME=D0,D1,...]...`
/// writes the imported model as kiln MLIR and its parameters' initial values
/// (the ONNX initializers) as OUT.safetensors, which `kiln run --params` and
/// `kiln train --params` read.
//
//===----------------------------------------------------------------------===//

#include "tools/kiln/CommandLine.h"
#include "tools/kiln/Commands.h"
#include "tools/kiln/ModelIO.h"

#include "frontend/Support.h"
#include "runtime/Safetensors.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <filesystem>
#include <iostream>

namespace kiln {

int importCommand(const std::vector<std::string> &args) {
  std::string model, output;
  OnnxImportOptions options;
  for (ArgumentReader reader("import", args); reader.next();) {
    const std::string &arg = reader.current();
    if (arg == "-o")
      output = reader.value();
    else if (arg == "--input-shape")
      options.inputShapes.insert(parseInputShape("import", reader.value()));
    else if (arg.rfind("-", 0) == 0)
      reader.fail("a known option", arg);
    else
      model = arg;
  }
  if (model.empty() || output.empty())
    throw RuntimeError("usage: kiln import MODEL.onnx -o OUT.mlir "
                       "[--input-shape NAME=D0,D1,...]...");
  if (!isOnnxModelPath(model))
    throw RuntimeError("kiln import: '" + model + "' is not an .onnx file");

  std::shared_ptr<mlir::MLIRContext> context = createFrontendContext();
  ModelFile file = readModelFile(model, *context, options);

  // Written next to their final names and renamed, so a failure leaves any
  // earlier import intact.
  std::string temporary = output + ".tmp";
  {
    std::error_code error;
    llvm::raw_fd_ostream os(temporary, error);
    if (error)
      throw RuntimeError("kiln import: cannot write '" + temporary +
                         "': " + error.message());
    file.module->print(os);
  }
  std::filesystem::rename(temporary, output);
  if (!file.initialParams.empty()) {
    std::string params =
        std::filesystem::path(output).replace_extension(".safetensors");
    writeSafetensors(params, file.initialParams);
    std::cout << "wrote " << output << " and " << params << " ("
              << file.initialParams.size() << " parameters)\n";
  } else {
    std::cout << "wrote " << output << "\n";
  }
  return 0;
}

} // namespace kiln
