// tests/fuzz/fuzz_query.cpp -- libFuzzer target for kith's public query entry points.
//
// Input: the first bytes build a small network (up to 24 people with organisations and
// interests, up to 80 ties set by manual warmth or by recorded interactions, some private to
// one of their ends or to a third person, groups with themes, one event with tables, maybe a
// removed person); it is frozen into a snapshot. The remaining bytes drive queries with random
// person ids (live, removed, out of range) and random options (including NaN, negative and
// out-of-range values): find_warm_path (single and set forms), find_k_warm_paths,
// explain_path, plan_event, choose_table, suggest_groups, suggest_people_to_meet,
// brokerage_of / brokerage_all.
// Only kith::error may escape. Oracles beyond the sanitizers: a path starts in `from`, ends
// in `to`, is simple, respects max_hops, never routes through avoided people, its tie warmths
// are the snapshot's and visible to the asker, its warmth is exp(log_warmth); the first of
// the k best paths (no diversity) is the single best path; a found path can be explained.
// The path workspace is a static one with 8-bit generations shared by every run, so its
// wrap-around is exercised constantly.
#include <kith/core/error.hpp>
#include <kith/metrics/brokerage.hpp>
#include <kith/network.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_query: oracle failed: %s\n", what);
    std::abort();
}

void check(bool ok, const char* what) {
    if (!ok) fail(what);
}

constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();

// A factor for options: mostly valid, sometimes not.
double pick_double(FuzzedDataProvider& in, std::initializer_list<double> values) {
    const std::size_t i = in.ConsumeIntegralInRange<std::size_t>(0, values.size() - 1);
    return *(values.begin() + static_cast<std::ptrdiff_t>(i));
}

struct fixture {
    kith::network net;
    std::uint32_t bound = 0;  // ids issued
};

void build(FuzzedDataProvider& in, fixture& f) {
    static const char* const orgs[] = {"", "Acme", "Bolt", "Cora"};
    static const char* const tags[] = {"ai", "chess", "sailing", "yoga", "service"};
    const auto n = in.ConsumeIntegralInRange<std::uint32_t>(1, 24);
    for (std::uint32_t i = 0; i < n; ++i) {
        kith::person p;
        p.key = "k" + std::to_string(i);
        p.name = "Person " + std::to_string(i);
        const auto bits = in.ConsumeIntegral<std::uint8_t>();
        p.organization = orgs[bits & 3u];
        for (unsigned t = 0; t < 5; ++t)
            if (bits & (8u << t)) p.interests.push_back(tags[t]);
        f.net.add_person(std::move(p));
    }
    f.bound = n;
    const auto m = in.ConsumeIntegralInRange<unsigned>(0, 80);
    const kith::timestamp t0 = kith::make_timestamp(2024, 1, 1);
    for (unsigned i = 0; i < m && in.remaining_bytes() > 0; ++i) {
        const kith::person_id a(in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1));
        const kith::person_id b(in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1));
        const auto how = in.ConsumeIntegral<std::uint8_t>();
        if (a == b) continue;
        if (how & 1u) {
            kith::interaction x;
            x.a = a;
            x.b = b;
            x.when = t0 + std::chrono::hours(24 * in.ConsumeIntegralInRange<int>(0, 500));
            x.via = static_cast<kith::channel>((how >> 1) % 6u);
            if (how & 0x10u) x.initiator = b;
            f.net.record(x);
        } else {
            const auto w = in.ConsumeIntegral<std::uint8_t>();
            f.net.set_warmth(a, b, w == 0 ? 1e-20 : static_cast<double>(w) / 255.0);
        }
        if (how & 0x20u) {
            const std::uint32_t owner = (how & 0x40u) ? a.value() : (how & 0x80u) ? b.value()
                                                                                   : in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1);
            kith::visibility v;
            v.private_to = kith::person_id(owner);
            f.net.set_visibility(a, b, v);
        }
    }
    const auto groups = in.ConsumeIntegralInRange<unsigned>(0, 4);
    for (unsigned g = 0; g < groups; ++g) {
        kith::group gr;
        gr.name = "Group " + std::to_string(g);
        const auto bits = in.ConsumeIntegral<std::uint8_t>();
        for (unsigned t = 0; t < 5; ++t)
            if (bits & (1u << t)) gr.themes.push_back(tags[t]);
        const kith::group_id id = f.net.add_group(gr);
        const auto members = in.ConsumeIntegralInRange<unsigned>(0, 10);
        for (unsigned k = 0; k < members; ++k) f.net.join(id, kith::person_id(in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1)));
    }
    if (in.ConsumeBool()) {
        kith::event ev;
        ev.name = "Summit";
        const kith::event_id e = f.net.add_event(ev);
        const auto seats = in.ConsumeIntegralInRange<unsigned>(0, 24);
        for (unsigned k = 0; k < seats; ++k) {
            const auto t = in.ConsumeIntegralInRange<unsigned>(0, 3);
            f.net.attend(e, kith::person_id(in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1)),
                         t == 0 ? std::string() : "T" + std::to_string(t));
        }
    }
    if (n > 2 && in.ConsumeIntegralInRange<unsigned>(0, 7) == 0)
        f.net.remove_person(kith::person_id(in.ConsumeIntegralInRange<std::uint32_t>(0, n - 1)));
}

