// kith/io/csv.hpp -- loads a CRM export (a folder of CSV files) into a network.
//
// Design decisions: the layout is the one of DESIGN.md -- people.csv (required),
// interactions.csv, ties.csv, groups.csv, group_themes.csv and events.csv
// (each optional) -- read as RFC 4180 CSV: UTF-8 with or without a BOM, LF or
// CRLF, quoted fields with commas, line breaks and doubled quotes, a final line
// without a line break. Columns are matched by header name (trimmed, ASCII
// case-insensitive) in any order; unknown columns are ignored and reported as
// warnings; a missing required column is an error naming the file and column.
// Timestamps are Unix seconds or ISO 8601, parsed with Howard Hinnant's date
// library. Loading is all-or-nothing: everything is built into a copy of the
// target network, which is swapped in only when every file has loaded, so a
// failed load (any exception, including one thrown by the progress callback)
// leaves the target exactly as it was. Bad input throws `kith::parse_error`
// whose message reads "file:line:column: function: what (found 'text',
// expected ...)". Values are trimmed of surrounding spaces and tabs.
// Files are loaded in dependency order: people, groups, group_themes, events,
// interactions, ties (so ties.csv's explicit warmth lands on ties that
// interactions may have created).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/io/detail/csv_reader.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/io/load_progress.hpp>
#include <kith/network.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith::io {

/// Options of the CSV loaders.
struct csv_options {
    /// Called about every 4 MiB of input and at the end of each file (empty: no reports).
    progress_callback progress{};
    /// When set, a timestamp later than this (interactions.csv `timestamp`, groups.csv `since`)
    /// is a parse_error ("future timestamp"). Default: no check.
    std::optional<timestamp> not_after{};
    /// Longest accepted field, in bytes (a longer one is a parse_error). Default 1 MiB.
    std::size_t max_field_bytes = std::size_t{1} << 20;
};

/// What a CSV load did. Counts are of rows loaded (and groups/events created).
struct load_report {
    std::size_t people = 0;        ///< people added (people.csv rows)
    std::size_t interactions = 0;  ///< interactions recorded (interactions.csv rows)
    std::size_t ties = 0;          ///< explicit warmths set (ties.csv rows)
    std::size_t private_ties = 0;  ///< of those, ties made private (non-empty private_to)
    std::size_t groups = 0;        ///< groups created (groups.csv and group_themes.csv)
    std::size_t memberships = 0;   ///< groups.csv rows
    std::size_t group_themes = 0;  ///< group_themes.csv rows
    std::size_t events = 0;        ///< events created
    std::size_t attendances = 0;   ///< events.csv rows
    std::vector<std::string> files{};     ///< the files read, in load order
    std::vector<std::string> warnings{};  ///< e.g. "people.csv: column 'phone' ignored"

    friend bool operator==(const load_report& x, const load_report& y) {
        return x.people == y.people && x.interactions == y.interactions && x.ties == y.ties &&
               x.private_ties == y.private_ties && x.groups == y.groups && x.memberships == y.memberships &&
               x.group_themes == y.group_themes && x.events == y.events && x.attendances == y.attendances &&
               x.files == y.files && x.warnings == y.warnings;
    }
    friend bool operator!=(const load_report& x, const load_report& y) { return !(x == y); }
};

namespace detail {

/// A CSV file with a header: maps the known columns to field indices.
class csv_table {
public:
    struct column {
        const char* name;
        bool required;
    };

