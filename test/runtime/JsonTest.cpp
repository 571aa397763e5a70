//===- JsonTest.cpp - The strict JSON parser ------------------------------===//

#include "runtime/Json.h"

#include "runtime/Tensor.h"

#include <gtest/gtest.h>

using namespace kiln;

namespace {

std::string errorOf(const std::string &text) {
  try {
    parseJson(text);
  } catch (const RuntimeError &error) {
    return error.what();
  }
  return "";
}

TEST(JsonTest, ParsesValues) {
  JsonValue value = parseJson(
      " {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\"}} ");
  ASSERT_TRUE(value.isObject());
  ASSERT_EQ(value.getMembers().size(), 2u);
  const JsonValue *a = value.find("a");
  ASSERT_TRUE(a && a->isArray());
  ASSERT_EQ(a->getElements().size(), 5u);
  EXPECT_EQ(a->getElements()[1].getText(), "-2.5e3");
  EXPECT_TRUE(a->getElements()[2].getBool());
  EXPECT_EQ(a->getElements()[4].kind(), JsonValue::Kind::Null);
  EXPECT_EQ(value.find("b")->find("c")->getText(), "d");
  EXPECT_EQ(value.find("missing"), nullptr);
}

TEST(JsonTest, ReadsLargeIntegersExactly) {
  uint64_t value = 0;
  EXPECT_TRUE(parseJson("18446744073709551615").getUInt64(value));
  EXPECT_EQ(value, UINT64_MAX);
  EXPECT_FALSE(parseJson("18446744073709551616").getUInt64(value));
  EXPECT_FALSE(parseJson("-1").getUInt64(value));
  EXPECT_FALSE(parseJson("1.0").getUInt64(value));
  EXPECT_FALSE(parseJson("\"1\"").getUInt64(value));
}

TEST(JsonTest, DecodesEscapes) {
  EXPECT_EQ(parseJson(R"("a\"\\\/\b\f\n\r\t")").getText(), "a\"\\/\b\f\n\r\t");
  EXPECT_EQ(parseJson(R"("\u00fc\u20ac\ud83d\ude00")").getText(),
            "\xc3\xbc\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_EQ(parseJson("\"gr\xc3\xbc\xc3\x9f\"").getText(), "gr\xc3\xbc\xc3\x9f");
}

TEST(JsonTest, QuotesForWriting) {
  EXPECT_EQ(quoteJson("a\"b\\c\n"), R"("a\"b\\c\u000a")");
  std::string tricky = "tab\t\x01 \xcf\x80";
  EXPECT_EQ(parseJson(quoteJson(tricky)).getText(), tricky);
}

TEST(JsonTest, RejectsWhatIsNotStrictJson) {
  EXPECT_EQ(errorOf("[1,]"), "invalid JSON at offset 3: expected a value");
  EXPECT_EQ(errorOf("{\"a\":1,}"),
            "invalid JSON at offset 7: expected a string key");
  EXPECT_EQ(errorOf("{\"a\":1,\"a\":2}"),
            "invalid JSON at offset 10: duplicate key \"a\"");
  EXPECT_EQ(errorOf("01"), "invalid JSON at offset 1: leading zeros are not allowed");
  EXPECT_NE(errorOf("{} x"), "");
  EXPECT_NE(errorOf(""), "");
  EXPECT_NE(errorOf("\"tab\there\""), "");
  EXPECT_NE(errorOf("\"\\x\""), "");
  EXPECT_NE(errorOf("\"\\ud800\""), "");
  EXPECT_NE(errorOf("\"\\udc00\""), "");
  EXPECT_NE(errorOf("\"\xc0\xaf\""), "");
  EXPECT_NE(errorOf("\"\xed\xa0\x80\""), "");
  EXPECT_NE(errorOf("\"unterminated"), "");
  EXPECT_NE(errorOf("tru"), "");
  EXPECT_NE(errorOf("1."), "");
  EXPECT_NE(errorOf("1e"), "");
  EXPECT_NE(errorOf("// comment\n{}"), "");
  EXPECT_EQ(errorOf(std::string(100, '[') + std::string(100, ']')),
            "invalid JSON at offset 65: nesting deeper than 64 levels");
}

} // namespace