kith::person_id pick_id(FuzzedDataProvider& in, std::uint32_t bound) {
    const auto r = in.ConsumeIntegralInRange<std::uint32_t>(0, bound + 2);
    if (r == bound + 2) return kith::person_id(std::numeric_limits<std::uint32_t>::max());
    return kith::person_id(r);
}

std::vector<kith::person_id> pick_ids(FuzzedDataProvider& in, std::uint32_t bound, unsigned max) {
    std::vector<kith::person_id> out(in.ConsumeIntegralInRange<unsigned>(0, max));
    for (auto& p : out) p = pick_id(in, bound);
    return out;
}

kith::path_options pick_path_options(FuzzedDataProvider& in, std::uint32_t bound) {
    kith::path_options o;
    const auto bits = in.ConsumeIntegral<std::uint8_t>();
    if (bits & 1u) o.hop_factor = pick_double(in, {0.8, 1.0, 0.5, 1e-300, 0.0, -0.5, 1.5, nan_v});
    if (bits & 2u) o.max_hops = in.ConsumeIntegralInRange<std::size_t>(0, 7);
    if (bits & 4u) o.min_tie_warmth = pick_double(in, {0.0, 0.3, 0.7, 1.0, -0.1, 1.1, nan_v});
    if (bits & 8u) o.avoid = pick_ids(in, bound, 3);
    if (bits & 16u) o.asker = pick_id(in, bound);
    if (bits & 32u) {
        const auto k = in.ConsumeIntegralInRange<unsigned>(1, 3);
        for (unsigned i = 0; i < k; ++i)
            o.introducer_factor.emplace_back(pick_id(in, bound), pick_double(in, {0.5, 1.0, 1e-300, 0.0, 2.0, nan_v}));
    }
    return o;
}

bool contains(const std::vector<kith::person_id>& v, kith::person_id p) { return std::find(v.begin(), v.end(), p) != v.end(); }

