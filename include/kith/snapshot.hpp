// kith/snapshot.hpp -- the frozen, immutable read side of a network.
//
// Design decisions: `network` is for writing; every query runs on a snapshot
// taken at a time `now`. The snapshot evaluates each tie's warmth once and
// stores the graph as CSR with 32-bit vertex ids (live people, in person-id
// order, so ordering by vertex is ordering by person id). Each person's
// adjacency is sorted by cost = -ln(warmth) (then by neighbour), so searches
// can stop scanning a list as soon as nothing later in it can help.
// Costs are quantised to 16 bits in units of 1/2048 nat: the relative error of
// a stored warmth is below 0.025%, path costs become exact integer sums (so
// answers are exact and deterministic with respect to the stored warmths).
// Warmths below e^-32 (1.3e-14) are stored as e^-32.
// Layout: each arc is one fixed-width bit field of w = b + 16 bits (cost in the
// low 16 bits, neighbour above), b = bits of the largest vertex id (at least 1),
// packed back to back in 64-bit words with 8 bytes of padding, so any arc is
// read with one unaligned 8-byte load (byte a*w/8, shift a*w mod 8, mask). A tie
// is two arcs: 2w bits, e.g. 8.3 bytes for 100k people (w = 33), 9 bytes for 1M
// (w = 36), 10 bytes for 16M (w = 40), at most 12 bytes (w = 48, 2^32 people).
// Offsets take 4 bytes per person (32-bit words plus wrap points past 2^32
// arcs); manual warmths and private ties add 1 bit per arc each, and nothing
// when no tie (or, for manual warmths, every tie) has them. Measured totals
// (packed arcs + offsets + flag bits): 7.6-7.9 bytes per tie at 10^5 ties,
// 8.3-8.7 at 10^6, 9.0-9.4 at 10^7 (generated social and R-MAT graphs; 9.2 for
// a 10M-tie edge list), was 12.3 + 8 (docs/data-model.md).
// Visibility is kept: a private tie's two arcs carry their owner and are used
// only by queries asked by that owner. The snapshot also freezes what
// explanations need (people, organisations, groups, events, tie evidence), so a
// reader never touches the network. It models the Boost.Graph IncidenceGraph
// and VertexListGraph concepts (each tie appears as two arcs; directed_tag),
// with a vertex index, so BGL algorithms run on it directly.
// Thread safety: immutable after construction; share it as
// `std::shared_ptr<const snapshot>` (see `freeze`) across any number of threads.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/huge_pages.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/strength.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/network.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

namespace detail {
/// Splits 64-bit CSR offsets into 32-bit low words plus the list of vertices at which the
/// high word grows (`wraps[k]` = first vertex whose offset is >= (k+1) * 2^32). Keeps the
/// offsets at 4 bytes per person while staying exact past 2^32 arcs. O(n + wraps).
/// `Lo`: a vector of std::uint32_t (any allocator).
template <class Lo>
void split_offsets(const std::vector<std::uint64_t>& start, Lo& lo, std::vector<std::uint32_t>& wraps) {
    lo.assign(start.size(), 0);
    wraps.clear();
    for (std::size_t v = 0; v < start.size(); ++v) {
        lo[v] = static_cast<std::uint32_t>(start[v] & 0xFFFFFFFFu);
        if (v > 0)
            for (std::uint64_t h = (start[v - 1] >> 32) + 1; h <= (start[v] >> 32); ++h)
                wraps.push_back(static_cast<std::uint32_t>(v));
    }
}
/// The 64-bit offset of vertex v from `split_offsets`' output. O(1) below 2^32 arcs, else O(log wraps).
template <class Lo>
std::uint64_t offset_at(const Lo& lo, const std::vector<std::uint32_t>& wraps, std::uint32_t v) noexcept {
    if (wraps.empty()) return lo[v];
    const auto hi = static_cast<std::uint64_t>(std::upper_bound(wraps.begin(), wraps.end(), v) - wraps.begin());
    return (hi << 32) | lo[v];
}
/// The 8 bytes at `p` (any alignment) as a little-endian 64-bit word. O(1).
inline std::uint64_t load_le64(const unsigned char* p) noexcept {
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}
/// Stores `x` little-endian into the 8 bytes at `p` (any alignment). O(1).
inline void store_le64(unsigned char* p, std::uint64_t x) noexcept {
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    std::memcpy(p, &x, sizeof x);
}
/// Number of bits needed to write `x` (0 for 0). O(bits).
inline unsigned bit_width(std::uint64_t x) noexcept {
    unsigned b = 0;
    for (; x != 0; x >>= 1) ++b;
    return b;
}
} // namespace detail

/// How `freeze` turns a network into a snapshot.
struct freeze_options {
    /// The strength model for ties without a manual warmth (default: kith's `strength_model`).
    strength_function model = strength_model{};
    /// The policy used for tie evidence (cooling factor). Keep it equal to the model's.
    strength_policy policy{};
    /// Keep per-tie evidence (counts, last interaction, cooling) for explanations.
    /// Ties without interactions carry no stored evidence either way.
    bool keep_evidence = true;
};

