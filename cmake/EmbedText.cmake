# Writes a text file into C++ source as a string constant, at build time:
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DSYMBOL=name -P EmbedText.cmake
# defines `const char *const ns::name` holding INPUT's text. The text goes
# in pieces, as raw string literals, below the length a compiler must
# accept for one literal.
file(READ "${INPUT}" text)
string(LENGTH "${text}" length)
set(pieces "")
set(offset 0)
while(offset LESS length)
  string(SUBSTRING "${text}" ${offset} 4000 piece)
  string(APPEND pieces "R\"kiln_embed(${piece})kiln_embed\"\n")
  math(EXPR offset "${offset} + 4000")
endwhile()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedText.cmake; do not edit.\n"
  "namespace ${NAMESPACE} {\n"
  "extern const char *const ${SYMBOL};\n"
  "const char *const ${SYMBOL} =\n${pieces};\n"
  "} // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