void check_path(const kith::snapshot& s, const kith::warm_path& p, const std::vector<kith::person_id>& from,
                const std::vector<kith::person_id>& to, const kith::path_options& o) {
    check(!p.people.empty(), "empty path");
    check(contains(from, p.source()) && contains(to, p.target()), "path endpoints not in from / to");
    check(p.tie_warmth.size() == p.hops(), "tie_warmth size != hops");
    if (o.max_hops) check(p.hops() <= *o.max_hops, "path longer than max_hops");
    std::vector<kith::person_id> seen = p.people;
    std::sort(seen.begin(), seen.end());
    check(std::adjacent_find(seen.begin(), seen.end()) == seen.end(), "path is not simple");
    std::optional<kith::snapshot::vertex_type> asker;
    if (o.asker) asker = s.vertex_of(*o.asker);
    for (std::size_t i = 0; i < p.people.size(); ++i) {
        if (i > 0 && i + 1 < p.people.size()) check(!contains(o.avoid, p.people[i]), "path routes through an avoided person");
        if (i + 1 == p.people.size()) break;
        const auto u = s.vertex_of(p.people[i]), v = s.vertex_of(p.people[i + 1]);
        const auto a = s.find_arc(u, v);
        check(a.has_value(), "path uses a missing tie");
        bool visible = false;
        for (auto x = s.arc_begin(u); x != s.arc_end(u); ++x)
            if (s.arc_target(x) == v && s.arc_visible(x, asker)) visible = true;
        check(visible, "path uses a tie the asker may not see");
        check(p.tie_warmth[i] == s.arc_warmth(*a), "tie warmth differs from the snapshot");
        check(p.tie_warmth[i] >= o.min_tie_warmth - 1e-12, "tie below min_tie_warmth");
    }
    check(p.warmth >= 0.0 && p.warmth <= 1.0, "warmth outside [0,1]");
    check(p.log_warmth <= 0.0, "log_warmth > 0");
    check(p.warmth == std::exp(p.log_warmth), "warmth != exp(log_warmth)");
}

kith::basic_path_workspace<std::uint8_t>& small_workspace() {
    static kith::basic_path_workspace<std::uint8_t> ws;
    return ws;
}

