// kith/network.hpp -- the mutable relationship model: people, organisations,
// groups, events, interactions and ties.
//
// Design decisions: the network is the write side. It owns the raw evidence
// (every interaction of every tie, sorted by time) so that warmth can be
// evaluated at any `now` and by any strength model; reads that must be fast or
// shared across threads go through an immutable `snapshot` (see
// kith/snapshot.hpp), never through the network. Person ids are dense 32-bit
// indices in creation order; removing a person leaves a tombstone so ids stay
// valid and are never reused. Organisations are created on demand from
// `person::organization`. Every mutating function validates all of its input
// before changing anything (strong exception guarantee). Not thread-safe:
// one writer at a time, and no reader while a writer runs.
// Ties are found by an open-addressing hash table from the pair (lo, hi) to the
// tie's slot (12 bytes a slot, no allocation per tie, so copying a network is a
// few vector copies). Bulk loads go through `add_bulk` (people and ties with
// manual warmth in one all-or-nothing call, with no allocation per tie).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/strength.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>

#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith {

/// A member of a group, with the date they joined when known.
struct membership {
    person_id who{};
    std::optional<timestamp> since{};
    friend bool operator==(const membership& x, const membership& y) { return x.who == y.who && x.since == y.since; }
    friend bool operator!=(const membership& x, const membership& y) { return !(x == y); }
};

/// An attendee of an event and their (lunch) table; empty when none.
struct attendance {
    person_id who{};
    std::string table{};
    friend bool operator==(const attendance& x, const attendance& y) { return x.who == y.who && x.table == y.table; }
    friend bool operator!=(const attendance& x, const attendance& y) { return !(x == y); }
};

/// Everything the network stores about one tie: its two people (a < b), its
/// interactions sorted by time, an optional manual warmth and its visibility.
struct tie_record {
    person_id a{};
    person_id b{};
    std::vector<tie_event> events{};        ///< sorted by `when` (stable for equal times)
    std::optional<double> manual_warmth{};  ///< overrides the strength model when set
    kith::visibility visibility{};
};

/// One tie of `network::add_bulk`: two people (in either order) and the manual warmth to set.
struct bulk_tie {
    person_id a{};
    person_id b{};
    double warmth = 1.0;  ///< in (0,1]
    friend bool operator==(const bulk_tie& x, const bulk_tie& y) {
        return x.a == y.a && x.b == y.b && x.warmth == y.warmth;
    }
    friend bool operator!=(const bulk_tie& x, const bulk_tie& y) { return !(x == y); }
};

/// Progress of `network::add_bulk`: (items done, items total), items being people and ties.
/// An exception thrown by it cancels the call (the network is restored) and propagates.
using bulk_progress = std::function<void(std::size_t done, std::size_t total)>;

namespace detail {

/// The tie index of `network`: pair key (lo << 32 | hi) -> tie slot. Linear probing over one
/// array of 12-byte slots, power-of-two capacity, at most 70% full, backward-shift erase (no
/// tombstones). The key ~0 (lo = hi = 2^32-1, never a tie: lo < hi) marks empty slots.
class tie_slot_map {
public:
    static constexpr std::uint64_t empty_key = ~std::uint64_t{0};

    std::size_t size() const noexcept { return size_; }

    /// Makes room for `n` keys without rehashing. Complexity: O(capacity) when it grows.
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap * 7 < n * 10) cap *= 2;
        if (cap > slots_.size()) rehash(cap);
    }

    /// The slot of `k`, or nullopt. O(1) expected.
    std::optional<std::uint32_t> find(std::uint64_t k) const noexcept {
        if (slots_.empty() || k == empty_key) return std::nullopt;
        for (std::size_t i = home(k);; i = (i + 1) & mask_) {
            const slot& s = slots_[i];
            if (s.key() == k) return s.value;
            if (s.empty()) return std::nullopt;
        }
    }

    /// Inserts (k, v) when k is absent; returns the stored value and whether it was inserted.
    /// Precondition: k != empty_key. Throws only when growing (then unchanged).
    std::pair<std::uint32_t, bool> try_emplace(std::uint64_t k, std::uint32_t v) {
        if ((size_ + 1) * 10 > slots_.size() * 7) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        for (std::size_t i = home(k);; i = (i + 1) & mask_) {
            slot& s = slots_[i];
            if (s.key() == k) return {s.value, false};
            if (s.empty()) {
                s = slot::make(k, v);
                ++size_;
                return {v, true};
            }
        }
    }

    /// Removes `k` (no effect when absent). O(1) expected, noexcept.
    void erase(std::uint64_t k) noexcept {
        if (slots_.empty() || k == empty_key) return;
        std::size_t i = home(k);
        for (;; i = (i + 1) & mask_) {
            if (slots_[i].key() == k) break;
            if (slots_[i].empty()) return;
        }
        // Backward shift: pull later members of the probe run into the hole when their home
        // slot is not cyclically inside (hole, j].
        for (std::size_t j = (i + 1) & mask_; !slots_[j].empty(); j = (j + 1) & mask_) {
            const std::size_t h = home(slots_[j].key());
            const bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!stays) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = slot::make(empty_key, 0);
        --size_;
    }

    /// Hints that `k` will be looked up soon (bulk loads).
    void prefetch(std::uint64_t k) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
        if (!slots_.empty()) __builtin_prefetch(&slots_[home(k)]);
#else
        (void)k;
#endif
    }

