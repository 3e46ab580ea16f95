#include "vectors/neighbour_graph.h"

#include <fcntl.h>
#include <unistd.h>

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "index/crc32c.h"
#include "index/mapped_file.h"
#include "vectors/file_bytes.h"

namespace paperdeck::vectors {
namespace {

constexpr char kSumMagic[8] = {'P', 'D', 'G', 'R', 'A', 'P', 'H', 'S'};
constexpr uint32_t kSumVersion = 1;
constexpr char kSumEnd[4] = {'G', 'E', 'N', 'D'};
constexpr size_t kSumBytes = 48 + 8;  // fields below, then the CRC and the end marker
constexpr size_t kLinks = 16;         // hnswlib's M
constexpr size_t kBuildBreadth = 100;  // hnswlib's ef_construction

// One element as the graph stores it: the dim int8 codes, then the float scale.
float Int8Distance(const void* a, const void* b, const void* param) {
  const size_t dim = *static_cast<const size_t*>(param);
  const auto* x = static_cast<const int8_t*>(a);
  const auto* y = static_cast<const int8_t*>(b);
  int32_t dot = 0;
  for (size_t i = 0; i < dim; ++i) dot += int32_t{x[i]} * int32_t{y[i]};
  float sx, sy;
  std::memcpy(&sx, x + dim, 4);
  std::memcpy(&sy, y + dim, 4);
  return 1.0f - sx * sy * static_cast<float>(dot);
}

class Int8Space : public hnswlib::SpaceInterface<float> {
 public:
  explicit Int8Space(size_t dim) : dim_(dim) {}
  size_t get_data_size() override { return dim_ + 4; }
  hnswlib::DISTFUNC<float> get_dist_func() override { return Int8Distance; }
  void* get_dist_func_param() override { return &dim_; }

 private:
  size_t dim_;
};

// codes (dim of them) and scale as one element of the graph, at out (dim + 4 bytes).
void PutElement(const int8_t* codes, float scale, size_t dim, char* out) {
  std::memcpy(out, codes, dim);
  std::memcpy(out + dim, &scale, 4);
}

Status Damaged(const std::filesystem::path& path, const std::string& what) {
  return Status::Corruption("neighbour graph " + path.string() + " is damaged: " + what +
                            " (it is built again from the paper vectors)");
}

std::filesystem::path SumPath(const std::filesystem::path& graph) {
  std::filesystem::path p = graph;
  p += ".sum";
  return p;
}

Status SyncFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open " + path.string() + ": " + std::strerror(errno));
  const bool ok = ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) return Status::IOError("cannot sync " + path.string() + ": " + std::strerror(err));
  return Status::Ok();
}

}  // namespace

std::string GraphFileName(std::string_view segment_name) {
  return std::string(segment_name) + ".graph";
}
std::string GraphSumFileName(std::string_view segment_name) {
  return std::string(segment_name) + ".graph.sum";
}

struct NeighbourGraph::Impl {
  explicit Impl(size_t dim) : space(dim), dim(dim) {}
  Int8Space space;
  size_t dim;
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
};

NeighbourGraph::NeighbourGraph() = default;
NeighbourGraph::~NeighbourGraph() = default;

Result<std::unique_ptr<NeighbourGraph>> NeighbourGraph::Write(
    const DenseFile& vectors, const std::filesystem::path& path, uint32_t threads,
    const std::function<void(uint64_t)>& progress) {
  const size_t dim = vectors.dim();
  std::vector<uint32_t> docs;
  for (uint32_t d = 0; d < vectors.doc_count(); ++d) {
    if (vectors.scale(d) != 0) docs.push_back(d);
  }
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  std::error_code ec;
  std::filesystem::remove(SumPath(path), ec);  // the old summary names the old graph
  try {
    Int8Space space(dim);
    hnswlib::HierarchicalNSW<float> hnsw(&space, std::max<size_t>(docs.size(), 1), kLinks,
                                         kBuildBreadth, /*random_seed=*/100);
    std::atomic<size_t> next{0};
    std::atomic<uint64_t> added{0};
    std::exception_ptr failure;
    std::mutex failure_mu;
    auto work = [&] {
      std::vector<char> element(dim + 4);
      for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
        const uint32_t d = docs[i];
        PutElement(vectors.codes(d), vectors.scale(d), dim, element.data());
        try {
          hnsw.addPoint(element.data(), d);
        } catch (...) {
          std::lock_guard<std::mutex> lock(failure_mu);
          failure = std::current_exception();
          next = docs.size();
          return;
        }
        const uint64_t n = added.fetch_add(1) + 1;
        if (progress && n % 1000 == 0) progress(n);
      }
    };
    // The first point is added alone: hnswlib's entry point is set by it.
    if (!docs.empty()) {
      next = 1;
      std::vector<char> first(dim + 4);
      PutElement(vectors.codes(docs[0]), vectors.scale(docs[0]), dim, first.data());
      hnsw.addPoint(first.data(), docs[0]);
      added = 1;
    }
    std::vector<std::thread> pool;
    for (uint32_t t = 1; t < std::max<uint32_t>(threads, 1); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (progress) progress(added);
    hnsw.saveIndex(tmp.string());
  } catch (const std::exception& e) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError("cannot build the neighbour graph " + path.string() + ": " + e.what());
  }
  // hnswlib's writer does not report a full disk: the bytes are checked as they will be read.
  PAPERDECK_RETURN_IF_ERROR(SyncFile(tmp));
  auto written = index::MappedFile::Open(tmp);
  if (!written.ok()) return written.status();
  const uint64_t bytes = (*written)->size();
  const uint32_t crc = index::Crc32c((*written)->data(), bytes);
  written->reset();
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError("cannot write " + path.string() + ": " + ec.message());
  }
  std::string sum(kSumMagic, sizeof kSumMagic);
  Put<uint32_t>(&sum, kSumVersion);
  Put<uint32_t>(&sum, vectors.doc_count());
  Put<uint64_t>(&sum, vectors.fingerprint());
  Put<uint32_t>(&sum, vectors.model_checksum());
  Put<uint32_t>(&sum, vectors.dim());
  Put<uint64_t>(&sum, bytes);
  Put<uint32_t>(&sum, crc);
  Put<uint32_t>(&sum, static_cast<uint32_t>(docs.size()));
  PAPERDECK_RETURN_IF_ERROR(WriteWholeFile(SumPath(path), {sum}, BytesOf(kSumEnd, sizeof kSumEnd)));
  // Read back once: a graph hnswlib cannot load (a full disk it did not report) is not kept.
  Result<std::unique_ptr<NeighbourGraph>> opened = Open(vectors, path);
  if (!opened.ok()) {
    std::filesystem::remove(SumPath(path), ec);
    std::filesystem::remove(path, ec);
  }
  return opened;
}

