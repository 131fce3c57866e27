// kith/metrics/brokerage.hpp -- Burt's constraint, effective size and efficiency.
//
// Design decisions: the definitions are NetworkX's (`nx.constraint`, `nx.effective_size`), so
// numbers can be checked against the reference implementation. With the normalised mutual
// weight p_ij = (w_ij + w_ji) / sum_k (w_ik + w_ki) on an undirected graph:
//   constraint(i)     = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != j} p_iq p_qj)^2
//   effective_size(i) = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq),  m_jq = w_jq / max_k w_jk
//   efficiency(i)     = effective_size(i) / degree(i)
// Unweighted means every weight is 1 (NetworkX then uses Borgatti's n - 2t/n, which is the same
// number). An isolated person has no brokerage (nullopt for one person, NaN in the all-people
// vector, as NetworkX). Tier 1 works on any symmetric Boost.Graph graph (each undirected edge
// seen from both ends, no parallel edges) with a weight map; one person costs
// O(sum of the degrees of their contacts). Tier 2 on a snapshot uses warmth (or 1) as the weight,
// honours visibility (a private tie counts only for its owner) and exclusions, and computes
// everyone at once by enumerating each triangle once on a degree-ordered orientation
// (O(m^1.5) worst case, in practice proportional to the number of triangles plus m log d).
// The indirect terms only involve triangles: p_iq p_qj is non-zero only when i, q, j close one.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kith {

/// Burt's brokerage measures of one person.
struct brokerage {
    double constraint = 0;      ///< Burt's constraint (lower = more brokerage opportunity)
    double effective_size = 0;  ///< non-redundant contacts
    double efficiency = 0;      ///< effective_size / degree
    std::size_t degree = 0;     ///< contacts counted
    friend bool operator==(const brokerage& x, const brokerage& y) {
        return x.constraint == y.constraint && x.effective_size == y.effective_size &&
               x.efficiency == y.efficiency && x.degree == y.degree;
    }
    friend bool operator!=(const brokerage& x, const brokerage& y) { return !(x == y); }
};

/// How tie strength enters the brokerage measures on a snapshot.
enum class brokerage_weight : std::uint8_t {
    warmth,      ///< weight = stored warmth of the tie
    unweighted,  ///< every tie weighs 1
};

/// Options of the snapshot (tier 2) brokerage functions.
struct brokerage_options {
    brokerage_weight weight = brokerage_weight::warmth;
    /// Whose view: private ties count only when `asker` owns them (nullopt: public ties only).
    std::optional<person_id> asker{};
    /// People treated as absent (with their ties). Unknown ids are ignored.
    std::vector<person_id> excluded{};
};

namespace detail {

/// A neighbour list entry: vertex index and weight.
struct weighted_neighbour {
    std::size_t v;
    double w;
};

/// Brokerage of one vertex from neighbour lists given by `nbrs(v, out)` (fills `out` with the
/// usable neighbours of v, no duplicates). `slot` is a per-vertex scratch array of size n, all
/// entries equal to `npos` on entry and on exit. O(sum of the degrees of v's neighbours).
template <class Neighbours>
std::optional<brokerage> brokerage_one(std::size_t i, Neighbours&& nbrs, std::vector<std::size_t>& slot) {
    constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();
    std::vector<weighted_neighbour> ni;
    nbrs(i, ni);
    const std::size_t d = ni.size();
    if (d == 0) return std::nullopt;
    double si = 0;
    for (const auto& x : ni) si += x.w;
    for (std::size_t k = 0; k < d; ++k) slot[ni[k].v] = k;
    // For each contact q: its total and max weight, and its weights to i's other contacts.
    std::vector<double> sq(d, 0.0), mq(d, 0.0);
    struct link { std::size_t q, j; double w; };
    std::vector<link> links;
    std::vector<weighted_neighbour> nq;
    for (std::size_t k = 0; k < d; ++k) {
        nq.clear();
        nbrs(ni[k].v, nq);
        for (const auto& y : nq) {
            sq[k] += y.w;
            mq[k] = std::max(mq[k], y.w);
            if (y.v != i && slot[y.v] != npos) links.push_back({k, slot[y.v], y.w});
        }
    }
    for (std::size_t k = 0; k < d; ++k) slot[ni[k].v] = npos;
    std::vector<double> indirect(d, 0.0), redundancy(d, 0.0);
    for (const link& l : links) {
        const double piq = ni[l.q].w / si;
        indirect[l.j] += piq * (l.w / sq[l.q]);   // p_iq p_qj
        redundancy[l.j] += piq * (l.w / mq[l.j]); // p_iq m_jq (w_jq = w_qj)
    }
    brokerage b;
    b.degree = d;
    for (std::size_t k = 0; k < d; ++k) {
        const double c = ni[k].w / si + indirect[k];
        b.constraint += c * c;
        b.effective_size += 1.0 - redundancy[k];
    }
    b.efficiency = b.effective_size / static_cast<double>(d);
    return b;
}

inline brokerage nan_brokerage() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return brokerage{nan, nan, nan, 0};
}

