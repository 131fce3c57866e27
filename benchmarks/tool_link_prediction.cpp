// tool_link_prediction: how well does kith rank people to meet? Evaluates every link-prediction
// score of kith/suggest/people_to_meet.hpp (and kith's default blend) on the real graphs in
// ../shared/data, skipping what is absent.
//   (a) random split: 10% of the ties held out (ego-Facebook, Email-Enron, email-Eu-core, CA-GrQc);
//       every tie gets the same warmth, so "weighted" = unweighted up to scale.
//   (b) temporal split: interactions before the median timestamp build a kith network with
//       record() (the strength model turns them into warmth at the split time); positives are
//       pairs first seen after it (CollegeMsg, Bitcoin-OTC).
// "kith calibrated": the default blend fitted by calibrate_people_to_meet on the training data
// alone, against an inner split (random: another 10% of the training ties held out; temporal:
// the last quarter of the training interactions, or --inner-time), then evaluated like the rest.
// Temporal datasets also get an experiment that is not a kith score: a log-linear model fitted on
// the same inner split (see `loglinear`).
// Metrics: AUC against uniformly random non-ties and against hard negatives (distance-2
// non-ties, sampled by a two-step random walk from a uniform person), over every positive and
// max(2,000, positives) negatives of each kind; and per query person (up to 1,000 people with
// held-out ties), ranking every eligible non-contact: precision@10, hits@10, MRR. Bootstrap 95%
// intervals (1,000 resamples) for the AUC against random non-ties and for P@10. Equal scores are
// broken by a seeded random order (not by id, which in SNAP files correlates with time and degree).
// Scores are computed by the library's own engine (detail::accumulate_two_hop + pair_score),
// so the numbers describe exactly what suggest_people_to_meet ranks.
// Usage: tool_link_prediction [data_dir] [--blends activity:novelty,...] [--novelty-days d]
//        [--only name-part] [--hard-weight h] [--inner-time f] [--quick]
#include <kith/suggest/people_to_meet.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <tuple>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

struct raw_edge {
    std::uint32_t u, v;
    double t;
};

// A tiny SNAP / CSV reader: "u v [x [t]]" or "u,v,rating,time"; '#' and '%' comments; CRLF.
bool read_edges(const std::string& path, bool timed, std::vector<raw_edge>& out, std::uint32_t& n) {
    std::ifstream in(path);
    if (!in) return false;
    std::unordered_map<std::string, std::uint32_t> ids;
    auto id = [&](const std::string& s) {
        auto it = ids.find(s);
        if (it != ids.end()) return it->second;
        const auto v = static_cast<std::uint32_t>(ids.size());
        ids.emplace(s, v);
        return v;
    };
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || line[0] == '%') continue;
        for (char& c : line)
            if (c == ',' || c == '\t') c = ' ';
        std::istringstream ss(line);
        std::string a, b, x, t;
        ss >> a >> b;
        if (a.empty() || b.empty()) continue;
        double when = 0;
        if (timed) {
            ss >> x;
            if (!(ss >> t)) t = x;  // "u v t" (CollegeMsg) or "u v rating t" (Bitcoin)
            when = std::strtod(t.c_str(), nullptr);
        }
        out.push_back({id(a), id(b), when});
    }
    n = static_cast<std::uint32_t>(ids.size());
    return true;
}

