// tests/fuzz/fuzz_common.hpp -- what kith's loader fuzz targets (fuzz_csv, fuzz_edge_list,
// fuzz_gml) share: the oracle failure, the starting network, the all-or-nothing check after a
// loader's error and the freeze check after its success.
#pragma once

#include <kith/core/error.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <utility>

namespace kith_fuzz {

/// Prints "<target>: oracle failed: <what>" to stderr and aborts (libFuzzer keeps the input).
[[noreturn]] inline void oracle_failed(const char* target, const char* what) {
    std::fprintf(stderr, "%s: oracle failed: %s\n", target, what);
    std::abort();
}

/// A network of people with the given keys (ids 0, 1, ... in order) and a tie of warmth 0.5
/// between the first two, so that a fuzzed file can meet existing people and ties.
/// O(number of keys).
inline kith::network keyed_network(std::initializer_list<const char*> keys) {
    kith::network n;
    for (const char* key : keys) {
        kith::person p;
        p.key = key;
        n.add_person(std::move(p));
    }
    n.set_warmth(kith::person_id(0), kith::person_id(1), 0.5);
    return n;
}

/// Runs `load()`, a loader call on `net` (with any oracles of its own). Only kith::parse_error
/// and kith::invalid_argument may escape a loader (anything else reaches libFuzzer, which
/// reports it); after either, `net` must still equal `before` (all-or-nothing), else
/// oracle_failed(target, ...). Returns whether `load()` succeeded.
template <class Load>
bool load_all_or_nothing(const char* target, const kith::network& net, const kith::network& before, Load&& load) {
    try {
        std::forward<Load>(load)();
    } catch (const kith::parse_error&) {
        if (!(net == before)) oracle_failed(target, "the network changed after a parse_error");
        return false;
    } catch (const kith::invalid_argument&) {
        if (!(net == before)) oracle_failed(target, "the network changed after an invalid_argument");
        return false;
    }
    return true;
}

/// After a successful load: `net` freezes into a snapshot with every person in it.
inline void check_freezes(const char* target, const kith::network& net) {
    const kith::snapshot s(net, kith::make_timestamp(2025, 6, 1));
    if (s.num_people() != net.person_count()) oracle_failed(target, "snapshot people != network people");
}

} // namespace kith_fuzz
