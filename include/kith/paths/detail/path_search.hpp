// kith/paths/detail/path_search.hpp -- the label-setting search engine behind kith/paths
// (internal: everything here is kith::detail and may change without notice).
//
// Design decisions: one engine serves the snapshot fast path (bidirectional, integer costs,
// cost-sorted adjacency with a cut) and the generic tier (one way, integer or double costs).
// Labels are (cost, hops) keys compared lexicographically, ties broken by the lexicographically
// smallest vertex sequence (materialised only on exact key ties). Uncapped searches keep one label
// per vertex and side; hop-capped ones keep a Pareto set over (cost, hops), and when
// bidirectional meet in the middle (forward labels up to ceil(H/2) hops, backward up to floor(H/2),
// meetings at vertices, own stopping rule: see run_split). Labels are immutable
// once created (a better one replaces it in the vertex list), so recorded meetings never change
// under our feet. A relaxation u->v is skipped when key(v) + (smallest key of the other side)
// exceeds the best meeting: no path through it can beat or tie the best (strict comparison keeps
// exact ties, so the tie-break is honoured). The search stops when the two smallest keys add up
// to more than the best meeting, or a side runs empty. Per-vertex data carries a generation
// stamp: reset is O(touched); on wrap-around every stamp is cleared once.
// Speed: the search is memory-bound (one cache miss per person touched, on large graphs), so
// (1) each arc list is gathered first, prefetching every kept target's 16-byte record, and the
// next label's arc list is prefetched before the current one is relaxed; (2) four bits per
// vertex (label of side 0/1 present, settled on side 0/1), n/2 bytes that stay in cache, answer
// "settled here" and "no label of the other side here" without touching the record; (3) a new
// label where the other side has none can only meet labels created later, whose keys are at
// least the other side's top plus one arc: it is dropped when that exceeds the best meeting
// (uncapped labels, and labels at a side's hop limit when capped); (4) the uncapped search
// expands the side with the smaller (queued labels x degree of its next person), the capped one
// the smaller (sqrt(queued labels) x degree) (the stopping rules do not depend on the order);
// (5) queuing a label at u prefetches u's offsets entry (snapshot: `has_offset_hint`), so the
// arc-list bounds are in cache when u is settled (the load that starts the next list's prefetch
// was the largest single stall: at 1M social ties ~10% faster uncapped, ~5% hop-capped).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/huge_pages.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace kith::detail {

inline constexpr std::uint32_t npos32 = std::numeric_limits<std::uint32_t>::max();

#ifdef KITH_PATHS_PROFILE
struct search_profile { std::uint64_t settled = 0, scanned = 0, gathered = 0, offered = 0, labels = 0, lex = 0; };
inline search_profile& profile() { static search_profile p; return p; }
#define KITH_PATHS_COUNT(field) (++::kith::detail::profile().field)
#else
#define KITH_PATHS_COUNT(field) ((void)0)
#endif

#if defined(__GNUC__) || defined(__clang__)
#define KITH_PATHS_PREFETCH(addr) __builtin_prefetch(addr)
#else
#define KITH_PATHS_PREFETCH(addr) ((void)0)
#endif

/// Calls adj.prefetch(u) when the adjacency has one (a hint: start loading u's arc list).
template <class Adj, class = void>
struct has_prefetch : std::false_type {};
template <class Adj>
struct has_prefetch<Adj, std::void_t<decltype(std::declval<const Adj&>().prefetch(std::uint32_t{}))>> : std::true_type {};

/// Whether the adjacency is a snapshot view (`adj.s->offset_address(u)`): the engine then starts
/// loading u's offsets entry when it queues a label at u, as settling u reads it (the arc list's
/// bounds, and its degree for the side choice) and it is a cache miss on large graphs.
template <class Adj, class = void>
struct has_offset_hint : std::false_type {};
template <class Adj>
struct has_offset_hint<Adj, std::void_t<decltype(std::declval<const Adj&>().s->offset_address(std::uint32_t{}))>>
    : std::true_type {};

/// Whether the adjacency reports degrees (`adj.degree(u)`: number of arcs of u, any filter).
template <class Adj, class = void>
struct has_degree : std::false_type {};
template <class Adj>
struct has_degree<Adj, std::void_t<decltype(std::declval<const Adj&>().degree(std::uint32_t{}))>> : std::true_type {};

/// Formats a double for error messages (round-trippable).
inline std::string format_double(double x) {
    std::ostringstream os;
    os.precision(17);
    os << x;
    return os.str();
}

/// Throws invalid_argument unless 0 < f <= 1.
inline void check_factor(const char* fn, const char* what, double f) {
    if (!(f > 0.0 && f <= 1.0))
        throw invalid_argument(std::string(fn) + ": " + what + " " + format_double(f) + " is outside (0,1]");
}

/// Throws invalid_argument unless 0 <= m <= 1.
inline void check_min_warmth(const char* fn, double m) {
    if (!(m >= 0.0 && m <= 1.0))
        throw invalid_argument(std::string(fn) + ": min_tie_warmth " + format_double(m) + " is outside [0,1]");
}

/// round(-ln(f) x 2048) for 0 < f <= 1.
inline std::uint64_t factor_to_units(double f) noexcept {
    const double c = std::round(-std::log(f) * 2048.0);
    if (!(c >= 0.0)) return 0;
    return static_cast<std::uint64_t>(c);
}

/// The largest cost in units whose warmth exp(-c/2048) is >= m, or -1 when none (m > 1).
/// Computed with the same exp as the stored warmths, so the cut is exact.
inline std::int64_t max_units_for_min_warmth(double m) noexcept {
    if (m <= 0.0) return std::numeric_limits<std::int64_t>::max();
    if (m > 1.0) return -1;
    double guess = std::floor(-std::log(m) * 2048.0);
    if (guess > 1e15) guess = 1e15;
    auto c = static_cast<std::int64_t>(guess);
    auto ok = [m](std::int64_t x) { return std::exp(-static_cast<double>(x) / 2048.0) >= m; };
    while (c >= 0 && !ok(c)) --c;
    while (ok(c + 1)) ++c;
    return c;
}

