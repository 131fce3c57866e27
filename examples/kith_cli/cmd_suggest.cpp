// examples/kith_cli/cmd_suggest.cpp -- `kith groups` (which group to join) and `kith plan-event`
// (whom to meet at an event, which lunch table).
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <kith/io/table.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>

#include <iostream>
#include <memory>

namespace kith_cli {

namespace {

kith::io::json_options json_opts(const output_options& out) {
    kith::io::json_options o;
    o.significant_digits = out.digits;
    return o;
}

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

void add_suggest_command(CLI::App&, int*) {
    // `kith suggest --kind meet|grow|bridge|reconnect` waits for kith/suggest/{people_to_meet,
    // ties_to_grow,bridges,reconnect}.hpp to be committed.
}

} // namespace kith_cli
