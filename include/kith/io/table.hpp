// kith/io/table.hpp -- readable plain-text tables of kith's results.
//
// Design decisions: one small `text_table` (headers, rows of cells, per-column alignment)
// renders everything: columns are separated by two spaces, widths are measured in code points
// (UTF-8 names line up), lines carry no trailing spaces, and the output is deterministic (it is
// compared byte for byte in kith's CLI tests). The `*_table` functions build the tables kith's
// CLI prints for each result type; people appear as "Name (key)", numbers with a fixed number
// of decimals. Nothing here prints on its own: callers choose the stream.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/core/time.hpp>
#include <kith/metrics/health.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/bridges.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>
#include <kith/suggest/reconnect.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith::io {

/// How a column's cells are aligned.
enum class align : std::uint8_t { left, right };

/// A column of a `text_table`.
struct table_column {
    std::string header{};
    io::align alignment = align::left;
};

/// A plain-text table: a header line, a rule of dashes, one line per row.
class text_table {
public:
    /// A table with the given columns (at least one). Throws: `invalid_argument` when empty.
    explicit text_table(std::vector<table_column> columns) : columns_(std::move(columns)) {
        if (columns_.empty()) throw invalid_argument("text_table: a table needs at least one column");
    }

    /// Appends a row. Complexity: O(cells). Throws: `invalid_argument` when the row does not
    /// have one cell per column.
    void add_row(std::vector<std::string> cells) {
        if (cells.size() != columns_.size())
            throw invalid_argument("text_table::add_row: the row has " + std::to_string(cells.size()) +
                                   " cells, the table " + std::to_string(columns_.size()) + " columns");
        rows_.push_back(std::move(cells));
    }

    /// Number of rows (without the header).
    std::size_t rows() const noexcept { return rows_.size(); }
    /// Number of columns.
    std::size_t columns() const noexcept { return columns_.size(); }

    /// Writes the table, each line prefixed by `indent`. Complexity: O(total text). Throws nothing
    /// beyond the stream's own exceptions.
    void print(std::ostream& os, std::string_view indent = {}) const {
        std::vector<std::size_t> w(columns_.size(), 0);
        for (std::size_t c = 0; c < columns_.size(); ++c) w[c] = display_width(columns_[c].header);
        for (const auto& r : rows_)
            for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], display_width(r[c]));
        auto line = [&](const std::vector<std::string>& cells) {
            std::string out(indent);
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::size_t pad = w[c] - display_width(cells[c]);
                const bool last = c + 1 == cells.size();
                if (columns_[c].alignment == align::right) out.append(pad, ' ');
                out += cells[c];
                if (columns_[c].alignment == align::left && !last) out.append(pad, ' ');
                if (!last) out += "  ";
            }
            while (!out.empty() && out.back() == ' ') out.pop_back();
            os << out << '\n';
        };
        std::vector<std::string> header;
        std::vector<std::string> rule;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            header.push_back(columns_[c].header);
            rule.emplace_back(w[c], '-');
        }
        line(header);
        line(rule);
        for (const auto& r : rows_) line(r);
    }

    /// The table as a string (see `print`).
    std::string str(std::string_view indent = {}) const {
        std::ostringstream os;
        print(os, indent);
        return os.str();
    }

    /// Width of `s` in code points (UTF-8 continuation bytes do not count). O(|s|).
    static std::size_t display_width(std::string_view s) noexcept {
        std::size_t n = 0;
        for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
        return n;
    }

private:
    std::vector<table_column> columns_;
    std::vector<std::vector<std::string>> rows_{};
};

/// `x` with `decimals` digits after the point ("0.42"); "-" for NaN and infinities. O(1).
inline std::string format_fixed(double x, int decimals) {
    if (!std::isfinite(x)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.00"
    return s;
}

/// "Name (key)" for person `p` of snapshot `s` ("key" alone when the name is empty).
/// Throws: `unknown_person` when p is not in the snapshot.
inline std::string person_label(const snapshot& s, person_id p) {
    auto v = s.find_vertex(p);
    if (!v) throw unknown_person("person_label: person id " + std::to_string(p.value()) + " is not in the snapshot");
    const person& x = s.person_at(*v);
    return x.name.empty() ? x.key : x.name + " (" + x.key + ")";
}

/// Items joined with `sep` ("-" when empty).
inline std::string join_or_dash(const std::vector<std::string>& xs, std::string_view sep = ", ") {
    if (xs.empty()) return "-";
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) out += sep;
        out += xs[i];
    }
    return out;
}

