//===- AotSymbol.cpp - The C symbol of a compiled model -------------------===//
//
/// An object file exports the model function under its symbol, and the
/// program that links it brings its own symbols and the C and C++ runtime's.
/// A clash is at best a link error and at worst silent interposition (a
/// model named `index` would replace libc's), so a symbol is checked before
/// anything is compiled.
//
//===----------------------------------------------------------------------===//

#include "codegen/cpu/Aot.h"

#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringSet.h"

#include <cctype>
#include <dlfcn.h>

using namespace mlir;

namespace kiln {

static bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string getDefaultAotSymbol(llvm::StringRef functionName) {
  std::string symbol = "kiln_";
  for (char c : functionName) {
    char next = isIdentifierChar(c) ? c : '_';
    if (next == '_' && symbol.back() == '_')
      continue;
    symbol += next;
  }
  return symbol;
}

/// The keywords of C and C++ (alternative tokens included), which cannot
/// name the wrapper function or the C declaration.
static const llvm::StringSet<> &getKeywords() {
  static const llvm::StringSet<> keywords = {
      "alignas",   "alignof",      "and",          "and_eq",
      "asm",       "auto",         "bitand",       "bitor",
      "bool",      "break",        "case",         "catch",
      "char",      "char8_t",      "char16_t",     "char32_t",
      "class",     "compl",        "concept",      "const",
      "consteval", "constexpr",    "constinit",    "const_cast",
      "continue",  "co_await",     "co_return",    "co_yield",
      "decltype",  "default",      "delete",       "do",
      "double",    "dynamic_cast", "else",         "enum",
      "explicit",  "export",       "extern",       "false",
      "float",     "for",          "friend",       "goto",
      "if",        "inline",       "int",          "long",
      "mutable",   "namespace",    "new",          "noexcept",
      "not",       "not_eq",       "nullptr",      "operator",
      "or",        "or_eq",        "private",      "protected",
      "public",    "register",     "reinterpret_cast", "requires",
      "restrict",  "return",       "short",        "signed",
      "sizeof",    "static",       "static_assert", "static_cast",
      "struct",    "switch",       "template",     "this",
      "thread_local", "throw",     "true",         "try",
      "typedef",   "typeid",       "typename",     "union",
      "unsigned",  "using",        "virtual",      "void",
      "volatile",  "wchar_t",      "while",        "xor",
      "xor_eq"};
  return keywords;
}

/// Prefixes of the symbols KilnRuntime defines, which every AOT program
/// links: its kernels (runtime/cpu/Kernels.h) and what it provides in place of
/// MLIR's runner utilities (`memrefCopy`, `mlirAsyncRuntime*`).
static constexpr llvm::StringLiteral kRuntimePrefixes[] = {
    "kiln_matmul_f32_", "kiln_conv_f32_", "memref", "mlir"};

llvm::Error checkAotSymbol(llvm::StringRef symbol) {
  auto refuse = [&](const llvm::Twine &why) {
    return llvm::createStringError("symbol '" + symbol + "' " + why);
  };
  if (symbol.empty() || std::isdigit(static_cast<unsigned char>(symbol[0])) ||
      !llvm::all_of(symbol, isIdentifierChar))
    return refuse("is not a C identifier");
  if (getKeywords().contains(symbol))
    return refuse("is a C or C++ keyword");
  // C reserves identifiers that start with an underscore at file scope, C++
  // every identifier with a double underscore.
  if (symbol.starts_with("_") || symbol.contains("__"))
    return refuse("is reserved to the C and C++ implementation");
  if (symbol == "main")
    return refuse("is the program's entry point");
  for (llvm::StringRef prefix : kRuntimePrefixes)
    if (symbol.starts_with(prefix))
      return refuse("may clash with KilnRuntime's symbols (prefix '" +
                    prefix + "')");
  // This process has the C, math and C++ runtime libraries loaded, the ones
  // a linking program gets.
  if (dlsym(RTLD_DEFAULT, symbol.str().c_str()))
    return refuse("is defined by a library every program links (the C or "
                  "C++ runtime)");
  return llvm::Error::success();
}

llvm::Error renameModelFunction(ModuleOp module, func::FuncOp func,
                                llvm::StringRef symbol) {
  if (func.getSymName() == symbol)
    return llvm::Error::success();
  if (SymbolTable::lookupSymbolIn(module, symbol))
    return llvm::createStringError("symbol '" + symbol +
                                   "' already names another op of the model");
  auto name = StringAttr::get(module.getContext(), symbol);
  if (failed(SymbolTable::replaceAllSymbolUses(func, name, module)))
    return llvm::createStringError("cannot rename the uses of '" +
                                   func.getSymName() + "'");
  SymbolTable::setSymbolName(func, name);
  return llvm::Error::success();
}

} // namespace kiln