void one_query(FuzzedDataProvider& in, const kith::snapshot& s, std::uint32_t bound) {
    switch (in.ConsumeIntegralInRange<unsigned>(0, 7)) {
    case 0: {  // single best path, then its explanation
        const auto from = pick_id(in, bound), to = pick_id(in, bound);
        const auto o = pick_path_options(in, bound);
        const auto p = kith::find_warm_path(s, from, to, o, small_workspace());
        const auto q = kith::find_warm_path(s, from, to, o);
        check(p == q, "workspace types disagree");
        if (p) {
            check_path(s, *p, {from}, {to}, o);
            const auto e = kith::explain_path(s, *p, o);
            check(e.hops.size() == p->hops(), "explanation hop count");
        }
        break;
    }
    case 1: {  // set form
        const auto from = pick_ids(in, bound, 4), to = pick_ids(in, bound, 4);
        const auto o = pick_path_options(in, bound);
        if (const auto p = kith::find_warm_path(s, from, to, o, small_workspace())) check_path(s, *p, from, to, o);
        break;
    }
    case 2: {  // k best
        const auto from = pick_id(in, bound), to = pick_id(in, bound);
        const auto o = pick_path_options(in, bound);
        const auto k = in.ConsumeIntegralInRange<std::size_t>(0, 6);
        kith::k_paths_options ko;
        ko.diversity = static_cast<kith::path_diversity>(in.ConsumeIntegralInRange<unsigned>(0, 2));
        ko.max_overlap = pick_double(in, {0.5, 0.0, 1.0, -0.1, 1.5, nan_v});
        ko.max_enumerated = in.ConsumeIntegralInRange<std::size_t>(0, 40);
        const auto ps = kith::find_k_warm_paths(s, from, to, k, o, ko, small_workspace());
        check(ps.size() <= k, "more than k paths");
        for (const auto& p : ps) check_path(s, p, {from}, {to}, o);
        if (ko.diversity == kith::path_diversity::none && k > 0) {
            const auto best = kith::find_warm_path(s, from, to, o);
            check(best.has_value() == !ps.empty(), "k paths and best path disagree on existence");
            if (best) check(*best == ps.front(), "first of k paths != best path");
        }
        break;
    }
    case 3: {  // explain a made-up path
        kith::warm_path p;
        p.people = pick_ids(in, bound, 5);
        const auto o = pick_path_options(in, bound);
        (void)kith::explain_path(s, p, o);
        break;
    }
    case 4: {  // plan_event / choose_table
        kith::event_plan_options o;
        o.cards = in.ConsumeIntegralInRange<std::size_t>(0, 30);
        if (in.ConsumeBool()) o.goals = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) o.exclude = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) o.asker = pick_id(in, bound);
        if (in.ConsumeBool()) o.goal_weight = pick_double(in, {0.0, 5.0, -1.0, nan_v, inf_v});
        if (in.ConsumeBool()) o.person_weight = pick_double(in, {0.0, 1.0, -1.0, nan_v});
        const auto me = pick_id(in, bound);
        const kith::event_id e(in.ConsumeIntegralInRange<std::uint32_t>(0, 2));
        if (in.ConsumeBool()) {
            const auto plan = kith::plan_event(s, me, e, o);
            check(plan.picks.size() <= o.cards, "more picks than cards");
            for (const auto& pk : plan.picks) check(!contains(o.exclude, pk.who) && pk.who != me, "picked me or an excluded person");
        } else {
            (void)kith::choose_table(s, me, e, o);
        }
        break;
    }
    case 5: {  // suggest_groups
        kith::group_options o;
        if (in.ConsumeBool()) o.goals = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) o.exclude = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) o.asker = pick_id(in, bound);
        if (in.ConsumeBool()) o.fit_step = pick_double(in, {0.1, 1.0, 0.0, -0.1, nan_v, 1e-300});
        if (in.ConsumeBool()) o.shared_interest_share = pick_double(in, {0.0, 0.5, 1.0, 1.5, nan_v});
        if (in.ConsumeBool()) o.theme_weight = pick_double(in, {0.0, 0.6, -1.0, inf_v, nan_v});
        o.require_shared_interest = in.ConsumeBool();
        o.max_results = in.ConsumeIntegralInRange<std::size_t>(0, 3);
        const auto r = kith::suggest_groups(s, pick_id(in, bound), o);
        if (o.max_results) check(r.size() <= o.max_results, "more groups than max_results");
        break;
    }
    case 6: {  // people to meet
        kith::people_to_meet_options o;
        o.k = in.ConsumeIntegralInRange<std::size_t>(0, 12);
        o.score = static_cast<kith::link_score>(in.ConsumeIntegralInRange<unsigned>(0, 6));
        o.weighting = in.ConsumeBool() ? kith::link_weighting::warmth : kith::link_weighting::unweighted;
        if (in.ConsumeBool()) o.min_tie_warmth = pick_double(in, {0.0, 0.5, 1.0, -0.5, 2.0, nan_v});
        if (in.ConsumeBool()) o.excluded = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) o.katz_beta = pick_double(in, {0.05, 0.5, 0.0, 1.0, nan_v});
        if (in.ConsumeBool()) o.activity_weight = pick_double(in, {0.0, 1.0, 1e300, -1.0, inf_v, nan_v});
        o.max_mutuals = in.ConsumeIntegralInRange<std::size_t>(0, 6);
        const auto me = pick_id(in, bound);
        const auto r = kith::suggest_people_to_meet(s, me, o);
        check(r.size() <= o.k, "more suggestions than k");
        for (const auto& x : r) {
            check(x.who != me && !contains(o.excluded, x.who), "suggested me or an excluded person");
            check(x.mutuals.size() <= o.max_mutuals && x.mutuals.size() <= x.mutual_count, "mutual list too long");
            for (const auto& mc : x.mutuals) check(!contains(o.excluded, mc.who), "an excluded person listed as a mutual");
        }
        break;
    }
    default: {  // brokerage
        kith::brokerage_options o;
        o.weight = in.ConsumeBool() ? kith::brokerage_weight::warmth : kith::brokerage_weight::unweighted;
        if (in.ConsumeBool()) o.asker = pick_id(in, bound);
        if (in.ConsumeBool()) o.excluded = pick_ids(in, bound, 3);
        if (in.ConsumeBool()) {
            const auto all = kith::brokerage_all(s, o);
            check(all.size() == s.num_people(), "brokerage_all size");
        } else {
            (void)kith::brokerage_of(s, pick_id(in, bound), o);
        }
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    fixture f;
    build(in, f);
    const kith::snapshot s(f.net, kith::make_timestamp(2025, 6, 1));
    for (int q = 0; q < 16 && in.remaining_bytes() > 0; ++q) {
        try {
            one_query(in, s, f.bound);
        } catch (const kith::error&) {
            // bad ids and options are expected to throw kith::error; nothing else may escape
        }
    }
    return 0;
}
