// A `paperdeck serve` in-process over a fresh data directory holding the reference page's papers,
// on loopback, and raw requests to it with exactly the headers given (Host included), for the
// API tests that send what a page, or a hostile one, would.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/http_server.h"
#include "http/loopback_exchange.h"
#include "support/temp_dir.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

struct Answer {
  int status = 0;
  nlohmann::json body;
};

class LoopbackApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_ / "data";
    auto workspace = workspace::Workspace::Open(dir_);
    ASSERT_TRUE(workspace.ok()) << workspace.status().message();
    workspace_ = std::move(*workspace);
    workspace::FileImportReport report = workspace_->ImportFile(
        std::string(PAPERDECK_TEST_DATA) + "/seed-page.jsonl", ingest::InputFormat::kAuto, 1000, {});
    ASSERT_FALSE(report.failed);
    ASSERT_TRUE(workspace_->CatchUpIndex().ok());
    StartServer();
  }
  void TearDown() override {
    StopServer();
    workspace_.reset();
  }
  void StartServer() {
    server_ = std::make_unique<HttpServer>(*workspace_, options_);
    auto port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    self_ = "127.0.0.1:" + std::to_string(port_);
  }
  // Stops the server and waits for what it runs in the background.
  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  // Sends one request with exactly these headers (Host included) and reads the answer.
  Answer Send(const std::string& method, const std::string& target, const std::string& body,
              const std::vector<std::string>& headers) {
    std::string request = method + " " + target + " HTTP/1.1\r\n";
    for (const std::string& h : headers) request += h + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
    request += body;
    const std::string raw = ExchangeOnLoopback(port_, request);
    Answer a;
    if (raw.rfind("HTTP/1.1 ", 0) == 0) a.status = std::stoi(raw.substr(9, 3));
    size_t at = raw.find("\r\n\r\n");
    if (at != std::string::npos) a.body = nlohmann::json::parse(raw.substr(at + 4), nullptr, false);
    return a;
  }
  // A write as the page sends it: its own Host and Origin, JSON.
  Answer Write(const std::string& method, const std::string& target, const nlohmann::json& body) {
    return Send(method, target, body.dump(),
                {"Host: " + self_, "Origin: http://" + self_, "Content-Type: application/json"});
  }
  Answer Get(const std::string& target) { return Send("GET", target, "", {"Host: " + self_}); }

  ::paperdeck::testing::TempDir temp_;
  std::filesystem::path dir_;
  std::unique_ptr<workspace::Workspace> workspace_;
  ServerOptions options_;  // what StartServer gives the server
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::string self_;
};

}  // namespace paperdeck::http
