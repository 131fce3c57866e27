// kith/paths/detail/k_first_search.hpp -- one search for the k best paths with distinct first
// introducers (internal: kith::detail, may change without notice).
//
// Design decisions: with one source s and one target t (s != t), uncapped, on a symmetric
// adjacency, the answer of `distinct_first_introducer` is the k best of { the best path whose
// second person is y : y a neighbour of s } (a 1-hop path s-t counts as y = t): the greedy rule
// keeps, per first introducer, only its best path. So instead of k searches (each banning the
// introducers kept so far) this runs ONE bidirectional label-setting search:
// - forward labels carry their origin y = the path's second person; a vertex keeps the best label
//   per origin, and at most k labels of distinct origins (the k best in (cost, hops, origin):
//   for equal keys, the path through the smaller origin is lexicographically smaller). Dropping
//   a label of origin y at v is exact: the k better origins reach v more cheaply, so each has a
//   path (their prefix + y's suffix from v, shortcut if not simple: same origin, strictly better)
//   strictly better than any path of y through v, and y is not among the k best there.
// - backward labels are the plain one-label-per-vertex labels from t (they do not depend on the
//   origin); the backward side never labels s (a path meets s only at its start).
// - meetings are recorded per origin (the best, ties by sequence); T = the k-th best recorded
//   origin key. Cut: a relaxation whose key plus the other side's top exceeds T (strictly)
//   cannot give one of the k best origins' paths (k recorded origins are strictly better; a
//   recorded meeting is never better than its origin's best path: a non-simple meeting is
//   worse than its shortcut, of the same origin). Stop: T < top_f + top_b + (hop cost, 1 hop),
//   the rule of the single-path engine with T for the best meeting (same proof, per origin), or
//   a side runs empty.
// The source is expanded first, so every neighbour y holds its origin label before the backward
// side reaches it. Same order and tie-break as the engine of path_search.hpp (cost, hops, the
// lexicographically smallest sequence), checked against the brute-force oracle in
// tests/paths/k_warm_paths.test.cpp.
#pragma once

#include <kith/paths/detail/path_search.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kith::detail {

/// A label of `k_first_search`: like `label` plus the origin (forward side: the path's second person).
template <class Cost>
struct origin_label {
    Cost cost{};
    Cost arc{};
    std::uint32_t hops = 0;
    std::uint32_t vertex = 0;
    std::uint32_t parent = npos32;
    std::uint32_t next = npos32;    ///< next forward label at the same vertex
    std::uint32_t origin = npos32;  ///< forward: the second person of the path (npos32 at the source)
    bool settled = false;
    bool dead = false;
};

/// Per-thread storage of `k_first_search` (generation-stamped vertex records, label pools).
template <class Cost>
struct k_first_store {
    struct vertex_rec {
        std::uint32_t stamp = 0;
        std::uint32_t fhead = npos32;  ///< forward labels (<= k, distinct origins)
        std::uint32_t blabel = npos32; ///< the backward label
        std::uint8_t flags = 0;
    };
    std::vector<vertex_rec> info;      ///< 16 bytes a vertex: one cache line per person touched
    std::vector<std::pair<std::uint32_t, std::uint32_t>> meet;  ///< origins only: (stamp, best meeting)
    std::vector<std::pair<std::uint32_t, Cost>> scan;  ///< arcs of the list being expanded
    std::uint32_t gen = 0;
    std::vector<origin_label<Cost>> labels;
    std::vector<heap_entry<Cost>> heap[2];
    std::vector<std::pair<std::uint32_t, Cost>> extras;
    std::vector<std::uint32_t> buf_a, buf_b;