    csv_table(csv_reader& r, std::initializer_list<column> cols, const csv_options& opt, load_report& rep)
        : r_(r), cols_(cols), index_(cols.size(), npos), opt_(opt) {
        if (!r_.next(header_))
            throw parse_error(r_.file(), 1, 1, "", "a header line naming the columns (" + names() + ")",
                              r_.function() + ": the file is empty");
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < header_.size(); ++i) {
            const std::string name = lower(header_[i].value);
            auto [it, fresh] = seen.emplace(name, i);
            if (!fresh)
                r_.fail(header_[i], header_[i].value, "each column named once",
                        "duplicate column '" + header_[i].value + "' in the header");
            bool known = false;
            for (std::size_t c = 0; c < cols_.size(); ++c)
                if (name == cols_[c].name) {
                    index_[c] = i;
                    known = true;
                }
            if (!known) {
                rep.warnings.push_back(base_name(r_.file()) + ": column '" + header_[i].value + "' ignored");
                if (name.empty()) rep.warnings.back() = base_name(r_.file()) + ": unnamed column " + std::to_string(i + 1) + " ignored";
            }
        }
        for (std::size_t c = 0; c < cols_.size(); ++c) {
            if (cols_[c].required && index_[c] == npos) {
                std::string h;
                for (std::size_t i = 0; i < header_.size(); ++i) h += (i ? "," : "") + header_[i].value;
                throw parse_error(r_.file(), header_.front().line, 1, shorten(h),
                                  "a column named '" + std::string(cols_[c].name) + "'",
                                  r_.function() + ": missing required column '" + cols_[c].name + "' in " +
                                      base_name(r_.file()));
            }
            if (index_[c] != npos && index_[c] + 1 > needed_ && cols_[c].required) needed_ = index_[c] + 1;
        }
        next_report_ = report_every;
    }

    /// Reads the next row; false at the end of the file.
    bool next() {
        if (!r_.next(row_)) {
            report(true);
            return false;
        }
        if (row_.size() > header_.size())
            r_.fail(row_[header_.size()], row_[header_.size()].value,
                    "at most " + std::to_string(header_.size()) + " fields, as in the header (quote fields that contain commas)",
                    "too many fields (" + std::to_string(row_.size()) + ")");
        if (row_.size() < needed_) {
            std::size_t missing = 0;
            for (std::size_t c = 0; c < cols_.size(); ++c)
                if (cols_[c].required && index_[c] >= row_.size()) { missing = c; break; }
            const csv_field& last = row_.back();
            r_.fail_at(last.line, last.line_start, last.pos + last.value.size(), "",
                       "a value for column '" + std::string(cols_[missing].name) + "'",
                       "missing column '" + std::string(cols_[missing].name) + "' (the row has " +
                           std::to_string(row_.size()) + " fields, the header " + std::to_string(header_.size()) + ")");
        }
        if (r_.offset() >= next_report_) report(false);
        return true;
    }

    /// Whether the file has column `c` (an index into the constructor's list).
    bool has(std::size_t c) const noexcept { return index_[c] != npos; }

    /// The field of column `c` in the current row, or nullptr (no such column, or a short row).
    const csv_field* field(std::size_t c) const noexcept {
        if (index_[c] == npos || index_[c] >= row_.size()) return nullptr;
        return &row_[index_[c]];
    }

    /// The value of column `c` in the current row ("" when absent).
    std::string_view value(std::size_t c) const noexcept {
        const csv_field* f = field(c);
        return f ? std::string_view(f->value) : std::string_view();
    }

    /// The field of a required column, which must be non-empty.
    const csv_field& required(std::size_t c) const {
        const csv_field& f = *field(c);
        if (f.value.empty())
            r_.fail(f, "", "a value for column '" + std::string(cols_[c].name) + "'",
                    "empty '" + std::string(cols_[c].name) + "'");
        return f;
    }

    [[noreturn]] void fail(const csv_field& f, std::string_view text, const std::string& expected,
                           const std::string& message) const {
        r_.fail(f, text, expected, message);
    }

    std::size_t line() const noexcept { return row_.empty() ? 0 : row_.front().line; }