/// (cost, hops) key, compared lexicographically.
template <class Cost>
struct path_key {
    Cost c{};
    std::uint32_t h = 0;
    friend bool operator<(const path_key& a, const path_key& b) { return a.c < b.c || (a.c == b.c && a.h < b.h); }
    friend bool operator==(const path_key& a, const path_key& b) { return a.c == b.c && a.h == b.h; }
    friend path_key operator+(const path_key& a, const path_key& b) { return {a.c + b.c, a.h + b.h}; }
};

/// One search label: a path from a start (forward side) or to an end (backward side).
template <class Cost>
struct label {
    Cost cost{};                 ///< cost of the path (excluding the extra cost of `vertex` itself)
    Cost arc{};                  ///< cost of the arc joining `vertex` to `parent`'s vertex
    std::uint32_t hops = 0;
    std::uint32_t vertex = 0;
    std::uint32_t parent = npos32;  ///< previous label (forward) / next label (backward)
    std::uint32_t next = npos32;    ///< next live label of the same vertex and side
    bool settled = false;
    bool dead = false;
};

template <class Cost>
struct heap_entry {
    Cost c{};
    std::uint32_t h = 0;
    std::uint32_t label = 0;
    friend bool operator>(const heap_entry& a, const heap_entry& b) {
        if (a.c != b.c) return a.c > b.c;
        if (a.h != b.h) return a.h > b.h;
        return a.label > b.label;
    }
};

/// A 4-ary min-heap on a vector (shallower than a binary heap: fewer cache lines per pop).
/// (`e` by value and the new slot value-initialised, not copied from `e`: the copy read an
/// entry just built from narrower stores and stalled on store forwarding.)
template <class Entry>
void heap4_push(std::vector<Entry>& h, const Entry e) {
    std::size_t i = h.size();
    h.emplace_back();
    while (i > 0) {
        const std::size_t p = (i - 1) / 4;
        if (!(h[p] > e)) break;
        h[i] = h[p];
        i = p;
    }
    h[i] = e;
}

/// Whether heap entry a orders after b, computed without branches (for selecting among
/// siblings, where the outcome is unpredictable).
template <class Entry>
bool heap_after(const Entry& a, const Entry& b) noexcept {
    const std::uint64_t ar = std::uint64_t{a.h} << 32 | a.label, br = std::uint64_t{b.h} << 32 | b.label;
    return (a.c > b.c) | ((a.c == b.c) & (ar > br));
}

template <class Entry>
void heap4_pop(std::vector<Entry>& h) {
    const Entry last = h.back();
    h.pop_back();
    const std::size_t n = h.size();
    if (n == 0) return;
    std::size_t i = 0;
    for (;;) {
        const std::size_t c = 4 * i + 1;
        if (c >= n) break;
        std::size_t best = c;
        if (c + 4 <= n) {  // four children: a branch-free tournament (mispredictions cost more)
            const std::size_t b01 = heap_after(h[c], h[c + 1]) ? c + 1 : c;
            const std::size_t b23 = heap_after(h[c + 2], h[c + 3]) ? c + 3 : c + 2;
            best = heap_after(h[b01], h[b23]) ? b23 : b01;
        } else {
            for (std::size_t j = c + 1; j < n; ++j)
                if (h[best] > h[j]) best = j;
        }
        if (!(last > h[best])) break;
        h[i] = h[best];
        i = best;
    }
    h[i] = last;
}

enum vertex_flag : std::uint8_t {
    flag_start = 1,    ///< a source of this search
    flag_end = 2,      ///< a target of this search
    flag_block = 4,    ///< may not be an intermediate (avoided, a source, a target, removed)
    flag_removed = 8,  ///< may not appear at all (Yen's root path)
    flag_no_first = 16,  ///< may not follow a start (diversity: a first introducer already used)
    flag_extra = 32,     ///< has an extra cost (in the query's sorted extra list)
};

/// Per-vertex search data, with its generation stamp in the same cache line (16 bytes with the
/// default 32-bit generation, so an entry never straddles two cache lines: the search is
/// memory-bound and pays one miss per person touched).
template <class Generation>
struct vertex_info {
    std::uint32_t head[2] = {npos32, npos32};
    Generation stamp = 0;
    std::uint8_t flags = 0;
};
/// Storage of one cost type.
template <class Cost>
struct cost_store {
    std::vector<label<Cost>> labels;
    std::vector<heap_entry<Cost>> heap[2];
    std::vector<std::pair<std::uint32_t, Cost>> extras;  ///< (vertex, extra cost), sorted by vertex
    std::vector<std::uint32_t> buf_a, buf_b, buf_c;
    std::vector<std::pair<std::uint32_t, Cost>> scan;  ///< arcs of the list being expanded
    void clear() {
        labels.clear();
        heap[0].clear();
        heap[1].clear();
        extras.clear();
    }
};

/// What one search is asked (vertex numbers are dense indices).
template <class Cost>
struct search_spec {
    std::vector<std::uint32_t> starts;
    std::vector<std::uint32_t> ends;
    std::vector<std::uint32_t> blocked;  ///< never intermediates (avoid set, original sources and targets)
    std::vector<std::uint32_t> removed;  ///< never used at all
    std::vector<std::pair<std::uint32_t, Cost>> extras;  ///< extra cost when routing through
    Cost hop{};
    bool capped = false;
    std::uint32_t max_hops = npos32;
    std::vector<std::uint64_t> banned_arcs;   ///< sorted (from << 32 | to): arcs not used
    std::vector<std::uint32_t> no_first;      ///< may not be the second person of a path
    /// Optional upper bound (k paths): the search starts as if it had met a path of key `bound`,
    /// so it prunes paths above it from the start (strict comparisons: paths of key == bound,
    /// and the tie-break among them, are kept). Returns the best path when its key is <= bound,
    /// else nullopt.
    bool bounded = false;
    path_key<Cost> bound{};
    void clear() {
        starts.clear(); ends.clear(); blocked.clear(); removed.clear(); extras.clear(); banned_arcs.clear();
        no_first.clear();
        hop = Cost{}; capped = false; max_hops = npos32;
        bounded = false; bound = {};
    }
};

