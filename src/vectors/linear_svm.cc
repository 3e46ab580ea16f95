#include "vectors/linear_svm.h"

#include <linear.h>

#include <memory>
#include <mutex>
#include <string>

namespace paperdeck::vectors {
namespace {

void Silent(const char*) {}

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};

}  // namespace

Result<LinearModel> TrainLinearSvm(std::span<const SparseVector> positives,
                                   std::span<const SparseVector> negatives, size_t term_count,
                                   const LinearSvmOptions& options) {
  if (positives.empty() || negatives.empty()) {
    return Status::InvalidArgument("a classifier needs papers on both sides (" +
                                   std::to_string(positives.size()) + " selected, " +
                                   std::to_string(negatives.size()) + " others)");
  }
  static std::once_flag quiet;
  std::call_once(quiet, [] { set_print_string_function(&Silent); });

  // LIBLINEAR's rows: features numbered from 1, ascending, then the bias feature, then -1.
  const size_t rows = positives.size() + negatives.size();
  std::vector<double> labels;
  labels.reserve(rows);
  std::vector<std::vector<feature_node>> nodes;
  nodes.reserve(rows);
  const int bias_index = static_cast<int>(term_count) + 1;
  auto add = [&](const SparseVector& v, double label) {
    std::vector<feature_node> row;
    row.reserve(v.size() + 2);
    for (const TermWeight& t : v) row.push_back({static_cast<int>(t.term) + 1, double{t.weight}});
    row.push_back({bias_index, 1.0});
    row.push_back({-1, 0.0});
    nodes.push_back(std::move(row));
    labels.push_back(label);
  };
  for (const SparseVector& v : positives) add(v, +1);
  for (const SparseVector& v : negatives) add(v, -1);
  std::vector<feature_node*> x;
  x.reserve(rows);
  for (auto& row : nodes) x.push_back(row.data());

  problem prob{};
  prob.l = static_cast<int>(rows);
  prob.n = bias_index;
  prob.y = labels.data();
  prob.x = x.data();
  prob.bias = 1.0;

  // class_weight='balanced': each class weighs rows / (2 · its rows).
  int weight_labels[2] = {+1, -1};
  double weights[2] = {double(rows) / (2.0 * double(positives.size())),
                       double(rows) / (2.0 * double(negatives.size()))};
  parameter param{};
  param.solver_type = L2R_L2LOSS_SVC_DUAL;
  param.eps = options.epsilon;
  param.C = options.c;
  param.nr_weight = 2;
  param.weight_label = weight_labels;
  param.weight = weights;
  param.p = 0.1;
  param.init_sol = nullptr;
  if (const char* error = check_parameter(&prob, &param)) {
    return Status::InvalidArgument(std::string("LIBLINEAR: ") + error);
  }
  std::unique_ptr<model, ModelDeleter> m(train(&prob, &param));
  if (!m) return Status::IOError("LIBLINEAR could not train a model");

  // Two classes: w holds one weight per feature for the first label LIBLINEAR saw (+1, as the
  // positives come first); flip the sign if it says otherwise.
  const double sign = m->label[0] == +1 ? 1.0 : -1.0;
  LinearModel out;
  out.weights.resize(term_count);
  for (size_t t = 0; t < term_count; ++t) out.weights[t] = static_cast<float>(sign * m->w[t]);
  out.bias = static_cast<float>(sign * m->w[term_count]);
  return out;
}

}  // namespace paperdeck::vectors
