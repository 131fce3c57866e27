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
// seen from both ends, no parallel edges) with a weight map; tier 2 on a snapshot uses warmth
// (or 1) as the weight and honours visibility (a private tie counts only for its owner) and
// exclusions. One person costs O(sum of the degrees of their contacts). Everyone at once (both
// tiers, one shared core on a compact adjacency) lists each triangle once on a degree-ordered
// orientation: the indirect terms only involve triangles (p_iq p_qj is non-zero only when i, q,
// j close one), so the cost is O(m log d) plus the forward wedges read, which follow the number
// of triangles (O(m^1.5) at worst) instead of the sum of squared degrees.
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

/// A compact symmetric adjacency for the all-people computation: the arcs of vertex v are
/// [off[v], off[v + 1]) of `nbr` (targets) and `wt` (weights); every tie appears at both ends
/// with the same weight, no parallel arcs, no self-loops.
struct brokerage_csr {
    std::vector<std::uint64_t> off{0};
    std::vector<std::uint32_t> nbr;
    std::vector<double> wt;
};

/// Load-independent work counts of the all-people computation (benchmarks report them).
struct brokerage_work {
    std::uint64_t triangles = 0;     ///< triangles found (each exactly once)
    std::uint64_t wedges = 0;        ///< forward arcs (v, w) read while looking for triangles
    std::uint64_t forward_arcs = 0;  ///< ties (one forward arc each)
};

/// One tie u - v oriented from the lower to the higher (degree, vertex) rank, with everything the
/// triangle loop reads and writes in one cache line: "fw" is the ordered pair (u, v), "bw" is
/// (v, u). p_ij = w / total_i, m_ij = w / max_i; `ind` accumulates sum_q p_iq p_qj and `red`
/// sum_q p_iq m_jq over the third corners q of the triangles on the tie.
struct alignas(64) brokerage_edge {
    double p_fw, p_bw, m_fw, m_bw;
    double ind_fw, ind_bw, red_fw, red_bw;
};

