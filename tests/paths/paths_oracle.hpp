// tests/paths/paths_oracle.hpp -- random small networks and a brute-force oracle that enumerates
// every simple path (for the kith/paths tests). The oracle implements the documented semantics
// independently of the engine: a valid path starts at a source, ends at a target, is simple, its
// intermediates are neither sources, targets nor avoided, every tie is visible to the asker and
// at least min_tie_warmth (stored warmth), and it has at most max_hops hops. Cost in units =
// sum over hops of (tie cost + hop cost) + sum over intermediates of their extra cost. Order:
// cost, then hops, then the vertex sequence (= person-id order on a snapshot).
#pragma once

#include <kith/network.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace kith_test {

struct oracle_path {
    std::uint64_t cost = 0;
    std::vector<std::uint32_t> verts;
    friend bool operator<(const oracle_path& a, const oracle_path& b) {
        if (a.cost != b.cost) return a.cost < b.cost;
        if (a.verts.size() != b.verts.size()) return a.verts.size() < b.verts.size();
        return a.verts < b.verts;
    }
};

/// The snapshot vertices of people (the oracle works on vertices).
inline std::vector<std::uint32_t> vertices_of(const kith::snapshot& s, const std::vector<kith::person_id>& ids) {
    std::vector<std::uint32_t> v;
    for (kith::person_id p : ids) v.push_back(s.vertex_of(p));
    return v;
}

struct random_case {
    kith::network net;
    std::shared_ptr<const kith::snapshot> snap;
    std::vector<kith::person_id> live;
};

inline double pick_warmth(std::mt19937_64& rng) {
    static const double palette[] = {1.0, 0.9, 0.8, 0.5, 0.3, 0.05};
    const auto r = rng() % 10;
    if (r < 6) return palette[r];
    return static_cast<double>(1 + rng() % 1000) / 1000.0;
}

/// n people ("k0".."k{n-1}") and up to 4n ties, a quarter of them touching one of the first
/// five people (hubs), warmths from `pick_warmth`; with `private_ties`, every tenth tie private to
/// a random person. Consumes `rng` in a fixed order (tests rely on the graphs it gives).
struct hub_graph {
    kith::network net;
    std::vector<kith::person_id> ids;
};
inline hub_graph make_hub_graph(std::mt19937_64& rng, std::size_t n, bool private_ties = false) {
    hub_graph g;
    for (std::size_t i = 0; i < n; ++i) g.ids.push_back(g.net.add_person({"k" + std::to_string(i), ""}));
    for (std::size_t i = 0; i < 4 * n; ++i) {
        const std::size_t a = rng() % 4 == 0 ? rng() % 5 : rng() % n;
        const std::size_t b = rng() % n;
        if (a == b || g.net.has_tie(g.ids[a], g.ids[b])) continue;
        g.net.set_warmth(g.ids[a], g.ids[b], pick_warmth(rng));
        if (private_ties && rng() % 10 == 0) g.net.set_visibility(g.ids[a], g.ids[b], kith::visibility{g.ids[rng() % n]});
    }
    return g;
}

/// A random network of n people (3..9 when n == 0), some ties private, some ids tombstoned.
inline random_case make_random_case(std::mt19937_64& rng, std::size_t n = 0) {
    random_case rc;
    if (n == 0) n = 3 + rng() % 7;
    std::vector<kith::person_id> ids;
    const bool tomb = rng() % 4 == 0;
    for (std::size_t i = 0; i < n + (tomb ? 1 : 0); ++i)
        ids.push_back(rc.net.add_person({"k" + std::to_string(i), "Person " + std::to_string(i)}));
    if (tomb) {
        const std::size_t gone = rng() % ids.size();
        rc.net.remove_person(ids[gone]);
        ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(gone));
    }
    const unsigned density = 25 + static_cast<unsigned>(rng() % 50);
    for (std::size_t a = 0; a < ids.size(); ++a)
        for (std::size_t b = a + 1; b < ids.size(); ++b) {
            if (rng() % 100 >= density) continue;
            rc.net.set_warmth(ids[a], ids[b], pick_warmth(rng));
            if (rng() % 6 == 0) {
                const auto r = rng() % 3;
                const kith::person_id owner = r == 0 ? ids[a] : r == 1 ? ids[b] : ids[rng() % ids.size()];
                rc.net.set_visibility(ids[a], ids[b], kith::visibility{owner});
            }
        }
    rc.live = ids;
    rc.snap = kith::freeze(rc.net, kith::make_timestamp(2026, 3, 1));
    return rc;
}

struct random_query {
    std::vector<kith::person_id> from, to;
    kith::path_options opt;
    std::size_t k = 1;
};

inline std::vector<kith::person_id> pick_set(std::mt19937_64& rng, const std::vector<kith::person_id>& live) {
    std::vector<kith::person_id> out;
    const std::size_t m = rng() % 10 < 7 ? 1 : 1 + rng() % 3;
    for (std::size_t i = 0; i < m; ++i) out.push_back(live[rng() % live.size()]);
    return out;
}