std::uint64_t key(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

struct scorer {
    std::string name;
    kith::people_to_meet_options opt;
};

struct pair_sample {
    std::uint32_t u, v;
    int label;  // 1 positive, 0 random negative, 2 hard negative
};

struct result_row {
    std::string dataset, score;
    double auc_random = 0, auc_hard = 0, p10 = 0, hits10 = 0, mrr = 0;
    double auc_lo = 0, auc_hi = 0, p10_lo = 0, p10_hi = 0;  // bootstrap 95% intervals
};

double auc(const std::vector<double>& pos, const std::vector<double>& neg) {
    if (pos.empty() || neg.empty()) return 0;
    std::vector<double> n = neg;
    std::sort(n.begin(), n.end());
    double s = 0;
    for (double p : pos) {
        const auto lo = std::lower_bound(n.begin(), n.end(), p) - n.begin();
        const auto hi = std::upper_bound(n.begin(), n.end(), p) - n.begin();
        s += static_cast<double>(lo) + 0.5 * static_cast<double>(hi - lo);
    }
    return s / (static_cast<double>(pos.size()) * static_cast<double>(n.size()));
}

// Bootstrap 95% interval of the AUC (positives and negatives resampled independently, 1,000
// resamples, fixed seed): one pass over the pooled scores sorted once, weighted by the resample's
// multiplicities, so a resample costs O(P + N).
std::pair<double, double> auc_interval(const std::vector<double>& pos, const std::vector<double>& neg) {
    if (pos.empty() || neg.empty()) return {0, 0};
    std::vector<std::pair<double, std::uint32_t>> all;  // (score, index; negatives offset by P)
    const auto P = static_cast<std::uint32_t>(pos.size()), N = static_cast<std::uint32_t>(neg.size());
    for (std::uint32_t i = 0; i < P; ++i) all.emplace_back(pos[i], i);
    for (std::uint32_t i = 0; i < N; ++i) all.emplace_back(neg[i], P + i);
    std::sort(all.begin(), all.end());
    std::mt19937_64 rng(777);
    std::vector<std::uint32_t> cnt(P + N);
    std::vector<double> est;
    for (int b = 0; b < 1000; ++b) {
        std::fill(cnt.begin(), cnt.end(), 0u);
        for (std::uint32_t i = 0; i < P; ++i) ++cnt[rng() % P];
        for (std::uint32_t i = 0; i < N; ++i) ++cnt[P + rng() % N];
        double below = 0, s = 0;
        for (std::size_t i = 0; i < all.size();) {
            std::size_t j = i;
            double np = 0, nn = 0;
            for (; j < all.size() && all[j].first == all[i].first; ++j)
                (all[j].second < P ? np : nn) += cnt[all[j].second];
            s += np * (below + 0.5 * nn);
            below += nn;
            i = j;
        }
        est.push_back(s / (static_cast<double>(P) * N));
    }
    std::sort(est.begin(), est.end());
    return {est[25], est[974]};
}

// Bootstrap 95% interval of a mean over query people (1,000 resamples, fixed seed).
std::pair<double, double> mean_interval(const std::vector<double>& x) {
    if (x.empty()) return {0, 0};
    std::mt19937_64 rng(778);
    std::vector<double> est;
    for (int b = 0; b < 1000; ++b) {
        double s = 0;
        for (std::size_t i = 0; i < x.size(); ++i) s += x[rng() % x.size()];
        est.push_back(s / static_cast<double>(x.size()));
    }
    std::sort(est.begin(), est.end());
    return {est[25], est[974]};
}

std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

double score_of(const kith::people_to_meet_workspace& ws, const kith::detail::people_query& q, std::uint32_t u,
                std::uint32_t v, const scorer& sc) {
    (void)u;
    return kith::detail::pair_score(ws, q, v, sc.opt);
}

// The log-linear model of kith::fit_people_to_meet_model (logistic regression on log1p of 17 pair
// features, each divided by its training mean, then standardised), fitted on the inner split
// (new ties there against random non-ties) and evaluated at the real split: the same transform
// and features as people_to_meet_model::log_odds. With --lr-nonneg the tool fits it itself with
// every feature weight >= 0 (an experiment: a score a threshold algorithm could rank).
struct loglinear {
    std::vector<double> mean, mu, sd, wt;
    bool fitted() const { return !wt.empty(); }
    kith::people_to_meet_model lib;  // when use_lib: scored by the library's log_odds
    bool use_lib = false;
    double score(const std::vector<double>& f) const {
        if (use_lib) {
            std::array<double, kith::people_to_meet_model::num_features> x{};
            std::copy(f.begin(), f.end(), x.begin());
            return lib.log_odds(x);
        }
        double z = wt.back();
        for (std::size_t j = 0; j < f.size(); ++j) z += wt[j] * ((std::log1p(f[j] / mean[j]) - mu[j]) / sd[j]);
        return z;
    }
};

bool lr_nonneg = false;  // --lr-nonneg: the log-linear experiment with weights >= 0

// Appends the features of (u, v) from a query run with weighting w (cn, ra, aa, Katz, the prior
// products and each side's figure; novelty with warmth only).
void append_features(const kith::people_to_meet_workspace& ws, const kith::detail::people_query& q, std::uint32_t u,
                     std::uint32_t v, kith::link_weighting w, std::vector<double>& f) {
    // The library's own feature code (kith::detail::model_features); the tool has no exclusions.
    kith::people_to_meet_options ko;
    ko.score = kith::link_score::katz;
    ko.weighting = w;
    std::array<double, kith::people_to_meet_model::num_features> x{};
    const bool warmth = w == kith::link_weighting::warmth;
    kith::detail::model_features(ws, q, v, warmth, ko, ws.prior.novelty[u], x);
    if (!warmth) f.insert(f.end(), x.begin(), x.begin() + 7);
    else f.insert(f.end(), x.begin() + 7, x.end());
}

// Logistic regression (batch gradient ascent, 3,000 steps, tiny L2), label 1 against label 0.
loglinear fit_loglinear(const std::vector<std::vector<double>>& feat, const std::vector<int>& label) {
    loglinear m;
    const std::size_t n = feat.size(), d = feat.empty() ? 0 : feat[0].size();
    m.mean.assign(d, 0.0);
    for (auto& f : feat)
        for (std::size_t j = 0; j < d; ++j) m.mean[j] += f[j] / static_cast<double>(n);
    for (auto& x : m.mean)
        if (!(x > 0)) x = 1;
    std::vector<std::vector<double>> X(n, std::vector<double>(d + 1, 1.0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j) X[i][j] = std::log1p(feat[i][j] / m.mean[j]);
    m.mu.assign(d, 0.0);
    m.sd.assign(d, 0.0);
    for (std::size_t j = 0; j < d; ++j) {
        for (auto& x : X) m.mu[j] += x[j] / static_cast<double>(n);
        for (auto& x : X) m.sd[j] += (x[j] - m.mu[j]) * (x[j] - m.mu[j]) / static_cast<double>(n);
        m.sd[j] = std::sqrt(m.sd[j]) + 1e-12;
        for (auto& x : X) x[j] = (x[j] - m.mu[j]) / m.sd[j];
    }
    m.wt.assign(d + 1, 0.0);
    std::vector<double> g(d + 1);
    for (int it = 0; it < 3000; ++it) {
        std::fill(g.begin(), g.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            double z = 0;
            for (std::size_t j = 0; j <= d; ++j) z += m.wt[j] * X[i][j];
            const double r = (label[i] == 1 ? 1.0 : 0.0) - 1.0 / (1.0 + std::exp(-z));
            for (std::size_t j = 0; j <= d; ++j) g[j] += r * X[i][j] / static_cast<double>(n);
        }
        for (std::size_t j = 0; j <= d; ++j) {
            m.wt[j] += 0.5 * (g[j] - 1e-4 * m.wt[j]);
            if (lr_nonneg && j < d) m.wt[j] = std::max(0.0, m.wt[j]);  // a score monotone in every feature
        }
    }
    return m;
}

// Evaluates every scorer on a frozen training snapshot. `future` holds every tie ever seen (train
// and test), `positives` the held-out pairs; `pool[v]` whether v may be ranked (has a train tie).
std::vector<result_row> evaluate(const std::string& dataset, const kith::snapshot& s,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& positives,
                                 const std::unordered_set<std::uint64_t>& future, const std::vector<scorer>& scorers,
                                 bool quick, loglinear* lr = nullptr) {
    const std::uint32_t n = static_cast<std::uint32_t>(s.num_people());
    std::mt19937_64 rng(12345);
    std::vector<std::uint32_t> pool;
    for (std::uint32_t v = 0; v < n; ++v)
        if (s.degree(v) > 0) pool.push_back(v);
    // Every positive (500 with --quick), and as many random and hard negatives (at least 2,000).
    const std::size_t mp = quick ? 500 : positives.size();
    const std::size_t m = quick ? 500 : std::max<std::size_t>(2000, positives.size());
    std::vector<pair_sample> pairs;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pos = positives;
    std::shuffle(pos.begin(), pos.end(), rng);
    // Positives in a random orientation (a hash of the pair, not the rng: the samples of the
    // symmetric scores are unchanged): the file's order (first sender first) must not favour
    // an asymmetric score such as the log-linear model.
    for (std::size_t i = 0; i < pos.size() && i < mp; ++i) {
        const bool flip = mix(key(pos[i].first, pos[i].second) ^ 0x5eedull) & 1;
        pairs.push_back({flip ? pos[i].second : pos[i].first, flip ? pos[i].first : pos[i].second, 1});
    }
    for (std::size_t i = 0; i < m;) {
        const auto a = pool[rng() % pool.size()], b = pool[rng() % pool.size()];
        if (a == b || future.count(key(a, b))) continue;
        pairs.push_back({a, b, 0});
        ++i;
    }
    for (std::size_t i = 0, tries = 0; i < m && tries < 100 * m; ++tries) {
        const auto a = pool[rng() % pool.size()];
        const auto z = s.arc_target(s.arc_begin(a) + rng() % s.degree(a));
        const auto b = s.arc_target(s.arc_begin(z) + rng() % s.degree(z));
        if (a == b || future.count(key(a, b))) continue;
        pairs.push_back({a, b, 2});
        ++i;
    }
    std::sort(pairs.begin(), pairs.end(), [](auto& x, auto& y) { return x.u < y.u; });
    kith::people_to_meet_workspace ws(s);
    // lr: fit it on these pairs (when not fitted yet; no rows), or evaluate it as one more row.
    const bool fit_lr = lr && !lr->fitted(), eval_lr = lr && lr->fitted();
    const std::size_t k = scorers.size(), kk = k + (eval_lr ? 1 : 0);
    std::vector<std::vector<double>> ps(kk), rn(kk), hn(kk);
    std::vector<std::vector<double>> feat(lr ? pairs.size() : 0);
    auto run = [&](std::uint32_t u, kith::link_weighting w) {
        kith::people_to_meet_options o;
        o.score = kith::link_score::katz;
        o.weighting = w;
        auto q = kith::detail::accumulate_two_hop(ws, u, o);  // Katz: also gathers walks of length 2
        q.my_novelty = ws.prior.novelty[u];
        return q;
    };
    ws.prior.compute_novelty(s, scorers.empty() ? kith::people_to_meet_options{}.novelty_days
                                                 : scorers.back().opt.novelty_days);
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        while (j < pairs.size() && pairs[j].u == pairs[i].u) ++j;
        for (auto w : {kith::link_weighting::unweighted, kith::link_weighting::warmth}) {
            const auto q = run(pairs[i].u, w);
            for (std::size_t c = 0; c < k; ++c) {
                if (scorers[c].opt.weighting != w) continue;
                for (std::size_t x = i; x < j; ++x) {
                    const double sc = score_of(ws, q, pairs[x].u, pairs[x].v, scorers[c]);
                    (pairs[x].label == 1 ? ps : pairs[x].label == 0 ? rn : hn)[c].push_back(sc);
                }
            }
            if (lr)
                for (std::size_t x = i; x < j; ++x) append_features(ws, q, pairs[x].u, pairs[x].v, w, feat[x]);
        }
        if (eval_lr)
            for (std::size_t x = i; x < j; ++x)
                (pairs[x].label == 1 ? ps : pairs[x].label == 0 ? rn : hn)[k].push_back(lr->score(feat[x]));
        i = j;
    }
    if (fit_lr) {
        std::vector<std::vector<double>> f;
        std::vector<int> label;
        for (std::size_t x = 0; x < pairs.size(); ++x)
            if (pairs[x].label != 2) f.push_back(feat[x]), label.push_back(pairs[x].label);
        *lr = fit_loglinear(f, label);
        std::fprintf(stderr, "%s: log-linear weights (cn ra aa katz pa du dv, warmth: cn ra aa katz pa su sv, nn nu nv; bias):",
                     dataset.c_str());
        for (double x : lr->wt) std::fprintf(stderr, " %.2f", x);
        std::fprintf(stderr, "\n");
        return {};
    }
    // Ranking metrics.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_user;
    for (auto& [a, b] : positives) {
        by_user[a].push_back(b);
        by_user[b].push_back(a);
    }
    std::vector<std::uint32_t> users;
    for (auto& [u, l] : by_user) users.push_back(u);
    std::sort(users.begin(), users.end());
    std::shuffle(users.begin(), users.end(), rng);
    if (users.size() > (quick ? 60u : 1000u)) users.resize(quick ? 60u : 1000u);
    std::vector<double> p10(kk, 0), hits(kk, 0), mrr(kk, 0);
    std::vector<std::vector<double>> p10_each(kk);
    std::vector<std::pair<double, std::uint64_t>> cand;
    std::vector<std::vector<double>> pool_feat(eval_lr ? pool.size() : 0);
    for (auto u : users) {
        for (auto& f : pool_feat) f.clear();
        for (auto w : {kith::link_weighting::unweighted, kith::link_weighting::warmth}) {
            const auto q = run(u, w);
            if (eval_lr)
                for (std::size_t i = 0; i < pool.size(); ++i)
                    if (pool[i] != u && !ws.contact.is_set(pool[i])) append_features(ws, q, u, pool[i], w, pool_feat[i]);
            for (std::size_t c = 0; c < kk; ++c) {
                if (c == k && w != kith::link_weighting::warmth) continue;  // the model: after both passes
                if (c < k && scorers[c].opt.weighting != w) continue;
                std::unordered_map<std::uint32_t, double> lr_score;
                auto score_v = [&](std::uint32_t v) { return c < k ? score_of(ws, q, u, v, scorers[c]) : lr_score[v]; };
                cand.clear();
                for (std::size_t i = 0; i < pool.size(); ++i) {
                    const auto v = pool[i];
                    if (v == u || ws.contact.is_set(v)) continue;
                    if (c == k) lr_score[v] = lr->score(pool_feat[i]);
                    cand.emplace_back(score_v(v), mix(v ^ (std::uint64_t{u} << 32)));
                }
                auto better = [](auto& x, auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; };
                const std::size_t top = std::min<std::size_t>(10, cand.size());
                std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(top), cand.end(), better);
                int found = 0;
                // Candidates are identified by their tie-break hash (a bijection of v for this u).
                std::unordered_set<std::uint64_t> top_hash;
                for (std::size_t r = 0; r < top; ++r) top_hash.insert(cand[r].second);
                std::pair<double, std::uint64_t> best_pos{-1.0, 0};
                bool have = false;
                for (auto v : by_user[u]) {
                    if (ws.contact.is_set(v) || s.degree(v) == 0) continue;
                    const std::pair<double, std::uint64_t> x{score_v(v), mix(v ^ (std::uint64_t{u} << 32))};
                    if (top_hash.count(x.second)) ++found;
                    if (!have || better(x, best_pos)) best_pos = x, have = true;
                }
                p10[c] += found / 10.0;
                p10_each[c].push_back(found / 10.0);
                hits[c] += found > 0;
                if (have) {
                    std::size_t rank = 1;
                    for (auto& x : cand)
                        if (better(x, best_pos)) ++rank;
                    mrr[c] += 1.0 / static_cast<double>(rank);
                }
            }
        }
    }
    std::vector<result_row> rows;
    for (std::size_t c = 0; c < kk; ++c) {
        result_row r;
        r.dataset = dataset;
        r.score = c < k ? scorers[c].name : lr_nonneg ? "log-linear, weights >= 0 (experiment)" : "**kith log-linear**";
        r.auc_random = auc(ps[c], rn[c]);
        r.auc_hard = auc(ps[c], hn[c]);
        const double nu = users.empty() ? 1.0 : static_cast<double>(users.size());
        r.p10 = p10[c] / nu;
        r.hits10 = hits[c] / nu;
        r.mrr = mrr[c] / nu;
        std::tie(r.auc_lo, r.auc_hi) = auc_interval(ps[c], rn[c]);
        std::tie(r.p10_lo, r.p10_hi) = mean_interval(p10_each[c]);
        rows.push_back(r);
    }
    std::fprintf(stderr, "%s: %zu people, %zu ties, %zu positives, %zu query people\n", dataset.c_str(),
                 s.num_people(), s.num_ties(), positives.size(), users.size());
    return rows;
}