    static std::string base_name(const std::string& path) {
        const std::size_t s = path.find_last_of("/\\");
        return s == std::string::npos ? path : path.substr(s + 1);
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    static constexpr std::size_t report_every = std::size_t{4} << 20;

    std::string names() const {
        std::string s;
        for (std::size_t c = 0; c < cols_.size(); ++c) s += (c ? "," : "") + std::string(cols_[c].name);
        return s;
    }

    void report(bool final) {
        if (!opt_.progress) return;
        load_progress p;
        p.file = r_.file();
        p.phase = load_phase::reading;
        p.bytes_done = final ? r_.data().size() : r_.offset();
        p.bytes_total = r_.data().size();
        p.lines = r_.line();
        opt_.progress(p);
        next_report_ = r_.offset() + report_every;
    }

    csv_reader& r_;
    std::vector<column> cols_;
    std::vector<std::size_t> index_;
    const csv_options& opt_;
    std::vector<csv_field> header_;
    std::vector<csv_field> row_;
    std::size_t needed_ = 0;
    std::size_t next_report_ = 0;
};

/// The person with key `f.value`; a parse_error when unknown.
inline person_id person_at(const network& net, const csv_table& t, const csv_field& f) {
    if (auto id = net.find(f.value)) return *id;
    t.fail(f, f.value, "a key from people.csv", "unknown person '" + shorten(f.value) + "'");
}

/// The timestamp in `f` (Unix seconds or ISO 8601), checked against `not_after`.
inline timestamp timestamp_at(const csv_table& t, const csv_field& f, const csv_options& opt) {
    auto ts = parse_timestamp(f.value);
    if (!ts) t.fail(f, f.value, timestamp_forms, "bad timestamp");
    if (opt.not_after && *ts > *opt.not_after) {
        const auto lim = date::format("%FT%TZ", *opt.not_after);
        t.fail(f, f.value, "a time at or before " + lim + " (csv_options::not_after)", "future timestamp");
    }
    return *ts;
}

/// Splits "a;b; c" into trimmed, non-empty tags.
inline std::vector<std::string> split_tags(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty()) {
        const std::size_t k = s.find(';');
        const std::string_view tag = trim(s.substr(0, k));
        if (!tag.empty()) out.emplace_back(tag);
        if (k == std::string_view::npos) break;
        s.remove_prefix(k + 1);
    }
    return out;
}

inline std::uint64_t pair_of(person_id a, person_id b) noexcept {
    const std::uint32_t lo = std::min(a.value(), b.value()), hi = std::max(a.value(), b.value());
    return (std::uint64_t{lo} << 32) | hi;
}

inline std::string line_ref(std::size_t line) { return "line " + std::to_string(line); }

inline void load_people(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { key, name, organization, title, interests };
    csv_table t(r, {{"key", true}, {"name", false}, {"organization", false}, {"title", false}, {"interests", false}},
                opt, rep);
    std::unordered_map<std::string, std::size_t> first_line;
    while (t.next()) {
        const csv_field& k = t.required(key);
        auto [it, fresh] = first_line.emplace(k.value, k.line);
        if (!fresh)
            t.fail(k, k.value, "a key used once", "duplicate key '" + shorten(k.value) + "' (first at " + line_ref(it->second) + ")");
        if (net.find(k.value))
            t.fail(k, k.value, "a key not yet in the network", "duplicate key '" + shorten(k.value) + "' (already in the network)");
        person p;
        p.key = k.value;
        p.name = std::string(t.value(name));
        p.organization = std::string(t.value(organization));
        p.title = std::string(t.value(title));
        p.interests = split_tags(t.value(interests));
        net.add_person(std::move(p));
        ++rep.people;
    }
}