/// An arc of a snapshot: the tie seen from `source`. `index` is the arc's position
/// in the CSR arrays. This is the Boost.Graph edge descriptor of `snapshot`.
struct snapshot_arc {
    std::uint32_t source = 0;
    std::uint64_t index = 0;
    friend bool operator==(const snapshot_arc& x, const snapshot_arc& y) { return x.index == y.index && x.source == y.source; }
    friend bool operator!=(const snapshot_arc& x, const snapshot_arc& y) { return !(x == y); }
};

/// The two fields of an arc, read together with one load by `snapshot::arc_entry`.
struct snapshot_arc_entry {
    std::uint32_t target = 0;  ///< the other end of the arc
    std::uint16_t cost = 0;    ///< the quantised cost in 1/snapshot::cost_scale nat
    friend bool operator==(const snapshot_arc_entry& x, const snapshot_arc_entry& y) {
        return x.target == y.target && x.cost == y.cost;
    }
    friend bool operator!=(const snapshot_arc_entry& x, const snapshot_arc_entry& y) { return !(x == y); }
};

/// Iterates the out-arcs of one vertex (Boost.Graph out_edge_iterator of `snapshot`).
class snapshot_arc_iterator
    : public boost::iterator_facade<snapshot_arc_iterator, snapshot_arc, std::random_access_iterator_tag,
                                    snapshot_arc, std::ptrdiff_t> {
public:
    snapshot_arc_iterator() = default;
    snapshot_arc_iterator(std::uint32_t source, std::uint64_t index) : source_(source), index_(index) {}

private:
    friend class boost::iterator_core_access;
    snapshot_arc dereference() const { return snapshot_arc{source_, index_}; }
    bool equal(const snapshot_arc_iterator& o) const { return index_ == o.index_; }
    void increment() { ++index_; }
    void decrement() { --index_; }
    void advance(std::ptrdiff_t n) { index_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(index_) + n); }
    std::ptrdiff_t distance_to(const snapshot_arc_iterator& o) const {
        return static_cast<std::ptrdiff_t>(o.index_) - static_cast<std::ptrdiff_t>(index_);
    }
    std::uint32_t source_ = 0;
    std::uint64_t index_ = 0;
};

/// Memory taken by a snapshot's parts, in bytes (the allocated capacity of the arrays).
struct snapshot_memory {
    std::size_t adjacency = 0;   ///< packed arcs (neighbour + cost) + offsets (the search structure)
    std::size_t visibility = 0;  ///< private-arc bitset and owners, manual-warmth bitset
    std::size_t id_maps = 0;     ///< person id <-> vertex maps and the key index
    std::size_t evidence = 0;    ///< frozen tie evidence
    std::size_t attributes = 0;  ///< people, organisations, groups, events (approximate)
    std::size_t total() const noexcept { return adjacency + visibility + id_maps + evidence + attributes; }
};

/// An immutable, thread-shareable view of a network at one time. See the header comment.
class snapshot {
public:
    using vertex_type = std::uint32_t;
    using cost_type = std::uint16_t;
    using arc_index = std::uint64_t;

    /// Cost units per nat: cost = round(-ln(warmth) * cost_scale).
    static constexpr double cost_scale = 2048.0;
    /// The largest stored cost (warmth e^-32).
    static constexpr cost_type max_cost = std::numeric_limits<cost_type>::max();
    /// "No vertex".
    static constexpr vertex_type null_vertex = std::numeric_limits<vertex_type>::max();

    /// The quantised cost of a warmth. Precondition: 0 < w <= 1. Complexity: O(1).
    static cost_type warmth_to_cost(double w) noexcept {
        // std::round(x) (halves away from zero) without the library call: x - trunc(x) is exact here.
        const double x = -std::log(w) * cost_scale;
        if (!(x >= 0.0)) return 0;  // w == 1 gives -0.0; NaN is rejected earlier
        if (x >= static_cast<double>(max_cost) - 0.5) return max_cost;
        const auto t = static_cast<std::uint32_t>(x);
        return static_cast<cost_type>(t + (x - static_cast<double>(t) >= 0.5 ? 1u : 0u));
    }
    /// The warmth of a cost (in cost units, may be a sum). Complexity: O(1).
    static double cost_to_warmth(double cost_units) noexcept { return std::exp(-cost_units / cost_scale); }

    /// An empty snapshot (no people).
    snapshot() : offset_lo_(1, 0) {}

    /// Freezes `net` at `now`: evaluates every tie (manual warmth, else `opt.model`),
    /// drops ties the model gives 0 (no interaction yet at `now`), builds the sorted CSR.
    /// Complexity: O(P + I + T log d) for P people, I interactions, T ties, d max degree
    /// (counting sorts; one comparison sort per adjacency list).
    /// Throws: `invalid_tie` when the model returns a value outside [0,1] or NaN.
    snapshot(const network& net, timestamp now, const freeze_options& opt = {}) : now_(now) { build(net, opt); }

    /// The time the snapshot was taken at.
    timestamp taken_at() const noexcept { return now_; }

    // ----------------------------------------------------------- people, ids

    /// Number of people (vertices). O(1).
    std::size_t num_people() const noexcept { return id_of_.size(); }
    /// Number of ties (each is stored as two arcs). O(1).
    std::size_t num_ties() const noexcept { return static_cast<std::size_t>(num_arcs_ / 2); }
    /// Number of arcs (2 x ties). O(1).
    std::size_t num_arcs() const noexcept { return static_cast<std::size_t>(num_arcs_); }