/// Brokerage of every vertex of `g` by listing each triangle once. Vertices are ranked by
/// (degree, index) and every tie is oriented towards the higher rank, so each vertex has at most
/// O(sqrt(m)) forward neighbours; a triangle u < v < w (ranks) is found from u's forward arc to v
/// and v's forward arc to w, with u's forward targets marked. Each (u, v) reads v's forward list
/// only up to u's last forward target, or (when that list is much longer than what is left of
/// u's) binary-searches u's remaining targets in it; both visit the triangles in increasing w, so
/// the result does not depend on which is used. The six ordered pairs of each triangle get their
/// indirect and redundancy terms; the rest is linear.
/// Complexity: O(m log d + W) for m ties and W forward wedges read (W <= O(m^1.5), in practice a
/// small multiple of the triangle count); memory O(n) + 64 bytes per tie.
/// E: the forward-arc index type (must hold m).
template <class E>
std::vector<brokerage> brokerage_triangles(const brokerage_csr& g, brokerage_work* work = nullptr) {
    using u32 = std::uint32_t;
    const std::size_t n = g.off.size() - 1;
    auto deg = [&](std::size_t v) { return static_cast<std::size_t>(g.off[v + 1] - g.off[v]); };
    std::vector<double> total(n, 0.0), maxw(n, 0.0);
    std::size_t maxd = 0;
    for (std::size_t v = 0; v < n; ++v) {
        for (auto a = g.off[v]; a < g.off[v + 1]; ++a) {
            total[v] += g.wt[a];
            maxw[v] = std::max(maxw[v], g.wt[a]);
        }
        maxd = std::max(maxd, deg(v));
    }
    // Rank by (degree, vertex): a counting sort, stable in the vertex.
    std::vector<u32> order(n), rank(n);
    {
        std::vector<std::size_t> start(maxd + 2, 0);
        for (std::size_t v = 0; v < n; ++v) ++start[deg(v) + 1];
        for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
        for (std::size_t v = 0; v < n; ++v) order[start[deg(v)]++] = static_cast<u32>(v);
        for (std::size_t r = 0; r < n; ++r) rank[order[r]] = static_cast<u32>(r);
    }
    // Forward adjacency in rank space, each list sorted by target rank.
    std::vector<E> foff(n + 1, 0);
    for (std::size_t r = 0; r < n; ++r) {
        const u32 v = order[r];
        E d = 0;
        for (auto a = g.off[v]; a < g.off[v + 1]; ++a) d += rank[g.nbr[a]] > r;
        foff[r + 1] = foff[r] + d;
    }
    const E m = foff[n];
    std::vector<u32> ftgt(m);
    std::vector<brokerage_edge> R(m);
    {
        std::vector<std::pair<u32, double>> tmp;
        for (std::size_t r = 0; r < n; ++r) {
            const u32 v = order[r];
            tmp.clear();
            for (auto a = g.off[v]; a < g.off[v + 1]; ++a)
                if (rank[g.nbr[a]] > r) tmp.emplace_back(rank[g.nbr[a]], g.wt[a]);
            std::sort(tmp.begin(), tmp.end());
            for (std::size_t i = 0; i < tmp.size(); ++i) {
                const E k = foff[r] + static_cast<E>(i);
                const u32 x = order[tmp[i].first];
                const double w = tmp[i].second;
                ftgt[k] = tmp[i].first;
                R[k] = brokerage_edge{w / total[v], w / total[x], w / maxw[v], w / maxw[x], 0.0, 0.0, 0.0, 0.0};
            }
        }
    }
    std::vector<u32>().swap(rank);
    // The triangle loop. For (u, v) via w: ind += p_uw p_wv, red += p_uw m_vw; and so on for the
    // six ordered pairs. The (u, v) accumulators stay in registers for the whole inner loop.
    constexpr E none = std::numeric_limits<E>::max();
    std::vector<E> mark(n, none);
    std::uint64_t triangles = 0, wedges = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const E ub = foff[u], ue = foff[u + 1];
        if (ue - ub < 2) continue;
        for (E k = ub; k < ue; ++k) mark[ftgt[k]] = k;
        const u32 last = ftgt[ue - 1];
        for (E k = ub; k + 1 < ue; ++k) {
            const u32 v = ftgt[k];
            const E vb = foff[v], ve = foff[v + 1];
            if (vb == ve) continue;
            brokerage_edge& uv = R[k];
            double ind_fw = 0, ind_bw = 0, red_fw = 0, red_bw = 0;
            auto triangle = [&](E uw_i, E vw_i) {
                brokerage_edge& uw = R[uw_i];
                brokerage_edge& vw = R[vw_i];
                ind_fw += uw.p_fw * vw.p_bw;  red_fw += uw.p_fw * vw.m_fw;   // (u, v) via w
                ind_bw += vw.p_fw * uw.p_bw;  red_bw += vw.p_fw * uw.m_fw;   // (v, u) via w
                uw.ind_fw += uv.p_fw * vw.p_fw;  uw.red_fw += uv.p_fw * vw.m_bw;  // (u, w) via v
                uw.ind_bw += vw.p_bw * uv.p_bw;  uw.red_bw += vw.p_bw * uv.m_fw;  // (w, u) via v
                vw.ind_fw += uv.p_bw * uw.p_fw;  vw.red_fw += uv.p_bw * uw.m_bw;  // (v, w) via u
                vw.ind_bw += uw.p_bw * uv.p_fw;  vw.red_bw += uw.p_bw * uv.m_bw;  // (w, v) via u
                ++triangles;
            };
            const E left = ue - k - 1;  // u's forward targets after v: the candidates w
            const E len = ve - vb;
            if (len > 16 * left) {
                // v's list is much longer: binary-search u's remaining targets in it (galloping on).
                const u32* first = ftgt.data() + vb;
                const u32* stop = ftgt.data() + ve;
                for (E j = k + 1; j < ue && first != stop; ++j) {
                    first = std::lower_bound(first, stop, ftgt[j]);
                    wedges += 1;
                    if (first != stop && *first == ftgt[j]) triangle(j, static_cast<E>(first - ftgt.data()));
                }
            } else {
                E l = vb;
                for (; l < ve; ++l) {
                    const u32 w = ftgt[l];
                    if (w > last) break;
                    const E j = mark[w];
                    if (j != none) triangle(j, l);
                }
                wedges += l - vb;
            }
            uv.ind_fw += ind_fw;
            uv.ind_bw += ind_bw;
            uv.red_fw += red_fw;
            uv.red_bw += red_bw;
        }
        for (E k = ub; k < ue; ++k) mark[ftgt[k]] = none;
    }
    if (work) {
        work->triangles = triangles;
        work->wedges = wedges;
        work->forward_arcs = m;
    }
    // Each forward edge gives one term to each end.
    std::vector<brokerage> out(n);
    for (std::size_t r = 0; r < n; ++r) {
        brokerage& bi = out[order[r]];
        for (E k = foff[r]; k < foff[r + 1]; ++k) {
            const brokerage_edge& e = R[k];
            brokerage& bj = out[order[ftgt[k]]];
            const double ci = e.p_fw + e.ind_fw, cj = e.p_bw + e.ind_bw;
            bi.constraint += ci * ci;
            bi.effective_size += 1.0 - e.red_fw;
            bj.constraint += cj * cj;
            bj.effective_size += 1.0 - e.red_bw;
        }
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (deg(v) == 0) {
            out[v] = nan_brokerage();
            continue;
        }
        out[v].degree = deg(v);
        out[v].efficiency = out[v].effective_size / static_cast<double>(deg(v));
    }
    return out;
}