inline random_query make_random_query(std::mt19937_64& rng, const random_case& rc) {
    random_query q;
    const auto& live = rc.live;
    q.from = pick_set(rng, live);
    q.to = pick_set(rng, live);
    const auto h = rng() % 20;
    q.opt.hop_factor = h < 10 ? 0.8 : h < 13 ? 1.0 : 0.3 + static_cast<double>(rng() % 700) / 1000.0;
    if (rng() % 10 < 3) q.opt.max_hops = rng() % 5;
    if (rng() % 5 == 0) {
        static const double mins[] = {0.3, 0.5, 0.85, 0.05};
        q.opt.min_tie_warmth = mins[rng() % 4];
    }
    if (rng() % 4 == 0)
        for (std::size_t i = 0, m = 1 + rng() % 2; i < m; ++i) q.opt.avoid.push_back(live[rng() % live.size()]);
    if (rng() % 2 == 0) q.opt.asker = live[rng() % live.size()];
    if (rng() % 4 == 0)
        for (std::size_t i = 0, m = 1 + rng() % 2; i < m; ++i)
            q.opt.introducer_factor.emplace_back(live[rng() % live.size()],
                                                 0.2 + static_cast<double>(rng() % 800) / 1000.0);
    q.k = 1 + rng() % 6;
    return q;
}

/// Every valid simple path, sorted best first.
inline std::vector<oracle_path> oracle_all(const kith::snapshot& s, const random_query& q) {
    const std::size_t n = s.num_people();
    std::set<std::uint32_t> S, T, A;
    for (auto p : q.from) S.insert(s.vertex_of(p));
    for (auto p : q.to) T.insert(s.vertex_of(p));
    for (auto p : q.opt.avoid) A.insert(s.vertex_of(p));
    std::map<std::uint32_t, std::uint64_t> extra;
    for (const auto& [p, f] : q.opt.introducer_factor)
        extra[s.vertex_of(p)] = static_cast<std::uint64_t>(std::llround(-std::log(f) * 2048.0));
    const std::uint64_t hop = static_cast<std::uint64_t>(std::llround(-std::log(q.opt.hop_factor) * 2048.0));
    std::optional<std::uint32_t> asker;
    if (q.opt.asker) asker = s.vertex_of(*q.opt.asker);
    const std::size_t cap = q.opt.max_hops ? *q.opt.max_hops : n;
    // usable[u] = (v, cost) pairs
    std::vector<std::vector<std::pair<std::uint32_t, std::uint64_t>>> adj(n);
    for (std::uint32_t u = 0; u < n; ++u)
        for (auto a = s.arc_begin(u); a != s.arc_end(u); ++a)
            if (s.arc_visible(a, asker) && s.arc_warmth(a) >= q.opt.min_tie_warmth)
                adj[u].emplace_back(s.arc_target(a), s.arc_cost(a));
    std::vector<oracle_path> out;
    std::vector<std::uint32_t> path;
    std::vector<char> on(n, 0);
    auto blocked = [&](std::uint32_t v) { return S.count(v) || T.count(v) || A.count(v); };
    // Iterative DFS: stack of (vertex, next arc index, cost so far).
    for (std::uint32_t s0 : S) {
        struct frame { std::uint32_t v; std::size_t next; std::uint64_t cost; };
        std::vector<frame> st{{s0, 0, 0}};
        path.assign(1, s0);
        on[s0] = 1;
        if (T.count(s0)) out.push_back({0, path});
        while (!st.empty()) {
            frame& f = st.back();
            const bool can_extend = (st.size() == 1 || !blocked(f.v)) && st.size() - 1 < cap;
            if (!can_extend || f.next >= adj[f.v].size()) {
                on[f.v] = 0;
                path.pop_back();
                st.pop_back();
                continue;
            }
            const auto [v, c] = adj[f.v][f.next++];
            if (on[v]) continue;
            std::uint64_t cost = f.cost + hop + c;
            if (st.size() > 1) {
                auto it = extra.find(f.v);
                if (it != extra.end()) cost += it->second;
            }
            path.push_back(v);
            on[v] = 1;
            if (T.count(v)) out.push_back({cost, path});
            st.push_back({v, 0, cost});
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The floating oracle for the generic tier: (cost in nats, path) sorted by (cost, hops, path).
/// Sums in the engine's order: per hop, (cost + extra(u) if u is not the start) + hop + arc.
inline std::vector<std::pair<double, std::vector<std::size_t>>> oracle_real(
    const std::vector<std::vector<double>>& w, std::size_t s0, std::size_t t0,
    const kith::basic_path_options<std::size_t>& o) {
    const std::size_t n = w.size();
    std::map<std::size_t, double> extra;
    for (const auto& [v, f] : o.introducer_factor) extra[v] = -std::log(f);
    const double hop = -std::log(o.hop_factor);
    const std::size_t cap = o.max_hops ? *o.max_hops : n;
    auto blocked = [&](std::size_t v) {
        return v == s0 || v == t0 || std::find(o.avoid.begin(), o.avoid.end(), v) != o.avoid.end();
    };
    std::vector<std::pair<double, std::vector<std::size_t>>> out;
    std::vector<std::size_t> path{s0};
    std::vector<char> on(n, 0);
    on[s0] = 1;
    auto rec = [&](auto&& self, std::size_t u, double cost) -> void {
        if (u == t0) {
            out.emplace_back(cost, path);
            if (path.size() > 1) return;
        }
        if (path.size() > 1 && blocked(u)) return;
        if (path.size() - 1 >= cap) return;
        for (std::size_t v = 0; v < n; ++v) {
            if (w[u][v] == 0.0 || on[v]) continue;
            double c = cost;
            if (path.size() > 1) {
                auto it = extra.find(u);
                c = c + (it != extra.end() ? it->second : 0.0);
            }
            c = c + hop;
            c = c + -std::log(w[u][v]);
            on[v] = 1;
            path.push_back(v);
            self(self, v, c);
            path.pop_back();
            on[v] = 0;
        }
    };
    rec(rec, s0, 0.0);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        if (a.second.size() != b.second.size()) return a.second.size() < b.second.size();
        return a.second < b.second;
    });
    return out;
}

} // namespace kith_test