/// The usable arcs of a snapshot for brokerage: visible to the asker, both ends not excluded.
struct brokerage_filter {
    const snapshot* s;
    std::optional<snapshot::vertex_type> asker;
    std::vector<char> excluded;  // empty: none
    bool weighted;

    brokerage_filter(const snapshot& g, const brokerage_options& opt)
        : s(&g), weighted(opt.weight == brokerage_weight::warmth) {
        if (opt.asker) asker = g.find_vertex(*opt.asker);
        if (opt.asker && !asker) asker = snapshot::null_vertex;  // unknown asker: public ties only
        for (person_id p : opt.excluded)
            if (auto v = g.find_vertex(p)) {
                if (excluded.empty()) excluded.assign(g.num_people(), 0);
                excluded[*v] = 1;
            }
    }
    bool is_excluded(snapshot::vertex_type v) const noexcept { return !excluded.empty() && excluded[v]; }
    bool usable(snapshot::arc_index a) const noexcept {
        return s->arc_visible(a, asker) && !is_excluded(s->arc_target(a));
    }
    double weight(snapshot::arc_index a) const noexcept { return weighted ? s->arc_warmth(a) : 1.0; }
    void neighbours(std::size_t v, std::vector<weighted_neighbour>& out) const {
        const auto u = static_cast<snapshot::vertex_type>(v);
        if (is_excluded(u)) return;
        for (auto a = s->arc_begin(u), e = s->arc_end(u); a != e; ++a)
            if (usable(a)) out.push_back({s->arc_target(a), weight(a)});
    }
};

} // namespace detail

// ------------------------------------------------------------------------------- tier 1

/// Burt's constraint, effective size and efficiency of vertex `v` of a symmetric graph.
/// Complexity: O(sum of the degrees of v's neighbours) time, O(V) scratch.
/// Preconditions: every undirected edge appears as an out-edge at both ends with the same
/// weight; no parallel edges, no self-loops; weights > 0 and finite.
/// Returns: nullopt when v has no neighbours. Exact (floating point), matching NetworkX's
/// weighted definitions with `weight` as the edge weight. Throws: nothing.
template <class Graph, class WeightMap>
std::optional<brokerage> brokerage_of(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor v,
                                      WeightMap weight) {
    auto index = get(boost::vertex_index, g);
    std::vector<std::size_t> slot(num_vertices(g), std::numeric_limits<std::size_t>::max());
    std::vector<typename boost::graph_traits<Graph>::vertex_descriptor> vertex_at(num_vertices(g));
    for (auto [it, end] = vertices(g); it != end; ++it) vertex_at[get(index, *it)] = *it;
    auto nbrs = [&](std::size_t x, std::vector<detail::weighted_neighbour>& out) {
        for (auto [e, end] = out_edges(vertex_at[x], g); e != end; ++e)
            out.push_back({static_cast<std::size_t>(get(index, target(*e, g))), static_cast<double>(get(weight, *e))});
    };
    return detail::brokerage_one(get(index, v), nbrs, slot);
}

/// Unweighted brokerage of vertex `v` (every edge weighs 1). As the weighted overload.
template <class Graph>
std::optional<brokerage> brokerage_of(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor v) {
    using edge = typename boost::graph_traits<Graph>::edge_descriptor;
    return brokerage_of(g, v, boost::make_static_property_map<edge, double>(1.0));
}