/// The hops of a path: from, to, warmth (2 decimals), tier. Throws: `unknown_person`.
inline text_table path_ties_table(const snapshot& s, const warm_path& p) {
    text_table t({{"from"}, {"to"}, {"warmth", align::right}, {"tier"}});
    for (std::size_t i = 0; i + 1 < p.people.size() && i < p.tie_warmth.size(); ++i)
        t.add_row({person_label(s, p.people[i]), person_label(s, p.people[i + 1]), format_fixed(p.tie_warmth[i], 2),
                   std::string(to_string(tier_of(p.tie_warmth[i])))});
    return t;
}

/// An overview of several paths: rank, warmth (3 decimals), hops, the people by name.
/// Throws: `unknown_person`.
inline text_table paths_table(const snapshot& s, const std::vector<warm_path>& paths) {
    text_table t({{"#", align::right}, {"warmth", align::right}, {"hops", align::right}, {"path"}});
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::string chain;
        for (std::size_t j = 0; j < paths[i].people.size(); ++j) {
            if (j) chain += " -> ";
            chain += person_label(s, paths[i].people[j]);
        }
        t.add_row({std::to_string(i + 1), format_fixed(paths[i].warmth, 3), std::to_string(paths[i].hops()), chain});
    }
    return t;
}

/// An explained path, one row per hop: from, to, warmth, tier, last contact ("12 days ago by
/// meeting"), interactions, what they share (organisation, groups), mutual contacts.
/// Throws: `unknown_person`.
inline text_table explanation_table(const snapshot& s, const path_explanation& e) {
    text_table t({{"from"}, {"to"}, {"warmth", align::right}, {"tier"}, {"last contact"},
                  {"contacts", align::right}, {"shared"}, {"mutuals", align::right}});
    for (const auto& h : e.hops) {
        std::string last = "-";
        if (h.days_since_last) {
            const std::int64_t n = *h.days_since_last;
            last = n == 0 ? std::string("today") : n == 1 ? std::string("1 day ago") : std::to_string(n) + " days ago";
            if (h.last_channel) last += " (" + std::string(to_string(*h.last_channel)) + ")";
        } else if (h.manual) {
            last = "manual warmth";
        }
        std::vector<std::string> shared;
        if (h.shared_organization) shared.push_back(*h.shared_organization);
        shared.insert(shared.end(), h.shared_groups.begin(), h.shared_groups.end());
        std::string flags;
        if (h.cooling) flags = ", cooling";
        t.add_row({person_label(s, h.from), person_label(s, h.to), format_fixed(h.warmth, 2),
                   std::string(to_string(h.tier)) + flags, last, std::to_string(h.interactions), join_or_dash(shared),
                   std::to_string(h.mutual_contacts)});
    }
    return t;
}

/// Group suggestions: rank, group, fit, gain, new people, known members, shared interests.
inline text_table groups_table(const snapshot&, const std::vector<group_suggestion>& gs) {
    text_table t({{"#", align::right}, {"group"}, {"fit", align::right}, {"gain", align::right},
                  {"new people", align::right}, {"known", align::right}, {"shared interests"}});
    for (std::size_t i = 0; i < gs.size(); ++i)
        t.add_row({std::to_string(i + 1), gs[i].name, format_fixed(gs[i].fit, 2), format_fixed(gs[i].gain, 2),
                   std::to_string(gs[i].new_people), std::to_string(gs[i].known_members),
                   join_or_dash(gs[i].shared_interests)});
    return t;
}

/// An event plan: rank, person, gain, new people / organisations / communities, and the
/// talking points (shared interests and groups, then the open question).
/// Throws: `unknown_person`.
inline text_table event_plan_table(const snapshot& s, const event_plan& p) {
    text_table t({{"#", align::right}, {"meet"}, {"gain", align::right}, {"people", align::right},
                  {"orgs", align::right}, {"groups", align::right}, {"talk about"}});
    for (std::size_t i = 0; i < p.picks.size(); ++i) {
        const event_pick& x = p.picks[i];
        std::vector<std::string> talk = x.talk.shared_interests;
        talk.insert(talk.end(), x.talk.shared_groups.begin(), x.talk.shared_groups.end());
        std::string about = talk.empty() ? x.talk.question : join_or_dash(talk) + "; " + x.talk.question;
        t.add_row({std::to_string(i + 1), person_label(s, x.who), format_fixed(x.gain, 1), std::to_string(x.new_people),
                   std::to_string(x.new_organizations), std::to_string(x.new_communities), about});
    }
    return t;
}