    static k_first_store& local() {
        thread_local k_first_store s;
        return s;
    }
    void begin(std::size_t n) {
        if (info.size() < n) info.resize(n);
        if (meet.size() < n) meet.resize(n, {0, npos32});
        if (++gen == 0) {
            for (auto& r : info) r.stamp = 0;
            for (auto& m : meet) m.first = 0;
            gen = 1;
        }
        labels.clear();
        heap[0].clear();
        heap[1].clear();
        extras.clear();
    }
    vertex_rec& touch(std::uint32_t v) {
        vertex_rec& r = info[v];
        if (r.stamp != gen) {
            r = vertex_rec{};
            r.stamp = gen;
        }
        return r;
    }
    std::uint8_t flags(std::uint32_t v) const { return info[v].stamp == gen ? info[v].flags : std::uint8_t(0); }
};

/// The k best paths with pairwise distinct first introducers from spec.starts[0] to
/// spec.ends[0] (see the header comment; preconditions: one start, one end, distinct, uncapped,
/// no removed people, banned arcs or no_first; symmetric arcs). Best first.
template <class Cost, class Adj>
class k_first_search {
public:
    k_first_search(const Adj& adj, const search_spec<Cost>& spec, std::size_t k)
        : st_(k_first_store<Cost>::local()), adj_(adj), spec_(spec), k_(k), s_(spec.starts.front()),
          t_(spec.ends.front()) {}

    std::vector<found_path<Cost>> run(std::size_t n) {
        std::vector<found_path<Cost>> out;
        if (k_ == 0) return out;
        st_.begin(n);
        meets_.clear();
        top_.clear();
        for (std::uint32_t v : spec_.blocked) st_.touch(v).flags |= flag_block;
        if (!spec_.extras.empty()) {  // later entries for a vertex win, as in the engine
            sorted_extras(spec_.extras, st_.extras);
            for (const auto& e : st_.extras) st_.touch(e.first).flags |= flag_extra;
        }
        st_.touch(s_).flags |= flag_start | flag_block;
        st_.touch(t_).flags |= flag_end | flag_block;
        // The target's backward label, then the source (expanded at once: origins).
        offer_b(t_, Cost{}, 0, npos32, Cost{}, std::nullopt);
        origin_label<Cost> src;
        src.vertex = s_;
        src.settled = true;
        const auto si = static_cast<std::uint32_t>(st_.labels.size());
        st_.labels.push_back(src);
        st_.touch(s_).fhead = si;
        KITH_PATHS_COUNT(settled);
        expand(0, si, path_key<Cost>{});

        auto& h0 = st_.heap[0];
        auto& h1 = st_.heap[1];
        const path_key<Cost> gap{spec_.hop, 1};
        for (;;) {
            clean(0);
            clean(1);
            if (h0.empty() || h1.empty()) break;
            const path_key<Cost> tf{h0.front().c, h0.front().h}, tb{h1.front().c, h1.front().h};
            if (full() && threshold() < tf + tb + gap) break;
            const int side = pick_side();
            auto& h = st_.heap[side];
            const std::uint32_t li = h.front().label;
            heap4_pop(h);
            st_.labels[li].settled = true;
            KITH_PATHS_COUNT(settled);
            if constexpr (has_prefetch<Adj>::value) {  // the next arc list of this side
                clean(side);
                if (!h.empty()) adj_.prefetch(st_.labels[h.front().label].vertex);
            }
            expand(side, li, side == 0 ? tb : tf);
        }
        out.reserve(top_.size());
        for (std::uint32_t m : top_) {
            found_path<Cost> p;
            p.cost = meets_[m].key.c;
            sequence(meets_[m].f, meets_[m].b, p.verts, &p.arcs);
            out.push_back(std::move(p));
        }
        return out;
    }

private:
    struct meeting {
        path_key<Cost> key;
        std::uint32_t origin = npos32, f = npos32, b = npos32;
    };

    bool full() const { return top_.size() >= k_; }
    path_key<Cost> threshold() const { return meets_[top_.back()].key; }
    bool cut(path_key<Cost> k) const { return full() && threshold() < k; }
    /// Forward cut of a label of origin o: no path of key > T can be one of the k best, and no
    /// path of key > M_o (o's best recorded meeting) can be o's best.
    bool cut_f(std::uint32_t o, path_key<Cost> k) const {
        if (cut(k)) return true;
        const auto& m = st_.meet[o];
        return m.first == st_.gen && meets_[m.second].key < k;
    }