inline void load_interactions(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { a, b, ts, chan, initiator, participants };
    csv_table t(r, {{"a", true}, {"b", true}, {"timestamp", true}, {"channel", true}, {"initiator", false},
                    {"participants", false}},
                opt, rep);
    while (t.next()) {
        const csv_field& fa = t.required(a);
        const csv_field& fb = t.required(b);
        interaction x;
        x.a = person_at(net, t, fa);
        x.b = person_at(net, t, fb);
        if (x.a == x.b) t.fail(fb, fb.value, "a person other than '" + shorten(fa.value) + "'", "self-interaction");
        x.when = timestamp_at(t, t.required(ts), opt);
        const csv_field& fc = t.required(chan);
        const auto via = parse_channel(lower(fc.value));
        if (!via)
            t.fail(fc, fc.value, "meeting, call, message, email, event or introduction",
                   "unknown channel '" + shorten(fc.value) + "'");
        x.via = *via;
        if (const csv_field* fi = t.field(initiator); fi && !fi->value.empty()) {
            if (fi->value != fa.value && fi->value != fb.value)
                t.fail(*fi, fi->value, "'" + shorten(fa.value) + "', '" + shorten(fb.value) + "' or empty",
                       "initiator is neither a nor b");
            x.initiator = fi->value == fa.value ? x.a : x.b;
        }
        if (const csv_field* fp = t.field(participants); fp && !fp->value.empty()) {
            const auto n = parse_integer<std::uint32_t>(fp->value);
            if (!n || *n < 2) t.fail(*fp, fp->value, "an integer >= 2", "bad participant count");
            x.participants = *n;
        }
        net.record(x);
        ++rep.interactions;
    }
}

/// Parses a warmth in (0,1]; parse_error naming the class of the problem otherwise.
inline double warmth_at(const csv_table& t, const csv_field& f) {
    const char* expected = "a warmth in (0,1]";
    const auto w = parse_double(f.value);
    if (!w) t.fail(f, f.value, expected, "warmth is not a number");
    if (std::isnan(*w)) t.fail(f, f.value, expected, "warmth is NaN");
    if (std::isinf(*w)) t.fail(f, f.value, expected, "warmth is infinite");
    if (*w < 0) t.fail(f, f.value, expected, "warmth is negative");
    if (*w == 0) t.fail(f, f.value, expected, "warmth is zero");
    if (*w > 1) t.fail(f, f.value, expected, "warmth is over one");
    return *w;
}

inline void load_ties(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { a, b, warmth, private_to };
    csv_table t(r, {{"a", true}, {"b", true}, {"warmth", true}, {"private_to", false}}, opt, rep);
    std::unordered_map<std::uint64_t, std::size_t> first_line;
    while (t.next()) {
        const csv_field& fa = t.required(a);
        const csv_field& fb = t.required(b);
        const person_id pa = person_at(net, t, fa), pb = person_at(net, t, fb);
        if (pa == pb) t.fail(fb, fb.value, "a person other than '" + shorten(fa.value) + "'", "self-tie");
        const double w = warmth_at(t, t.required(warmth));
        auto [it, fresh] = first_line.emplace(pair_of(pa, pb), fa.line);
        if (!fresh)
            t.fail(fa, fa.value + "," + fb.value, "each pair once",
                   "duplicate tie (first at " + line_ref(it->second) + ")");
        std::optional<person_id> owner;
        if (const csv_field* fo = t.field(private_to); fo && !fo->value.empty()) owner = person_at(net, t, *fo);
        net.set_warmth(pa, pb, w);
        if (owner) {
            net.set_visibility(pa, pb, visibility{owner});
            ++rep.private_ties;
        }
        ++rep.ties;
    }
}

inline group_id group_named(network& net, const std::string& name, load_report& rep) {
    if (auto g = net.find_group(name)) return *g;
    ++rep.groups;
    return net.add_group(group{name, {}});
}

