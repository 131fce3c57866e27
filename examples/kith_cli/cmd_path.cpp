// examples/kith_cli/cmd_path.cpp -- `kith path`: the k warmest introduction paths, as a table,
// JSON, and Graphviz DOT (rendered to SVG when `dot` is on the PATH).
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <kith/io/dot.hpp>
#include <kith/io/table.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>

#include <fstream>
#include <iostream>
#include <memory>

#if __has_include(<spawn.h>) && __has_include(<sys/wait.h>)
#include <spawn.h>
#include <sys/wait.h>
#define KITH_CLI_HAVE_SPAWN 1
extern char** environ;
#endif

namespace kith_cli {

namespace {

struct path_args {
    input_options in;
    output_options out;
    std::string from, to, to_org;
    std::vector<std::string> from_team, avoid;
    std::size_t k = 1;
    std::optional<std::size_t> max_hops;
    double min_warmth = 0.0;
    double hop_factor = 0.8;
    std::string diversity = "none";
    bool explain = false;
    std::string dot;
    std::size_t neighbours = 4;
};

/// Runs `dot -Tsvg -o svg file`; true when it ran and succeeded.
bool render_svg(const std::string& file, const std::string& svg) {
#ifdef KITH_CLI_HAVE_SPAWN
    std::string a0 = "dot", a1 = "-Tsvg", a2 = "-o", a3 = svg, a4 = file;
    char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), a4.data(), nullptr};
    pid_t pid;
    if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ) != 0) return false;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
#else
    (void)file;
    (void)svg;
    return false;
#endif
}

int run_path(const path_args& a) {
    if (a.from.empty() == a.from_team.empty()) throw usage_error("path: give exactly one of --from KEY and --from-team A,B,...");
    if (a.to.empty() == a.to_org.empty()) throw usage_error("path: give exactly one of --to KEY and --to-org NAME");
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;

    kith::path_options o;
    o.hop_factor = a.hop_factor;
    o.max_hops = a.max_hops;
    o.min_tie_warmth = a.min_warmth;
    o.avoid = people_of(d, a.avoid, "--avoid");
    o.asker = d.asker;

    std::vector<kith::person_id> from = a.from.empty() ? people_of(d, a.from_team, "--from-team")
                                                       : std::vector<kith::person_id>{person_of(d, a.from, "--from")};
    std::vector<kith::person_id> to;
    if (!a.to.empty()) {
        to.push_back(person_of(d, a.to, "--to"));
    } else {
        auto org = s.find_organization(a.to_org);
        if (!org) throw kith::invalid_argument("--to-org: no organisation is named '" + a.to_org + "' in " + d.source);
        for (auto v : s.organization_members(*org)) to.push_back(s.id_of(v));
    }
    if (!o.asker && from.size() == 1) o.asker = from.front();  // I see my own private ties

    kith::k_paths_options ko;
    if (a.diversity == "first") ko.diversity = kith::path_diversity::distinct_first_introducer;
    else if (a.diversity == "overlap") ko.diversity = kith::path_diversity::limited_overlap;

    std::vector<kith::warm_path> paths;
    if (a.k == 1 && ko.diversity == kith::path_diversity::none) {
        if (auto p = kith::find_warm_path(s, from, to, o)) paths.push_back(std::move(*p));
    } else {
        paths = kith::find_k_warm_paths(s, from, to, a.k, o, ko);
    }
    std::vector<kith::path_explanation> explanations;
    if (a.explain)
        for (const auto& p : paths) explanations.push_back(kith::explain_path(s, p, o));

    std::string svg_note;
    if (!a.dot.empty()) {
        kith::io::dot_options dopt;
        dopt.asker = o.asker;
        dopt.avoid = o.avoid;
        dopt.neighbours = a.neighbours;
        {
            std::ofstream f(a.dot, std::ios::binary);
            if (!f) throw kith::invalid_argument("--dot: cannot write '" + a.dot + "'");
            kith::io::write_dot(f, s, paths, dopt);
            if (!f.flush()) throw kith::invalid_argument("--dot: cannot write '" + a.dot + "'");
        }
        std::string svg = a.dot;
        if (svg.size() > 4 && svg.compare(svg.size() - 4, 4, ".dot") == 0) svg.resize(svg.size() - 4);
        svg += ".svg";
        if (render_svg(a.dot, svg)) svg_note = svg;
    }

    if (a.out.json) {
        const auto jo = json_opts(a.out);
        nlohmann::json j;
        j["from"] = a.from.empty() ? nlohmann::json() : nlohmann::json(a.from);
        j["to"] = a.to.empty() ? nlohmann::json() : nlohmann::json(a.to);
        if (!a.from_team.empty()) j["from_team"] = a.from_team;
        if (!a.to_org.empty()) j["to_org"] = a.to_org;
        nlohmann::json arr = nlohmann::json::array();
        for (std::size_t i = 0; i < paths.size(); ++i) {
            nlohmann::json p = kith::io::to_json(s, paths[i], jo);
            if (a.explain) p["explanation"] = kith::io::to_json(s, explanations[i], jo);
            arr.push_back(std::move(p));
        }
        j["paths"] = std::move(arr);
        if (!a.dot.empty()) {
            j["dot"] = a.dot;
            j["svg"] = svg_note.empty() ? nlohmann::json() : nlohmann::json(svg_note);
        }
        print_json(j);
        return 0;
    }

    std::string who_from = a.from.empty() ? "the team (" + kith::io::join_or_dash(a.from_team) + ")"
                                          : kith::io::person_label(s, from.front());
    std::string who_to = a.to.empty() ? a.to_org : kith::io::person_label(s, to.front());
    if (paths.empty()) {
        std::cout << "No warm path from " << who_from << " to " << who_to << ".\n";
    } else {
        std::cout << "Warm paths from " << who_from << " to " << who_to << " (as of "
                  << kith::io::detail::iso8601(d.now).substr(0, 10) << ")\n\n";
        kith::io::paths_table(s, paths).print(std::cout);
        for (std::size_t i = 0; i < paths.size(); ++i) {
            std::cout << "\nPath " << (i + 1) << ": warmth " << kith::io::format_fixed(paths[i].warmth, 3) << ", "
                      << paths[i].hops() << (paths[i].hops() == 1 ? " hop" : " hops") << "\n";
            if (a.explain) {
                kith::io::explanation_table(s, explanations[i]).print(std::cout, "  ");
                std::cout << "  Ask: " << explanations[i].suggested_ask << "\n";
            } else if (paths[i].hops() > 0) {
                kith::io::path_ties_table(s, paths[i]).print(std::cout, "  ");
            }
        }
    }
    if (!a.dot.empty()) {
        std::cout << "\nGraph written to " << a.dot;
        if (!svg_note.empty()) std::cout << " (rendered to " << svg_note << ")";
        std::cout << "\n";
    }
    return 0;
}

} // namespace