/// Per-thread storage: generation-stamped per-vertex info plus label pools.
template <class Generation>
struct search_store {
    /// Per-vertex records and bits are read at random: huge-page-advised blocks (core/huge_pages.hpp).
    std::vector<vertex_info<Generation>, huge_page_allocator<vertex_info<Generation>>> info;
    Generation gen = 0;
    std::uint64_t wraps = 0;  ///< number of full clears (observable in tests)
    /// Four bits per vertex (16 vertices per word, so one load answers every question about v):
    /// bit `side` = v may hold a label of that side (set by every label); bit 2 + side = an
    /// uncapped search settled v on that side (its one label is final: any later label there is
    /// dominated). Set during a search and cleared by it when it ends; a search that did not
    /// end (an exception) leaves `bits_dirty`, and the next one clears every word first.
    /// n/2 bytes: it stays in cache where `info` does not, so the cuts that need "no label of
    /// the other side here" and "settled here" skip the miss on `info`.
    std::vector<std::uint64_t, huge_page_allocator<std::uint64_t>> bits;
    bool bits_dirty = false;
    cost_store<std::uint64_t> units;
    cost_store<double> reals;
    search_spec<std::uint64_t> spec;  ///< reused by snapshot queries (no allocation after warm-up)

    template <class Cost>
    cost_store<Cost>& pools() noexcept {
        if constexpr (std::is_same<Cost, double>::value) return reals;
        else return units;
    }

    /// Starts a query on a graph of n vertices: O(1) amortised (O(n) on growth or wrap-around).
    void begin(std::size_t n) {
        if (info.size() < n) info.resize(n);  // new entries carry stamp 0, never a live generation
        if (bits.size() < (n + 15) / 16) bits.resize((n + 15) / 16, 0);
        ++gen;
        if (gen == Generation(0)) {  // wrapped: stale stamps could collide, clear them all once
            for (auto& vi : info) vi.stamp = Generation(0);
            gen = Generation(1);
            ++wraps;
        }
    }
    vertex_info<Generation>& touch(std::uint32_t v) {
        vertex_info<Generation>& vi = info[v];
        if (vi.stamp != gen) {
            vi = vertex_info<Generation>{};
            vi.stamp = gen;
        }
        return vi;
    }
    bool touched(std::uint32_t v) const noexcept { return info[v].stamp == gen; }
    /// The four bits of v (see `bits`).
    unsigned vertex_bits(std::uint32_t v) const noexcept { return static_cast<unsigned>(bits[v >> 4] >> ((v & 15) * 4)) & 15u; }
    void set_bit(std::uint32_t v, unsigned b) noexcept { bits[v >> 4] |= std::uint64_t{1} << ((v & 15) * 4 + b); }
    void mark_label(int side, std::uint32_t v) noexcept { set_bit(v, static_cast<unsigned>(side)); }
    void mark_settled(int side, std::uint32_t v) noexcept { set_bit(v, 2u + static_cast<unsigned>(side)); }
    /// Clears the four bits of v.
    void unmark(std::uint32_t v) noexcept { bits[v >> 4] &= ~(std::uint64_t{15} << ((v & 15) * 4)); }
    std::uint8_t flags(std::uint32_t v) const noexcept { return info[v].stamp == gen ? info[v].flags : std::uint8_t(0); }
    std::uint32_t head(std::uint32_t v, int side) const noexcept { return info[v].stamp == gen ? info[v].head[side] : npos32; }
};

/// A found path: vertices, the cost of each arc, the total cost (arcs + hops + extras).
template <class Cost>
struct found_path {
    std::vector<std::uint32_t> verts;
    std::vector<Cost> arcs;
    Cost cost{};
    std::uint32_t hops() const noexcept { return static_cast<std::uint32_t>(verts.size() - 1); }
    friend bool operator==(const found_path& a, const found_path& b) {
        return a.verts == b.verts && a.arcs == b.arcs && a.cost == b.cost;
    }
};

// ------------------------------------------------------------------ label chains, shared
// by the engine below and the k-paths origin search (k_first_search.hpp). `Labels`: a
// random-access container of records with `vertex`, `parent` (npos32 at a start or an end) and
// `arc` (the cost of the arc to the parent).

/// Vertex sequence of label li's path in reading order (start..v forward, v..end backward).
/// O(hops).
template <class Labels>
void label_chain(const Labels& labels, int side, std::uint32_t li, std::vector<std::uint32_t>& out) {
    out.clear();
    for (std::uint32_t i = li; i != npos32; i = labels[i].parent) out.push_back(labels[i].vertex);
    if (side == 0) std::reverse(out.begin(), out.end());
}