    /// The person id of a vertex. Precondition: v < num_people(). O(1).
    person_id id_of(vertex_type v) const noexcept { return id_of_[v]; }
    /// The vertex of a person, or nullopt when the person was not live at freeze time. O(1).
    std::optional<vertex_type> find_vertex(person_id p) const noexcept {
        if (p.value() >= vertex_of_.size() || vertex_of_[p.value()] == null_vertex) return std::nullopt;
        return vertex_of_[p.value()];
    }
    /// The vertex of a person. Throws: `unknown_person`. O(1).
    vertex_type vertex_of(person_id p) const {
        auto v = find_vertex(p);
        if (!v) throw unknown_person("snapshot::vertex_of: unknown person id " + std::to_string(p.value()));
        return *v;
    }
    /// The vertex of the person with external key `key`, or nullopt. O(|key|) expected.
    std::optional<vertex_type> find(std::string_view key) const noexcept {
        if (key_slots_.empty()) return std::nullopt;
        const std::uint64_t h = key_hash(key), mask = key_slots_.size() - 1;
        for (std::uint64_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = key_slots_[i];
            if (slot == 0) return std::nullopt;
            const auto v = static_cast<vertex_type>((slot & 0xFFFFFFFFu) - 1);
            if ((slot >> 32) == (h >> 32) && people_[v].key == key) return v;
        }
    }
    /// The vertex of the person with external key `key`. Throws: `unknown_person`.
    vertex_type vertex_of(std::string_view key) const {
        auto v = find(key);
        if (!v) throw unknown_person("snapshot::vertex_of: no person has key '" + std::string(key) + "'");
        return *v;
    }
    /// What the CRM knows about a vertex's person. Precondition: v < num_people(). O(1).
    const person& person_at(vertex_type v) const noexcept { return people_[v]; }
    /// Throws `unknown_person` unless v < num_people().
    void check_vertex(const char* fn, vertex_type v) const {
        if (v >= num_people())
            throw unknown_person(std::string(fn) + ": vertex " + std::to_string(v) + " is not in the snapshot (" +
                                 std::to_string(num_people()) + " people)");
    }

    // -------------------------------------------------------------- adjacency

    /// First arc of `v`. O(1) (O(log w) past 2^32 arcs, w = number of 2^32 wraps).
    arc_index arc_begin(vertex_type v) const noexcept { return offset(v); }
    /// One past the last arc of `v`.
    arc_index arc_end(vertex_type v) const noexcept { return offset(v + 1); }
    /// Number of ties of `v` (visible or not).
    std::size_t degree(vertex_type v) const noexcept { return static_cast<std::size_t>(arc_end(v) - arc_begin(v)); }
    /// The other end and the quantised cost of arc `a`, from one 8-byte load: the form for
    /// hot loops that need both (`auto [t, c] = s.arc_entry(a);`).
    /// Precondition: a < num_arcs(). Complexity: O(1).
    snapshot_arc_entry arc_entry(arc_index a) const noexcept { return entry_at_bit(a * arc_bits_); }
    /// The other end of arc `a`. Precondition: a < num_arcs(). O(1), one load.
    vertex_type arc_target(arc_index a) const noexcept {
        const std::uint64_t bit = a * arc_bits_;
        return static_cast<vertex_type>((detail::load_le64(arc_bytes() + (bit >> 3)) >> ((bit & 7) + 16)) & target_mask_);
    }
    /// The quantised cost of arc `a` in 1/cost_scale nat. Precondition: a < num_arcs(). O(1), one load.
    cost_type arc_cost(arc_index a) const noexcept {
        const std::uint64_t bit = a * arc_bits_;
        return static_cast<cost_type>(detail::load_le64(arc_bytes() + (bit >> 3)) >> (bit & 7));
    }
    /// The stored warmth of arc `a` (exp(-cost / cost_scale)). Precondition: a < num_arcs(). O(1).
    double arc_warmth(arc_index a) const noexcept { return cost_to_warmth(arc_cost(a)); }
    /// Bits per packed arc: bits of the largest vertex id (at least 1) + 16. O(1).
    unsigned arc_bits() const noexcept { return static_cast<unsigned>(arc_bits_); }
    /// The address of the first byte holding arc `a`, for prefetch hints only (the arc's
    /// bits start inside that byte). Precondition: a <= num_arcs(). O(1).
    const void* arc_address(arc_index a) const noexcept {
        return num_arcs_ == 0 ? nullptr : arc_bytes() + ((a * arc_bits_) >> 3);
    }

    /// The address of the entry of `v` in the offsets array (where `arc_begin(v)` and, next to
    /// it, `arc_end(v)` are read), for prefetch hints only. Precondition: v <= num_people(). O(1).
    const void* offset_address(vertex_type v) const noexcept { return offset_lo_.data() + v; }