/// Brokerage of every vertex, indexed by vertex index; NaN fields (degree 0) for isolated ones.
/// Complexity: O(sum over vertices of the squared degree) time, O(V) scratch.
/// Preconditions, exactness: as `brokerage_of`. Throws: nothing.
template <class Graph, class WeightMap>
std::vector<brokerage> brokerage_all(const Graph& g, WeightMap weight) {
    auto index = get(boost::vertex_index, g);
    const std::size_t n = num_vertices(g);
    std::vector<std::size_t> slot(n, std::numeric_limits<std::size_t>::max());
    std::vector<typename boost::graph_traits<Graph>::vertex_descriptor> vertex_at(n);
    for (auto [it, end] = vertices(g); it != end; ++it) vertex_at[get(index, *it)] = *it;
    auto nbrs = [&](std::size_t x, std::vector<detail::weighted_neighbour>& out) {
        for (auto [e, end] = out_edges(vertex_at[x], g); e != end; ++e)
            out.push_back({static_cast<std::size_t>(get(index, target(*e, g))), static_cast<double>(get(weight, *e))});
    };
    std::vector<brokerage> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto b = detail::brokerage_one(i, nbrs, slot);
        out[i] = b ? *b : detail::nan_brokerage();
    }
    return out;
}

/// Unweighted brokerage of every vertex. As the weighted overload.
template <class Graph>
std::vector<brokerage> brokerage_all(const Graph& g) {
    using edge = typename boost::graph_traits<Graph>::edge_descriptor;
    return brokerage_all(g, boost::make_static_property_map<edge, double>(1.0));
}

// ------------------------------------------------------------------------------- tier 2

/// Brokerage of person `p` on a snapshot, with the ties `opt.asker` may see.
/// Complexity: O(sum of the degrees of p's contacts) time, O(V) scratch.
/// Returns: nullopt when p has no usable tie (or is excluded). Exact up to floating point with
/// respect to the stored (quantised) warmths.
/// Throws: `unknown_person` when p is not in the snapshot.
inline std::optional<brokerage> brokerage_of(const snapshot& s, person_id p, const brokerage_options& opt = {}) {
    const auto v = s.find_vertex(p);
    if (!v) throw unknown_person("brokerage_of: unknown person id " + std::to_string(p.value()));
    detail::brokerage_filter f(s, opt);
    if (f.is_excluded(*v)) return std::nullopt;
    std::vector<std::size_t> slot(s.num_people(), std::numeric_limits<std::size_t>::max());
    return detail::brokerage_one(*v, [&](std::size_t x, std::vector<detail::weighted_neighbour>& out) { f.neighbours(x, out); },
                                 slot);
}