private:
    struct slot {
        std::uint32_t lo, hi, value;
        static slot make(std::uint64_t k, std::uint32_t v) noexcept {
            return slot{static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k), v};
        }
        std::uint64_t key() const noexcept { return (static_cast<std::uint64_t>(lo) << 32) | hi; }
        bool empty() const noexcept { return (lo & hi) == 0xFFFFFFFFu; }
    };

    std::size_t home(std::uint64_t x) const noexcept {  // splitmix64 finaliser
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ull;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebull;
        x ^= x >> 31;
        return static_cast<std::size_t>(x) & mask_;
    }

    void rehash(std::size_t cap) {
        std::vector<slot> fresh(cap, slot::make(empty_key, 0));
        fresh.swap(slots_);
        mask_ = cap - 1;
        for (const slot& s : fresh) {
            if (s.empty()) continue;
            std::size_t i = home(s.key());
            while (!slots_[i].empty()) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }

    std::vector<slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

} // namespace detail

/// The mutable relationship model. See the header comment for the design.
class network {
public:
    network() = default;

    // ---------------------------------------------------------------- people

    /// Adds a person and returns their new id (one more than the last id ever issued).
    /// Complexity: O(|key| + |organization|) amortised.
    /// Throws: `invalid_argument` when the key is empty or already used by a live person.
    person_id add_person(person p) {
        if (p.key.empty()) throw invalid_argument("network::add_person: the key of person '" + p.name + "' is empty");
        if (key_index_.count(p.key))
            throw invalid_argument("network::add_person: key '" + p.key + "' is already used by person " +
                                   std::to_string(key_index_.at(p.key).value()));
        if (people_.size() > person_id::max_value)
            throw invalid_argument("network::add_person: more than 2^32-1 people");
        const person_id id(static_cast<std::uint32_t>(people_.size()));
        std::optional<organization_id> org;
        if (!p.organization.empty()) org = intern_organization(p.organization);
        key_index_.emplace(p.key, id);
        people_.push_back(std::move(p));
        alive_.push_back(1);
        person_org_.push_back(org ? org->value() : no_index);
        if (org) org_members_[org->value()].push_back(id);
        incident_.emplace_back();
        person_groups_.emplace_back();
        person_events_.emplace_back();
        ++live_people_;
        return id;
    }

    /// Replaces what is known about a live person (name, organisation, title,
    /// interests, and the key if the new one is free). The id stays.
    /// Complexity: O(size of the old and new organisation). Throws: `unknown_person`,
    /// `invalid_argument` (empty key or key used by someone else).
    void update_person(person_id id, person p) {
        check_person("network::update_person", id);
        if (p.key.empty()) throw invalid_argument("network::update_person: the new key of person " + std::to_string(id.value()) + " is empty");
        auto it = key_index_.find(p.key);
        if (it != key_index_.end() && it->second != id)
            throw invalid_argument("network::update_person: key '" + p.key + "' is already used by person " +
                                   std::to_string(it->second.value()));
        person& old = people_[id.value()];
        if (old.organization != p.organization) {
            detach_organization(id);
            if (!p.organization.empty()) {
                const organization_id org = intern_organization(p.organization);
                person_org_[id.value()] = org.value();
                insert_sorted(org_members_[org.value()], id);
            }
        }
        if (old.key != p.key) {
            key_index_.erase(old.key);
            key_index_.emplace(p.key, id);
        }
        old = std::move(p);
    }

    /// Removes a person with their ties, memberships and attendance. The id becomes a
    /// tombstone: it is never reused, and every later use of it throws `unknown_person`.
    /// The key becomes free. Complexity: O(sum of the degrees of the person and their contacts).
    /// Throws: `unknown_person`.
    void remove_person(person_id id) {
        check_person("network::remove_person", id);
        for (std::uint32_t t : incident_[id.value()]) {
            tie_record& r = ties_[t];
            const person_id other = r.a == id ? r.b : r.a;
            auto& inc = incident_[other.value()];
            inc.erase(std::remove(inc.begin(), inc.end(), t), inc.end());
            tie_index_.erase(pair_key(r.a, r.b));
            tie_alive_[t] = 0;
            interaction_count_ -= r.events.size();
            r.events.clear();
            r.events.shrink_to_fit();
            --live_ties_;
        }
        incident_[id.value()].clear();
        for (group_id g : person_groups_[id.value()]) {
            auto& m = group_members_[g.value()];
            m.erase(std::remove_if(m.begin(), m.end(), [id](const membership& x) { return x.who == id; }), m.end());
        }
        person_groups_[id.value()].clear();
        for (event_id e : person_events_[id.value()]) {
            auto& a = event_attendees_[e.value()];
            a.erase(std::remove_if(a.begin(), a.end(), [id](const attendance& x) { return x.who == id; }), a.end());
        }
        person_events_[id.value()].clear();
        detach_organization(id);
        key_index_.erase(people_[id.value()].key);
        alive_[id.value()] = 0;
        --live_people_;
    }

    /// Whether `id` names a live person. Complexity: O(1).
    bool contains(person_id id) const noexcept { return id.value() < alive_.size() && alive_[id.value()]; }

    /// The person with id `id`. Complexity: O(1). Throws: `unknown_person`.
    const person& at(person_id id) const {
        check_person("network::at", id);
        return people_[id.value()];
    }

    /// The live person with external key `key`, or nullopt. Complexity: O(|key|) expected.
    std::optional<person_id> find(std::string_view key) const {
        auto it = key_index_.find(std::string(key));
        if (it == key_index_.end()) return std::nullopt;
        return it->second;
    }

    /// The id of the live person with external key `key`. Throws: `unknown_person`.
    person_id id_of(std::string_view key) const {
        auto id = find(key);
        if (!id) throw unknown_person("network::id_of: no person has key '" + std::string(key) + "'");
        return *id;
    }

    /// Number of live people. Complexity: O(1).
    std::size_t person_count() const noexcept { return live_people_; }

    /// One more than the largest id ever issued (ids below it may be tombstones).
    std::size_t id_bound() const noexcept { return people_.size(); }