inline void load_groups(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { grp, person, since };
    csv_table t(r, {{"group", true}, {"person", true}, {"since", false}}, opt, rep);
    std::unordered_map<std::uint64_t, std::size_t> first_line;
    while (t.next()) {
        const csv_field& fg = t.required(grp);
        const csv_field& fp = t.required(person);
        const person_id p = person_at(net, t, fp);
        std::optional<timestamp> when;
        if (const csv_field* fs = t.field(since); fs && !fs->value.empty()) when = timestamp_at(t, *fs, opt);
        const group_id g = group_named(net, fg.value, rep);
        auto [it, fresh] = first_line.emplace((std::uint64_t{g.value()} << 32) | p.value(), fg.line);
        if (!fresh)
            t.fail(fg, fg.value + "," + fp.value, "each (group, person) once",
                   "duplicate membership (first at " + line_ref(it->second) + ")");
        net.join(g, p, when);
        ++rep.memberships;
    }
}

inline void load_group_themes(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { grp, themes };
    csv_table t(r, {{"group", true}, {"themes", true}}, opt, rep);
    std::unordered_map<std::string, std::size_t> first_line;
    while (t.next()) {
        const csv_field& fg = t.required(grp);
        auto [it, fresh] = first_line.emplace(fg.value, fg.line);
        if (!fresh)
            t.fail(fg, fg.value, "each group once", "duplicate group '" + shorten(fg.value) + "' (first at " + line_ref(it->second) + ")");
        const group_id g = group_named(net, fg.value, rep);
        net.set_themes(g, split_tags(t.value(themes)));
        ++rep.group_themes;
    }
}

inline void load_events(network& net, csv_reader& r, const csv_options& opt, load_report& rep) {
    enum { ev, person, table };
    csv_table t(r, {{"event", true}, {"person", true}, {"table", false}}, opt, rep);
    std::unordered_map<std::uint64_t, std::size_t> first_line;
    while (t.next()) {
        const csv_field& fe = t.required(ev);
        const csv_field& fp = t.required(person);
        const person_id p = person_at(net, t, fp);
        event_id e;
        if (auto found = net.find_event(fe.value)) {
            e = *found;
        } else {
            e = net.add_event(event{fe.value, std::nullopt});
            ++rep.events;
        }
        auto [it, fresh] = first_line.emplace((std::uint64_t{e.value()} << 32) | p.value(), fe.line);
        if (!fresh)
            t.fail(fe, fe.value + "," + fp.value, "each (event, person) once",
                   "duplicate attendance (first at " + line_ref(it->second) + ")");
        net.attend(e, p, std::string(t.value(table)));
        ++rep.attendances;
    }
}

using csv_loader = void (*)(network&, csv_reader&, const csv_options&, load_report&);

/// Runs one loader on a stream into a copy of `net`, swapping it in on success.
inline load_report load_stream(network& net, std::istream& in, std::string_view name, const char* fn,
                               csv_loader loader, const csv_options& opt) {
    const std::string data = read_stream(in);
    csv_reader r(data, std::string(name), fn, opt.max_field_bytes);
    network work = net;
    load_report rep;
    rep.files.emplace_back(name);
    loader(work, r, opt, rep);
    net.swap(work);
    return rep;
}

}  // namespace detail

/// Reads people.csv (`key,name,organization,title,interests`; only `key` is required;
/// interests are `;`-separated) from `in` and adds one person per row.
/// `name` names the stream in errors and progress reports.
/// Complexity: O(size of the input + size of `net`) (the network is copied).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` on bad input (bad UTF-8, unbalanced quotes, missing column,
/// empty key, duplicate key in the file or already in `net`, field over max_field_bytes,
/// empty input); `net` is then unchanged. Exact.
inline load_report read_people(network& net, std::istream& in, std::string_view name, const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_people", &detail::load_people, opt);
}

/// Reads interactions.csv (`a,b,timestamp,channel[,initiator][,participants]`) and records
/// one interaction per row. `a`, `b` and `initiator` are person keys already in `net`;
/// `timestamp` is Unix seconds or ISO 8601; `channel` one of meeting, call, message, email,
/// event, introduction (case-insensitive); `participants` an integer >= 2 (default 2).
/// Complexity: O(size of the input + size of `net`) (plus the network's cost of `record`).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` (unknown person, self-interaction, bad or future timestamp, unknown
/// channel, bad initiator or participants, and the CSV errors of `read_people`); `net` is
/// then unchanged. Exact.
inline load_report read_interactions(network& net, std::istream& in, std::string_view name,
                                     const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_interactions", &detail::load_interactions, opt);
}