    /// Whether any tie is private (when false, every arc is visible to everyone).
    bool has_private_ties() const noexcept { return !private_bits_.empty(); }
    /// Whether arc `a` is private.
    bool arc_is_private(arc_index a) const noexcept {
        return !private_bits_.empty() && ((private_bits_[a >> 6] >> (a & 63)) & 1u);
    }
    /// The owner of a private arc (null_vertex when the owner is not in the snapshot).
    /// Precondition: arc_is_private(a). O(log private arcs).
    vertex_type arc_owner(arc_index a) const noexcept {
        auto it = std::lower_bound(private_owner_.begin(), private_owner_.end(), a,
                                   [](const std::pair<arc_index, vertex_type>& x, arc_index k) { return x.first < k; });
        return (it != private_owner_.end() && it->first == a) ? it->second : null_vertex;
    }
    /// Whether `asker` may use arc `a` (nullopt asker: public ties only). O(1) for public arcs.
    bool arc_visible(arc_index a, std::optional<vertex_type> asker) const noexcept {
        if (!arc_is_private(a)) return true;
        return asker && arc_owner(a) == *asker;
    }

    /// The arc from u to v, or nullopt. Complexity: O(deg(u)).
    std::optional<arc_index> find_arc(vertex_type u, vertex_type v) const noexcept {
        if (u >= num_people()) return std::nullopt;
        // Sequential scan: advance the bit position by the arc width.
        std::uint64_t bit = arc_begin(u) * arc_bits_;
        for (arc_index a = arc_begin(u), e = arc_end(u); a != e; ++a, bit += arc_bits_)
            if (entry_at_bit(bit).target == v) return a;
        return std::nullopt;
    }
    /// The stored warmth of the tie between u and v, or nullopt (visibility not applied). O(deg(u)).
    std::optional<double> warmth(vertex_type u, vertex_type v) const noexcept {
        auto a = find_arc(u, v);
        if (!a) return std::nullopt;
        return arc_warmth(*a);
    }
    /// The evidence of the tie between u and v (nullptr when there is no such tie, the tie
    /// has no interactions, or evidence was not kept). For a tie with only a manual warmth
    /// this returns a shared evidence with `manual == true`. O(log T).
    const tie_evidence* evidence(vertex_type u, vertex_type v) const noexcept {
        const std::uint64_t k = vkey(u, v);
        auto it = std::lower_bound(evidence_keys_.begin(), evidence_keys_.end(), k);
        if (it != evidence_keys_.end() && *it == k) return &evidence_[static_cast<std::size_t>(it - evidence_keys_.begin())];
        if (auto a = find_arc(u, v); a && arc_is_manual(*a)) return &manual_evidence();
        return nullptr;
    }

    // ------------------------------------------- organisations, groups, events

    /// Number of organisations. O(1).
    std::size_t organization_count() const noexcept { return org_names_.size(); }
    /// The name of organisation `o`. Precondition: o < organization_count().
    const std::string& organization_name(std::uint32_t o) const noexcept { return org_names_[o]; }
    /// The organisation of a vertex, or nullopt.
    std::optional<std::uint32_t> organization_of(vertex_type v) const noexcept {
        return person_org_[v] == null_vertex ? std::nullopt : std::optional<std::uint32_t>(person_org_[v]);
    }
    /// The members of organisation `o`, sorted by vertex.
    const std::vector<vertex_type>& organization_members(std::uint32_t o) const noexcept { return org_members_[o]; }
    /// The organisation named `name`, or nullopt.
    std::optional<std::uint32_t> find_organization(std::string_view name) const {
        for (std::uint32_t o = 0; o < org_names_.size(); ++o)
            if (org_names_[o] == name) return o;
        return std::nullopt;
    }

    /// Number of groups (same ids as the network's group_id values).
    std::size_t group_count() const noexcept { return groups_.size(); }
    /// Group `g` (name and themes). Precondition: g < group_count().
    const group& group_at(std::uint32_t g) const noexcept { return groups_[g]; }
    /// Members of group `g`, sorted by vertex.
    const std::vector<vertex_type>& group_members(std::uint32_t g) const noexcept { return group_members_[g]; }
    /// The groups of a vertex, sorted.
    const std::vector<std::uint32_t>& groups_of(vertex_type v) const noexcept { return person_groups_[v]; }
    /// The group named `name`, or nullopt.
    std::optional<std::uint32_t> find_group(std::string_view name) const {
        for (std::uint32_t g = 0; g < groups_.size(); ++g)
            if (groups_[g].name == name) return g;
        return std::nullopt;
    }

    /// An attendee of an event in the snapshot: vertex and table (empty when none).
    struct attendee {
        vertex_type who{};
        std::string table{};
        friend bool operator==(const attendee& x, const attendee& y) { return x.who == y.who && x.table == y.table; }
    };
    /// Number of events (same ids as the network's event_id values).
    std::size_t event_count() const noexcept { return events_.size(); }
    /// Event `e`. Precondition: e < event_count().
    const event& event_at(std::uint32_t e) const noexcept { return events_[e]; }
    /// Attendees of event `e`, sorted by vertex.
    const std::vector<attendee>& event_attendees(std::uint32_t e) const noexcept { return event_attendees_[e]; }
    /// The event named `name`, or nullopt.
    std::optional<std::uint32_t> find_event(std::string_view name) const {
        for (std::uint32_t e = 0; e < events_.size(); ++e)
            if (events_[e].name == name) return e;
        return std::nullopt;
    }

