// examples/kith_cli/cmd_bench.cpp -- `kith bench`: query latency of kith's warm-path search on the
// user's own graph against Boost.Graph's dijkstra_shortest_paths (early exit at the target) on
// the same snapshot with the same costs, -ln(warmth) - ln(hop_factor) per arc. Random connected
// pairs from a seeded std::mt19937_64 (raw bits, so the pairs are the same everywhere).
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <kith/io/table.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <memory>
#include <random>

namespace kith_cli {

namespace {

struct bench_args {
    input_options in;
    output_options out;
    std::size_t queries = 1000;
    std::optional<std::size_t> max_hops;
    std::size_t k = 1;
    std::uint64_t seed = 1;
    double hop_factor = 0.8;
};

struct percentiles {
    double p50 = 0, p90 = 0, p99 = 0;
};

percentiles summarize(std::vector<double> v) {
    percentiles p;
    if (v.empty()) return p;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {  // nearest rank
        auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
        return v[std::min(v.size() - 1, r == 0 ? 0 : r - 1)];
    };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    return p;
}

struct reached_target {};

struct stop_at_target : boost::default_dijkstra_visitor {
    std::uint32_t t;
    explicit stop_at_target(std::uint32_t target) : t(target) {}
    template <class Graph>
    void examine_vertex(std::uint32_t u, const Graph&) const {
        if (u == t) throw reached_target{};
    }
};

double micros(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

int run_bench(const bench_args& a) {
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    const auto n = static_cast<std::uint32_t>(s.num_people());

    // Connected components over the arcs an anonymous query may use (public ties).
    std::vector<std::uint32_t> comp(n, kith::snapshot::null_vertex);
    std::vector<std::vector<std::uint32_t>> members;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (comp[r] != kith::snapshot::null_vertex) continue;
        const auto c = static_cast<std::uint32_t>(members.size());
        members.emplace_back();
        std::vector<std::uint32_t> stack{r};
        comp[r] = c;
        while (!stack.empty()) {
            const std::uint32_t u = stack.back();
            stack.pop_back();
            members[c].push_back(u);
            for (auto e = s.arc_begin(u); e != s.arc_end(u); ++e)
                if (s.arc_visible(e, std::nullopt) && comp[s.arc_target(e)] == kith::snapshot::null_vertex) {
                    comp[s.arc_target(e)] = c;
                    stack.push_back(s.arc_target(e));
                }
        }
    }
    std::mt19937_64 rng(a.seed);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::size_t attempts = 0;
    while (pairs.size() < a.queries && n > 1 && attempts < 1000 * (a.queries + 1)) {
        ++attempts;
        const auto u = static_cast<std::uint32_t>(rng() % n);
        const auto& m = members[comp[u]];
        if (m.size() < 2) continue;
        const std::uint32_t v = m[rng() % m.size()];
        if (v != u) pairs.emplace_back(u, v);
    }
    if (pairs.empty()) throw kith::invalid_argument("bench: " + d.source + " has no two connected people");

    kith::path_options o;
    o.hop_factor = a.hop_factor;
    o.max_hops = a.max_hops;
    const double hop_nats = -std::log(a.hop_factor);
    std::vector<double> kith_us, bgl_us;
    std::size_t agree = 0, compared = 0;
    std::vector<double> dist(n);
    std::vector<std::uint32_t> pred(n);
    auto weight = boost::make_function_property_map<kith::snapshot_arc, double>(
        [&s, hop_nats](const kith::snapshot_arc& e) {
            return static_cast<double>(s.arc_cost(e.index)) / kith::snapshot::cost_scale + hop_nats;
        });
    auto index = get(boost::vertex_index, s);
    for (const auto& [u, v] : pairs) {
        const kith::person_id pu = s.id_of(u), pv = s.id_of(v);
        auto t0 = std::chrono::steady_clock::now();
        std::optional<kith::warm_path> best;
        if (a.k == 1) {
            best = kith::find_warm_path(s, pu, pv, o);
        } else {
            auto ps = kith::find_k_warm_paths(s, pu, pv, a.k, o);
            if (!ps.empty()) best = ps.front();
        }
        kith_us.push_back(micros(t0));

        t0 = std::chrono::steady_clock::now();
        try {
            boost::dijkstra_shortest_paths(
                s, u,
                boost::weight_map(weight)
                    .distance_map(boost::make_iterator_property_map(dist.begin(), index))
                    .predecessor_map(boost::make_iterator_property_map(pred.begin(), index))
                    .visitor(stop_at_target(v)));
        } catch (const reached_target&) {
        }
        bgl_us.push_back(micros(t0));
        if (!a.max_hops && best && !s.has_private_ties()) {
            ++compared;
            // kith rounds the hop cost to whole units: allow half a unit per hop.
            const double tol = (0.5 * static_cast<double>(best->hops()) + 1) / kith::snapshot::cost_scale;
            if (std::abs(static_cast<double>(best->cost_units) / kith::snapshot::cost_scale - dist[v]) <= tol) ++agree;
        }
    }
    const percentiles pk = summarize(kith_us), pb = summarize(bgl_us);
    auto ratio = [](double b, double k) { return k > 0 ? b / k : 0.0; };
    if (a.out.json) {
        const auto jo = json_opts(a.out);
        auto num = [&](double x) { return kith::io::detail::number(x, jo); };
        nlohmann::json j;
        j["graph"] = d.source;
        j["people"] = s.num_people();
        j["ties"] = s.num_ties();
        j["queries"] = pairs.size();
        j["seed"] = a.seed;
        j["k"] = a.k;
        j["max_hops"] = a.max_hops ? nlohmann::json(*a.max_hops) : nlohmann::json();
        j["hop_factor"] = a.hop_factor;
        j["kith_us"] = {{"p50", num(pk.p50)}, {"p90", num(pk.p90)}, {"p99", num(pk.p99)}};
        j["bgl_us"] = {{"p50", num(pb.p50)}, {"p90", num(pb.p90)}, {"p99", num(pb.p99)}};
        j["ratio"] = {{"p50", num(ratio(pb.p50, pk.p50))}, {"p90", num(ratio(pb.p90, pk.p90))},
                      {"p99", num(ratio(pb.p99, pk.p99))}};
        j["checked"] = compared;
        j["agreed"] = agree;
        print_json(j);
        return agree == compared ? 0 : 1;
    }
    std::cout << "kith bench: " << pairs.size() << " random connected pairs (seed " << a.seed << ") on " << d.source
              << ": " << s.num_people() << " people, " << s.num_ties() << " ties\n";
    std::cout << "kith: " << (a.k == 1 ? "find_warm_path" : "find_k_warm_paths, k = " + std::to_string(a.k))
              << (a.max_hops ? ", max " + std::to_string(*a.max_hops) + " hops" : std::string())
              << "; BGL: dijkstra_shortest_paths with early exit at the target (no hop cap, one path)\n\n";
    kith::io::text_table t({{"query time (us)"}, {"p50", kith::io::align::right}, {"p90", kith::io::align::right},
                            {"p99", kith::io::align::right}});
    t.add_row({"kith", kith::io::format_fixed(pk.p50, 1), kith::io::format_fixed(pk.p90, 1), kith::io::format_fixed(pk.p99, 1)});
    t.add_row({"BGL Dijkstra", kith::io::format_fixed(pb.p50, 1), kith::io::format_fixed(pb.p90, 1),
               kith::io::format_fixed(pb.p99, 1)});
    t.add_row({"ratio BGL/kith", kith::io::format_fixed(ratio(pb.p50, pk.p50), 1) + "x",
               kith::io::format_fixed(ratio(pb.p90, pk.p90), 1) + "x", kith::io::format_fixed(ratio(pb.p99, pk.p99), 1) + "x"});
    t.print(std::cout);
    if (compared) std::cout << "\nSame best cost as BGL on " << agree << " of " << compared << " queries.\n";
    return agree == compared ? 0 : 1;
}

} // namespace

void add_bench_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<bench_args>();
    CLI::App* cmd = app.add_subcommand("bench", "warm-path query latency on your graph: kith vs Boost.Graph Dijkstra");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--queries", a->queries, "how many random connected pairs (default 1000)")->type_name("N")->check(CLI::Range(1, 10000000));
    cmd->add_option("--max-hops", a->max_hops, "kith's hop cap (BGL has none)")->type_name("H");
    cmd->add_option("--k", a->k, "kith finds the k best paths (default 1)")->type_name("K")->check(CLI::Range(1, 1000));
    cmd->add_option("--seed", a->seed, "seed of the pair generator (default 1)")->type_name("S");
    cmd->add_option("--hop-factor", a->hop_factor, "warmth factor per hop, in (0,1] (default 0.8)")
        ->type_name("F")
        ->check(unit_interval_open_left());
    cmd->callback([a, exit_code] { *exit_code = run_bench(*a); });
}

} // namespace kith_cli