    /// The live people's ids in increasing order, as a lazy range-v3 view.
    /// Complexity: O(id_bound()) to iterate. Invalidated by add_person/remove_person.
    auto people() const {
        return ranges::views::iota(std::uint32_t{0}, static_cast<std::uint32_t>(people_.size())) |
               ranges::views::filter([this](std::uint32_t i) { return alive_[i] != 0; }) |
               ranges::views::transform([](std::uint32_t i) { return person_id(i); });
    }

    // --------------------------------------------------------- organisations

    /// Number of organisations ever named (organisations are never removed).
    std::size_t organization_count() const noexcept { return orgs_.size(); }

    /// The organisation with id `o`. Throws: `invalid_argument` for an unknown id.
    const organization& at(organization_id o) const {
        check_org("network::at", o);
        return orgs_[o.value()];
    }

    /// The organisation named `name` (exact match), or nullopt.
    std::optional<organization_id> find_organization(std::string_view name) const {
        auto it = org_index_.find(std::string(name));
        if (it == org_index_.end()) return std::nullopt;
        return it->second;
    }

    /// The organisation a person works at, or nullopt. Throws: `unknown_person`.
    std::optional<organization_id> organization_of(person_id id) const {
        check_person("network::organization_of", id);
        const std::uint32_t o = person_org_[id.value()];
        if (o == no_index) return std::nullopt;
        return organization_id(o);
    }

    /// The live members of an organisation, sorted by id. Throws: `invalid_argument`.
    const std::vector<person_id>& members(organization_id o) const {
        check_org("network::members", o);
        return org_members_[o.value()];
    }

    // ----------------------------------------------------------------- groups

    /// Adds a group. Complexity: O(|name|). Throws: `invalid_argument` for an empty or used name.
    group_id add_group(group g) {
        if (g.name.empty()) throw invalid_argument("network::add_group: the group name is empty");
        if (group_index_.count(g.name)) throw invalid_argument("network::add_group: group '" + g.name + "' already exists");
        const group_id id(static_cast<std::uint32_t>(groups_.size()));
        group_index_.emplace(g.name, id);
        groups_.push_back(std::move(g));
        group_members_.emplace_back();
        return id;
    }

    /// Replaces a group's themes. Throws: `invalid_argument` for an unknown group.
    void set_themes(group_id g, std::vector<std::string> themes) {
        check_group("network::set_themes", g);
        groups_[g.value()].themes = std::move(themes);
    }

    /// The group named `name`, or nullopt.
    std::optional<group_id> find_group(std::string_view name) const {
        auto it = group_index_.find(std::string(name));
        if (it == group_index_.end()) return std::nullopt;
        return it->second;
    }

    /// The group with id `g`. Throws: `invalid_argument`.
    const group& at(group_id g) const {
        check_group("network::at", g);
        return groups_[g.value()];
    }

    /// Number of groups.
    std::size_t group_count() const noexcept { return groups_.size(); }

    /// Makes `p` a member of `g` (joining again only updates `since`).
    /// Complexity: O(members + groups of p). Throws: `unknown_person`, `invalid_argument`.
    void join(group_id g, person_id p, std::optional<timestamp> since = std::nullopt) {
        check_group("network::join", g);
        check_person("network::join", p);
        auto& m = group_members_[g.value()];
        auto it = std::lower_bound(m.begin(), m.end(), p, [](const membership& x, person_id v) { return x.who < v; });
        if (it != m.end() && it->who == p) { it->since = since; return; }
        m.insert(it, membership{p, since});
        insert_sorted(person_groups_[p.value()], g);
    }

    /// Ends a membership (no effect when `p` is not a member).
    /// Throws: `unknown_person`, `invalid_argument`.
    void leave(group_id g, person_id p) {
        check_group("network::leave", g);
        check_person("network::leave", p);
        auto& m = group_members_[g.value()];
        m.erase(std::remove_if(m.begin(), m.end(), [p](const membership& x) { return x.who == p; }), m.end());
        auto& pg = person_groups_[p.value()];
        pg.erase(std::remove(pg.begin(), pg.end(), g), pg.end());
    }

    /// The members of a group, sorted by id. Throws: `invalid_argument`.
    const std::vector<membership>& members(group_id g) const {
        check_group("network::members", g);
        return group_members_[g.value()];
    }

    /// The groups a person belongs to, sorted by id. Throws: `unknown_person`.
    const std::vector<group_id>& groups_of(person_id p) const {
        check_person("network::groups_of", p);
        return person_groups_[p.value()];
    }

    // ----------------------------------------------------------------- events

    /// Adds an event. Throws: `invalid_argument` for an empty or used name.
    event_id add_event(event e) {
        if (e.name.empty()) throw invalid_argument("network::add_event: the event name is empty");
        if (event_index_.count(e.name)) throw invalid_argument("network::add_event: event '" + e.name + "' already exists");
        const event_id id(static_cast<std::uint32_t>(events_.size()));
        event_index_.emplace(e.name, id);
        events_.push_back(std::move(e));
        event_attendees_.emplace_back();
        return id;
    }

    /// The event named `name`, or nullopt.
    std::optional<event_id> find_event(std::string_view name) const {
        auto it = event_index_.find(std::string(name));
        if (it == event_index_.end()) return std::nullopt;
        return it->second;
    }

    /// The event with id `e`. Throws: `invalid_argument`.
    const event& at(event_id e) const {
        check_event("network::at", e);
        return events_[e.value()];
    }

    /// Number of events.
    std::size_t event_count() const noexcept { return events_.size(); }