/// Whether the path of label p (npos32: none) extended by vertex v on `side` reads
/// lexicographically before the path of label `old`; a and b are scratch buffers. O(hops).
template <class Labels>
bool extension_is_lex_smaller(const Labels& labels, int side, std::uint32_t p, std::uint32_t v, std::uint32_t old,
                              std::vector<std::uint32_t>& a, std::vector<std::uint32_t>& b) {
    if (p == npos32) a.clear();
    else label_chain(labels, side, p, a);
    if (side == 0) a.push_back(v);
    else a.insert(a.begin(), v);
    label_chain(labels, side, old, b);
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

/// Full vertex sequence (and, if `arcs`, the arc costs) of the meeting of forward label f and
/// backward label b at one vertex. O(hops).
template <class Labels, class Cost>
void meeting_sequence(const Labels& labels, std::uint32_t f, std::uint32_t b, std::vector<std::uint32_t>& verts,
                      std::vector<Cost>* arcs) {
    label_chain(labels, 0, f, verts);
    if (arcs) {
        arcs->clear();
        for (std::uint32_t i = f; i != npos32 && labels[i].parent != npos32; i = labels[i].parent)
            arcs->push_back(labels[i].arc);
        std::reverse(arcs->begin(), arcs->end());
    }
    for (std::uint32_t i = b; labels[i].parent != npos32; i = labels[i].parent) {
        verts.push_back(labels[labels[i].parent].vertex);
        if (arcs) arcs->push_back(labels[i].arc);
    }
}

/// Copies a query's (vertex, extra cost) list into `ex` sorted by vertex, a later entry for a
/// vertex replacing earlier ones. O(m log m).
template <class Cost>
void sorted_extras(const std::vector<std::pair<std::uint32_t, Cost>>& in, std::vector<std::pair<std::uint32_t, Cost>>& ex) {
    ex.assign(in.begin(), in.end());
    std::stable_sort(ex.begin(), ex.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t k = 0;
    for (std::size_t i = 0; i < ex.size(); ++i) {
        if (k > 0 && ex[k - 1].first == ex[i].first) ex[k - 1] = ex[i];
        else ex[k++] = ex[i];
    }
    ex.resize(k);
}

/// The extra cost of v in a `sorted_extras` list that contains v. O(log m).
template <class Cost>
Cost extra_in(const std::vector<std::pair<std::uint32_t, Cost>>& ex, std::uint32_t v) {
    const auto it = std::lower_bound(ex.begin(), ex.end(), v,
                                     [](const std::pair<std::uint32_t, Cost>& e, std::uint32_t x) { return e.first < x; });
    return it->second;
}

/// The engine. `Adj` provides `template <class F> void for_each_arc(uint32 u, F f) const` calling
/// f(v, cost) for each usable arc u->v (f returns false to stop) and `static constexpr bool sorted`
/// (arcs come in nondecreasing cost, so the engine may cut the list). Backward expansion uses the
/// same arcs (symmetric graphs only).
template <class Cost, class Generation, class Adj>
class label_search {
public:
    label_search(search_store<Generation>& st, const Adj& adj, const search_spec<Cost>& spec, bool bidirectional)
        : st_(st), cs_(st.template pools<Cost>()), adj_(adj), spec_(spec), bidir_(bidirectional),
          split_(bidirectional && spec.capped) {
        // Meet in the middle: forward labels up to ceil(H/2) hops, backward up to floor(H/2).
        limit_[0] = spec.capped ? (bidirectional ? spec.max_hops - spec.max_hops / 2 : spec.max_hops) : npos32;
        limit_[1] = spec.capped ? spec.max_hops / 2 : npos32;
    }

    /// Runs the search on a graph with n vertices. Returns the best path or nullopt.
    std::optional<found_path<Cost>> run(std::size_t n) {
        st_.begin(n);
        cs_.clear();
        if (st_.bits_dirty) std::fill(st_.bits.begin(), st_.bits.end(), std::uint64_t{0});
        st_.bits_dirty = true;
        if (spec_.bounded) {  // a known bound, no meeting yet (best_f_ stays npos32)
            has_best_ = true;
            best_ = spec_.bound;
        }
        for (std::uint32_t v : spec_.removed) st_.touch(v).flags |= flag_removed | flag_block;
        for (std::uint32_t v : spec_.blocked) st_.touch(v).flags |= flag_block;
        for (std::uint32_t v : spec_.no_first) st_.touch(v).flags |= flag_no_first;
        if (!spec_.extras.empty()) {  // sorted by vertex; later entries for a vertex replace earlier ones
            sorted_extras(spec_.extras, cs_.extras);
            for (const auto& e : cs_.extras) st_.touch(e.first).flags |= flag_extra;
        }
        for (std::uint32_t v : spec_.starts) st_.touch(v).flags |= flag_start | flag_block;
        for (std::uint32_t v : spec_.ends) st_.touch(v).flags |= flag_end | flag_block;
        for (std::uint32_t v : spec_.starts)
            if (!(st_.flags(v) & flag_removed)) offer(0, v, Cost{}, 0, npos32, Cost{}, limit_[0] > 0);
        for (std::uint32_t v : spec_.ends)
            if (!(st_.flags(v) & flag_removed)) offer(1, v, Cost{}, 0, npos32, Cost{}, bidir_ && limit_[1] > 0);

        auto& h0 = cs_.heap[0];
        auto& h1 = cs_.heap[1];
        const path_key<Cost> zero{};
        // Bidirectional stopping gap g = (hop cost, 1 hop). Stop when best < top_f + top_b + g.
        // Proof: take a path P = x_0..x_k with key K* <= best that no meeting has recorded. Let
        // x_0..x_p be settled forward along P (exact prefix labels) and x_q..x_k backward. If some
        // x_i were settled or labelled by both sides along P, `meet` would have recorded P (or a
        // dominating label's meeting, key <=). Forward expanded x_p, so x_{p+1} carries a forward
        // label of key D_f(x_{p+1}) (the cut cannot have dropped it: D_f + top_b(then) <= K*);
        // likewise x_{q-1} a backward one. Not met, so x_{p+1} != x_{q-1}, both unsettled, and
        // p+1 < q-1: at least one arc, costing >= hop cost and one hop, lies between them. Hence
        // top_f + top_b <= D_f(x_{p+1}) + D_b(x_{q-1}) <= K* - g, and we do not stop. One-way
        // searches (generic tier) keep the plain rule (g = 0).
        const path_key<Cost> gap = bidir_ ? path_key<Cost>{spec_.hop, 1} : zero;
        if (split_) {
            run_split();
        } else for (;;) {
            clean(0);
            if (h0.empty()) break;
            path_key<Cost> tf{h0.front().c, h0.front().h}, tb = zero;
            if (bidir_) {
                clean(1);
                if (h1.empty()) break;
                tb = {h1.front().c, h1.front().h};
            }
            if (has_best_ && best_ < tf + tb + gap) break;
            // Any alternation keeps the stopping rule exact. With degrees: the side with the smaller
            // (queued labels x arc-list length of its next label), else the side with fewer queued
            // labels. Social ties, vs the queue sizes alone: 1M -8% labels, -14% settled; 10M -29%
            // labels, -31% settled (expanding a hub early floods its side's queue).
            const int side = bidir_ ? uncapped_side() : 0;
            auto& h = cs_.heap[side];
            const std::uint32_t li = h.front().label;
            heap4_pop(h);
            cs_.labels[li].settled = true;
            st_.mark_settled(side, cs_.labels[li].vertex);  // uncapped: one label per vertex and side
            KITH_PATHS_COUNT(settled);
            prefetch_top(side);
            expand(side, li, side == 0 ? tb : tf);
        }
        for (const label<Cost>& L : cs_.labels) st_.unmark(L.vertex);
        st_.bits_dirty = false;
        if (!has_best_ || best_f_ == npos32) return std::nullopt;
        found_path<Cost> out;
        out.cost = best_.c;
        sequence(best_f_, best_b_, out.verts, &out.arcs);
        return out;
    }

private:
    // Hop-capped bidirectional search (max_hops = H): meet in the middle. Forward labels have at
    // most Hf = ceil(H/2) hops, backward ones at most Hb = floor(H/2); labels at a side's limit
    // are recorded (they meet) but never queued or expanded; meetings happen only at vertices.
    // Every valid path P with h <= H hops splits at its vertex x = x_k, k = min(h, Hf): a prefix of
    // k <= Hf hops and a suffix of h - k <= Hb hops; if h > Hf the prefix has exactly Hf hops,
    // otherwise x is the target. Pareto labels per (vertex, side) keep every non-dominated prefix
    // and suffix (a dominated one gives a path with a strictly smaller key, or with equal keys the
    // lexicographic rule of `offer`), so P (the best, non-dominated) is found once both sides have
    // a label at x. Stopping rule, with t_f, t_b the heap tops (infinite when empty) and
    // m_f = min key of forward labels with Hf hops (recorded or future, future ones >= t_f):
    //   stop_f: t_f > best (forward empty: nothing left);
    //   stop_b: t_b + m_f > best (no forward Hf-hop label at all and forward empty: nothing to meet).
    // Stop when both hold. Proof: if P (key K* <= best) was not met at x, either
    // (i) neither side has a label at x: the forward side holds an unsettled label of P's prefix
    //     with fewer than Hf hops in its heap, so t_f <= D_f(x) <= K*: not stop_f; or
    // (ii) only the forward side has one: then x != target, the prefix has Hf hops, so
    //     D_f(x) >= m_f and the backward side holds an unsettled suffix label: t_b <= D_b(x),
    //     t_b + m_f <= K*: not stop_b; or
    // (iii) only the backward side has one: the forward heap holds a prefix label, t_f <= K*.
    // A list scan stops at the first arc whose label key exceeds best (sorted lists; paths never
    // get cheaper). Non-simple meetings are never best (the shortcut has fewer hops and no more
    // cost). No path within H hops: both sides exhaust their hop-limited balls.
    void run_split() {
        auto& h0 = cs_.heap[0];
        auto& h1 = cs_.heap[1];
        const path_key<Cost> zero{};
        for (;;) {
            clean(0);
            clean(1);
            const bool e0 = h0.empty(), e1 = h1.empty();
            const path_key<Cost> tf = e0 ? zero : path_key<Cost>{h0.front().c, h0.front().h};
            const path_key<Cost> tb = e1 ? zero : path_key<Cost>{h1.front().c, h1.front().h};
            const bool stop_f = e0 || (has_best_ && best_ < tf);
            bool stop_b = e1;
            if (!stop_b) {
                const bool have_m = has_mf_ || !e0;
                if (!have_m) {
                    stop_b = true;
                } else if (has_best_) {
                    path_key<Cost> m = has_mf_ ? mf_ : tf;
                    if (!e0 && tf < m) m = tf;
                    stop_b = best_ < tb + m;
                }
            }
            if (stop_f && stop_b) break;
            // Both may go on: expand the side whose next label has the shorter arc list (when the
            // adjacency knows degrees; else the side with fewer queued labels). Any order keeps
            // the stopping rule exact; at 1M social ties, hops <= 4: ~31% fewer labels than
            // expanding the smaller key.
            const int side = stop_f ? 1 : stop_b ? 0 : split_side();
            auto& h = cs_.heap[side];
            const std::uint32_t li = h.front().label;
            heap4_pop(h);
            cs_.labels[li].settled = true;
            KITH_PATHS_COUNT(settled);
            prefetch_top(side);
            expand(side, li, split_other_bound(side, li));
        }
    }

    // A lower bound on the other side's share of any path whose label `side` creates while
    // expanding label li (passed to `expand` as its `other_top`: the list is cut where the new
    // label's key plus it exceeds the best meeting). Zero unless li has at least one hop and the
    // other side (o) has a hop limit >= 1 and has expanded all its hop-0 labels; then
    // B = min(smallest key of o's labels with >= 1 hop created so far, o's heap top + gap).
    // Claim: a path P through the new label at v (v not an end of o) has key >= key(v) + B, or P
    // is met anyway, or P is strictly worse than the best meeting. Let y be P's person next to
    // its o-end e. As e was expanded (with cut zero: its label has no hop), y received an o-label
    // of key <= key(y..e) (or one dominating it), unless P is invalid (flags, banned arc) or that
    // label was cut because its key alone exceeded the best (P is then worse). So the rest of P
    // after v has key >= key(y..e) >= B when v != e (v == y included). When v == e (the new label
    // completes P), P was met at y: the o-label at y meets the label being expanded (y's). Future
    // o-labels (>= o's top + gap) are covered by B too, and strict comparison keeps exact ties.
    // Social 1M, hops <= 4: 15% fewer arcs read.
    path_key<Cost> split_other_bound(int side, std::uint32_t li) const {
        const int o = 1 - side;
        const auto& oh = cs_.heap[o];
        if (cs_.labels[li].hops == 0 || limit_[o] == 0) return {};
        if (!oh.empty() && oh.front().h == 0) return {};  // o's hop-0 labels come first (key 0)
        bool any = has_lb1_[o];
        path_key<Cost> b = lb1_[o];
        if (!oh.empty()) {
            const path_key<Cost> f = path_key<Cost>{oh.front().c, oh.front().h} + path_key<Cost>{spec_.hop, 1};
            if (!any || f < b) b = f;
            any = true;
        }
        return any ? b : path_key<Cost>{};
    }

    Cost extra_of(std::uint32_t v) const {
        return (st_.flags(v) & flag_extra) ? extra_in(cs_.extras, v) : Cost{};
    }

    void push(int side, std::uint32_t li) {
        auto& h = cs_.heap[side];
        const label<Cost>& L = cs_.labels[li];
        heap4_push(h, heap_entry<Cost>{L.cost, L.hops, li});
        if constexpr (has_offset_hint<Adj>::value) KITH_PATHS_PREFETCH(adj_.s->offset_address(L.vertex));
    }

    void clean(int side) {
        auto& h = cs_.heap[side];
        while (!h.empty()) {
            const label<Cost>& L = cs_.labels[h.front().label];
            if (!L.dead && !L.settled) return;
            heap4_pop(h);
        }
    }

    /// Whether the new path (parent label `p` extended by vertex v on `side`) reads
    /// lexicographically before the path of label `old`.
    bool new_is_lex_smaller(int side, std::uint32_t p, std::uint32_t v, std::uint32_t old) {
        KITH_PATHS_COUNT(lex);
        return extension_is_lex_smaller(cs_.labels, side, p, v, old, cs_.buf_a, cs_.buf_b);
    }

    /// Full sequence of a meeting of forward label f and backward label b (same vertex).
    void sequence(std::uint32_t f, std::uint32_t b, std::vector<std::uint32_t>& verts,
                  std::vector<Cost>* arcs) const {
        meeting_sequence(cs_.labels, f, b, verts, arcs);
    }

    /// Offers a label; returns its index or npos32 when dominated.
    std::uint32_t offer(int side, std::uint32_t v, Cost cost, std::uint32_t hops, std::uint32_t parent, Cost arc,
                        bool queue) {
        auto& vi = st_.touch(v);
        const path_key<Cost> nk{cost, hops};
        std::uint32_t* link = &vi.head[side];
        while (*link != npos32) {
            const std::uint32_t i = *link;
            label<Cost>& L = cs_.labels[i];
            const path_key<Cost> ok{L.cost, L.hops};
            bool kill = false;
            if (ok == nk) {
                if (L.settled || !new_is_lex_smaller(side, parent, v, i)) return npos32;
                kill = true;
            } else if (spec_.capped) {
                if (L.hops <= hops && L.cost <= cost) return npos32;
                kill = L.hops >= hops && L.cost >= cost && !L.settled;
            } else {
                if (ok < nk) return npos32;
                kill = !L.settled;
                if (!kill) return npos32;  // cannot happen (settled keys are smallest); be safe
            }
            if (kill) {
                L.dead = true;
                *link = L.next;
            } else {
                link = &L.next;
            }
        }
        const auto li = static_cast<std::uint32_t>(cs_.labels.size());
        KITH_PATHS_COUNT(labels);
        // Written in place, field by field: a label built on the stack and copied with 16-byte
        // moves stalled on store forwarding (its fields are stored narrower than they are read).
        label<Cost>& n = cs_.labels.emplace_back();
        n.cost = cost;
        n.arc = arc;
        n.hops = hops;
        n.vertex = v;
        n.parent = parent;
        n.next = vi.head[side];
        st_.info[v].head[side] = li;
        st_.mark_label(side, v);
        if (split_ && hops >= 1 && (!has_lb1_[side] || nk < lb1_[side])) {
            has_lb1_[side] = true;
            lb1_[side] = nk;
        }
        if (split_ && hops >= limit_[side]) {
            queue = false;  // at the side's hop limit: meets, never expands
            if (side == 0 && (!has_mf_ || nk < mf_)) {
                has_mf_ = true;
                mf_ = nk;
            }
        }
        if (queue) push(side, li);
        meet(side, li, v, cost);
        return li;
    }

    /// Records meetings of the new label `li` with the other side's labels at its vertex.
    /// (v and cost: the new label's vertex and cost, passed rather than re-read from the label
    /// just written, whose copy stalled on store forwarding.)
    void meet(int side, std::uint32_t li, std::uint32_t v, Cost cost) {
        const std::uint8_t fl = st_.flags(v);
        for (std::uint32_t o = st_.info[v].head[1 - side]; o != npos32; o = cs_.labels[o].next) {
            const label<Cost>& O = cs_.labels[o];
            const std::uint32_t f = side == 0 ? li : o;
            const std::uint32_t b = side == 0 ? o : li;
            const std::uint32_t hf = cs_.labels[f].hops, hb = cs_.labels[b].hops;
            if (spec_.capped && static_cast<std::uint64_t>(hf) + hb > spec_.max_hops) continue;
            const bool inner = hf > 0 && hb > 0;
            if (inner && (fl & flag_block)) continue;
            const path_key<Cost> k{cost + O.cost + (inner ? extra_of(v) : Cost{}), hf + hb};
            if (!has_best_ || k < best_ || (k == best_ && best_f_ == npos32)) {
                has_best_ = true;
                best_ = k;
                best_f_ = f;
                best_b_ = b;
            } else if (k == best_) {
                sequence(f, b, cs_.buf_c, nullptr);
                auto& cur = cs_.buf_a;
                sequence(best_f_, best_b_, cur, nullptr);
                if (std::lexicographical_compare(cs_.buf_c.begin(), cs_.buf_c.end(), cur.begin(), cur.end())) {
                    best_f_ = f;
                    best_b_ = b;
                }
            }
        }
    }

    void expand(int side, std::uint32_t li, path_key<Cost> other_top) {
        // The fields needed, copied (offer may reallocate the pool) one by one: a copy of the
        // whole label stalled on store forwarding after `settled` was just written.
        const label<Cost>& src = cs_.labels[li];
        const struct { Cost cost; std::uint32_t hops, vertex; } L{src.cost, src.hops, src.vertex};
        const std::uint32_t u = L.vertex;
        if (L.hops > 0 && (st_.flags(u) & flag_block)) return;
        if (spec_.capped && L.hops >= limit_[side]) return;
        const Cost base = L.cost + (L.hops > 0 ? extra_of(u) : Cost{}) + spec_.hop;
        const std::uint32_t nh = L.hops + 1;
        const std::uint8_t need = side == 0 ? flag_end : flag_start;
        const std::uint8_t uflags = st_.flags(u);
        // Two passes: gather the arcs the cut keeps, starting the load of each target's info
        // (the search is memory-bound: one cache miss per touched person), then relax them. The
        // cut is re-checked in the second pass, as `best_` may improve meanwhile.
        const bool gap_cut = bidir_ && !split_;
        const path_key<Cost> gap{spec_.hop, 1};
        // Labels of the other side created from now on have keys >= `future` (they extend a
        // queued label, key >= its heap top, by at least one arc). A new label at a vertex with
        // no label of the other side can only meet such future labels, so it is useless when
        // best < its key + future (and always when the other side's queue is empty). Applies
        // to every label of the uncapped bidirectional search (its expansions are covered by the
        // stopping-gap argument in run()) and to labels at the side's hop limit in run_split
        // (they are never expanded); their cost is the cache miss on `info`, which the side bit
        // avoids. Strict comparison keeps exact ties.
        const bool limit_labels = split_ && nh >= limit_[side];
        bool other_live = true;
        path_key<Cost> future = other_top + gap;
        if (limit_labels) {
            const auto& oh = cs_.heap[1 - side];
            other_live = !oh.empty();
            if (other_live) future = path_key<Cost>{oh.front().c, oh.front().h} + gap;
        }
        const bool may_prune = gap_cut || limit_labels;
        auto& scan = cs_.scan;
        const auto* info = st_.info.data();
        std::size_t n_scan = 0;
        if constexpr (has_degree<Adj>::value && std::is_integral<Cost>::value && Adj::sorted) {
            // Integer costs: both cuts become one comparison of the arc's cost with a limit (the
            // largest cost that is not cut), and the keep/drop decision is computed without
            // branches (which target is pruned is unpredictable; a mispredicted branch per arc
            // cost more than the arc). Same decisions as the general gather below.
            using I = std::int64_t;
            constexpr I inf = std::numeric_limits<I>::max();
            auto limit = [&](const path_key<Cost>& add) -> I {  // largest ac with !(best < (base+ac, nh) + add)
                if (!has_best_) return inf;
                const I d = static_cast<I>(best_.c) - static_cast<I>(base) - static_cast<I>(add.c);
                return d - (best_.h < nh + add.h ? 1 : 0);
            };
            const I cut_max = limit(other_top);
            const I prune_max = !may_prune ? inf : !other_live ? I{-1} : limit(future);
            const unsigned settled_mask = spec_.capped ? 0u : (4u << side);
            const unsigned other_mask = 1u << (1 - side);
            const std::size_t deg = adj_.degree(u);
            if (scan.size() < deg) scan.resize(deg);
            auto* const out = scan.data();
            auto* w = out;  // a pointer, not a count: stores through `out` could alias a size_t
            adj_.for_each_arc(u, [&](std::uint32_t v, Cost ac) -> bool {
                KITH_PATHS_COUNT(scanned);
                if (static_cast<I>(ac) > cut_max) return false;
                const unsigned vb = st_.vertex_bits(v);
                const bool drop = ((vb & settled_mask) != 0) |
                                  (((vb & other_mask) == 0) & (static_cast<I>(ac) > prune_max));
                *w = {v, ac};
                KITH_PATHS_PREFETCH(info + (drop ? u : v));
                w += drop ? 0 : 1;
                return true;
            });
            n_scan = static_cast<std::size_t>(w - out);
#ifdef KITH_PATHS_PROFILE
            profile().gathered += n_scan;
#endif
        } else {
        scan.clear();
        adj_.for_each_arc(u, [&](std::uint32_t v, Cost ac) -> bool {
            KITH_PATHS_COUNT(scanned);
            if (has_best_ && best_ < path_key<Cost>{base + ac, nh} + other_top) return !Adj::sorted;
            const unsigned vb = st_.vertex_bits(v);
            // Uncapped: a vertex settled on this side keeps its label (later ones are dominated).
            if (!spec_.capped && (vb & (4u << side))) return true;
            if (may_prune && !(vb & (1u << (1 - side))) &&
                (!other_live || (has_best_ && best_ < path_key<Cost>{base + ac, nh} + future)))
                return true;
            KITH_PATHS_PREFETCH(info + v);
            KITH_PATHS_COUNT(gathered);
            scan.emplace_back(v, ac);
            return true;
        });
        n_scan = scan.size();
        }
        for (std::size_t si = 0; si < n_scan; ++si) {
            const std::uint32_t v = scan[si].first;
            const Cost ac = scan[si].second;
            const Cost nc = base + ac;
            if (has_best_ && best_ < path_key<Cost>{nc, nh} + other_top) {
                if (Adj::sorted) break;
                continue;
            }
            if (!spec_.banned_arcs.empty()) {
                const std::uint64_t key = side == 0 ? (std::uint64_t{u} << 32 | v) : (std::uint64_t{v} << 32 | u);
                if (std::binary_search(spec_.banned_arcs.begin(), spec_.banned_arcs.end(), key)) continue;
            }
            const auto& vi = st_.info[v];
            const bool seen = vi.stamp == st_.gen;
            // No label of the other side at v: any path through v reaches a label of the other
            // side (key >= other_top) after at least one more arc (>= gap), see run().
            if (gap_cut && has_best_ && !(seen && vi.head[1 - side] != npos32) &&
                best_ < path_key<Cost>{nc, nh} + other_top + gap)
                continue;
            if (seen) {
                const std::uint8_t fv = vi.flags;
                if ((fv & flag_block) && !(fv & need)) continue;
                if (fv & flag_removed) continue;
                // Diversity: v may not be the first introducer (forward: u is the start).
                if (side == 0 && L.hops == 0 && (fv & flag_no_first)) continue;
                // Backward: v would be the start and u the first introducer.
                if (side == 1 && (fv & flag_start) && (uflags & flag_no_first)) continue;
                // Cheap dominance test before `offer` (uncapped: one label per vertex and side).
                if (!spec_.capped && vi.head[side] != npos32) {
                    const label<Cost>& O = cs_.labels[vi.head[side]];
                    if (path_key<Cost>{O.cost, O.hops} < path_key<Cost>{nc, nh}) continue;
                }
            }
            KITH_PATHS_COUNT(offered);
            offer(side, v, nc, nh, li, ac, true);
        }
    }

    /// The side the uncapped bidirectional search expands (both heaps non-empty).
    int uncapped_side() const {
        const auto& h0 = cs_.heap[0];
        const auto& h1 = cs_.heap[1];
        if constexpr (has_degree<Adj>::value) {
            const double w0 = static_cast<double>(h0.size()) *
                              (static_cast<double>(adj_.degree(cs_.labels[h0.front().label].vertex)) + 1.0);
            const double w1 = static_cast<double>(h1.size()) *
                              (static_cast<double>(adj_.degree(cs_.labels[h1.front().label].vertex)) + 1.0);
            return w1 < w0 ? 1 : 0;
        } else {
            return h1.size() < h0.size() ? 1 : 0;
        }
    }

    /// The side run_split expands when both may go on (both heaps non-empty).
    int split_side() const {
        const auto& h0 = cs_.heap[0];
        const auto& h1 = cs_.heap[1];
        if constexpr (has_degree<Adj>::value) {
            // sqrt(queued labels) x (arc-list length of the next person + 1): at 1M social ties,
            // hops <= 4, 640 -> 617 labels per query against the degree alone (p90 -7%).
            const double w0 = std::sqrt(static_cast<double>(h0.size())) *
                              (static_cast<double>(adj_.degree(cs_.labels[h0.front().label].vertex)) + 1.0);
            const double w1 = std::sqrt(static_cast<double>(h1.size())) *
                              (static_cast<double>(adj_.degree(cs_.labels[h1.front().label].vertex)) + 1.0);
            return w1 < w0 ? 1 : 0;
        } else {
            return h1.size() < h0.size() ? 1 : 0;
        }
    }

    /// Hints the adjacency to load the arc list of the next label `side` would settle.
    void prefetch_top(int side) const {
        if constexpr (has_prefetch<Adj>::value) {
            const auto& h = cs_.heap[side];
            if (!h.empty()) adj_.prefetch(cs_.labels[h.front().label].vertex);
        } else {
            (void)side;
        }
    }

    search_store<Generation>& st_;
    cost_store<Cost>& cs_;
    const Adj& adj_;
    const search_spec<Cost>& spec_;
    bool bidir_;
    bool split_;                ///< hop-capped bidirectional: meet in the middle (run_split)
    std::uint32_t limit_[2];    ///< hop limit of each side's labels
    bool has_lb1_[2] = {false, false};  ///< run_split: a label with >= 1 hop exists on that side
    path_key<Cost> lb1_[2] = {};        ///< smallest key of such labels (dead ones included)
    bool has_mf_ = false;       ///< a forward label at the forward hop limit exists
    path_key<Cost> mf_{};       ///< smallest key of such labels
    bool has_best_ = false;
    path_key<Cost> best_{};
    std::uint32_t best_f_ = npos32, best_b_ = npos32;
};

/// The best path for `spec`. One-way capped searches (generic tier) try the uncapped search first:
/// the best path overall is the best among a superset, so when it has at most max_hops hops it is
/// also the best capped path (same order, same tie-break), and the one-way Pareto search is
/// costly. Bidirectional capped searches meet in the middle (hop-limited sides, see run_split),
/// which is cheaper than the uncapped search on social graphs, so they run directly.
template <class Cost, class Generation, class Adj>
std::optional<found_path<Cost>> best_path(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                          search_spec<Cost>& spec, bool bidirectional) {
    if (spec.capped && !bidirectional) {
        spec.capped = false;
        std::optional<found_path<Cost>> free_best;
        {
            label_search<Cost, Generation, Adj> search(st, adj, spec, bidirectional);
            free_best = search.run(n);
        }
        spec.capped = true;
        if (!free_best || free_best->hops() <= spec.max_hops) return free_best;
    }
    label_search<Cost, Generation, Adj> search(st, adj, spec, bidirectional);
    return search.run(n);
}

} // namespace kith::detail