    /// Bytes used, by part. The adjacency figure is the one compared with other libraries.
    snapshot_memory memory_usage() const noexcept {
        snapshot_memory m;
        m.adjacency = arcs_.capacity() * sizeof(std::uint64_t) + offset_lo_.capacity() * sizeof(std::uint32_t) +
                      wraps_.capacity() * sizeof(vertex_type);
        m.visibility = private_bits_.capacity() * sizeof(std::uint64_t) +
                       private_owner_.capacity() * sizeof(std::pair<arc_index, vertex_type>) +
                       manual_bits_.capacity() * sizeof(std::uint64_t);
        m.id_maps = id_of_.capacity() * sizeof(person_id) + vertex_of_.capacity() * sizeof(vertex_type) +
                    key_slots_.capacity() * sizeof(std::uint64_t);
        m.evidence = evidence_keys_.capacity() * sizeof(std::uint64_t) + evidence_.capacity() * sizeof(tie_evidence);
        std::size_t attr = people_.capacity() * sizeof(person) + person_org_.capacity() * 4;
        for (const person& p : people_) attr += p.key.capacity() + p.name.capacity() + p.title.capacity() + p.organization.capacity();
        m.attributes = attr;
        return m;
    }

    // ------------------------------------------------------- Boost.Graph glue
    // Hidden friends: found by argument-dependent lookup on a snapshot only.

    friend std::pair<boost::counting_iterator<std::uint32_t>, boost::counting_iterator<std::uint32_t>>
    vertices(const snapshot& g) {
        return {boost::counting_iterator<std::uint32_t>(0),
                boost::counting_iterator<std::uint32_t>(static_cast<std::uint32_t>(g.num_people()))};
    }
    friend std::size_t num_vertices(const snapshot& g) noexcept { return g.num_people(); }
    friend std::pair<snapshot_arc_iterator, snapshot_arc_iterator> out_edges(std::uint32_t v, const snapshot& g) {
        return {snapshot_arc_iterator(v, g.arc_begin(v)), snapshot_arc_iterator(v, g.arc_end(v))};
    }
    friend std::size_t out_degree(std::uint32_t v, const snapshot& g) noexcept { return g.degree(v); }
    friend std::uint32_t source(const snapshot_arc& e, const snapshot&) noexcept { return e.source; }
    friend std::uint32_t target(const snapshot_arc& e, const snapshot& g) noexcept { return g.arc_target(e.index); }
    friend boost::typed_identity_property_map<std::uint32_t> get(boost::vertex_index_t, const snapshot&) noexcept {
        return {};
    }

    /// Readable property map: arc -> cost in nats (exactly cost units / cost_scale).
    struct cost_property_map {
        using key_type = snapshot_arc;
        using value_type = double;
        using reference = double;
        using category = boost::readable_property_map_tag;
        const snapshot* g = nullptr;
        friend double get(const cost_property_map& m, const snapshot_arc& e) noexcept {
            return static_cast<double>(m.g->arc_cost(e.index)) / cost_scale;
        }
    };
    /// Readable property map: arc -> stored warmth in (0,1].
    struct warmth_property_map {
        using key_type = snapshot_arc;
        using value_type = double;
        using reference = double;
        using category = boost::readable_property_map_tag;
        const snapshot* g = nullptr;
        friend double get(const warmth_property_map& m, const snapshot_arc& e) noexcept {
            return m.g->arc_warmth(e.index);
        }
    };
    /// Readable property map: arc -> integer cost units.
    struct cost_units_property_map {
        using key_type = snapshot_arc;
        using value_type = std::uint32_t;
        using reference = std::uint32_t;
        using category = boost::readable_property_map_tag;
        const snapshot* g = nullptr;
        friend std::uint32_t get(const cost_units_property_map& m, const snapshot_arc& e) noexcept {
            return m.g->arc_cost(e.index);
        }
    };
    cost_property_map cost_map() const noexcept { return {this}; }
    warmth_property_map warmth_map() const noexcept { return {this}; }
    cost_units_property_map cost_units_map() const noexcept { return {this}; }

private:
    static std::uint64_t vkey(vertex_type u, vertex_type v) noexcept {
        return (static_cast<std::uint64_t>(std::min(u, v)) << 32) | std::max(u, v);
    }
    static const tie_evidence& manual_evidence() noexcept {
        static const tie_evidence ev = [] { tie_evidence e; e.manual = true; return e; }();
        return ev;
    }
    static std::uint64_t key_hash(std::string_view key) noexcept {
        return static_cast<std::uint64_t>(std::hash<std::string_view>{}(key));
    }
    bool arc_is_manual(arc_index a) const noexcept {
        return manual_all_ || (!manual_bits_.empty() && ((manual_bits_[a >> 6] >> (a & 63)) & 1u));
    }
    const unsigned char* arc_bytes() const noexcept { return reinterpret_cast<const unsigned char*>(arcs_.data()); }
    /// The arc whose field starts at bit `bit` of the packed adjacency (one load).
    snapshot_arc_entry entry_at_bit(std::uint64_t bit) const noexcept {
        const std::uint64_t x = detail::load_le64(arc_bytes() + (bit >> 3)) >> (bit & 7);
        return {static_cast<vertex_type>((x >> 16) & target_mask_), static_cast<cost_type>(x)};
    }

    arc_index offset(vertex_type v) const noexcept { return detail::offset_at(offset_lo_, wraps_, v); }