    /// Records that `p` attends `e`, at `table` (empty: no table). Attending again
    /// changes the table. Throws: `unknown_person`, `invalid_argument`.
    void attend(event_id e, person_id p, std::string table = {}) {
        check_event("network::attend", e);
        check_person("network::attend", p);
        auto& a = event_attendees_[e.value()];
        auto it = std::lower_bound(a.begin(), a.end(), p, [](const attendance& x, person_id v) { return x.who < v; });
        if (it != a.end() && it->who == p) { it->table = std::move(table); return; }
        a.insert(it, attendance{p, std::move(table)});
        insert_sorted(person_events_[p.value()], e);
    }

    /// The attendees of an event with their tables, sorted by id. Throws: `invalid_argument`.
    const std::vector<attendance>& attendees(event_id e) const {
        check_event("network::attendees", e);
        return event_attendees_[e.value()];
    }

    /// The events a person attends, sorted by id. Throws: `unknown_person`.
    const std::vector<event_id>& events_of(person_id p) const {
        check_person("network::events_of", p);
        return person_events_[p.value()];
    }

    // ------------------------------------------------------------------- ties

    /// Records one interaction; creates the tie on first contact.
    /// Complexity: O(1) amortised when interactions arrive in time order, O(n) otherwise.
    /// Throws: `unknown_person` (a, b or the initiator unknown), `invalid_tie` (a == b),
    /// `invalid_argument` (participants < 2, initiator neither a nor b, unknown channel).
    void record(const interaction& x) {
        check_person("network::record", x.a);
        check_person("network::record", x.b);
        if (x.a == x.b) throw invalid_tie("network::record: self-interaction of person " + std::to_string(x.a.value()));
        if (x.participants < 2)
            throw invalid_argument("network::record: participants " + std::to_string(x.participants) + " is below 2");
        if (static_cast<std::size_t>(x.via) >= channel_count)
            throw invalid_argument("network::record: unknown channel " + std::to_string(static_cast<int>(x.via)));
        if (x.initiator && *x.initiator != x.a && *x.initiator != x.b)
            throw invalid_argument("network::record: initiator " + std::to_string(x.initiator->value()) +
                                   " is neither " + std::to_string(x.a.value()) + " nor " + std::to_string(x.b.value()));
        tie_record& r = ties_[find_or_add_tie(x.a, x.b)];
        tie_event e;
        e.when = x.when;
        e.via = x.via;
        e.participants = x.participants;
        if (x.initiator) e.initiator = *x.initiator == r.a ? initiated_by::low : initiated_by::high;
        if (r.events.empty() || r.events.back().when <= e.when) {
            r.events.push_back(e);
        } else {
            auto it = std::upper_bound(r.events.begin(), r.events.end(), e.when,
                                       [](timestamp t, const tie_event& y) { return t < y.when; });
            r.events.insert(it, e);
        }
        ++interaction_count_;
    }

    /// Sets a manual warmth that overrides the strength model for this tie; creates
    /// the tie when needed. Complexity: O(1) expected.
    /// Throws: `unknown_person`, `invalid_tie` (a == b, warmth NaN or outside (0,1]).
    void set_warmth(person_id a, person_id b, double warmth) {
        check_person("network::set_warmth", a);
        check_person("network::set_warmth", b);
        if (a == b) throw invalid_tie("network::set_warmth: self-tie of person " + std::to_string(a.value()));
        check_warmth("network::set_warmth", warmth);
        ties_[find_or_add_tie(a, b)].manual_warmth = warmth;
    }

    /// Removes a manual warmth (the strength model applies again). A tie left with
    /// no interaction and no manual warmth is removed. Throws: `unknown_person`.
    void clear_warmth(person_id a, person_id b) {
        check_person("network::clear_warmth", a);
        check_person("network::clear_warmth", b);
        auto t = find_tie(a, b);
        if (!t) return;
        ties_[*t].manual_warmth.reset();
        if (ties_[*t].events.empty()) drop_tie(*t);
    }

    /// Sets who may see and route through the tie between a and b.
    /// Throws: `unknown_person` (a, b or the owner), `invalid_tie` (no such tie).
    void set_visibility(person_id a, person_id b, kith::visibility v) {
        check_person("network::set_visibility", a);
        check_person("network::set_visibility", b);
        if (v.private_to) check_person("network::set_visibility", *v.private_to);
        auto t = find_tie(a, b);
        if (!t)
            throw invalid_tie("network::set_visibility: no tie between " + std::to_string(a.value()) + " and " +
                              std::to_string(b.value()));
        ties_[*t].visibility = v;
    }

    /// Whether a and b have a tie (any interaction or a manual warmth). O(1) expected.
    bool has_tie(person_id a, person_id b) const noexcept { return find_tie(a, b).has_value(); }

    /// The stored record of the tie between a and b, or nullptr. O(1) expected.
    const tie_record* find_tie_record(person_id a, person_id b) const noexcept {
        auto t = find_tie(a, b);
        return t ? &ties_[*t] : nullptr;
    }

    /// The tie between a and b as seen at `now`: warmth (the manual warmth when set,
    /// else `model(events, now)`) and evidence. Nullopt when there is no tie or the
    /// model gives 0 (no interaction yet at `now`). Complexity: O(interactions of the tie).
    /// Throws: `unknown_person`; `invalid_tie` when the model returns a value outside [0,1] or NaN.
    std::optional<tie> tie_between(person_id a, person_id b, timestamp now,
                                   const strength_function& model = strength_model{},
                                   const strength_policy& policy = {}) const {
        check_person("network::tie_between", a);
        check_person("network::tie_between", b);
        auto t = find_tie(a, b);
        if (!t) return std::nullopt;
        return evaluate(ties_[*t], now, model, policy);
    }