using blend = std::pair<double, double>;  // (activity_weight, novelty_weight)
double novelty_days = 0;                   // 0: the library's default
std::string only;                          // --only: run the datasets whose name contains this
double hard_weight = 0;                    // --hard-weight: calibration objective's share of hard negatives
double inner_time = 0;                     // --inner-time f: temporal inner split at this share of the
                                           // training period's time span (0: at 3/4 of its interactions)

std::vector<scorer> make_scorers(bool weighted_too, const std::vector<blend>& gammas) {
    std::vector<scorer> out;
    const kith::link_score kinds[] = {kith::link_score::common_neighbours, kith::link_score::jaccard,
                                      kith::link_score::adamic_adar, kith::link_score::resource_allocation,
                                      kith::link_score::katz, kith::link_score::preferential_attachment};
    for (auto w : {kith::link_weighting::unweighted, kith::link_weighting::warmth}) {
        if (w == kith::link_weighting::warmth && !weighted_too) continue;
        for (auto kd : kinds) {
            scorer s;
            s.opt.score = kd;
            s.opt.weighting = w;
            s.name = std::string(kith::to_string(kd)) + (w == kith::link_weighting::warmth ? " (warmth)" : "");
            out.push_back(s);
        }
    }
    for (const blend& g : gammas) {
        scorer s;
        s.opt.score = kith::link_score::kith_default;
        s.opt.activity_weight = g.first;
        s.opt.novelty_weight = g.second;
        if (novelty_days > 0) s.opt.novelty_days = novelty_days;
        s.name = "**kith default**";
        if (gammas.size() > 1) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "kith (activity %g, novelty %g)", g.first, g.second);
            s.name = buf;
        }
        out.push_back(s);
    }
    return out;
}