/// "YYYY-MM-DD" (UTC, proleptic Gregorian) for a timestamp. O(1). Throws nothing.
inline std::string format_date(timestamp t) {
    const civil_date c = civil_from_days(day_number(t));
    const std::int64_t y = c.year;
    const unsigned m = c.month, d = c.day;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

namespace detail {

/// "2026-10-02 (meeting)", "2026-10-02", or "-".
inline std::string last_contact_cell(const std::optional<timestamp>& t, const std::optional<channel>& c) {
    if (!t) return "-";
    std::string out = format_date(*t);
    if (c) out += " (" + std::string(to_string(*c)) + ")";
    return out;
}

/// The display name of p ("key" when it has none). Throws: `unknown_person`.
inline std::string short_name(const snapshot& s, person_id p) {
    auto v = s.find_vertex(p);
    if (!v) throw unknown_person("short_name: person id " + std::to_string(p.value()) + " is not in the snapshot");
    const person& x = s.person_at(*v);
    return x.name.empty() ? x.key : x.name;
}

} // namespace detail

/// People to meet: rank, person, score (4 decimals), mutual contacts (count), the strongest
/// mutual contacts by name (at most `max_via`), and what to talk about (organisation, shared
/// interests, shared groups). Throws: `unknown_person`.
inline text_table people_to_meet_table(const snapshot& s, const std::vector<person_suggestion>& ps,
                                       std::size_t max_via = 2) {
    text_table t({{"#", align::right}, {"meet"}, {"score", align::right}, {"mutuals", align::right}, {"through"},
                  {"talk about"}});
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const person_suggestion& p = ps[i];
        std::vector<std::string> via;
        for (std::size_t m = 0; m < p.mutuals.size() && m < max_via; ++m) via.push_back(detail::short_name(s, p.mutuals[m].who));
        std::vector<std::string> talk;
        if (!p.shared_organization.empty()) talk.push_back(p.shared_organization);
        talk.insert(talk.end(), p.shared_interests.begin(), p.shared_interests.end());
        talk.insert(talk.end(), p.shared_groups.begin(), p.shared_groups.end());
        t.add_row({std::to_string(i + 1), person_label(s, p.who), format_fixed(p.score, 4), std::to_string(p.mutual_count),
                   join_or_dash(via), join_or_dash(talk)});
    }
    return t;
}

/// Ties to grow: rank, contact, warmth now (2 decimals), tier, last contact, gain (sum of the
/// rises in best path warmth, 3 decimals), people newly within reach, and each improved goal as
/// "name before -> after" (3 decimals; goal names from `goals`, the list passed to `suggest_ties_to_grow`).
/// Throws: `unknown_person`.
inline text_table ties_to_grow_table(const snapshot& s, const std::vector<tie_growth>& ts,
                                     const std::vector<growth_goal>& goals) {
    text_table t({{"#", align::right}, {"grow"}, {"warmth", align::right}, {"tier"}, {"last contact"},
                  {"gain", align::right}, {"new in reach", align::right}, {"goals: best path warmth now -> then"}});
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const tie_growth& g = ts[i];
        std::vector<std::string> opened;
        for (const goal_gain& x : g.gains) {
            const std::string name = x.goal < goals.size() ? goals[x.goal].name : "goal " + std::to_string(x.goal);
            opened.push_back(name + " " + format_fixed(x.warmth_before, 3) + " -> " + format_fixed(x.warmth_after, 3));
        }
        t.add_row({std::to_string(i + 1), person_label(s, g.contact), format_fixed(g.warmth, 2),
                   std::string(to_string(g.tier)), detail::last_contact_cell(g.last_interaction, g.last_channel),
                   format_fixed(g.score, 3), std::to_string(g.new_in_reach), join_or_dash(opened, "; ")});
    }
    return t;
}

/// Bridges: rank, person, who introduces (strongest mutual contact), my constraint before ->
/// after the new tie (4 decimals), effective size before -> after (1 decimal), and the circles
/// they open ("org:" / "group:" prefixes). Throws: `unknown_person`.
inline text_table bridges_table(const snapshot& s, const std::vector<bridge_suggestion>& bs) {
    text_table t({{"#", align::right}, {"meet"}, {"introduced by"}, {"constraint", align::right},
                  {"effective size", align::right}, {"opens"}});
    for (std::size_t i = 0; i < bs.size(); ++i) {
        const bridge_suggestion& b = bs[i];
        std::vector<std::string> opens;
        for (const circle& c : b.opens) opens.push_back((c.type == circle::kind::organization ? "org: " : "group: ") + c.name);
        t.add_row({std::to_string(i + 1), person_label(s, b.who), person_label(s, b.introducer),
                   format_fixed(b.constraint_before, 4) + " -> " + format_fixed(b.constraint_after, 4),
                   format_fixed(b.effective_size_before, 1) + " -> " + format_fixed(b.effective_size_after, 1),
                   join_or_dash(opens, "; ")});
    }
    return t;
}