    void build(const network& net, const freeze_options& opt) {
        build_people(net);
        build_ties(net, opt);
        build_attributes(net);
    }

    // Vertices (live people in id order) and the key index.
    void build_people(const network& net) {
        vertex_of_.assign(net.id_bound(), null_vertex);
        id_of_.reserve(net.person_count());
        people_.reserve(net.person_count());
        for (person_id p : net.people()) {
            vertex_of_[p.value()] = static_cast<vertex_type>(id_of_.size());
            id_of_.push_back(p);
            people_.push_back(net.at(p));
        }
        // Open addressing with linear probing, load <= 1/2: slot = (high word of the key's
        // hash) << 32 | (vertex + 1); 0 = empty. 8 bytes per slot, no per-key allocation.
        const std::size_t n = id_of_.size();
        if (n == 0) return;
        std::size_t cap = 2;
        while (cap < 2 * n) cap <<= 1;
        key_slots_.assign(cap, 0);
        const std::uint64_t mask = cap - 1;
        for (std::size_t v = 0; v < n; ++v) {
            const std::uint64_t h = key_hash(people_[v].key);
            std::uint64_t i = h & mask;
            while (key_slots_[i] != 0) i = (i + 1) & mask;
            key_slots_[i] = (h & 0xFFFFFFFF00000000u) | (static_cast<std::uint64_t>(v) + 1);
        }
    }

    // Sorts the arc keys of one adjacency list: insertion sort for short lists; a long list
    // already in target order (`by_target`) needs only a stable sort by its 16-bit cost, done
    // as a two-pass radix sort through `tmp` (room for the list); else std::sort.
    static void sort_list(std::uint64_t* b, std::uint64_t* e, bool by_target, std::uint64_t* tmp) noexcept {
        const auto d = static_cast<std::size_t>(e - b);
        if (d <= 32) {
            for (std::uint64_t* i = b + 1; i < e; ++i) {
                const std::uint64_t x = *i;
                std::uint64_t* j = i;
                for (; j != b && *(j - 1) > x; --j) *j = *(j - 1);
                *j = x;
            }
        } else if (!by_target) {
            std::sort(b, e);
        } else {
            std::uint32_t lo[256] = {}, hi[256] = {};
            for (const std::uint64_t* p = b; p != e; ++p) {
                ++lo[(*p >> 34) & 255u];
                ++hi[(*p >> 42) & 255u];
            }
            std::uint32_t sl = 0, sh = 0;
            for (int i = 0; i < 256; ++i) {
                const std::uint32_t cl = lo[i], ch = hi[i];
                lo[i] = sl;
                hi[i] = sh;
                sl += cl;
                sh += ch;
            }
            for (const std::uint64_t* p = b; p != e; ++p) tmp[lo[(*p >> 34) & 255u]++] = *p;
            for (const std::uint64_t* p = tmp; p != tmp + d; ++p) b[hi[(*p >> 42) & 255u]++] = *p;
        }
    }