/// Brokerage of every person, indexed by snapshot vertex (NaN fields and degree 0 for people
/// without a usable tie and for excluded people).
/// Complexity: O(m log d + T) for m ties, T triangle incidences on a degree-ordered orientation
/// (each triangle is found once); O(m) extra memory (about 40 bytes per tie).
/// Exactness: as `brokerage_of`; equal to it up to floating-point summation order.
/// Throws: nothing.
inline std::vector<brokerage> brokerage_all(const snapshot& s, const brokerage_options& opt = {}) {
    using vtx = snapshot::vertex_type;
    const std::size_t n = s.num_people();
    detail::brokerage_filter f(s, opt);
    // Compact CSR of usable arcs, sorted by target.
    std::vector<std::uint64_t> off(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        std::uint64_t d = 0;
        if (!f.is_excluded(static_cast<vtx>(v)))
            for (auto a = s.arc_begin(static_cast<vtx>(v)), e = s.arc_end(static_cast<vtx>(v)); a != e; ++a) d += f.usable(a);
        off[v + 1] = off[v] + d;
    }
    const std::uint64_t m2 = off[n];
    std::vector<vtx> nbr(m2);
    std::vector<double> wt(m2);
    {
        std::vector<std::pair<vtx, double>> tmp;
        for (std::size_t v = 0; v < n; ++v) {
            tmp.clear();
            if (!f.is_excluded(static_cast<vtx>(v)))
                for (auto a = s.arc_begin(static_cast<vtx>(v)), e = s.arc_end(static_cast<vtx>(v)); a != e; ++a)
                    if (f.usable(a)) tmp.emplace_back(s.arc_target(a), f.weight(a));
            std::sort(tmp.begin(), tmp.end());
            for (std::size_t k = 0; k < tmp.size(); ++k) {
                nbr[off[v] + k] = tmp[k].first;
                wt[off[v] + k] = tmp[k].second;
            }
        }
    }
    std::vector<double> total(n, 0.0), maxw(n, 0.0);
    for (std::size_t v = 0; v < n; ++v)
        for (auto a = off[v]; a < off[v + 1]; ++a) {
            total[v] += wt[a];
            maxw[v] = std::max(maxw[v], wt[a]);
        }
    // Reverse arcs.
    std::vector<std::uint64_t> rev(m2);
    for (std::size_t v = 0; v < n; ++v)
        for (auto a = off[v]; a < off[v + 1]; ++a) {
            const vtx u = nbr[a];
            if (u < v) continue;
            auto b = std::lower_bound(nbr.begin() + static_cast<std::ptrdiff_t>(off[u]),
                                      nbr.begin() + static_cast<std::ptrdiff_t>(off[u + 1]), static_cast<vtx>(v));
            const auto ra = static_cast<std::uint64_t>(b - nbr.begin());
            rev[a] = ra;
            rev[ra] = a;
        }
    // Degree-ordered orientation: u -> v when (deg u, u) < (deg v, v).
    auto before = [&](std::size_t u, std::size_t v) {
        const auto du = off[u + 1] - off[u], dv = off[v + 1] - off[v];
        return du != dv ? du < dv : u < v;
    };
    std::vector<std::uint64_t> foff(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        std::uint64_t d = 0;
        for (auto a = off[v]; a < off[v + 1]; ++a) d += before(v, nbr[a]);
        foff[v + 1] = foff[v] + d;
    }
    std::vector<std::uint64_t> farc(foff[n]);
    for (std::size_t v = 0; v < n; ++v) {
        auto k = foff[v];
        for (auto a = off[v]; a < off[v + 1]; ++a)
            if (before(v, nbr[a])) farc[k++] = a;
    }
    // Per arc i->j, in one record so that a triangle touches six cache lines: p_ij = w_ij / total_i,
    // m_ij = w_ij / max_i, and the two accumulators (the triangle loop only multiplies and adds).
    struct arc_record {
        double p, m, indirect, redundancy;
    };
    std::vector<arc_record> A(m2);
    for (std::size_t v = 0; v < n; ++v)
        for (auto a = off[v]; a < off[v + 1]; ++a) A[a] = arc_record{wt[a] / total[v], wt[a] / maxw[v], 0.0, 0.0};
    constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::uint64_t> mark(n, none);
    for (std::size_t u = 0; u < n; ++u) {
        for (auto k = foff[u]; k < foff[u + 1]; ++k) mark[nbr[farc[k]]] = farc[k];
        for (auto k = foff[u]; k < foff[u + 1]; ++k) {
            const std::uint64_t uv = farc[k];
            const std::size_t v = nbr[uv];
            const std::uint64_t vu = rev[uv];
            for (auto l = foff[v]; l < foff[v + 1]; ++l) {
                const std::uint64_t vw = farc[l];
                const std::uint64_t uw = mark[nbr[vw]];
                if (uw == none) continue;
                arc_record &UV = A[uv], &VU = A[vu], &UW = A[uw], &WU = A[rev[uw]], &VW = A[vw], &WV = A[rev[vw]];
                // Ordered pair (i, j) via q adds p_iq p_qj to indirect and p_iq m_jq to redundancy.
                UV.indirect += UW.p * WV.p;  UV.redundancy += UW.p * VW.m;  // (u, v) via w
                VU.indirect += VW.p * WU.p;  VU.redundancy += VW.p * UW.m;  // (v, u) via w
                UW.indirect += UV.p * VW.p;  UW.redundancy += UV.p * WV.m;  // (u, w) via v
                WU.indirect += WV.p * VU.p;  WU.redundancy += WV.p * UV.m;  // (w, u) via v
                VW.indirect += VU.p * UW.p;  VW.redundancy += VU.p * WU.m;  // (v, w) via u
                WV.indirect += WU.p * UV.p;  WV.redundancy += WU.p * VU.m;  // (w, v) via u
            }
        }
        for (auto k = foff[u]; k < foff[u + 1]; ++k) mark[nbr[farc[k]]] = none;
    }
    std::vector<brokerage> out(n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto d = off[v + 1] - off[v];
        if (d == 0) {
            out[v] = detail::nan_brokerage();
            continue;
        }
        brokerage b;
        b.degree = static_cast<std::size_t>(d);
        for (auto a = off[v]; a < off[v + 1]; ++a) {
            const double c = wt[a] / total[v] + A[a].indirect;
            b.constraint += c * c;
            b.effective_size += 1.0 - A[a].redundancy;
        }
        b.efficiency = b.effective_size / static_cast<double>(d);
        out[v] = b;
    }
    return out;
}

} // namespace kith
