// examples/kith_cli/cmd_convert.cpp -- `kith convert`: a CSV folder or an edge list to an edge
// list, a CSV folder, or JSON. What is written is the snapshot at --now: people, ties with their
// warmth (an interaction history becomes the warmth it gives), groups and events.
#include "cli.hpp"

#include <kith/io/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace kith_cli {

namespace {

struct convert_args {
    input_options in;
    std::string to;
    std::string output = "-";
    int digits = 6;
};

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos && (s.empty() || (s.front() != ' ' && s.back() != ' '))) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(std::initializer_list<std::string> fields) {
    std::string out;
    bool first = true;
    for (const auto& f : fields) {
        if (!first) out += ',';
        out += csv_field(f);
        first = false;
    }
    return out + "\n";
}

std::string warmth_text(double w, int digits) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits <= 0 ? 17 : digits, w);
    return buf;
}

std::string joined(const std::vector<std::string>& xs, char sep) {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? std::string(1, sep) : std::string()) + xs[i];
    return out;
}

/// Runs `write(stream)` on stdout ("-") or on a file.
template <class Write>
void write_to(const std::string& path, Write write) {
    if (path == "-") {
        write(std::cout);
        return;
    }
    std::ofstream f(path, std::ios::binary);
    if (!f) throw kith::invalid_argument("--output: cannot write '" + path + "'");
    write(f);
    if (!f.flush()) throw kith::invalid_argument("--output: cannot write '" + path + "'");
}

/// Each tie once (a < b by vertex), visible to the asker (public ties when nobody asks).
template <class F>
void for_each_tie(const loaded& d, F f) {
    const kith::snapshot& s = *d.snap;
    std::optional<kith::snapshot::vertex_type> asker;
    if (d.asker) asker = s.find_vertex(*d.asker);
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        std::vector<std::pair<std::uint32_t, kith::snapshot::arc_index>> out;
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a)
            if (s.arc_target(a) > v && s.arc_visible(a, asker)) out.emplace_back(s.arc_target(a), a);
        std::sort(out.begin(), out.end());
        for (const auto& [w, a] : out) f(v, w, a);
    }
}

int run_convert(const convert_args& a) {
    const loaded d = load_input(a.in);
    const kith::snapshot& s = *d.snap;
    if (a.to == "json") {
        kith::io::json_options o;
        o.significant_digits = a.digits;
        write_to(a.output, [&](std::ostream& os) { os << kith::io::to_json(s, o).dump(2) << '\n'; });
        return 0;
    }
    if (a.to == "edges") {
        for (std::uint32_t v = 0; v < s.num_people(); ++v) {
            const std::string& k = s.person_at(v).key;
            if (k.find_first_of(" \t,") != std::string::npos || k[0] == '#' || k[0] == '%')
                throw kith::invalid_argument("convert: person key '" + k +
                                             "' cannot be written to an edge list (space, tab, comma or a leading # or %)");
        }
        write_to(a.output, [&](std::ostream& os) {
            os << "# kith edge list at " << kith::io::detail::iso8601(d.now) << ": u v warmth\n";
            for_each_tie(d, [&](std::uint32_t v, std::uint32_t w, kith::snapshot::arc_index e) {
                os << s.person_at(v).key << ' ' << s.person_at(w).key << ' ' << warmth_text(s.arc_warmth(e), a.digits) << '\n';
            });
        });
        return 0;
    }
    // csv: a folder (created when missing is not our business: it must exist).
    if (a.output == "-") throw usage_error("convert --to csv: give the output folder with --output DIR");
    const std::string base = a.output.back() == '/' ? a.output : a.output + "/";
    write_to(base + "people.csv", [&](std::ostream& os) {
        os << "key,name,organization,title,interests\n";
        for (std::uint32_t v = 0; v < s.num_people(); ++v) {
            const kith::person& p = s.person_at(v);
            os << csv_row({p.key, p.name, p.organization, p.title, joined(p.interests, ';')});
        }
    });
    write_to(base + "ties.csv", [&](std::ostream& os) {
        os << "a,b,warmth,private_to\n";
        for_each_tie(d, [&](std::uint32_t v, std::uint32_t w, kith::snapshot::arc_index e) {
            std::string owner;
            if (s.arc_is_private(e) && s.arc_owner(e) != kith::snapshot::null_vertex) owner = s.person_at(s.arc_owner(e)).key;
            os << csv_row({s.person_at(v).key, s.person_at(w).key, warmth_text(s.arc_warmth(e), a.digits), owner});
        });
    });
    if (s.group_count() > 0) {
        write_to(base + "groups.csv", [&](std::ostream& os) {
            os << "group,person\n";
            for (std::uint32_t g = 0; g < s.group_count(); ++g)
                for (auto v : s.group_members(g)) os << csv_row({s.group_at(g).name, s.person_at(v).key});
        });
        write_to(base + "group_themes.csv", [&](std::ostream& os) {
            os << "group,themes\n";
            for (std::uint32_t g = 0; g < s.group_count(); ++g)
                os << csv_row({s.group_at(g).name, joined(s.group_at(g).themes, ';')});
        });
    }
    if (s.event_count() > 0) {
        write_to(base + "events.csv", [&](std::ostream& os) {
            os << "event,person,table\n";
            for (std::uint32_t e = 0; e < s.event_count(); ++e)
                for (const auto& x : s.event_attendees(e)) os << csv_row({s.event_at(e).name, s.person_at(x.who).key, x.table});
        });
    }
    return 0;
}

} // namespace

void add_convert_command(CLI::App& app, int* exit_code) {
    auto a = std::make_shared<convert_args>();
    CLI::App* cmd = app.add_subcommand("convert", "write the network (at --now) as an edge list, a CSV folder or JSON");
    add_input_options(*cmd, a->in);
    cmd->add_option("--to", a->to, "edges, csv or json")->required()->type_name("FORMAT")->check(CLI::IsMember({"edges", "csv", "json"}));
    cmd->add_option("--output", a->output, "a file (edges, json; default - = stdout) or an existing folder (csv)")->type_name("PATH");
    cmd->add_option("--digits", a->digits, "significant digits of warmths (0 = exact; default 6)")->type_name("N")->check(CLI::Range(0, 17));
    cmd->callback([a, exit_code] { *exit_code = run_convert(*a); });
}

} // namespace kith_cli