    /// Evaluates a stored tie at `now` (see `tie_between`). Complexity: O(interactions).
    static std::optional<tie> evaluate(const tie_record& r, timestamp now, const strength_function& model,
                                       const strength_policy& policy = {}) {
        double w;
        if (r.manual_warmth) {
            w = *r.manual_warmth;
        } else {
            w = model(r.events, now);
            if (!(w >= 0.0 && w <= 1.0))
                throw invalid_tie("network::evaluate: the strength model returned " + std::to_string(w) +
                                  " for the tie between " + std::to_string(r.a.value()) + " and " +
                                  std::to_string(r.b.value()) + ", outside [0,1]");
            if (w == 0.0) return std::nullopt;
        }
        tie out;
        out.a = r.a;
        out.b = r.b;
        out.warmth = w;
        out.evidence = compute_evidence(r.events, now, policy);
        out.evidence.manual = r.manual_warmth.has_value();
        out.manual_warmth = r.manual_warmth;
        out.visibility = r.visibility;
        return out;
    }

    /// The interactions of the tie between a and b, sorted by time (empty when no tie).
    const std::vector<tie_event>& history(person_id a, person_id b) const noexcept {
        static const std::vector<tie_event> none;
        auto t = find_tie(a, b);
        return t ? ties_[*t].events : none;
    }

    /// The people `p` has a tie with, sorted by id (visibility is not applied).
    /// Complexity: O(d log d). Throws: `unknown_person`.
    std::vector<person_id> contacts(person_id p) const {
        check_person("network::contacts", p);
        std::vector<person_id> out;
        out.reserve(incident_[p.value()].size());
        for (std::uint32_t t : incident_[p.value()]) out.push_back(ties_[t].a == p ? ties_[t].b : ties_[t].a);
        std::sort(out.begin(), out.end());
        return out;
    }

    /// Number of live ties. O(1).
    std::size_t tie_count() const noexcept { return live_ties_; }
    /// Number of recorded interactions on live ties. O(1).
    std::size_t interaction_count() const noexcept { return interaction_count_; }
    /// An upper bound for tie slots (live and removed), for sizing.
    std::size_t tie_slot_count() const noexcept { return ties_.size(); }

    /// The live ties in creation order, as a lazy view of `const tie_record&`.
    /// Complexity: O(tie slots) to iterate. Invalidated by any change to ties.
    auto ties() const {
        return ranges::views::iota(std::size_t{0}, ties_.size()) |
               ranges::views::filter([this](std::size_t i) { return tie_alive_[i] != 0; }) |
               ranges::views::transform([this](std::size_t i) -> const tie_record& { return ties_[i]; });
    }

    /// Reserves room for `people` people and `ties` ties (bulk loads).
    void reserve(std::size_t people, std::size_t ties) {
        people_.reserve(people); alive_.reserve(people); person_org_.reserve(people);
        incident_.reserve(people); person_groups_.reserve(people); person_events_.reserve(people);
        key_index_.reserve(people);
        ties_.reserve(ties); tie_alive_.reserve(ties); tie_index_.reserve(ties);
    }

    /// Adds many people and manual warmths in one all-or-nothing call (bulk loads). The result
    /// equals `add_person(p)` for each person of `people` in order (so they get the ids
    /// id_bound(), id_bound() + 1, ...), then `set_warmth(t.a, t.b, t.warmth)` for each tie of
    /// `ties` in order: a tie that exists keeps its slot, interactions and visibility and gets
    /// the new warmth; a new one is created. Ties may name the new people by those ids.
    /// `ties` must be sorted strictly increasing by (min(a,b), max(a,b)), i.e. deduplicated
    /// (a and b may come in either order). `progress` (when set) is called with (items done,
    /// items total) after every 2^20 items (people + ties).
    /// Complexity: O(|people| * (|key| + |organization|) + |ties|) expected, plus
    /// O(id_bound()) for the degree counts when `ties` is not empty; no allocation per tie.
    /// Returns: the id of the first new person (the old id_bound(), also when `people` is empty).
    /// Throws, for the first failing item in the order above (people first), what the
    /// one-by-one call would throw, naming "network::add_bulk" and the item's index:
    /// `invalid_argument` (empty key, key already used by a live person or earlier in
    /// `people`, more than 2^32-1 people or tie slots), `unknown_person` (a or b neither live
    /// nor new), `invalid_tie` (a == b, warmth NaN or outside (0,1]); `invalid_argument` when
    /// `ties` is not strictly increasing; anything `progress` throws; std::bad_alloc.
    /// On any exception the network is unchanged (strong guarantee).
    person_id add_bulk(std::vector<person> people, const std::vector<bulk_tie>& ties,
                       const bulk_progress& progress = {}) {
        static constexpr const char* fn = "network::add_bulk";
        const std::size_t p0 = people_.size(), t0 = ties_.size(), o0 = orgs_.size();
        const std::size_t live_people0 = live_people_, live_ties0 = live_ties_;
        const std::size_t np = people.size(), nt = ties.size(), total = np + nt;
        constexpr std::size_t report_every = std::size_t{1} << 20;
        if (np > std::size_t{person_id::max_value} + 1 - p0)
            throw invalid_argument(std::string(fn) + ": " + std::to_string(np) + " new people would exceed 2^32-1 people");
        // Reserve first: growing changes nothing observable, so a bad_alloc here is harmless.
        // A network that never had a person adopts the vector itself (no move per person).
        const bool adopt = p0 == 0;
        if (!adopt) people_.reserve(p0 + np);
        alive_.reserve(p0 + np); person_org_.reserve(p0 + np);
        incident_.reserve(p0 + np); person_groups_.reserve(p0 + np); person_events_.reserve(p0 + np);
        key_index_.reserve(key_index_.size() + np);
        std::size_t done = 0;
        try {
            if (adopt) people_.swap(people);  // noexcept; rollback_bulk empties people_ again
            // People, exactly as add_person (each key is checked against the live and the earlier new ones).
            for (std::size_t i = 0; i < np; ++i) {
                person& p = adopt ? people_[i] : people[i];
                if (p.key.empty())
                    throw invalid_argument(std::string(fn) + ": the key of person #" + std::to_string(i) + " '" + p.name +
                                           "' is empty");
                std::optional<organization_id> org;
                if (!p.organization.empty()) org = intern_organization(p.organization);
                const person_id id(static_cast<std::uint32_t>(p0 + i));
                const auto [it, fresh] = key_index_.try_emplace(p.key, id);
                if (!fresh)
                    throw invalid_argument(std::string(fn) + ": key '" + p.key + "' of person #" + std::to_string(i) +
                                           " is already used by person " + std::to_string(it->second.value()));
                if (!adopt) people_.push_back(std::move(p));  // reserved: no throw from here to the next comment
                alive_.push_back(1);
                person_org_.push_back(org ? org->value() : no_index);
                incident_.emplace_back();
                person_groups_.emplace_back();
                person_events_.emplace_back();
                ++live_people_;
                if (org) org_members_[org->value()].push_back(id);  // ids grow: stays sorted
                if (++done % report_every == 0 && progress) progress(done, total);
            }
            if (nt > 0) add_bulk_ties(ties, t0, done, total, progress);
        } catch (...) {
            rollback_bulk(p0, t0, o0, live_people0, live_ties0);
            throw;
        }
        return person_id(static_cast<std::uint32_t>(p0));
    }

