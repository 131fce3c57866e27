// examples/kith_cli/cmd_suggest.cpp -- `kith suggest` (whom to meet, which ties to grow, bridges
// to unreached circles, cooling ties to revive), `kith groups` (which group to join) and
// `kith plan-event` (whom to meet at an event, which lunch table).
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <kith/io/table.hpp>
#include <kith/suggest/bridges.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>
#include <kith/suggest/reconnect.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <iostream>
#include <memory>

namespace kith_cli {

namespace {

struct groups_args {
    input_options in;
    output_options out;
    std::string me;
    std::vector<std::string> goals, exclude;
    std::size_t max = 10;
};

int run_groups(const groups_args& a) {
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    const kith::person_id me = person_of(d, a.me, "--me");
    kith::group_options o;
    o.goals = people_of(d, a.goals, "--goals");
    o.exclude = people_of(d, a.exclude, "--exclude");
    o.asker = d.asker;
    o.max_results = a.max;
    const auto groups = kith::suggest_groups(s, me, o);
    if (a.out.json) {
        nlohmann::json j;
        j["me"] = a.me;
        j["groups"] = kith::io::to_json(s, groups, json_opts(a.out));
        print_json(j);
        return 0;
    }
    if (groups.empty()) {
        std::cout << "No group to suggest for " << kith::io::person_label(s, me) << ".\n";
        return 0;
    }
    std::cout << "Groups for " << kith::io::person_label(s, me) << ": fit first, then what they open\n\n";
    kith::io::groups_table(s, groups).print(std::cout);
    std::cout << "\nJoin one that fits you, and go alone.\n";
    return 0;
}

struct plan_args {
    input_options in;
    output_options out;
    std::string me, event;
    std::vector<std::string> goals, exclude;
    std::size_t cards = 25;
};

int run_plan_event(const plan_args& a) {
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    const kith::person_id me = person_of(d, a.me, "--me");
    auto e = s.find_event(a.event);
    if (!e) throw kith::invalid_argument("--event: no event is named '" + a.event + "' in " + d.source);
    kith::event_plan_options o;
    o.cards = a.cards;
    o.goals = people_of(d, a.goals, "--goals");
    o.exclude = people_of(d, a.exclude, "--exclude");
    o.asker = d.asker;
    const kith::event_plan plan = kith::plan_event(s, me, kith::event_id(*e), o);
    const auto table = kith::choose_table(s, me, kith::event_id(*e), o);
    if (a.out.json) {
        const auto jo = json_opts(a.out);
        nlohmann::json j;
        j["me"] = a.me;
        j["event"] = a.event;
        j["plan"] = kith::io::to_json(s, plan, jo);
        j["table"] = table ? kith::io::to_json(s, *table, jo) : nlohmann::json();
        print_json(j);
        return 0;
    }
    std::cout << "Plan for " << kith::io::person_label(s, me) << " at " << a.event << ": " << plan.attendees
              << " other attendees, " << plan.known << " known, " << plan.strangers << " strangers\n";
    if (plan.picks.empty()) {
        std::cout << "Nobody new to meet.\n";
    } else {
        std::cout << "Meet these " << plan.picks.size() << " (one card each):\n\n";
        kith::io::event_plan_table(s, plan).print(std::cout);
    }
    if (table) {
        std::cout << "\nAt lunch, sit at table " << table->table << ": " << table->strangers << " strangers, "
                  << table->known << " people you know.\n";
    }
    return 0;
}

struct suggest_args {
    input_options in;
    output_options out;
    std::string kind, me;
    std::size_t k = 10;
    std::vector<std::string> goals, goal_orgs, exclude;
    double target_warmth = 0.8;
    std::optional<std::size_t> max_hops;
};

int run_suggest(const suggest_args& a) {
    if (a.kind != "grow" && (!a.goals.empty() || !a.goal_orgs.empty()))
        throw usage_error("suggest: --goals and --goal-org need --kind grow");
    if (a.kind != "grow" && a.max_hops) throw usage_error("suggest: --max-hops needs --kind grow");
    if (a.kind == "grow" && a.goals.empty() && a.goal_orgs.empty())
        throw usage_error("suggest --kind grow: give the goals with --goals A,B,... and/or --goal-org NAME");
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    const kith::person_id me = person_of(d, a.me, "--me");
    if (d.asker && *d.asker != me)
        throw usage_error("suggest: --as must be the --me person (suggestions use the ties --me may see)");
    const std::vector<kith::person_id> exclude = people_of(d, a.exclude, "--exclude");
    const auto jo = json_opts(a.out);
    const std::string who = kith::io::person_label(s, me);
    const std::string when = kith::io::format_date(d.now);
    nlohmann::json j;
    j["kind"] = a.kind;
    j["me"] = a.me;
    j["now"] = kith::io::detail::iso8601(d.now);

    if (a.kind == "meet") {
        kith::people_to_meet_options o;
        o.k = a.k;
        o.excluded = exclude;
        const auto r = kith::suggest_people_to_meet(s, me, o);
        if (a.out.json) {
            j["suggestions"] = kith::io::to_json(s, r, jo);
            print_json(j);
        } else if (r.empty()) {
            std::cout << "Nobody to suggest for " << who << " to meet.\n";
        } else {
            std::cout << "People for " << who << " to meet next (as of " << when << ")\n\n";
            kith::io::people_to_meet_table(s, r).print(std::cout);
            std::cout << "\nAsk the first person under \"through\" for the introduction.\n";
        }
    } else if (a.kind == "grow") {
        std::vector<kith::growth_goal> goals;
        for (kith::person_id p : people_of(d, a.goals, "--goals")) goals.push_back(kith::goal_person(s, p));
        for (const auto& name : a.goal_orgs) {
            if (!s.find_organization(name))
                throw kith::invalid_argument("--goal-org: no organisation is named '" + name + "' in " + d.source);
            goals.push_back(kith::goal_organization(s, name));
        }
        kith::ties_to_grow_options o;
        o.k = a.k;
        o.excluded = exclude;
        o.target_warmth = a.target_warmth;
        o.max_hops = a.max_hops;
        const auto r = kith::suggest_ties_to_grow(s, me, goals, o);
        if (a.out.json) {
            j["goals"] = kith::io::to_json(s, goals, jo);
            j["target_warmth"] = kith::io::detail::number(o.target_warmth, jo);
            j["max_hops"] = o.max_hops ? nlohmann::json(*o.max_hops) : nlohmann::json();
            j["suggestions"] = kith::io::to_json(s, r, jo);
            print_json(j);
        } else {
            std::vector<std::string> names;
            for (const auto& g : goals) names.push_back(g.name);
            const std::string toward = kith::io::join_or_dash(names);
            if (r.empty()) {
                std::cout << "No tie of " << who << ", grown, would bring " << toward << " closer.\n";
            } else {
                std::cout << "Ties for " << who << " to grow toward " << toward << " (as of " << when
                          << "; grown = warmth " << kith::io::format_fixed(o.target_warmth, 2);
                if (o.max_hops) std::cout << "; at most " << *o.max_hops << " hops";
                std::cout << ")\n\n";
                kith::io::ties_to_grow_table(s, r, goals).print(std::cout);
                std::cout << "\nSee the first one more often: a monthly coffee for a year makes a strong tie.\n";
            }
        }
    } else if (a.kind == "bridge") {
        kith::bridges_options o;
        o.k = a.k;
        o.excluded = exclude;
        const auto r = kith::suggest_bridges(s, me, o);
        if (a.out.json) {
            j["suggestions"] = kith::io::to_json(s, r, jo);
            print_json(j);
        } else if (r.empty()) {
            std::cout << "No bridge to suggest for " << who << ".\n";
        } else {
            std::cout << "Bridges for " << who << " to circles not reached yet (as of " << when << ")\n\n";
            kith::io::bridges_table(s, r).print(std::cout);
            std::cout << "\nA lower constraint means more brokerage: new circles, new information.\n";
        }
    } else {
        kith::reconnect_options o;
        o.k = a.k;
        o.excluded = exclude;
        const auto r = kith::suggest_reconnect(s, me, o);
        if (a.out.json) {
            j["suggestions"] = kith::io::to_json(s, r, jo);
            print_json(j);
        } else if (r.empty()) {
            std::cout << "No cooling tie for " << who << " (as of " << when << ").\n";
        } else {
            std::cout << "Cooling ties of " << who << " worth reviving (as of " << when << ")\n\n";
            kith::io::reconnect_table(s, r).print(std::cout);
            std::cout << "\n\"depending\": people within reach only through that tie.\n";
        }
    }
    return 0;
}

} // namespace

void add_groups_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<groups_args>();
    CLI::App* cmd = app.add_subcommand("groups", "which group to join: personal fit first, then network gain");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--me", a->me, "whose groups (person key)")->required()->type_name("KEY");
    cmd->add_option("--goals", a->goals, "people I want to reach (keys, comma-separated)")->delimiter(',')->type_name("A,B,...");
    cmd->add_option("--exclude", a->exclude, "people never counted (keys, comma-separated)")->delimiter(',')->type_name("A,B,...");
    cmd->add_option("--max", a->max, "at most this many groups (0 = all; default 10)")->type_name("N");
    cmd->callback([a, exit_code] { *exit_code = run_groups(*a); });
}