/// Cooling ties: rank, contact, warmth (2 decimals), tier, last contact, days silent, usual gap
/// in days (1 decimal), people depending on the tie. Throws: `unknown_person`.
inline text_table reconnect_table(const snapshot& s, const std::vector<reconnect_suggestion>& rs) {
    text_table t({{"#", align::right}, {"reconnect with"}, {"warmth", align::right}, {"tier"}, {"last contact"},
                  {"silent days", align::right}, {"usual gap", align::right}, {"depending", align::right}});
    for (std::size_t i = 0; i < rs.size(); ++i) {
        const reconnect_suggestion& r = rs[i];
        t.add_row({std::to_string(i + 1), person_label(s, r.contact), format_fixed(r.warmth, 2),
                   std::string(to_string(r.tier)), detail::last_contact_cell(r.last_interaction, r.last_channel),
                   format_fixed(std::floor(r.silent_days), 0), format_fixed(r.usual_gap_days, 1),
                   std::to_string(r.people_depending)});
    }
    return t;
}

namespace detail {

/// The rows of a health table: label, then the value as text (counts as integers, diversity in
/// bits with 2 decimals, constraint 3 decimals, effective size 1 decimal, "-" when absent).
inline std::vector<std::pair<std::string, std::string>> health_rows(const network_health& h) {
    auto opt = [](const std::optional<double>& x, int d) { return x ? format_fixed(*x, d) : std::string("-"); };
    return {{"contacts", std::to_string(h.contacts())},
            {"  strong", std::to_string(h.strong)},
            {"  occasional", std::to_string(h.occasional)},
            {"  weak", std::to_string(h.weak)},
            {"within reach in 2 hops", std::to_string(h.reach_2)},
            {"within reach in 3 hops", std::to_string(h.reach_3)},
            {"organisation diversity (bits)", format_fixed(h.organization_diversity, 2)},
            {"community diversity (bits)", format_fixed(h.community_diversity, 2)},
            {"constraint (lower = more brokerage)", opt(h.constraint, 3)},
            {"effective size", opt(h.effective_size, 1)},
            {"cooling ties", std::to_string(h.cooling)}};
}

/// after - before as a signed cell ("+3", "-0.12", "0", "-" when a side is missing).
inline std::string change_cell(const std::string& before, const std::string& after, int decimals) {
    if (before == "-" || after == "-") return "-";
    const double d = std::strtod(after.c_str(), nullptr) - std::strtod(before.c_str(), nullptr);
    std::string out = format_fixed(d, decimals);
    if (out.find_first_not_of("0.") == std::string::npos) return out;  // zero
    return out[0] == '-' ? out : "+" + out;
}

} // namespace detail

/// One person's network health: figure, value. Throws nothing beyond allocation.
inline text_table health_table(const network_health& h) {
    text_table t({{"figure"}, {"value", align::right}});
    for (auto& [label, value] : detail::health_rows(h)) t.add_row({label, value});
    return t;
}

/// A comparison of two snapshots: figure, value before, value after, change (with sign).
/// `before_label` / `after_label` head the two value columns (e.g. the two dates).
inline text_table growth_table(const network_growth& g, const std::string& before_label, const std::string& after_label) {
    text_table t({{"figure"}, {before_label, align::right}, {after_label, align::right}, {"change", align::right}});
    const auto b = detail::health_rows(g.before), a = detail::health_rows(g.after);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t dot = a[i].second.find('.');
        const int decimals = dot == std::string::npos ? 0 : static_cast<int>(a[i].second.size() - dot - 1);
        t.add_row({a[i].first, b[i].second, a[i].second, detail::change_cell(b[i].second, a[i].second, decimals)});
    }
    return t;
}

/// Ties whose tier changed: contact, tier before, tier after. Throws: `unknown_person`.
inline text_table tier_changes_table(const snapshot& s, const std::vector<tier_change>& cs) {
    text_table t({{"contact"}, {"before"}, {"after"}});
    for (const tier_change& c : cs)
        t.add_row({person_label(s, c.contact), std::string(to_string(c.before)), std::string(to_string(c.after))});
    return t;
}

} // namespace kith::io
