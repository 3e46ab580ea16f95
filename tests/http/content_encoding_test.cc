#include "http/content_encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "http/loopback_exchange.h"

namespace paperdeck::http {
namespace {

TEST(AcceptsGzipTest, WhatBrowsersAndToolsSend) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));  // Chromium
  EXPECT_TRUE(AcceptsGzip("deflate, gzip"));             // curl --compressed
  EXPECT_TRUE(AcceptsGzip("GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
}

TEST(AcceptsGzipTest, NothingAskedOrGzipRefused) {
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("*, gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipped"));
}

TEST(IsCompressibleTypeTest, TextYesFontsNo) {
  EXPECT_TRUE(IsCompressibleType("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("text/css; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("text/javascript; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("application/json; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("image/svg+xml"));
  EXPECT_TRUE(IsCompressibleType("application/atom+xml; charset=utf-8"));
  EXPECT_FALSE(IsCompressibleType("font/woff2"));
  EXPECT_FALSE(IsCompressibleType("image/png"));
  EXPECT_FALSE(IsCompressibleType(""));
}

TEST(GzipTest, ReadsBackAsTheSameBytesAndSmaller) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "Transformer attention is typically softmax-normalised. ";
  const std::string gz = Gzip(text);
  ASSERT_FALSE(gz.empty());
  EXPECT_LT(gz.size(), text.size() / 10);
  EXPECT_EQ(Gunzip(gz), text);
  EXPECT_EQ(Gunzip(Gzip("")), "");
}

TEST(GzipStaticTest, MadeOnceForTheSameBytes) {
  static const std::string kAsset(4096, 'k');
  const std::string_view a = GzipStatic(kAsset);
  const std::string_view b = GzipStatic(kAsset);
  EXPECT_EQ(a.data(), b.data());
  EXPECT_EQ(Gunzip(a), kAsset);
}

}  // namespace
}  // namespace paperdeck::http
