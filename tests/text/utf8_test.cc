#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

DecodedCodePoint Decode(std::string_view s) { return DecodeUtf8(s, 0); }

TEST(Utf8Test, DecodesOneToFourBytes) {
  EXPECT_EQ(Decode("a").value, U'a');
  EXPECT_EQ(Decode("ö").value, U'ö');
  EXPECT_EQ(Decode("ö").length, 2u);
  EXPECT_EQ(Decode("注").value, U'注');
  EXPECT_EQ(Decode("注").length, 3u);
  EXPECT_EQ(Decode("😀").value, U'😀');
  EXPECT_EQ(Decode("😀").length, 4u);
}

TEST(Utf8Test, MalformedSequencesAreOneInvalidByte) {
  for (std::string bad : {std::string("\x80"), std::string("\xC3"), std::string("\xC0\x80"),
                          std::string("\xE0\x80\x80"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xF0\x9F\x98"),
                          std::string("\xFF"), std::string("\xC3x")}) {
    const DecodedCodePoint d = Decode(bad);
    EXPECT_EQ(d.value, kInvalidCodePoint) << static_cast<int>(static_cast<unsigned char>(bad[0]));
    EXPECT_EQ(d.length, 1u);
  }
}

TEST(Utf8Test, DecodesAtAnOffset) {
  const std::string s = "xé";
  EXPECT_EQ(DecodeUtf8(s, 1).value, U'é');
}

}  // namespace
}  // namespace paperdeck::text