void add_path_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<path_args>();
    CLI::App* cmd = app.add_subcommand("path", "the warmest introduction paths from a person (or team) to a person (or organisation)");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--from", a->from, "who asks (person key)")->type_name("KEY");
    cmd->add_option("--from-team", a->from_team, "anyone of these may ask (keys, comma-separated)")
        ->delimiter(',')
        ->type_name("A,B,...");
    cmd->add_option("--to", a->to, "whom to reach (person key)")->type_name("KEY");
    cmd->add_option("--to-org", a->to_org, "reach anyone at this organisation (--data)")->type_name("NAME");
    cmd->add_option("--k", a->k, "how many paths, best first (default 1)")->type_name("N")->check(CLI::Range(1, 1000));
    cmd->add_option("--max-hops", a->max_hops, "at most this many hops")->type_name("H");
    cmd->add_option("--avoid", a->avoid, "never route through these people (keys, comma-separated)")
        ->delimiter(',')
        ->type_name("A,B,...");
    cmd->add_option("--min-warmth", a->min_warmth, "use only ties at least this warm, in [0,1] (default 0)")
        ->type_name("W")
        ->check(unit_interval_closed());
    cmd->add_option("--hop-factor", a->hop_factor, "warmth factor per hop, in (0,1] (default 0.8)")
        ->type_name("F")
        ->check(unit_interval_open_left());
    cmd->add_option("--diversity", a->diversity, "with --k: none, first (distinct first introducers) or overlap")
        ->type_name("MODE")
        ->check(CLI::IsMember({"none", "first", "overlap"}));
    cmd->add_flag("--explain", a->explain, "explain each hop (last contact, what they share) and suggest the ask");
    cmd->add_option("--dot", a->dot, "write Graphviz DOT of the paths and their neighbourhood (and SVG when dot exists)")
        ->type_name("FILE");
    cmd->add_option("--neighbours", a->neighbours, "with --dot: context contacts per person on a path (default 4)")
        ->type_name("N");
    cmd->callback([a, exit_code] { *exit_code = run_path(*a); });
}

} // namespace kith_cli