    // Ties: warmth, packed sorted CSR, visibility, manual bits, evidence.
    void build_ties(const network& net, const freeze_options& opt) {
        const std::size_t n = id_of_.size();
        const std::size_t bound = vertex_of_.size();
        const unsigned target_bits = std::max(1u, detail::bit_width(n > 0 ? n - 1 : 0));
        arc_bits_ = target_bits + 16u;
        target_mask_ = (std::uint64_t{1} << target_bits) - 1;

        // Evaluate every tie once: 4 bytes per live tie (cost | manual << 16 | dropped << 17,
        // in the order of net.ties(), which the placement below walks again); the rare private
        // ties and the ties with evidence are listed on the side. start[v + 1] counts v's arcs,
        // then becomes the offsets.
        constexpr std::uint32_t manual_flag = 1u << 16, dropped_flag = 1u << 17;
        struct private_tie {
            vertex_type u, v, owner;
            cost_type c;
        };
        std::vector<std::uint32_t> code;
        code.reserve(net.tie_count());
        std::vector<private_tie> priv;
        std::vector<std::pair<std::uint64_t, const tie_record*>> ev;
        std::vector<std::uint64_t> start(n + 1, 0);
        std::uint64_t manual_count = 0;
        std::uint64_t last_pair = 0;
        bool by_target = true;  // ties come by increasing (u, v): every list is then in target order
        for (const tie_record& r : net.ties()) {
            const bool manual = r.manual_warmth.has_value();
            double w;
            if (manual) {
                w = *r.manual_warmth;
            } else {
                w = opt.model(r.events, now_);
                if (!(w >= 0.0 && w <= 1.0))
                    throw invalid_tie("snapshot: the strength model returned " + std::to_string(w) +
                                      " for the tie between '" + net.at(r.a).key + "' and '" + net.at(r.b).key +
                                      "', outside [0,1]");
                if (w == 0.0) {
                    code.push_back(dropped_flag);
                    continue;
                }
            }
            const vertex_type u = vertex_of_[r.a.value()], v = vertex_of_[r.b.value()];
            const cost_type c = warmth_to_cost(w);
            const std::uint64_t pair = (static_cast<std::uint64_t>(u) << 32) | v;
            if (pair < last_pair) by_target = false;
            last_pair = pair;
            code.push_back(c | (manual ? manual_flag : 0u));
            ++start[static_cast<std::size_t>(u) + 1];
            ++start[static_cast<std::size_t>(v) + 1];
            manual_count += manual ? 1 : 0;
            if (r.visibility.private_to) {
                const auto o = r.visibility.private_to->value();
                priv.push_back(private_tie{u, v, o < bound ? vertex_of_[o] : null_vertex, c});
            }
            if (opt.keep_evidence && !r.events.empty()) ev.emplace_back(vkey(u, v), &r);
        }

        // Offsets (32-bit low words; `wraps_` marks where the high word grows).
        for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
        const std::uint64_t arcs = start[n], kept = arcs / 2;
        detail::split_offsets(start, offset_lo_, wraps_);
        wraps_.shrink_to_fit();

        // Arc keys cost << 34 | target << 2 | manual, placed by source (counting sort), then
        // each list sorted: (cost, target) order; the flag never decides (no parallel ties).
        // When the ties come by increasing (u, v) (bulk loads, generated graphs), the placement
        // leaves each list in target order: list x gets the ties (a, x), a < x, by a, then the
        // ties (x, b) by b.
        std::unique_ptr<std::uint64_t[]> keys(new std::uint64_t[arcs]);  // every slot is written below
        {
            std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
            const std::uint32_t* next = code.data();
            for (const tie_record& r : net.ties()) {
                const std::uint32_t x = *next++;
                if (x & dropped_flag) continue;
                const vertex_type u = vertex_of_[r.a.value()], v = vertex_of_[r.b.value()];
                const std::uint64_t cm = (static_cast<std::uint64_t>(x & 0xFFFFu) << 34) | ((x & manual_flag) ? 1u : 0u);
                keys[fill[u]++] = cm | (static_cast<std::uint64_t>(v) << 2);
                keys[fill[v]++] = cm | (static_cast<std::uint64_t>(u) << 2);
            }
        }
        std::vector<std::uint32_t>().swap(code);
        {
            std::uint64_t longest = 0;
            for (std::size_t v = 0; v < n; ++v) longest = std::max(longest, start[v + 1] - start[v]);
            std::vector<std::uint64_t> tmp(by_target ? longest : 0);
            for (std::size_t v = 0; v < n; ++v) sort_list(keys.get() + start[v], keys.get() + start[v + 1], by_target, tmp.data());
        }

        // Pack: field = target << 16 | cost, arc_bits_ wide, written by a word accumulator.
        num_arcs_ = arcs;
        const bool some_manual = manual_count != 0 && manual_count != kept;
        manual_all_ = kept != 0 && manual_count == kept;
        if (arcs > 0) {
            arcs_.assign((arcs * arc_bits_ + 63) / 64 + 1, 0);  // + 1 word: any arc is one 8-byte load
            if (some_manual) manual_bits_.assign((arcs + 63) / 64, 0);
            auto* out = reinterpret_cast<unsigned char*>(arcs_.data());
            std::uint64_t acc = 0;
            std::uint64_t used = 0;  // bits of `acc` filled, < 64
            const std::uint64_t w = arc_bits_;
            for (std::uint64_t a = 0; a < arcs; ++a) {
                const std::uint64_t k = keys[a];
                const std::uint64_t field = (((k >> 2) & 0xFFFFFFFFu) << 16) | (k >> 34);
                acc |= field << used;
                if (used + w >= 64) {
                    detail::store_le64(out, acc);
                    out += 8;
                    acc = field >> (64 - used);  // 64 - used is in [1, 48]
                    used = used + w - 64;
                } else {
                    used += w;
                }
                if (some_manual && (k & 1u)) manual_bits_[a >> 6] |= std::uint64_t{1} << (a & 63);
            }
            if (used > 0) detail::store_le64(out, acc);
        }

        // Private arcs: both arcs of each private tie, found by binary search in their list.
        if (!priv.empty()) {
            private_bits_.assign((arcs + 63) / 64, 0);
            private_owner_.reserve(2 * priv.size());
            for (const private_tie& t : priv)
                for (auto [x, y] : {std::pair<vertex_type, vertex_type>{t.u, t.v}, {t.v, t.u}}) {
                    const std::uint64_t k = (static_cast<std::uint64_t>(t.c) << 34) | (static_cast<std::uint64_t>(y) << 2);
                    const auto a = static_cast<arc_index>(
                        std::lower_bound(keys.get() + start[x], keys.get() + start[x + 1], k) - keys.get());
                    private_bits_[a >> 6] |= std::uint64_t{1} << (a & 63);
                    private_owner_.emplace_back(a, t.owner);
                }
            std::sort(private_owner_.begin(), private_owner_.end());
        }
        keys.reset();

        // Evidence, by (smaller, larger) vertex: counting sort by the smaller end, then each
        // bucket by the larger one.
        if (!ev.empty()) {
            std::vector<std::uint64_t> pos(n + 1, 0);
            for (const auto& e : ev) ++pos[(e.first >> 32) + 1];
            for (std::size_t v = 0; v < n; ++v) pos[v + 1] += pos[v];
            std::vector<std::pair<std::uint64_t, const tie_record*>> sorted(ev.size());
            for (const auto& e : ev) sorted[pos[e.first >> 32]++] = e;
            std::vector<std::pair<std::uint64_t, const tie_record*>>().swap(ev);
            std::uint64_t b = 0;
            for (std::size_t v = 0; v < n; ++v) {
                const std::uint64_t e = pos[v];
                if (e - b > 1)
                    std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(b), sorted.begin() + static_cast<std::ptrdiff_t>(e),
                              [](const auto& x, const auto& y) { return x.first < y.first; });
                b = e;
            }
            evidence_keys_.reserve(sorted.size());
            evidence_.reserve(sorted.size());
            for (const auto& [k, r] : sorted) {
                evidence_keys_.push_back(k);
                tie_evidence e = compute_evidence(r->events, now_, opt.policy);
                e.manual = r->manual_warmth.has_value();
                evidence_.push_back(e);
            }
        }
    }

    void build_attributes(const network& net) {
        const std::size_t n = id_of_.size();
        // Organisations, groups, events.
        org_names_.reserve(net.organization_count());
        org_members_.resize(net.organization_count());
        for (std::uint32_t o = 0; o < net.organization_count(); ++o) {
            org_names_.push_back(net.at(organization_id(o)).name);
            for (person_id p : net.members(organization_id(o))) org_members_[o].push_back(vertex_of_[p.value()]);
            std::sort(org_members_[o].begin(), org_members_[o].end());
        }
        person_org_.assign(n, null_vertex);
        for (std::size_t v = 0; v < n; ++v)
            if (auto o = net.organization_of(id_of_[v])) person_org_[v] = o->value();
        groups_.reserve(net.group_count());
        group_members_.resize(net.group_count());
        person_groups_.resize(n);
        for (std::uint32_t g = 0; g < net.group_count(); ++g) {
            groups_.push_back(net.at(group_id(g)));
            for (const membership& m : net.members(group_id(g))) {
                group_members_[g].push_back(vertex_of_[m.who.value()]);
                person_groups_[vertex_of_[m.who.value()]].push_back(g);
            }
        }
        events_.reserve(net.event_count());
        event_attendees_.resize(net.event_count());
        for (std::uint32_t e = 0; e < net.event_count(); ++e) {
            events_.push_back(net.at(event_id(e)));
            for (const attendance& a : net.attendees(event_id(e)))
                event_attendees_[e].push_back(attendee{vertex_of_[a.who.value()], a.table});
        }
    }

    timestamp now_{};
    // ids
    std::vector<person_id> id_of_;
    std::vector<vertex_type> vertex_of_;
    std::vector<person> people_;
    std::vector<std::uint64_t> key_slots_;  // key index, see build_people
    // CSR: offsets and packed arcs (see the header comment)
    // The two arrays a search reads at random: advised for huge pages (core/huge_pages.hpp).
    std::vector<std::uint32_t, detail::huge_page_allocator<std::uint32_t>> offset_lo_;
    std::vector<vertex_type> wraps_;
    std::vector<std::uint64_t, detail::huge_page_allocator<std::uint64_t>> arcs_;
    std::uint64_t num_arcs_ = 0;
    std::uint64_t arc_bits_ = 17;     // bits per arc: target bits + 16
    std::uint64_t target_mask_ = 1;   // (1 << target bits) - 1
    // visibility and manual warmths
    std::vector<std::uint64_t> private_bits_;
    std::vector<std::pair<arc_index, vertex_type>> private_owner_;
    std::vector<std::uint64_t> manual_bits_;  // one bit per arc, only when some (not all) ties are manual
    bool manual_all_ = false;                 // every tie has a manual warmth (no bits stored)
    // evidence
    std::vector<std::uint64_t> evidence_keys_;
    std::vector<tie_evidence> evidence_;
    // attributes
    std::vector<std::string> org_names_{};
    std::vector<std::vector<vertex_type>> org_members_;
    std::vector<std::uint32_t> person_org_;
    std::vector<group> groups_;
    std::vector<std::vector<vertex_type>> group_members_;
    std::vector<std::vector<std::uint32_t>> person_groups_;
    std::vector<event> events_;
    std::vector<std::vector<attendee>> event_attendees_;
};

/// Freezes `net` at `now` into a snapshot shared by pointer (the form threads share).
/// Complexity and Throws: as `snapshot(net, now, opt)`.
inline std::shared_ptr<const snapshot> freeze(const network& net, timestamp now, const freeze_options& opt = {}) {
    return std::make_shared<const snapshot>(net, now, opt);
}

} // namespace kith

namespace boost {

template <>
struct graph_traits<kith::snapshot> {
    using vertex_descriptor = std::uint32_t;
    using edge_descriptor = kith::snapshot_arc;
    using directed_category = directed_tag;
    using edge_parallel_category = disallow_parallel_edge_tag;
    struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
    using vertex_iterator = counting_iterator<std::uint32_t>;
    using out_edge_iterator = kith::snapshot_arc_iterator;
    using degree_size_type = std::size_t;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using adjacency_iterator = void;
    using in_edge_iterator = void;
    using edge_iterator = void;
    static vertex_descriptor null_vertex() noexcept { return kith::snapshot::null_vertex; }
};

template <>
struct property_map<kith::snapshot, vertex_index_t> {
    using type = typed_identity_property_map<std::uint32_t>;
    using const_type = type;
};

} // namespace boost