void add_plan_event_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<plan_args>();
    CLI::App* cmd = app.add_subcommand("plan-event", "whom to meet at an event (strangers who open the most) and where to sit");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--me", a->me, "who goes (person key)")->required()->type_name("KEY");
    cmd->add_option("--event", a->event, "the event's name")->required()->type_name("NAME");
    cmd->add_option("--cards", a->cards, "how many people to meet (default 25)")->type_name("N");
    cmd->add_option("--goals", a->goals, "people I want to get closer to (keys, comma-separated)")->delimiter(',')->type_name("A,B,...");
    cmd->add_option("--exclude", a->exclude, "people never picked (keys, comma-separated)")->delimiter(',')->type_name("A,B,...");
    cmd->callback([a, exit_code] { *exit_code = run_plan_event(*a); });
}

void add_suggest_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<suggest_args>();
    CLI::App* cmd = app.add_subcommand(
        "suggest", "whom to meet (meet), which ties to grow toward goals (grow), bridges to new circles (bridge), "
                   "cooling ties to revive (reconnect)");
    add_input_options(*cmd, a->in);
    add_output_options(*cmd, a->out);
    cmd->add_option("--kind", a->kind, "meet, grow, bridge or reconnect")
        ->required()
        ->type_name("KIND")
        ->check(CLI::IsMember({"meet", "grow", "bridge", "reconnect"}));
    cmd->add_option("--me", a->me, "for whom (person key)")->required()->type_name("KEY");
    cmd->add_option("--k", a->k, "how many suggestions (default 10)")->type_name("N")->check(CLI::Range(1, 100000));
    cmd->add_option("--goals", a->goals, "grow: people I want to reach (keys, comma-separated)")
        ->delimiter(',')
        ->type_name("A,B,...");
    cmd->add_option("--goal-org", a->goal_orgs, "grow: reach anyone at this organisation (repeatable)")->type_name("NAME");
    cmd->add_option("--target-warmth", a->target_warmth, "grow: the warmth a tie is imagined to reach, in (0,1] (default 0.8)")
        ->type_name("W")
        ->check(unit_interval_open_left());
    cmd->add_option("--max-hops", a->max_hops, "grow: paths of at most this many hops")->type_name("H")->check(CLI::PositiveNumber);
    cmd->add_option("--exclude", a->exclude, "people never suggested nor used (keys, comma-separated)")
        ->delimiter(',')
        ->type_name("A,B,...");
    cmd->callback([a, exit_code] { *exit_code = run_suggest(*a); });
}

} // namespace kith_cli