/// Reads ties.csv (`a,b,warmth[,private_to]`): sets an explicit warmth in (0,1] on each pair
/// (it overrides the strength model) and, when `private_to` names a person, makes the tie
/// private to that owner. Complexity: O(size of the input + size of `net`).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` (unknown person, self-tie, warmth not a number / NaN / infinite /
/// negative / zero / over one, duplicate pair, CSV errors); `net` is then unchanged. Exact.
inline load_report read_ties(network& net, std::istream& in, std::string_view name, const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_ties", &detail::load_ties, opt);
}

/// Reads groups.csv (`group,person[,since]`): creates each group on first sight and adds the
/// membership (`since`: a timestamp, or empty). Complexity: O(input + net + members).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` (unknown person, bad or future `since`, duplicate (group, person),
/// CSV errors); `net` is then unchanged. Exact.
inline load_report read_groups(network& net, std::istream& in, std::string_view name, const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_groups", &detail::load_groups, opt);
}

/// Reads group_themes.csv (`group,themes`, themes `;`-separated): sets each group's themes,
/// creating a group that does not exist yet. Complexity: O(input + net).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` (duplicate group, CSV errors); `net` is then unchanged. Exact.
inline load_report read_group_themes(network& net, std::istream& in, std::string_view name,
                                     const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_group_themes", &detail::load_group_themes, opt);
}

/// Reads events.csv (`event,person[,table]`): creates each event on first sight and records
/// the attendance with its (lunch) table. Complexity: O(input + net + attendees).
/// Preconditions: none. Returns: the counts of what was loaded.
/// Throws: `parse_error` (unknown person, duplicate (event, person), CSV errors); `net` is
/// then unchanged. Exact.
inline load_report read_events(network& net, std::istream& in, std::string_view name, const csv_options& opt = {}) {
    return detail::load_stream(net, in, name, "read_events", &detail::load_events, opt);
}

/// Loads a CRM export folder: `dir/people.csv` (required) and, when present,
/// groups.csv, group_themes.csv, events.csv, interactions.csv and ties.csv, in that order.
/// All-or-nothing: on any exception `net` is unchanged.
/// Complexity: O(total input size + size of `net`) (the network is copied once).
/// Preconditions: none. Returns: counts of what was loaded, the files read and warnings.
/// Throws: `parse_error` (line 0) when people.csv cannot be read; every error of the
/// `read_*` functions, with "load_csv_directory" as the function name. Exact.
inline load_report load_csv_directory(network& net, const std::string& dir, const csv_options& opt = {}) {
    const char* fn = "load_csv_directory";
    const std::string base = dir.empty() ? std::string() : (dir.back() == '/' ? dir : dir + "/");
    struct step {
        const char* file;
        detail::csv_loader loader;
        bool required;
    };
    const step steps[] = {
        {"people.csv", &detail::load_people, true},
        {"groups.csv", &detail::load_groups, false},
        {"group_themes.csv", &detail::load_group_themes, false},
        {"events.csv", &detail::load_events, false},
        {"interactions.csv", &detail::load_interactions, false},
        {"ties.csv", &detail::load_ties, false},
    };
    network work = net;
    load_report rep;
    for (const step& s : steps) {
        const std::string path = base + s.file;
        std::error_code ec;
        if (!s.required && !std::filesystem::exists(path, ec)) continue;  // unreadable but present: an error
        const std::string data = detail::read_file(path, fn);
        detail::csv_reader r(data, path, fn, opt.max_field_bytes);
        rep.files.push_back(path);
        s.loader(work, r, opt, rep);
    }
    net.swap(work);
    return rep;
}

}  // namespace kith::io
