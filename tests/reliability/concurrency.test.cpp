// tests/reliability/concurrency.test.cpp -- readers query shared snapshots while a writer
// records interactions and publishes new snapshots (run under TSan by .ci/tsan).
//
// The threading contract (docs/reliability.md, "Concurrency"): a `kith::snapshot` is immutable;
// any number of threads may query one `std::shared_ptr<const snapshot>` at once, each with its
// own workspaces (path_workspace, people_to_meet_workspace; the overloads without a workspace
// use a thread_local one or make their own). The writer owns the `network` (never shared),
// freezes it into a new snapshot privately and publishes the pointer with one atomic store;
// readers take the current pointer with one atomic load (O(1)) and keep their snapshot alive for
// as long as they use it. A reader therefore never waits for a freeze.
//
// What is checked: (1) every reader answer (paths, k best, explanations, people to meet, event
// plans, group suggestions) equals a reference computed by the same thread on the same snapshot
// with fresh workspaces, and a sample of them equals a single-threaded recomputation after all
// threads have joined; (2) readers complete queries while a freeze is in progress: the writer's
// strength model stops in the middle of one freeze until the readers have answered a number of
// queries, so a reader that waited for the writer would deadlock the test (no timing involved).
#include "kith_catch.hpp"

#include <kith/network.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using snapshot_ptr = std::shared_ptr<const kith::snapshot>;

const kith::timestamp t0 = kith::make_timestamp(2025, 1, 1);

kith::network initial_network(std::mt19937_64& g, std::uint32_t n) {
    static const char* const tags[] = {"ai", "chess", "sailing", "yoga"};
    kith::network net;
    for (std::uint32_t i = 0; i < n; ++i) {
        kith::person p;
        p.key = "p" + std::to_string(i);
        p.name = "Person " + std::to_string(i);
        p.organization = "Org " + std::to_string(g() % 12);
        p.interests = {tags[g() % 4], tags[g() % 4]};
        net.add_person(std::move(p));
    }
    for (std::uint32_t i = 0; i < 4 * n; ++i) {
        kith::interaction x;
        x.a = kith::person_id(static_cast<std::uint32_t>(g() % n));
        x.b = kith::person_id(static_cast<std::uint32_t>(g() % n));
        if (x.a == x.b) continue;
        x.when = t0 - std::chrono::hours(static_cast<int>(g() % (24 * 300)));
        x.via = static_cast<kith::channel>(g() % 6);
        net.record(x);
        if (g() % 10 == 0) {
            kith::visibility v;
            v.private_to = x.a;
            net.set_visibility(x.a, x.b, v);
        }
    }
    for (int k = 0; k < 3; ++k) {
        kith::group gr;
        gr.name = "Group " + std::to_string(k);
        gr.themes = {tags[k]};
        const auto id = net.add_group(gr);
        for (std::uint32_t i = 0; i < n; ++i)
            if (g() % 8 == 0) net.join(id, kith::person_id(i));
    }
    kith::event ev;
    ev.name = "Summit";
    const auto e = net.add_event(ev);
    for (std::uint32_t i = 0; i < n; ++i)
        if (g() % 3 == 0) net.attend(e, kith::person_id(i), "T" + std::to_string(g() % 5));
    return net;
}

// One query, answered with the given workspaces; the result summarised as a comparable value.
struct answer {
    std::optional<kith::warm_path> path{};
    std::vector<kith::warm_path> k_paths{};
    std::optional<kith::path_explanation> explanation{};
    std::vector<kith::person_suggestion> people{};
    std::optional<kith::event_plan> plan{};
    std::vector<kith::group_suggestion> groups{};
    std::string error{};  // the message of a kith::error (e.g. someone not at the event)
    friend bool operator==(const answer& a, const answer& b) {
        return a.error == b.error && a.path == b.path && a.k_paths == b.k_paths && a.explanation == b.explanation && a.people == b.people &&
               a.plan == b.plan && a.groups == b.groups;
    }
};

struct query {
    unsigned kind = 0;
    kith::person_id a{}, b{};
};

answer run(const kith::snapshot& s, const query& q, kith::path_workspace& pw, kith::people_to_meet_workspace& mw) {
    answer out;
    kith::path_options o;
    o.asker = q.a;
    o.max_hops = 6;
    try {
        switch (q.kind % 5) {
        case 0:
            out.path = kith::find_warm_path(s, q.a, q.b, o, pw);
            if (out.path) out.explanation = kith::explain_path(s, *out.path, o);
            break;
        case 1: {
            kith::k_paths_options ko;
            ko.diversity = q.kind % 2 ? kith::path_diversity::distinct_first_introducer : kith::path_diversity::none;
            out.k_paths = kith::find_k_warm_paths(s, q.a, q.b, 3, o, ko, pw);
            break;
        }
        case 2: {
            kith::people_to_meet_options po;
            po.k = 5;
            out.people = kith::suggest_people_to_meet(s, q.a, po, mw);
            break;
        }
        case 3: {
            kith::event_plan_options eo;
            eo.cards = 5;
            out.plan = kith::plan_event(s, q.a, kith::event_id(0), eo);
            break;
        }
        default:
            out.groups = kith::suggest_groups(s, q.a, {});
            break;
        }
    } catch (const kith::error& e) {
        out.error = e.what();
    }
    return out;
}