const kith::timestamp epoch0 = kith::make_timestamp(2020, 1, 1);

// "kith calibrated": kith's default blend fitted by calibrate_people_to_meet on the training
// history alone (`before`: the training network as of an inner split; `after`: the training
// network), then evaluated at the real split like every other score.
scorer calibrated_scorer(const std::string& dataset, const kith::snapshot& before, const kith::snapshot& after) {
    const auto t0 = std::chrono::steady_clock::now();
    kith::people_to_meet_calibration_options co;
    co.hard_weight = hard_weight;
    const kith::people_to_meet_calibration c = kith::calibrate_people_to_meet(before, after, {}, co);
    std::fprintf(stderr,
                 "%s: calibrated on %zu new ties, %zu + %zu non-ties: %s, activity %g, novelty %g, %g days "
                 "(training objective %.4f -> %.4f, %zu settings, %.2f s)\n",
                 dataset.c_str(), c.positives, c.random_negatives, c.hard_negatives,
                 c.options.weighting == kith::link_weighting::warmth ? "warmth" : "unweighted", c.options.activity_weight,
                 c.options.novelty_weight, c.options.novelty_days, c.objective_before, c.objective_after,
                 c.settings_tried, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    scorer sc;
    sc.name = "**kith calibrated**";
    sc.opt = c.options;
    return sc;
}

void random_split(const std::string& dir, const std::string& name, const std::string& file,
                  const std::vector<blend>& gammas, bool quick, std::vector<result_row>& rows) {
    if (!only.empty() && name.find(only) == std::string::npos) return;
    std::vector<raw_edge> raw;
    std::uint32_t n = 0;
    if (!read_edges(dir + "/" + file, false, raw, n)) {
        std::fprintf(stderr, "%s: %s absent, skipped\n", name.c_str(), file.c_str());
        return;
    }
    std::unordered_set<std::uint64_t> all;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (auto& e : raw)
        if (e.u != e.v && all.insert(key(e.u, e.v)).second) edges.emplace_back(std::min(e.u, e.v), std::max(e.u, e.v));
    std::mt19937_64 rng(2026);
    std::shuffle(edges.begin(), edges.end(), rng);
    const std::size_t test = edges.size() / 10;
    kith::network net;
    net.reserve(n, edges.size());
    for (std::uint32_t i = 0; i < n; ++i) net.add_person({std::to_string(i), "", "", "", {}});
    for (std::size_t i = test; i < edges.size(); ++i)
        net.set_warmth(kith::person_id(edges[i].first), kith::person_id(edges[i].second), 0.5);
    const kith::snapshot s(net, epoch0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pos;
    for (std::size_t i = 0; i < test; ++i)
        if (s.degree(edges[i].first) > 0 && s.degree(edges[i].second) > 0) pos.push_back(edges[i]);
    auto r = evaluate(name, s, pos, all, make_scorers(false, gammas), quick);
    rows.insert(rows.end(), r.begin(), r.end());
    // Inner split for the calibration: another 10% of the training ties held out.
    kith::network inner;
    inner.reserve(n, edges.size());
    for (std::uint32_t i = 0; i < n; ++i) inner.add_person({std::to_string(i), "", "", "", {}});
    for (std::size_t i = 2 * test; i < edges.size(); ++i)
        inner.set_warmth(kith::person_id(edges[i].first), kith::person_id(edges[i].second), 0.5);
    const kith::snapshot before(inner, epoch0);
    r = evaluate(name, s, pos, all, {calibrated_scorer(name, before, s)}, quick);
    rows.insert(rows.end(), r.begin(), r.end());
}

/// Records edge e as a message from e.u to e.v at e.t.
void record_message(kith::network& net, const raw_edge& e) {
    kith::interaction x;
    x.a = kith::person_id(e.u);
    x.b = kith::person_id(e.v);
    x.when = kith::from_unix(static_cast<std::int64_t>(e.t));
    x.via = kith::channel::message;
    x.initiator = x.a;
    net.record(x);
}

void temporal_split(const std::string& dir, const std::string& name, const std::string& file,
                    const std::vector<blend>& gammas, bool quick, std::vector<result_row>& rows) {
    if (!only.empty() && name.find(only) == std::string::npos) return;
    std::vector<raw_edge> raw;
    std::uint32_t n = 0;
    if (!read_edges(dir + "/" + file, true, raw, n)) {
        std::fprintf(stderr, "%s: %s absent, skipped\n", name.c_str(), file.c_str());
        return;
    }
    std::vector<double> times;
    for (auto& e : raw) times.push_back(e.t);
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
    const double split = times[times.size() / 2];
    kith::network net;
    for (std::uint32_t i = 0; i < n; ++i) net.add_person({std::to_string(i), "", "", "", {}});
    std::unordered_set<std::uint64_t> all, train;
    std::stable_sort(raw.begin(), raw.end(), [](auto& x, auto& y) { return x.t < y.t; });
    for (auto& e : raw) {
        if (e.u == e.v) continue;
        all.insert(key(e.u, e.v));
        if (e.t < split) {
            train.insert(key(e.u, e.v));
            record_message(net, e);
        }
    }
    const kith::snapshot s(net, kith::from_unix(static_cast<std::int64_t>(split)));
    auto sc = make_scorers(true, gammas);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pos;
    std::unordered_set<std::uint64_t> seen;
    for (auto& e : raw) {
        if (e.u == e.v || e.t < split || train.count(key(e.u, e.v)) || !seen.insert(key(e.u, e.v)).second) continue;
        if (s.degree(e.u) > 0 && s.degree(e.v) > 0) pos.emplace_back(e.u, e.v);
    }
    auto r = evaluate(name, s, pos, all, sc, quick);
    rows.insert(rows.end(), r.begin(), r.end());
    // Inner split for the calibration: the last quarter of the training interactions.
    std::vector<double> tt;
    for (auto& e : raw)
        if (e.t < split) tt.push_back(e.t);
    std::nth_element(tt.begin(), tt.begin() + static_cast<std::ptrdiff_t>(tt.size() * 3 / 4), tt.end());
    double inner_split = tt[tt.size() * 3 / 4];
    if (inner_time > 0) {
        const double t_first = *std::min_element(tt.begin(), tt.end());
        inner_split = t_first + inner_time * (split - t_first);
    }
    kith::network inner;
    for (std::uint32_t i = 0; i < n; ++i) inner.add_person({std::to_string(i), "", "", "", {}});
    for (auto& e : raw) {
        if (e.u == e.v || !(e.t < inner_split)) continue;
        record_message(inner, e);
    }
    const kith::snapshot before(inner, kith::from_unix(static_cast<std::int64_t>(inner_split)));
    r = evaluate(name, s, pos, all, {calibrated_scorer(name, before, s)}, quick);
    rows.insert(rows.end(), r.begin(), r.end());
    // The log-linear experiment: fitted on the ties first seen between the inner and the real split.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> inner_pos;
    std::unordered_set<std::uint64_t> inner_seen;
    for (auto& e : raw) {
        if (e.u == e.v || e.t < inner_split || !(e.t < split) || !inner_seen.insert(key(e.u, e.v)).second) continue;
        if (before.degree(e.u) > 0 && before.degree(e.v) > 0 && !before.find_arc(e.u, e.v)) inner_pos.emplace_back(e.u, e.v);
    }
    loglinear lr;
    if (lr_nonneg) {
        evaluate(name, before, inner_pos, train, {}, quick, &lr);
    } else {
        const auto t0 = std::chrono::steady_clock::now();
        const kith::people_to_meet_model_fit fit = kith::fit_people_to_meet_model(before, s);
        const auto& m = fit.model;
        lr.mean.assign(m.mean.begin(), m.mean.end());
        lr.mu.assign(m.center.begin(), m.center.end());
        lr.sd.assign(m.scale.begin(), m.scale.end());
        lr.wt.assign(m.weight.begin(), m.weight.end());
        lr.wt.push_back(m.bias);
        lr.lib = m;
        lr.use_lib = true;
        std::fprintf(stderr, "%s: fit_people_to_meet_model on %zu new ties, %zu non-ties (training AUC %.4f, %.2f s):",
                     name.c_str(), fit.positives, fit.random_negatives, fit.auc_random,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        for (double x : lr.wt) std::fprintf(stderr, " %.2f", x);
        std::fprintf(stderr, "\n");
    }
    r = evaluate(name, s, pos, all, {}, quick, &lr);
    rows.insert(rows.end(), r.begin(), r.end());
}

} // namespace

int main(int argc, char** argv) {
    std::string dir = KITH_SHARED_DATA_DIR;
    const kith::people_to_meet_options defaults;
    std::vector<blend> gammas{{defaults.activity_weight, defaults.novelty_weight}};
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--blends" && i + 1 < argc) {  // a1:n1,a2:n2,...
            gammas.clear();
            std::stringstream ss(argv[++i]);
            std::string g;
            while (std::getline(ss, g, ',')) {
                const auto c = g.find(':');
                gammas.emplace_back(std::strtod(g.substr(0, c).c_str(), nullptr),
                                    c == std::string::npos ? 0.0 : std::strtod(g.substr(c + 1).c_str(), nullptr));
            }
        } else if (a == "--novelty-days" && i + 1 < argc) {
            novelty_days = std::strtod(argv[++i], nullptr);
        } else if (a == "--hard-weight" && i + 1 < argc) {
            hard_weight = std::strtod(argv[++i], nullptr);
        } else if (a == "--inner-time" && i + 1 < argc) {
            inner_time = std::strtod(argv[++i], nullptr);
        } else if (a == "--lr-nonneg") {
            lr_nonneg = true;
        } else if (a == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else if (a == "--quick") {
            quick = true;
        } else {
            dir = a;
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<result_row> rows;
    random_split(dir, "ego-Facebook (random)", "snap-ego-facebook/facebook_combined.txt", gammas, quick, rows);
    random_split(dir, "Email-Enron (random)", "snap-email-enron/Email-Enron.txt", gammas, quick, rows);
    random_split(dir, "email-Eu-core (random)", "snap-email-eu-core/email-Eu-core.txt", gammas, quick, rows);
    random_split(dir, "CA-GrQc (random)", "snap-ca-grqc/CA-GrQc.txt", gammas, quick, rows);
    temporal_split(dir, "CollegeMsg (temporal)", "snap-collegemsg/CollegeMsg.txt", gammas, quick, rows);
    temporal_split(dir, "Bitcoin-OTC (temporal)", "snap-bitcoin-otc/soc-sign-bitcoinotc.csv", gammas, quick, rows);
    std::printf("| dataset | score | AUC (random neg.) [95%% CI] | AUC (hard neg.) | P@10 [95%% CI] | hits@10 | MRR |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (auto& r : rows)
        std::printf("| %s | %s | %.3f [%.3f, %.3f] | %.3f | %.3f [%.3f, %.3f] | %.3f | %.3f |\n", r.dataset.c_str(),
                    r.score.c_str(), r.auc_random, r.auc_lo, r.auc_hi, r.auc_hard, r.p10, r.p10_lo, r.p10_hi, r.hits10,
                    r.mrr);
    std::fprintf(stderr, "total %.1f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}
