// kith/metrics/detail/search.hpp -- shared internals: cost-bounded, optionally hop-capped
// searches on a snapshot as the asker sees it (used by metrics/health and by suggest/ties_to_grow,
// reconnect). Lives under metrics/ so that both layers may include it.
// Not part of the public API.
#pragma once

#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>
#include <kith/core/error.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace kith {
namespace detail {

inline constexpr std::uint64_t unreachable = std::numeric_limits<std::uint64_t>::max();
/// "No hop limit" for `bounded_search::run`.
inline constexpr std::size_t no_hop_limit = std::numeric_limits<std::size_t>::max();

/// Which arcs a search may use: visible to `asker`, not into `blocked` or excluded people, warm
/// enough. Each arc costs its stored units plus `hop_units`.
struct search_rules {
    const snapshot* s = nullptr;
    snapshot::vertex_type asker = snapshot::null_vertex;
    std::vector<char> excluded;  // per vertex (empty: none)
    std::uint64_t hop_units = 0;
    double min_tie_warmth = 0;
    std::optional<std::size_t> max_hops{};

    bool is_excluded(snapshot::vertex_type v) const noexcept { return !excluded.empty() && excluded[v]; }
    bool usable(snapshot::arc_index a) const noexcept {
        const auto t = s->arc_target(a);
        if (is_excluded(t)) return false;
        if (s->has_private_ties() && !s->arc_visible(a, asker)) return false;
        return min_tie_warmth <= 0 || s->arc_warmth(a) >= min_tie_warmth;
    }
};

/// Best costs from a set of sources (each with a start cost, hop count 0) to everyone within
/// `bound` units, never leaving `blocked` (which may still be reached). With a `hop_budget`
/// other than `no_hop_limit`, paths of at most that many hops (exact: layered relaxation). Returns (vertex, cost) pairs, cost
/// <= bound. O((m' + n') log n') touched, or O(H m') hop-capped.
class bounded_search {
public:
    explicit bounded_search(std::size_t n) : dist_(n, unreachable), next_(n, unreachable) {}

    std::vector<std::pair<snapshot::vertex_type, std::uint64_t>>
    run(const search_rules& r, const std::vector<std::pair<snapshot::vertex_type, std::uint64_t>>& sources,
        snapshot::vertex_type blocked, std::uint64_t bound, std::size_t hop_budget) {
        const snapshot& s = *r.s;
        for (auto v : touched_) { dist_[v] = unreachable; next_[v] = unreachable; }
        touched_.clear();
        auto touch = [&](snapshot::vertex_type v) {
            if (dist_[v] == unreachable && next_[v] == unreachable) touched_.push_back(v);
        };
        for (const auto& [v, c] : sources) {
            if (c > bound) continue;
            touch(v);
            if (c < dist_[v]) dist_[v] = next_[v] = c;
        }
        if (hop_budget == no_hop_limit) {
            using item = std::pair<std::uint64_t, snapshot::vertex_type>;
            std::priority_queue<item, std::vector<item>, std::greater<item>> pq;
            for (auto v : touched_) pq.push({dist_[v], v});
            while (!pq.empty()) {
                const auto [d, v] = pq.top();
                pq.pop();
                if (d != dist_[v]) continue;
                if (v == blocked) continue;
                for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                    if (!r.usable(a)) continue;
                    const auto t = s.arc_target(a);
                    const std::uint64_t nd = d + s.arc_cost(a) + r.hop_units;
                    if (nd > bound) break;  // the list is sorted by cost, the hop cost is constant
                    touch(t);
                    if (nd < dist_[t]) {
                        dist_[t] = nd;
                        next_[t] = nd;
                        pq.push({nd, t});
                    }
                }
            }
        } else {
            std::vector<snapshot::vertex_type> frontier(touched_.begin(), touched_.end()), nf;
            for (std::size_t h = 0; h < hop_budget && !frontier.empty(); ++h) {
                nf.clear();
                for (auto v : frontier) {
                    if (v == blocked) continue;
                    const std::uint64_t d = dist_[v];
                    for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                        if (!r.usable(a)) continue;
                        const auto t = s.arc_target(a);
                        const std::uint64_t nd = d + s.arc_cost(a) + r.hop_units;
                        if (nd > bound) continue;
                        touch(t);
                        if (nd < next_[t]) {
                            if (next_[t] == dist_[t]) nf.push_back(t);  // first improvement this layer
                            next_[t] = nd;
                        }
                    }
                }
                for (auto t : nf) dist_[t] = next_[t];
                std::sort(nf.begin(), nf.end());
                nf.erase(std::unique(nf.begin(), nf.end()), nf.end());
                frontier.swap(nf);
            }
        }
        std::vector<std::pair<snapshot::vertex_type, std::uint64_t>> out;
        for (auto v : touched_)
            if (dist_[v] <= bound) out.emplace_back(v, dist_[v]);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::vector<std::uint64_t> dist_, next_;
    std::vector<snapshot::vertex_type> touched_;
};

/// Per-hop cost in units, exactly as kith/paths' hop_cost_units: round(-ln(f) x 2048).
inline std::uint64_t hop_units_of(double f) noexcept {
    const double c = std::round(-std::log(f) * snapshot::cost_scale);
    if (!(c >= 0.0)) return 0;
    return static_cast<std::uint64_t>(c);
}

/// Validated search rules for `asker`. Throws: `invalid_argument` (hop_factor outside (0,1],
/// min_tie_warmth outside [0,1]), naming `fn`.
inline search_rules make_rules(const snapshot& s, const char* fn, snapshot::vertex_type asker,
                               const std::vector<person_id>& excluded, double hop_factor, double min_tie_warmth,
                               std::optional<std::size_t> max_hops) {
    if (!(hop_factor > 0.0 && hop_factor <= 1.0))
        throw invalid_argument(std::string(fn) + ": hop_factor " + std::to_string(hop_factor) + " is outside (0,1]");
    if (!(min_tie_warmth >= 0.0 && min_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": min_tie_warmth " + std::to_string(min_tie_warmth) +
                               " is outside [0,1]");
    search_rules r;
    r.s = &s;
    r.asker = asker;
    r.hop_units = hop_units_of(hop_factor);
    r.min_tie_warmth = min_tie_warmth;
    r.max_hops = max_hops;
    for (person_id p : excluded)
        if (auto v = s.find_vertex(p)) {
            if (r.excluded.empty()) r.excluded.assign(s.num_people(), 0);
            r.excluded[*v] = 1;
        }
    return r;
}

} // namespace detail
} // namespace kith