    Cost extra_of(std::uint32_t v) const {
        return (st_.flags(v) & flag_extra) ? extra_in(st_.extras, v) : Cost{};
    }

    void clean(int side) {
        auto& h = st_.heap[side];
        while (!h.empty()) {
            const origin_label<Cost>& L = st_.labels[h.front().label];
            if (!L.dead && !L.settled) return;
            heap4_pop(h);
        }
    }

    void push(int side, std::uint32_t li) {
        const origin_label<Cost>& L = st_.labels[li];
        heap4_push(st_.heap[side], heap_entry<Cost>{L.cost, L.hops, li});
        // Settling L reads its offsets entry (arc-list bounds, degree): start the load now.
        if constexpr (has_offset_hint<Adj>::value) KITH_PATHS_PREFETCH(adj_.s->offset_address(L.vertex));
    }

    /// The side to expand (both heaps non-empty), as the engine's uncapped search: the smaller
    /// (queued labels x arc-list length of the next person), else the smaller queue. Any order
    /// keeps the stopping rule exact.
    int pick_side() const {
        const auto& h0 = st_.heap[0];
        const auto& h1 = st_.heap[1];
        if constexpr (has_degree<Adj>::value) {
            const double w0 = static_cast<double>(h0.size()) *
                              (static_cast<double>(adj_.degree(st_.labels[h0.front().label].vertex)) + 1.0);
            const double w1 = static_cast<double>(h1.size()) *
                              (static_cast<double>(adj_.degree(st_.labels[h1.front().label].vertex)) + 1.0);
            return w1 < w0 ? 1 : 0;
        } else {
            return h1.size() < h0.size() ? 1 : 0;
        }
    }

    /// Whether parent label p extended by v on `side` reads lexicographically before label old.
    bool new_is_lex_smaller(int side, std::uint32_t p, std::uint32_t v, std::uint32_t old) {
        KITH_PATHS_COUNT(lex);
        return extension_is_lex_smaller(st_.labels, side, p, v, old, st_.buf_a, st_.buf_b);
    }

    void sequence(std::uint32_t f, std::uint32_t b, std::vector<std::uint32_t>& verts, std::vector<Cost>* arcs) const {
        meeting_sequence(st_.labels, f, b, verts, arcs);
    }

    /// (key, origin) order of forward labels of distinct origins at one vertex.
    bool better(const origin_label<Cost>& a, const origin_label<Cost>& b) const {
        const path_key<Cost> ka{a.cost, a.hops}, kb{b.cost, b.hops};
        if (ka < kb) return true;
        if (kb < ka) return false;
        return a.origin < b.origin;
    }

    /// Records the meeting of forward label f and backward label b (same vertex).
    void record(std::uint32_t f, std::uint32_t b) {
        const origin_label<Cost>& F = st_.labels[f];
        const origin_label<Cost>& B = st_.labels[b];
        const std::uint32_t v = F.vertex;
        const bool inner = B.hops > 0;  // F.hops >= 1: the backward side never labels s
        if (inner && (st_.flags(v) & flag_block)) return;
        const path_key<Cost> key{F.cost + B.cost + (inner ? extra_of(v) : Cost{}), F.hops + B.hops};
        auto& orec = st_.meet[F.origin];
        if (orec.first != st_.gen) {
            orec = {st_.gen, static_cast<std::uint32_t>(meets_.size())};
            meets_.push_back(meeting{key, F.origin, f, b});
        } else {
            meeting& m = meets_[orec.second];
            if (m.key < key) return;
            if (m.key == key) {
                sequence(f, b, seq_new_, nullptr);
                sequence(m.f, m.b, seq_old_, nullptr);
                if (std::lexicographical_compare(seq_new_.begin(), seq_new_.end(), seq_old_.begin(), seq_old_.end())) {
                    m.f = f;
                    m.b = b;
                }
                return;  // same key: the rank among origins is unchanged
            }
            m.key = key;
            m.f = f;
            m.b = b;
        }
        // Re-rank the origin in top_ (sorted by (key, origin), at most k).
        const std::uint32_t mi = st_.meet[F.origin].second;
        auto pos = std::find(top_.begin(), top_.end(), mi);
        if (pos != top_.end()) top_.erase(pos);
        auto less = [&](std::uint32_t a, std::uint32_t c) {
            if (meets_[a].key < meets_[c].key) return true;
            if (meets_[c].key < meets_[a].key) return false;
            return meets_[a].origin < meets_[c].origin;
        };
        top_.insert(std::upper_bound(top_.begin(), top_.end(), mi, less), mi);
        if (top_.size() > k_) top_.pop_back();
    }