/// The all-people computation on a compact adjacency, with the narrowest forward-arc index.
inline std::vector<brokerage> brokerage_all_csr(const brokerage_csr& g, brokerage_work* work = nullptr) {
    if (g.nbr.size() / 2 < std::numeric_limits<std::uint32_t>::max())
        return brokerage_triangles<std::uint32_t>(g, work);
    return brokerage_triangles<std::uint64_t>(g, work);
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
/// Every triangle is listed once on a degree-ordered orientation (see `brokerage_all(snapshot)`),
/// so the cost follows the number of triangles rather than the squared degrees.
/// Complexity: O(V + E log d + W) time for W forward wedges read (at most O(E^1.5), in practice a
/// small multiple of the triangle count); O(V) + about 80 bytes per edge of memory.
/// Preconditions, exactness: as `brokerage_of` (equal to it up to floating-point summation order).
/// Throws: `invalid_argument` when the graph has 2^32 - 1 vertices or more.
template <class Graph, class WeightMap>
std::vector<brokerage> brokerage_all(const Graph& g, WeightMap weight) {
    auto index = get(boost::vertex_index, g);
    const std::size_t n = num_vertices(g);
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw invalid_argument("brokerage_all: " + std::to_string(n) + " vertices, at most 2^32 - 2 supported");
    detail::brokerage_csr c;
    c.off.assign(n + 1, 0);
    for (auto [it, end] = vertices(g); it != end; ++it)
        c.off[static_cast<std::size_t>(get(index, *it)) + 1] = static_cast<std::uint64_t>(out_degree(*it, g));
    for (std::size_t v = 0; v < n; ++v) c.off[v + 1] += c.off[v];
    c.nbr.resize(c.off[n]);
    c.wt.resize(c.off[n]);
    for (auto [it, end] = vertices(g); it != end; ++it) {
        auto a = c.off[static_cast<std::size_t>(get(index, *it))];
        for (auto [e, eend] = out_edges(*it, g); e != eend; ++e, ++a) {
            c.nbr[a] = static_cast<std::uint32_t>(get(index, target(*e, g)));
            c.wt[a] = static_cast<double>(get(weight, *e));
        }
    }
    return detail::brokerage_all_csr(c);
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

namespace detail {

/// The usable arcs of a snapshot (visible to the asker, both ends not excluded) with their
/// brokerage weights, as a compact adjacency. O(n + m).
inline brokerage_csr brokerage_csr_of(const snapshot& s, const brokerage_options& opt) {
    using vtx = snapshot::vertex_type;
    const std::size_t n = s.num_people();
    const brokerage_filter f(s, opt);
    brokerage_csr c;
    c.off.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        std::uint64_t d = 0;
        if (!f.is_excluded(static_cast<vtx>(v)))
            for (auto a = s.arc_begin(static_cast<vtx>(v)), e = s.arc_end(static_cast<vtx>(v)); a != e; ++a) d += f.usable(a);
        c.off[v + 1] = c.off[v] + d;
    }
    c.nbr.resize(c.off[n]);
    c.wt.resize(c.off[n]);
    for (std::size_t v = 0; v < n; ++v) {
        if (f.is_excluded(static_cast<vtx>(v))) continue;
        auto k = c.off[v];
        for (auto a = s.arc_begin(static_cast<vtx>(v)), e = s.arc_end(static_cast<vtx>(v)); a != e; ++a)
            if (f.usable(a)) {
                c.nbr[k] = s.arc_target(a);
                c.wt[k] = f.weight(a);
                ++k;
            }
    }
    return c;
}

} // namespace detail

/// Brokerage of every person, indexed by snapshot vertex (NaN fields and degree 0 for people
/// without a usable tie and for excluded people).
/// Every triangle is listed once: people are ranked by (degree, vertex), each tie is oriented
/// towards the higher rank (so a person has O(sqrt(m)) forward ties), and a triangle u < v < w
/// is found from u's forward tie to v and v's forward tie to w; its six ordered pairs (i, j via
/// q) add p_iq p_qj and p_iq m_jq to per-tie accumulators kept in one 64-byte record per tie.
/// Complexity: O(n + m log d + W) time for m usable ties and W forward wedges read (at most
/// O(m^1.5); in practice a small multiple of the triangle count); about 90 bytes per tie of memory.
/// Exactness: as `brokerage_of`; equal to it up to floating-point summation order.
/// Throws: nothing.
inline std::vector<brokerage> brokerage_all(const snapshot& s, const brokerage_options& opt = {}) {
    return detail::brokerage_all_csr(detail::brokerage_csr_of(s, opt));
}

} // namespace kith