    /// Swaps two networks. O(1), noexcept (all-or-nothing imports build a copy, then swap).
    void swap(network& other) noexcept {
        using std::swap;
        swap(people_, other.people_); swap(alive_, other.alive_); swap(key_index_, other.key_index_);
        swap(live_people_, other.live_people_); swap(orgs_, other.orgs_); swap(org_index_, other.org_index_);
        swap(org_members_, other.org_members_); swap(person_org_, other.person_org_);
        swap(groups_, other.groups_); swap(group_index_, other.group_index_);
        swap(group_members_, other.group_members_); swap(person_groups_, other.person_groups_);
        swap(events_, other.events_); swap(event_index_, other.event_index_);
        swap(event_attendees_, other.event_attendees_); swap(person_events_, other.person_events_);
        swap(ties_, other.ties_); swap(tie_alive_, other.tie_alive_); swap(tie_index_, other.tie_index_);
        swap(incident_, other.incident_); swap(live_ties_, other.live_ties_);
        swap(interaction_count_, other.interaction_count_);
    }
    friend void swap(network& x, network& y) noexcept { x.swap(y); }

    /// Structural equality: same people (ids, tombstones, values), groups, events and ties
    /// (records compared in creation order). Used to prove that a failed import changed nothing.
    friend bool operator==(const network& x, const network& y) {
        if (x.people_ != y.people_ || x.alive_ != y.alive_ || x.orgs_ != y.orgs_ ||
            x.person_org_ != y.person_org_ || x.groups_ != y.groups_ || x.group_members_ != y.group_members_ ||
            x.events_ != y.events_ || x.event_attendees_ != y.event_attendees_ || x.tie_alive_ != y.tie_alive_ ||
            x.ties_.size() != y.ties_.size())
            return false;
        for (std::size_t i = 0; i < x.ties_.size(); ++i) {
            const tie_record& r = x.ties_[i];
            const tie_record& s = y.ties_[i];
            if (r.a != s.a || r.b != s.b || r.events != s.events || r.manual_warmth != s.manual_warmth ||
                r.visibility != s.visibility)
                return false;
        }
        return true;
    }
    friend bool operator!=(const network& x, const network& y) { return !(x == y); }

private:
    static constexpr std::uint32_t no_index = 0xFFFFFFFFu;

    static std::uint64_t pair_key(person_id a, person_id b) noexcept {
        const std::uint32_t lo = std::min(a.value(), b.value()), hi = std::max(a.value(), b.value());
        return (static_cast<std::uint64_t>(lo) << 32) | hi;
    }

    template <class T>
    static void insert_sorted(std::vector<T>& v, T x) {
        auto it = std::lower_bound(v.begin(), v.end(), x);
        if (it == v.end() || *it != x) v.insert(it, x);
    }