    /// Appends a label and returns its index.
    std::uint32_t new_label(std::uint32_t v, Cost cost, std::uint32_t hops, std::uint32_t parent, Cost arc,
                            std::uint32_t origin, std::uint32_t next) {
        const auto li = static_cast<std::uint32_t>(st_.labels.size());
        KITH_PATHS_COUNT(labels);
        // Written in place (a copy of a label built on the stack stalls on store forwarding).
        origin_label<Cost>& n = st_.labels.emplace_back();
        n.cost = cost;
        n.arc = arc;
        n.hops = hops;
        n.vertex = v;
        n.parent = parent;
        n.origin = origin;
        n.next = next;
        return li;
    }

    void offer_f(std::uint32_t v, Cost cost, std::uint32_t hops, std::uint32_t parent, Cost arc, std::uint32_t origin,
                 path_key<Cost> future) {
        auto& vr = st_.touch(v);
        const path_key<Cost> nk{cost, hops};
        // No backward label here: it can only meet backward labels created later, keys >= future.
        if (vr.blabel == npos32 && cut_f(origin, nk + future)) return;
        std::uint32_t* link = &vr.fhead;
        std::size_t others_better = 0, count = 0;
        while (*link != npos32) {
            const std::uint32_t i = *link;
            origin_label<Cost>& L = st_.labels[i];
            const path_key<Cost> ok{L.cost, L.hops};
            if (L.origin == origin) {
                if (ok < nk) return;
                if (ok == nk && (L.settled || !new_is_lex_smaller(0, parent, v, i))) return;
                if (L.settled) return;  // cannot happen (settled keys are smallest); be safe
                L.dead = true;
                *link = L.next;
                continue;
            }
            if (ok < nk || (ok == nk && L.origin < origin)) {
                if (++others_better >= k_) return;
            }
            ++count;
            link = &L.next;
        }
        const std::uint32_t li = new_label(v, cost, hops, parent, arc, origin, st_.info[v].fhead);
        st_.info[v].fhead = li;
        if (count + 1 > k_) {  // k + 1 labels: drop the worst (never settled: new keys exceed settled ones)
            std::uint32_t* worst = nullptr;
            for (std::uint32_t* l = &st_.info[v].fhead; *l != npos32; l = &st_.labels[*l].next) {
                const origin_label<Cost>& c = st_.labels[*l];
                if (!c.settled && (!worst || better(st_.labels[*worst], c))) worst = l;
            }
            if (worst) {
                const std::uint32_t w = *worst;
                st_.labels[w].dead = true;
                *worst = st_.labels[w].next;
            }
        }
        if (st_.labels[li].dead) return;
        push(0, li);
        const std::uint32_t b = st_.info[v].blabel;
        if (b != npos32) record(li, b);
    }