Result<std::unique_ptr<NeighbourGraph>> NeighbourGraph::Open(const DenseFile& vectors,
                                                             const std::filesystem::path& path) {
  const std::filesystem::path sum_path = SumPath(path);
  auto sum = index::MappedFile::Open(sum_path);
  if (!sum.ok()) {
    if (sum.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("neighbour graph " + path.string() + " is missing");
    }
    return sum.status();
  }
  const uint8_t* p = (*sum)->data();
  if ((*sum)->size() != kSumBytes || std::memcmp(p, kSumMagic, 8) != 0 ||
      std::memcmp(p + kSumBytes - 4, kSumEnd, 4) != 0 ||
      index::Crc32c(p, kSumBytes - 8) != Load<uint32_t>(p + kSumBytes - 8)) {
    return Damaged(sum_path, "not a whole graph summary");
  }
  if (Load<uint32_t>(p + 8) != kSumVersion) return Damaged(sum_path, "another format version");
  if (Load<uint32_t>(p + 12) != vectors.doc_count() ||
      Load<uint64_t>(p + 16) != vectors.fingerprint() ||
      Load<uint32_t>(p + 24) != vectors.model_checksum() ||
      Load<uint32_t>(p + 28) != vectors.dim()) {
    return Damaged(path, "built from other paper vectors");
  }
  const uint64_t bytes = Load<uint64_t>(p + 32);
  const uint32_t crc = Load<uint32_t>(p + 40);
  {
    auto graph = index::MappedFile::Open(path);
    if (!graph.ok()) return graph.status();
    if ((*graph)->size() != bytes) {
      return Damaged(path, std::to_string((*graph)->size()) + " bytes where " +
                               std::to_string(bytes) + " were written");
    }
    const uint8_t* data = (*graph)->data();
    if ((*graph)->ReadInOrder(data, bytes, [&] { return index::Crc32c(data, bytes); }) != crc) {
      return Damaged(path, "checksum mismatch");
    }
  }
  std::unique_ptr<NeighbourGraph> out(new NeighbourGraph());
  out->impl_ = std::make_unique<Impl>(vectors.dim());
  try {
    out->impl_->hnsw =
        std::make_unique<hnswlib::HierarchicalNSW<float>>(&out->impl_->space, path.string());
  } catch (const std::exception& e) {
    return Damaged(path, e.what());
  }
  out->size_bytes_ = bytes;
  return out;
}

std::vector<std::pair<float, uint32_t>> NeighbourGraph::Nearest(std::span<const float> query,
                                                                size_t k, size_t breadth) const {
  const size_t dim = impl_->dim;
  if (k == 0 || query.size() != dim || impl_->hnsw->cur_element_count == 0) return {};
  std::vector<int8_t> codes(dim);
  const float scale = QuantiseInt8(query, codes.data());
  if (scale == 0) return {};
  std::vector<char> element(dim + 4);
  PutElement(codes.data(), scale, dim, element.data());
  auto found = impl_->hnsw->searchKnn(element.data(), std::max(k, breadth));
  std::vector<std::pair<float, uint32_t>> out;
  out.reserve(found.size());
  while (!found.empty()) {  // farthest first
    out.emplace_back(1.0f - found.top().first, static_cast<uint32_t>(found.top().second));
    found.pop();
  }
  std::reverse(out.begin(), out.end());
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace paperdeck::vectors