struct record {
    snapshot_ptr s;
    query q;
    answer a;
};

// Blocks one freeze in the middle (inside the strength model) until `release` is set.
struct freeze_gate {
    std::mutex m;
    std::condition_variable cv;
    bool armed = false, entered = false, release = false;
};

} // namespace

TEST_CASE("readers answer from shared snapshots while a writer records and publishes", "[reliability][concurrency]") {
    constexpr std::uint32_t n = 300;
    constexpr int publishes = 24;
    constexpr int readers = 3;
    constexpr int queries_while_frozen = 30;  // per reader, answered while the writer is mid-freeze

    std::mt19937_64 g(20250601);
    kith::network net = initial_network(g, n);
    snapshot_ptr current = kith::freeze(net, t0);

    freeze_gate gate;
    std::atomic<bool> writer_done{false};
    std::atomic<int> frozen_answers{0};
    std::atomic<long> queries{0}, mismatches{0}, errors{0};
    std::vector<std::vector<record>> samples(readers);

    kith::freeze_options gated;
    const kith::strength_function model = kith::strength_model{};
    gated.model = [&gate, model](const std::vector<kith::tie_event>& ev, kith::timestamp at) {
        {
            std::unique_lock<std::mutex> lock(gate.m);
            if (gate.armed && !gate.entered) {
                gate.entered = true;
                gate.cv.notify_all();
                gate.cv.wait(lock, [&] { return gate.release; });
            }
        }
        return model(ev, at);
    };

    std::thread writer([&] {
        std::mt19937_64 w(7);
        kith::timestamp now = t0;
        for (int p = 0; p < publishes; ++p) {
            for (int i = 0; i < 40; ++i) {
                kith::interaction x;
                x.a = kith::person_id(static_cast<std::uint32_t>(w() % n));
                x.b = kith::person_id(static_cast<std::uint32_t>(w() % n));
                if (x.a == x.b) continue;
                now += std::chrono::minutes(30);
                x.when = now;
                x.via = static_cast<kith::channel>(w() % 6);
                net.record(x);
            }
            if (p == publishes / 2) {
                std::lock_guard<std::mutex> lock(gate.m);
                gate.armed = true;
            }
            // Freeze privately (possibly held up inside the model), then publish in O(1).
            snapshot_ptr next = kith::freeze(net, now, gated);
            std::atomic_store(&current, std::move(next));
        }
        writer_done = true;
    });

    auto reader = [&](int id) {
        std::mt19937_64 r(1000 + static_cast<std::uint64_t>(id));
        kith::path_workspace pw;  // reused across snapshots, as a server thread would
        snapshot_ptr bound;
        std::unique_ptr<kith::people_to_meet_workspace> mw;
        long done = 0;
        for (;;) {
            bool in_freeze = false;
            {
                std::lock_guard<std::mutex> lock(gate.m);
                in_freeze = gate.entered && !gate.release;
            }
            if (writer_done && done >= 40 && !in_freeze) break;
            const snapshot_ptr s = std::atomic_load(&current);  // O(1); never waits for a freeze
            if (s != bound) {
                bound = s;
                mw = std::make_unique<kith::people_to_meet_workspace>(*s);
            }
            query q;
            q.kind = static_cast<unsigned>(r() % 10);
            q.a = kith::person_id(static_cast<std::uint32_t>(r() % n));
            q.b = kith::person_id(static_cast<std::uint32_t>(r() % n));
            try {
                const answer got = run(*s, q, pw, *mw);
                kith::path_workspace fresh_pw;
                kith::people_to_meet_workspace fresh_mw(*s);
                const answer ref = run(*s, q, fresh_pw, fresh_mw);
                if (!(got == ref)) ++mismatches;
                if (done % 8 == 0) samples[static_cast<std::size_t>(id)].push_back(record{s, q, got});
            } catch (const std::exception&) {
                ++errors;
            }
            ++done;
            ++queries;
            if (in_freeze) {
                // Answered while the writer is inside a freeze; the last one releases it.
                if (++frozen_answers == readers * queries_while_frozen) {
                    std::lock_guard<std::mutex> lock(gate.m);
                    gate.release = true;
                    gate.cv.notify_all();
                }
            }
        }
    };

    std::vector<std::thread> pool;
    for (int i = 0; i < readers; ++i) pool.emplace_back(reader, i);
    writer.join();
    for (auto& t : pool) t.join();

    INFO("queries " << queries.load() << ", answered during a freeze " << frozen_answers.load());
    CHECK(mismatches == 0);
    CHECK(errors == 0);
    CHECK(gate.entered);
    CHECK(gate.release);
    CHECK(frozen_answers >= readers * queries_while_frozen);
    CHECK(std::atomic_load(&current)->taken_at() > t0);

    // A single-threaded recomputation of the sampled answers, on the snapshots they used.
    std::size_t checked = 0;
    for (const auto& list : samples)
        for (const record& rec : list) {
            kith::path_workspace pw;
            kith::people_to_meet_workspace mw(*rec.s);
            CHECK(run(*rec.s, rec.q, pw, mw) == rec.a);
            ++checked;
        }
    CHECK(checked > 0);
}