    void offer_b(std::uint32_t v, Cost cost, std::uint32_t hops, std::uint32_t parent, Cost arc,
                 std::optional<path_key<Cost>> future) {
        auto& vr = st_.touch(v);
        const path_key<Cost> nk{cost, hops};
        if (future && vr.fhead == npos32 && cut(nk + *future)) return;  // as in offer_f
        if (vr.blabel != npos32) {
            origin_label<Cost>& L = st_.labels[vr.blabel];
            const path_key<Cost> ok{L.cost, L.hops};
            if (ok < nk) return;
            if (ok == nk && (L.settled || !new_is_lex_smaller(1, parent, v, vr.blabel))) return;
            if (L.settled) return;
            L.dead = true;
            st_.info[v].blabel = npos32;
        }
        const std::uint32_t li = new_label(v, cost, hops, parent, arc, npos32, npos32);
        st_.info[v].blabel = li;
        push(1, li);
        for (std::uint32_t f = st_.info[v].fhead; f != npos32; f = st_.labels[f].next) record(f, li);
    }

    /// Collects the arcs of u that survive the cut `key(u) + arc + other_top <= T`, starting the
    /// load of each target's record (the search is memory-bound: one miss per person touched).
    void gather(std::uint32_t u, Cost base, std::uint32_t nh, path_key<Cost> other_top, std::uint32_t origin) {
        auto& scan = st_.scan;
        scan.clear();
        const auto* info = st_.info.data();
        adj_.for_each_arc(u, [&](std::uint32_t v, Cost ac) -> bool {
            KITH_PATHS_COUNT(scanned);
            const path_key<Cost> k = path_key<Cost>{base + ac, nh} + other_top;
            if (origin == npos32 ? cut(k) : cut_f(origin, k)) return !Adj::sorted;
            KITH_PATHS_PREFETCH(info + v);
            scan.emplace_back(v, ac);
            return true;
        });
    }

    // Relaxations re-check the cut (T may fall meanwhile). A new label at a vertex without a
    // label of the other side can only meet that side's later labels, whose keys are at least
    // its top plus one arc (>= gap): it is dropped when that exceeds T (the engine's rule (3)).
    void expand(int side, std::uint32_t li, path_key<Cost> other_top) {
        // The fields needed, one by one (the pool may reallocate; a copy of the whole label
        // stalls on store forwarding after `settled` was just written).
        const origin_label<Cost>& src = st_.labels[li];
        const struct { Cost cost; std::uint32_t hops, vertex, origin; } L{src.cost, src.hops, src.vertex, src.origin};
        const std::uint32_t u = L.vertex;
        if (L.hops > 0 && (st_.flags(u) & flag_block)) return;
        const Cost base = L.cost + (L.hops > 0 ? extra_of(u) : Cost{}) + spec_.hop;
        const std::uint32_t nh = L.hops + 1;
        const path_key<Cost> future = other_top + path_key<Cost>{spec_.hop, 1};
        // Forward labels past the source are also cut by their origin's best meeting.
        const std::uint32_t cut_origin = side == 0 && L.hops > 0 ? L.origin : npos32;
        gather(u, base, nh, other_top, cut_origin);
        for (const auto& [v, ac] : st_.scan) {
            const Cost nc = base + ac;
            const path_key<Cost> k = path_key<Cost>{nc, nh} + other_top;
            if (cut_origin == npos32 ? cut(k) : cut_f(cut_origin, k)) {
                if (Adj::sorted) break;
                continue;
            }
            const std::uint8_t fv = st_.flags(v);
            if (side == 0) {
                if ((fv & flag_block) && !(fv & flag_end)) continue;  // the source, avoided people
                offer_f(v, nc, nh, li, ac, L.hops == 0 ? v : L.origin, future);
            } else {
                if (fv & flag_block) continue;  // the source (never labelled), the target, avoided
                const auto& vr = st_.info[v];
                if (vr.stamp == st_.gen && vr.blabel != npos32 && st_.labels[vr.blabel].settled) continue;
                offer_b(v, nc, nh, li, ac, future);
            }
        }
    }

    k_first_store<Cost>& st_;
    const Adj& adj_;
    const search_spec<Cost>& spec_;
    std::size_t k_;
    std::uint32_t s_, t_;
    std::vector<meeting> meets_;
    std::vector<std::uint32_t> top_;  ///< meeting indices, best first, at most k
    std::vector<std::uint32_t> seq_new_, seq_old_;
};

} // namespace kith::detail