    void check_person(const char* fn, person_id id) const {
        if (!contains(id))
            throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(id.value()) +
                                 (id.value() < alive_.size() ? " (removed)" : ""));
    }
    void check_org(const char* fn, organization_id o) const {
        if (o.value() >= orgs_.size())
            throw invalid_argument(std::string(fn) + ": unknown organization id " + std::to_string(o.value()));
    }
    void check_group(const char* fn, group_id g) const {
        if (g.value() >= groups_.size())
            throw invalid_argument(std::string(fn) + ": unknown group id " + std::to_string(g.value()));
    }
    void check_event(const char* fn, event_id e) const {
        if (e.value() >= events_.size())
            throw invalid_argument(std::string(fn) + ": unknown event id " + std::to_string(e.value()));
    }
    static void check_warmth(const char* fn, double w) {
        if (!(w > 0.0 && w <= 1.0))
            throw invalid_tie(std::string(fn) + ": warmth " + std::to_string(w) + " is outside (0,1]");
    }

    /// The organisation named `name`, created when new. Strong guarantee.
    organization_id intern_organization(const std::string& name) {
        auto it = org_index_.find(name);
        if (it != org_index_.end()) return it->second;
        const organization_id o(static_cast<std::uint32_t>(orgs_.size()));
        orgs_.push_back(organization{name});
        try {
            org_members_.emplace_back();
            org_index_.emplace(name, o);
        } catch (...) {
            if (org_members_.size() > orgs_.size() - 1) org_members_.pop_back();
            orgs_.pop_back();
            throw;
        }
        return o;
    }

    void detach_organization(person_id id) {
        const std::uint32_t o = person_org_[id.value()];
        if (o == no_index) return;
        auto& m = org_members_[o];
        m.erase(std::remove(m.begin(), m.end(), id), m.end());
        person_org_[id.value()] = no_index;
    }

    std::optional<std::uint32_t> find_tie(person_id a, person_id b) const noexcept {
        return tie_index_.find(pair_key(a, b));
    }

    std::uint32_t find_or_add_tie(person_id a, person_id b) {
        if (ties_.size() >= no_index) throw invalid_argument("network: more than 2^32-1 tie slots");
        const auto t = static_cast<std::uint32_t>(ties_.size());
        // One hash probe: insert the new slot number, or find the existing one.
        const std::uint64_t key = pair_key(a, b);
        const auto [found, added] = tie_index_.try_emplace(key, t);
        if (!added) return found;
        tie_record r;
        r.a = std::min(a, b);
        r.b = std::max(a, b);
        try {
            ties_.push_back(std::move(r));
            tie_alive_.push_back(1);
        } catch (...) {  // keep the strong guarantee
            if (tie_alive_.size() > ties_.size()) tie_alive_.pop_back();
            if (ties_.size() > t) ties_.pop_back();
            tie_index_.erase(key);
            throw;
        }
        incident_[a.value()].push_back(t);
        incident_[b.value()].push_back(t);
        ++live_ties_;
        return t;
    }

    /// The ties part of add_bulk: validates all of `ties`, reserves, inserts the new ties into
    /// the index and the slots, then fills the incidence lists (only `progress` and scratch
    /// allocations can throw there); updates of existing ties are applied last, when nothing
    /// can throw any more. The caller rolls back on exception.
    void add_bulk_ties(const std::vector<bulk_tie>& ties, std::size_t t0, std::size_t done, std::size_t total,
                       const bulk_progress& progress) {
        static constexpr const char* fn = "network::add_bulk";
        constexpr std::size_t report_every = std::size_t{1} << 20;
        const std::size_t nt = ties.size();
        auto where = [](std::size_t i, const bulk_tie& t) {
            return " (tie #" + std::to_string(i) + ", " + std::to_string(t.a.value()) + "-" + std::to_string(t.b.value()) +
                   ")";
        };
        // 1. Validate everything (no change) and count each person's new incidences.
        std::vector<std::uint32_t> degree(people_.size(), 0);
        std::uint64_t prev = 0;
        for (std::size_t i = 0; i < nt; ++i) {
            const bulk_tie& t = ties[i];
            for (person_id x : {t.a, t.b})
                if (!contains(x))
                    throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(x.value()) +
                                         (x.value() < alive_.size() ? " (removed)" : "") + where(i, t));
            if (t.a == t.b) throw invalid_tie(std::string(fn) + ": self-tie of person " + std::to_string(t.a.value()) + where(i, t));
            if (!(t.warmth > 0.0 && t.warmth <= 1.0))
                throw invalid_tie(std::string(fn) + ": warmth " + std::to_string(t.warmth) + " is outside (0,1]" + where(i, t));
            const std::uint64_t key = pair_key(t.a, t.b);
            if (i > 0 && key <= prev)
                throw invalid_argument(std::string(fn) + ": ties are not sorted strictly by (min(a,b), max(a,b))" +
                                       (key == prev ? " (a pair repeats)" : "") + where(i, t));
            prev = key;
            ++degree[t.a.value()];
            ++degree[t.b.value()];
        }
        if (t0 + nt > no_index) throw invalid_argument(std::string(fn) + ": more than 2^32-1 tie slots");
        // 2. Reserve (no observable change).
        ties_.reserve(t0 + nt);
        tie_alive_.reserve(t0 + nt);
        tie_index_.reserve(tie_index_.size() + nt);
        for (std::size_t p = 0; p < degree.size(); ++p)
            if (degree[p] > 0) incident_[p].reserve(incident_[p].size() + degree[p]);
        std::vector<std::uint32_t>().swap(degree);
        // 3. Index and slots. Existing ties are only listed here (their warmth changes in step 5).
        std::vector<std::pair<std::uint32_t, double>> updates;
        constexpr std::size_t ahead = 16;  // prefetch distance for the index probes
        for (std::size_t i = 0; i < std::min(ahead, nt); ++i) tie_index_.prefetch(pair_key(ties[i].a, ties[i].b));
        for (std::size_t i = 0; i < nt; ++i) {
            if (i + ahead < nt) tie_index_.prefetch(pair_key(ties[i + ahead].a, ties[i + ahead].b));
            const bulk_tie& t = ties[i];
            const auto slot = static_cast<std::uint32_t>(ties_.size());
            const auto [found, added] = tie_index_.try_emplace(pair_key(t.a, t.b), slot);  // reserved: no rehash
            if (added) {
                tie_record r;
                r.a = std::min(t.a, t.b);
                r.b = std::max(t.a, t.b);
                r.manual_warmth = t.warmth;
                ties_.push_back(std::move(r));  // all reserved: no throw
                tie_alive_.push_back(1);
                ++live_ties_;
            } else {
                updates.emplace_back(found, t.warmth);
            }
            if (++done % report_every == 0 && progress) progress(done, total);
        }
        // 4. Incidence lists (reserved in step 2).
        if (updates.empty()) {  // every tie is new: slot t0 + k is ties[k]
            fill_incidence(t0, [&](std::size_t k) { return std::minmax(ties[k].a, ties[k].b); });
        } else {
            fill_incidence(t0, [&](std::size_t k) { return std::make_pair(ties_[t0 + k].a, ties_[t0 + k].b); });
        }
        // 5. Nothing throws any more.
        for (const auto& [slot, w] : updates) ties_[slot].manual_warmth = w;
    }

    /// Appends the tie slots from t0 on (created in increasing (lo, hi) order; `pair(k)` gives
    /// the (lo, hi) of slot t0 + k) to their people's incidence lists, in slot order as one by
    /// one insertion would, without a random access per tie: a person's new ties where they are
    /// the higher id come first (their lower id is smaller), found by a counting sort on the
    /// higher id; then those where they are the lower id, a run of consecutive slots.
    /// Complexity: O(id_bound() + new ties). The lists must have room (no allocation there).
    template <class Pair>
    void fill_incidence(std::size_t t0, Pair&& pair) {
        const std::size_t n = people_.size(), m = ties_.size() - t0;
        if (m == 0) return;
        std::vector<std::uint32_t> at(n + 1, 0);  // counting sort by the higher id
        for (std::size_t k = 0; k < m; ++k) ++at[pair(k).second.value() + 1];
        for (std::size_t p = 0; p < n; ++p) at[p + 1] += at[p];
        std::vector<std::uint32_t> by_high(m);
        for (std::size_t k = 0; k < m; ++k)
            by_high[at[pair(k).second.value()]++] = static_cast<std::uint32_t>(t0 + k);
        // Now person p's slots are by_high[at[p-1], at[p]) (at[-1] = 0).
        std::size_t k = 0;
        for (std::size_t p = 0; p < n; ++p) {
            auto& inc = incident_[p];
            const std::uint32_t* from = by_high.data() + (p == 0 ? 0 : at[p - 1]);
            inc.insert(inc.end(), from, static_cast<const std::uint32_t*>(by_high.data() + at[p]));
            for (; k < m && pair(k).first.value() == p; ++k) inc.push_back(static_cast<std::uint32_t>(t0 + k));
        }
    }

    /// Undoes a failed add_bulk: removes the tie slots from t0 on and the people from p0 on
    /// (with their keys and organisation memberships) and the organisations from o0 on. noexcept.
    void rollback_bulk(std::size_t p0, std::size_t t0, std::size_t o0, std::size_t live_people0,
                       std::size_t live_ties0) noexcept {
        for (std::size_t t = t0; t < ties_.size(); ++t) {
            const tie_record& r = ties_[t];
            tie_index_.erase(pair_key(r.a, r.b));
            for (person_id x : {r.a, r.b}) {
                auto& inc = incident_[x.value()];
                while (!inc.empty() && inc.back() >= t0) inc.pop_back();
            }
        }
        ties_.erase(ties_.begin() + static_cast<std::ptrdiff_t>(t0), ties_.end());
        tie_alive_.resize(std::min(tie_alive_.size(), t0));
        live_ties_ = live_ties0;
        for (std::size_t q = p0; q < people_.size(); ++q) {
            // The key may be someone else's only when this person's own emplace failed.
            auto it = key_index_.find(people_[q].key);
            if (it != key_index_.end() && it->second.value() == q) key_index_.erase(it);
        }
        for (std::size_t o = 0; o < o0; ++o) {
            auto& m = org_members_[o];
            while (!m.empty() && m.back().value() >= p0) m.pop_back();
        }
        for (std::size_t o = o0; o < orgs_.size(); ++o) org_index_.erase(orgs_[o].name);
        orgs_.erase(orgs_.begin() + static_cast<std::ptrdiff_t>(o0), orgs_.end());
        org_members_.erase(org_members_.begin() + static_cast<std::ptrdiff_t>(std::min(o0, org_members_.size())),
                           org_members_.end());
        people_.erase(people_.begin() + static_cast<std::ptrdiff_t>(p0), people_.end());
        alive_.resize(p0);
        person_org_.resize(p0);
        incident_.erase(incident_.begin() + static_cast<std::ptrdiff_t>(p0), incident_.end());
        person_groups_.erase(person_groups_.begin() + static_cast<std::ptrdiff_t>(p0), person_groups_.end());
        person_events_.erase(person_events_.begin() + static_cast<std::ptrdiff_t>(p0), person_events_.end());
        live_people_ = live_people0;
    }

    void drop_tie(std::uint32_t t) {
        tie_record& r = ties_[t];
        for (person_id p : {r.a, r.b}) {
            auto& inc = incident_[p.value()];
            inc.erase(std::remove(inc.begin(), inc.end(), t), inc.end());
        }
        tie_index_.erase(pair_key(r.a, r.b));
        tie_alive_[t] = 0;
        --live_ties_;
    }

    // people
    std::vector<person> people_;
    std::vector<std::uint8_t> alive_;
    std::unordered_map<std::string, person_id> key_index_;
    std::size_t live_people_ = 0;
    // organisations
    std::vector<organization> orgs_;
    std::unordered_map<std::string, organization_id> org_index_;
    std::vector<std::vector<person_id>> org_members_;
    std::vector<std::uint32_t> person_org_;
    // groups
    std::vector<group> groups_;
    std::unordered_map<std::string, group_id> group_index_;
    std::vector<std::vector<membership>> group_members_;
    std::vector<std::vector<group_id>> person_groups_;
    // events
    std::vector<event> events_;
    std::unordered_map<std::string, event_id> event_index_;
    std::vector<std::vector<attendance>> event_attendees_;
    std::vector<std::vector<event_id>> person_events_;
    // ties
    std::vector<tie_record> ties_;
    std::vector<std::uint8_t> tie_alive_;
    detail::tie_slot_map tie_index_;
    std::vector<std::vector<std::uint32_t>> incident_;
    std::size_t live_ties_ = 0;
    std::size_t interaction_count_ = 0;
};

} // namespace kith
