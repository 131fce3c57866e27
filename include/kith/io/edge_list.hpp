// kith/io/edge_list.hpp -- loads SNAP / Konect edge lists (and comma-separated
// ones such as SNAP's Bitcoin ratings) into a network.
//
// Design decisions: one line per edge, `u v [weight-or-warmth [timestamp]]`,
// fields separated by spaces/tabs (or commas, detected from the first data line
// or forced), `#` and `%` comment lines, LF or CRLF, a final line without a
// line break, a UTF-8 BOM. Node tokens are person keys (the token text, so
// "007" and "7" are different people); people are created on first sight, in
// order of appearance (a node seen only in self-loops is still created). The
// graph is read as undirected: u->v and v->u are one tie; repeated pairs are
// counted as duplicates and keep the warmest value; self-loops are skipped and
// counted. A third column must be a warmth in (0,1] unless the caller maps it
// with `weight_scale`/`weight_offset` -- a weight is never silently clamped.
// Without a weight every tie gets `default_warmth`. Loading is all-or-nothing:
// the file is parsed completely into a staging area (no network change), then
// inserted by one all-or-nothing `network::add_bulk` call (or, for interactions
// and affiliations, into a copy of the network that is swapped in at the end).
// Speed: the file is read in 8 MiB blocks; integer tokens take a fast path
// (std::from_chars-free digit loop, direct table or open-addressing hash map;
// lines between two small ids are interned through a 16-line queue with the
// table slots prefetched, so the lookups' cache misses overlap), edges are staged
// as `bulk_tie` records and de-duplicated by a radix sort of (lo, hi); plain ties
// then go into the network with one `network::add_bulk` call (all-or-nothing by
// itself, so the network is not copied; see docs/data-formats.md for the
// figures). Files with recorded interactions or affiliations are inserted one
// by one into a copy that is swapped in.
// Bipartite (affiliation) files, such as Konect's club memberships or Southern
// Women, load as group memberships or event attendances instead of ties.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/io/detail/flat_map.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/io/load_progress.hpp>
#include <kith/network.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith::io {

/// How fields are separated.
enum class edge_separator : std::uint8_t {
    auto_detect,  ///< comma when the first data line contains one, else whitespace
    whitespace,   ///< runs of spaces and tabs
    comma,        ///< ',' (spaces around fields are dropped)
};

/// Whether the first data line is a header (e.g. Konect's "source<TAB>target").
enum class header_line : std::uint8_t {
    auto_detect,  ///< a header when its two node fields are not integers and the next data line's are
    present,      ///< always skip the first data line
    absent,       ///< never skip
};

/// The meaning of a column after the two node columns.
enum class edge_column : std::uint8_t {
    weight,     ///< a warmth in (0,1], or a weight mapped by weight_scale / weight_offset
    timestamp,  ///< Unix seconds or ISO 8601
    ignore,     ///< read nothing from it
};

/// How a file's pairs are read.
enum class affiliation_mode : std::uint8_t {
    none,    ///< `u v` is a tie between two people
    groups,  ///< `person group`: a group membership (bipartite person-organisation files)
    events,  ///< `person event`: an event attendance (bipartite person-event files)
};

/// Options of `read_edge_list`.
struct edge_list_options {
    /// Warmth of a tie whose line has no weight. Must be in (0,1].
    double default_warmth = 0.5;
    /// When set, a weight w maps to warmth (w + weight_offset) / weight_scale, which must land
    /// in (0,1] (e.g. Bitcoin ratings -10..10: offset 11, scale 21). Must be finite and > 0.
    /// When unset, a weight must already be a warmth in (0,1].
    std::optional<double> weight_scale{};
    /// See weight_scale. Must be finite.
    double weight_offset = 0.0;
    /// Field separator.
    edge_separator separator = edge_separator::auto_detect;
    /// A line whose first non-blank character is one of these is a comment.
    std::string comment_chars = "#%";
    /// Header line handling.
    header_line header = header_line::auto_detect;
    /// Roles of the columns after `u v` (more columns are ignored; fewer are fine).
    std::vector<edge_column> columns{edge_column::weight, edge_column::timestamp};
    /// When true, every line with a timestamp is also recorded as an interaction
    /// (channel `via`, initiated by u, 2 participants). A tie with interactions but no weight
    /// then gets its warmth from the strength model instead of `default_warmth`.
    bool record_interactions = false;
    /// Channel of recorded interactions.
    channel via = channel::message;
    /// When set, a timestamp later than this is a parse_error.
    std::optional<timestamp> not_after{};
    /// Read pairs as memberships or attendances instead of ties.
    affiliation_mode affiliation = affiliation_mode::none;
    /// Prefix of the group / event names made from second-column tokens in affiliation mode.
    std::string affiliation_prefix{};
    /// Called about every 4 MiB of input, and during insertion (empty: no reports).
    progress_callback progress{};
};

/// What `read_edge_list` did.
struct edge_list_report {
    std::size_t lines = 0;         ///< physical lines in the file
    std::size_t edges = 0;         ///< data lines (pairs), including duplicates and self-loops
    std::size_t comments = 0;      ///< comment lines
    std::size_t blank_lines = 0;   ///< empty or whitespace-only lines
    bool header_skipped = false;   ///< a header line was skipped
    char separator = ' ';          ///< ' ' (whitespace) or ','
    std::size_t people = 0;        ///< people created (tokens not already keys in the network)
    std::size_t ties = 0;          ///< distinct ties read (pairs of different people)
    std::size_t duplicates = 0;    ///< lines repeating an earlier pair (either direction)
    std::size_t self_loops = 0;    ///< lines with u == v (skipped)
    std::size_t weighted = 0;      ///< lines with a weight
    std::size_t interactions = 0;  ///< interactions recorded (record_interactions)
    std::size_t groups = 0;        ///< groups created (affiliation_mode::groups)
    std::size_t memberships = 0;   ///< distinct memberships (affiliation_mode::groups)
    std::size_t events = 0;        ///< events created (affiliation_mode::events)
    std::size_t attendances = 0;   ///< distinct attendances (affiliation_mode::events)
    std::vector<std::string> warnings{};

    friend bool operator==(const edge_list_report& x, const edge_list_report& y) {
        return x.lines == y.lines && x.edges == y.edges && x.comments == y.comments &&
               x.blank_lines == y.blank_lines && x.header_skipped == y.header_skipped &&
               x.separator == y.separator && x.people == y.people && x.ties == y.ties &&
               x.duplicates == y.duplicates && x.self_loops == y.self_loops && x.weighted == y.weighted &&
               x.interactions == y.interactions && x.groups == y.groups && x.memberships == y.memberships &&
               x.events == y.events && x.attendances == y.attendances && x.warnings == y.warnings;
    }
    friend bool operator!=(const edge_list_report& x, const edge_list_report& y) { return !(x == y); }
};

namespace detail {

/// Node tokens -> dense indices in order of first appearance.
class token_interner {
public:
    /// The index of `tok`; `fresh` tells whether it was new.
    std::uint32_t intern(std::string_view tok, bool& fresh) {
        // Canonical unsigned integers (no leading zero, <= 19 digits) take the fast path;
        // their text is their key, so they cannot collide with other tokens.
        if (tok.size() <= 19 && (tok.size() == 1 || tok[0] != '0')) {
            std::uint64_t v = 0;
            std::size_t i = 0;
            for (; i < tok.size(); ++i) {
                const unsigned d = static_cast<unsigned char>(tok[i]) - unsigned('0');
                if (d > 9) break;
                v = v * 10 + d;
            }
            if (i == tok.size() && i > 0) {
                if (v < dense_limit)  // small ids: a direct table
                    return small_index(v, fresh, [&] { keys_.emplace_back(tok); });
                auto [val, ins] = ints_.try_emplace(v, static_cast<std::uint32_t>(keys_.size()));
                fresh = ins;
                if (ins) keys_.emplace_back(tok);
                return *val;
            }
        }
        auto [it, ins] = strings_.try_emplace(std::string(tok), static_cast<std::uint32_t>(keys_.size()));
        fresh = ins;
        if (ins) keys_.emplace_back(tok);
        return it->second;
    }

    /// Whether `tok` is a canonical integer below the direct table's limit (no leading zero,
    /// at most 8 digits), then its value in `v`; its table slot is prefetched, so that the
    /// cache miss of a big file's lookup overlaps with the following lines' parsing.
    bool small_id(std::string_view tok, std::uint64_t& v) const noexcept {
        if (tok.empty() || tok.size() > 8 || (tok.size() > 1 && tok[0] == '0')) return false;
        v = 0;
        for (char c : tok) {
            const unsigned d = static_cast<unsigned char>(c) - unsigned('0');
            if (d > 9) return false;
            v = v * 10 + d;
        }
        if (v >= dense_limit) return false;
#if defined(__GNUC__) || defined(__clang__)
        if (v < dense_.size()) __builtin_prefetch(&dense_[static_cast<std::size_t>(v)]);
#endif
        return true;
    }

    /// `intern` of the token of a `small_id` value `v` (its text is the decimal of v).
    std::uint32_t intern_small(std::uint64_t v) {
        bool fresh = false;
        return small_index(v, fresh, [&] {
            char buf[24];
            const auto r = std::to_chars(buf, buf + sizeof buf, v);
            keys_.emplace_back(buf, static_cast<std::size_t>(r.ptr - buf));
        });
    }

    std::size_t size() const noexcept { return keys_.size(); }
    std::vector<std::string>& keys() noexcept { return keys_; }
    void reserve(std::size_t n) { keys_.reserve(n); }

private:
    /// The index of the small integer v (< dense_limit); when v is new, `add_key()` appends its
    /// key and `fresh` is set. The direct table only grows while it stays proportionate to the
    /// tokens seen (at most 64 slots per token, at least 2^16 slots), so a tiny file naming node
    /// 30000000 does not allocate a 128 MiB table; values beyond it go to `ints_`. A value is
    /// looked up in both places, so where it went never splits one node in two.
    template <class AddKey>
    std::uint32_t small_index(std::uint64_t v, bool& fresh, AddKey&& add_key) {
        if (v < dense_.size()) {
            std::uint32_t& slot = dense_[static_cast<std::size_t>(v)];
            if (slot != absent) {
                fresh = false;
                return slot;
            }
            if (const std::uint32_t* p = ints_.find(v)) {  // placed before the table grew
                fresh = false;
                return *p;
            }
            fresh = true;
            add_key();
            slot = static_cast<std::uint32_t>(keys_.size() - 1);
            return slot;
        }
        std::size_t cap = dense_.empty() ? 1024 : dense_.size();
        while (cap <= v) cap *= 2;
        const std::size_t allowed = std::max<std::size_t>(std::size_t{1} << 16, 64 * (keys_.size() + 1));
        if (cap <= allowed) {
            if (const std::uint32_t* p = ints_.find(v)) {
                fresh = false;
                return *p;
            }
            dense_.resize(cap, absent);
            fresh = true;
            add_key();
            dense_[static_cast<std::size_t>(v)] = static_cast<std::uint32_t>(keys_.size() - 1);
            return dense_[static_cast<std::size_t>(v)];
        }
        auto [val, ins] = ints_.try_emplace(v, static_cast<std::uint32_t>(keys_.size()));
        fresh = ins;
        if (ins) add_key();
        return *val;
    }

    static constexpr std::uint64_t dense_limit = std::uint64_t{1} << 25;  // a table of at most 128 MiB
    static constexpr std::uint32_t absent = ~std::uint32_t{0};
    std::vector<std::uint32_t> dense_;
    flat_u64_map ints_;
    std::unordered_map<std::string, std::uint32_t> strings_;
    std::vector<std::string> keys_;
};

/// One staged pair: a = the lower node index, b = the higher (node indices until the commit
/// maps them to person ids in place), warmth < 0 when the line had no weight. The type of
/// network::add_bulk's input, so the staged pairs are handed over without a copy.
using staged_edge = bulk_tie;

/// The sort key of a staged pair: lo << 32 | hi.
inline std::uint64_t key_of(const staged_edge& e) noexcept {
    return (std::uint64_t{e.a.value()} << 32) | e.b.value();
}

/// Sorts by key with an LSD radix sort over the digits of the bits that can be set
/// (`bits` low bits of each 32-bit half); std::sort for small inputs.
inline void sort_by_key(std::vector<staged_edge>& v, unsigned bits) {
    auto by_key = [](const staged_edge& x, const staged_edge& y) { return key_of(x) < key_of(y); };
    if (v.size() < (1u << 14)) {
        std::sort(v.begin(), v.end(), by_key);
        return;
    }
    constexpr unsigned digit = 11;
    constexpr std::size_t buckets = std::size_t{1} << digit;
    std::vector<staged_edge> tmp(v.size());
    std::vector<std::size_t> count(buckets + 1);
    for (unsigned half : {0u, 32u}) {
        for (unsigned lo = 0; lo < bits; lo += digit) {
            const unsigned shift = half + lo;
            std::fill(count.begin(), count.end(), 0);
            for (const staged_edge& e : v) ++count[((key_of(e) >> shift) & (buckets - 1)) + 1];
            for (std::size_t b = 1; b <= buckets; ++b) count[b] += count[b - 1];
            for (const staged_edge& e : v) tmp[count[(key_of(e) >> shift) & (buckets - 1)]++] = e;
            v.swap(tmp);
        }
    }
}

struct staged_interaction {
    std::uint32_t u, v;
    timestamp when;
};

/// Parses an edge list into a staging area; then commits it into a network.
class edge_list_parser {
public:
    edge_list_parser(std::string file, const edge_list_options& opt, std::uint64_t bytes_total)
        : file_(std::move(file)), opt_(opt), bytes_total_(bytes_total) {
        const char* fn = "read_edge_list";
        if (!(opt.default_warmth > 0.0 && opt.default_warmth <= 1.0))
            throw invalid_argument(std::string(fn) + ": default_warmth " + std::to_string(opt.default_warmth) +
                                   " is outside (0,1]");
        if (opt.weight_scale && !(std::isfinite(*opt.weight_scale) && *opt.weight_scale > 0.0))
            throw invalid_argument(std::string(fn) + ": weight_scale " + std::to_string(*opt.weight_scale) +
                                   " must be finite and > 0");
        if (!std::isfinite(opt.weight_offset))
            throw invalid_argument(std::string(fn) + ": weight_offset " + std::to_string(opt.weight_offset) +
                                   " must be finite");
        if (opt.separator == edge_separator::whitespace) rep_.separator = ' ';
        if (opt.separator == edge_separator::comma) rep_.separator = ',';
        sep_known_ = opt.separator != edge_separator::auto_detect;
        tokens_.resize(2 + opt.columns.size());
        if (bytes_total > 0) {
            const std::size_t guess = static_cast<std::size_t>(bytes_total / 16);
            edges_.reserve(guess);
            people_.reserve(guess / 8);
        }
    }

    /// Feeds a buffer of complete lines (the last may lack its line break only when `final`).
    void feed(const char* data, std::size_t n, bool final) {
        std::size_t p = 0;
        if (first_block_) {
            first_block_ = false;
            if (n >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) p = 3;
        }
        while (p < n) {
            const void* nl = std::memchr(data + p, '\n', n - p);
            std::size_t e = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : n;
            std::size_t next = nl ? e + 1 : n;
            std::size_t le = e;
            if (le > p && data[le - 1] == '\r') --le;
            ++line_;
            on_line(std::string_view(data + p, le - p));
            p = next;
        }
        bytes_done_ += n;
        if (opt_.progress && (bytes_done_ >= next_report_ || final)) {
            load_progress pr;
            pr.file = file_;
            pr.phase = load_phase::reading;
            pr.bytes_done = bytes_done_;
            pr.bytes_total = bytes_total_;
            pr.lines = line_;
            opt_.progress(pr);
            next_report_ = bytes_done_ + (std::uint64_t{4} << 20);
        }
        (void)final;
    }

    /// Ends the input (resolves a deferred header candidate, stages the queued lines).
    void finish() {
        drain();
        if (pending_) {
            // A lone candidate line: it is data.
            pending_ = false;
            std::string text = std::move(pending_text_);
            const std::size_t ln = pending_line_;
            process(text, ln);
        }
        rep_.lines = line_;
        // Distinct pairs: sort, then keep the warmest line of each pair.
        unsigned bits = 1;
        while (bits < 32 && (std::uint64_t{1} << bits) < people_.size()) ++bits;
        sort_by_key(edges_, bits);
        std::size_t out = 0;
        for (std::size_t i = 0; i < edges_.size(); ++i) {
            if (out > 0 && key_of(edges_[out - 1]) == key_of(edges_[i])) {
                if (edges_[i].warmth > edges_[out - 1].warmth) edges_[out - 1].warmth = edges_[i].warmth;
                ++rep_.duplicates;
            } else {
                edges_[out++] = edges_[i];
            }
        }
        edges_.resize(out);  // no shrink_to_fit: it would copy; the commit frees the vector
        if (bip_declared_ && opt_.affiliation == affiliation_mode::none)
            rep_.warnings.push_back(file_ + ": the file declares a bipartite network ('% bip'); its two columns "
                                    "are read as people (see edge_list_options::affiliation)");
    }

    /// Whether `commit` is all-or-nothing by itself: plain ties (no affiliation, no recorded
    /// interaction) go into the network with one `network::add_bulk` call, which restores the
    /// network on any exception, so `finish_edge_list` needs no copy of the network.
    bool commit_is_atomic() const noexcept {
        return opt_.affiliation == affiliation_mode::none && interactions_.empty();
    }

    /// Inserts the staged data into `net`. Unless `commit_is_atomic()`, a failure can leave
    /// `net` half-filled, so the caller passes a copy.
    void commit(network& net) {
        if (commit_is_atomic()) {
            commit_ties(net);
            return;
        }
        const auto& keys_in = people_.keys();
        const bool empty_net = net.id_bound() == 0;
        net.reserve(net.id_bound() + keys_in.size(), net.tie_slot_count() + edges_.size());
        std::vector<person_id> pid(keys_in.size());
        auto& keys = people_.keys();
        const std::uint64_t total = keys.size() + edges_.size() + interactions_.size() + pairs_.size();
        std::uint64_t done = 0, next_report = 1u << 20;
        auto tick = [&](std::uint64_t k) {
            done += k;
            if (opt_.progress && done >= next_report) {
                report_building(done, total);
                next_report = done + (1u << 20);
            }
        };
        for (std::size_t i = 0; i < keys.size(); ++i) {
            std::optional<person_id> found;
            if (!empty_net) found = net.find(keys[i]);
            if (found) {
                pid[i] = *found;
            } else {
                person p;
                p.key = std::move(keys[i]);
                pid[i] = net.add_person(std::move(p));
                ++rep_.people;
            }
            tick(1);
        }
        if (opt_.affiliation != affiliation_mode::none) {
            auto& names = second_.keys();
            std::vector<std::uint32_t> ids(names.size());
            for (std::size_t i = 0; i < names.size(); ++i) {
                const std::string name = opt_.affiliation_prefix + names[i];
                if (opt_.affiliation == affiliation_mode::groups) {
                    auto g = net.find_group(name);
                    if (!g) { g = net.add_group(group{name, {}}); ++rep_.groups; }
                    ids[i] = g->value();
                } else {
                    auto e = net.find_event(name);
                    if (!e) { e = net.add_event(event{name, std::nullopt}); ++rep_.events; }
                    ids[i] = e->value();
                }
            }
            for (const auto& [who, what] : pairs_) {
                if (opt_.affiliation == affiliation_mode::groups) {
                    net.join(group_id(ids[what]), pid[who]);
                    ++rep_.memberships;
                } else {
                    net.attend(event_id(ids[what]), pid[who]);
                    ++rep_.attendances;
                }
                tick(1);
            }
            return;
        }
        for (const staged_interaction& x : interactions_) {
            interaction it;
            it.a = pid[x.u];
            it.b = pid[x.v];
            it.when = x.when;
            it.via = opt_.via;
            it.initiator = it.a;
            net.record(it);
            ++rep_.interactions;
            tick(1);
        }
        for (const staged_edge& e : edges_) {
            const person_id a = pid[e.a.value()], b = pid[e.b.value()];
            if (e.warmth >= 0 || !opt_.record_interactions || !net.has_tie(a, b))
                net.set_warmth(a, b, e.warmth >= 0 ? e.warmth : opt_.default_warmth);
            tick(1);
        }
        rep_.ties = edges_.size();
    }

    edge_list_report& report() noexcept { return rep_; }

private:
    /// The atomic commit: new people and the ties as one network::add_bulk call. The pairs are
    /// sorted by node index (finish); node indices map to person ids in increasing order when
    /// every node is a new person, else the ties are sorted again by person id.
    void commit_ties(network& net) {
        auto& keys = people_.keys();
        const bool empty_net = net.id_bound() == 0;
        std::vector<person_id> pid(keys.size());
        std::vector<person> fresh;
        fresh.reserve(keys.size());
        std::uint32_t next = static_cast<std::uint32_t>(net.id_bound());  // add_bulk checks the 2^32 limit
        bool increasing = true;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            std::optional<person_id> found;
            if (!empty_net) found = net.find(keys[i]);
            if (found) {
                pid[i] = *found;
                increasing = false;
            } else {
                fresh.emplace_back();
                fresh.back().key = std::move(keys[i]);
                pid[i] = person_id(next++);
            }
        }
        // The staged pairs become add_bulk's input in place: person ids, default warmth.
        rep_.ties = edges_.size();
        std::vector<bulk_tie>& ties = edges_;
        std::size_t out = 0;
        for (std::size_t i = 0; i < ties.size(); ++i) {
            bulk_tie e = ties[i];
            e.a = pid[e.a.value()];
            e.b = pid[e.b.value()];
            // As record_interactions does without interactions: a tie that exists keeps its
            // warmth when the line has no weight.
            if (e.warmth < 0 && opt_.record_interactions && !empty_net && net.has_tie(e.a, e.b)) continue;
            if (e.warmth < 0) e.warmth = opt_.default_warmth;
            ties[out++] = e;
        }
        ties.resize(out);
        if (!increasing) {
            auto key = [](const bulk_tie& t) {
                const std::uint32_t x = t.a.value(), y = t.b.value();
                return x < y ? (std::uint64_t{x} << 32 | y) : (std::uint64_t{y} << 32 | x);
            };
            std::sort(ties.begin(), ties.end(), [&](const bulk_tie& x, const bulk_tie& y) { return key(x) < key(y); });
        }
        const std::size_t people = fresh.size();
        bulk_progress progress;
        if (opt_.progress)
            progress = [this](std::size_t done, std::size_t total) { report_building(done, total); };
        net.add_bulk(std::move(fresh), ties, progress);
        rep_.people = people;
        std::vector<staged_edge>().swap(edges_);
    }

    /// Calls the progress callback (which must be set) in the building phase: `done` of `total`
    /// items inserted, the whole input read. O(length of the file name).
    void report_building(std::uint64_t done, std::uint64_t total) const {
        load_progress pr;
        pr.file = file_;
        pr.phase = load_phase::building;
        pr.bytes_done = pr.bytes_total = bytes_done_;
        pr.lines = line_;
        pr.items_done = done;
        pr.items_total = total;
        opt_.progress(pr);
    }

    [[noreturn]] void fail(std::string_view line, std::size_t line_no, std::size_t pos, std::string_view text,
                           const std::string& expected, const std::string& message) const {
        throw parse_error(file_, line_no, column_of(line, 0, pos), shorten(text), expected,
                          "read_edge_list: " + message);
    }

    void on_line(std::string_view line) { process(line, line_); }

    /// Splits `line` into up to tokens_.size() fields; returns how many.
    std::size_t split(std::string_view line, std::size_t line_no) {
        const std::size_t want = tokens_.size();
        std::size_t n = 0, i = 0;
        const std::size_t len = line.size();
        if (rep_.separator == ',') {
            for (;;) {
                const std::size_t b = i;
                while (i < len && line[i] != ',') ++i;
                std::string_view t = line.substr(b, i - b);
                std::size_t lead = 0;
                while (lead < t.size() && (t[lead] == ' ' || t[lead] == '\t')) ++lead;
                t = trim(t);
                if (n < want) {
                    if (t.empty() && n < 2) fail(line, line_no, b, line, "a node", "empty node field");
                    tokens_[n] = t;
                    offsets_[n] = b + lead;
                }
                ++n;
                if (i >= len) break;
                ++i;
            }
            return n < want ? n : want;
        }
        while (n < want) {
            while (i < len && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i >= len) break;
            const std::size_t b = i;
            while (i < len && line[i] != ' ' && line[i] != '\t') ++i;
            tokens_[n] = line.substr(b, i - b);
            offsets_[n] = b;
            ++n;
        }
        return n;
    }

    static bool is_integer(std::string_view t) noexcept {
        if (t.empty()) return false;
        for (char c : t)
            if (!is_digit(c)) return false;
        return true;
    }

    void process(std::string_view line, std::size_t line_no) {
        // Blank and comment lines.
        std::size_t f = 0;
        while (f < line.size() && (line[f] == ' ' || line[f] == '\t')) ++f;
        if (f == line.size()) { ++rep_.blank_lines; return; }
        if (opt_.comment_chars.find(line[f]) != std::string::npos) {
            ++rep_.comments;
            if (line.substr(f).rfind("% bip", 0) == 0) bip_declared_ = true;
            return;
        }
        if (!sep_known_) {
            rep_.separator = line.find(',') != std::string_view::npos ? ',' : ' ';
            sep_known_ = true;
        }
        if (offsets_.size() < tokens_.size()) offsets_.resize(tokens_.size());
        const std::size_t n = split(line, line_no);
        if (n < 2)
            fail(line, line_no, line.size(), "", rep_.separator == ',' ? "'u,v'" : "'u v'",
                 "expected two node fields");
        // Header detection.
        if (!header_decided_) {
            header_decided_ = true;
            if (opt_.header == header_line::present) {
                rep_.header_skipped = true;
                return;
            }
            if (opt_.header == header_line::auto_detect && !is_integer(tokens_[0]) && !is_integer(tokens_[1])) {
                pending_ = true;
                pending_text_ = std::string(line);
                pending_line_ = line_no;
                return;
            }
        } else if (pending_) {
            pending_ = false;
            if (is_integer(tokens_[0]) && is_integer(tokens_[1])) {
                rep_.header_skipped = true;
            } else {
                std::string text = std::move(pending_text_);
                process(text, pending_line_);
                split(line, line_no);  // restore this line's tokens
            }
        }
        data_line(line, line_no, n);
    }

    std::uint32_t node(std::string_view line, std::size_t line_no, std::size_t k, token_interner& in) {
        const std::string_view t = tokens_[k];
        bool fresh = false;
        const std::uint32_t id = in.intern(t, fresh);
        if (fresh && !is_integer(t)) {
            const std::size_t bad = find_invalid_utf8(t);
            if (bad != std::string_view::npos)
                fail(line, line_no, offsets_[k] + bad, t.substr(bad, 4), "UTF-8 text", "the node name is not valid UTF-8");
        }
        return id;
    }

    void data_line(std::string_view line, std::size_t line_no, std::size_t n) {
        ++rep_.edges;
        const bool affil = opt_.affiliation != affiliation_mode::none;
        token_interner& second = affil ? second_ : people_;
        // A plain tie between two small integer ids (the big-file case) cannot fail in the
        // interner: its lookups are deferred through a short queue (see `defer`), their table
        // slots prefetched now. Any other line first drains the queue, so node indices still
        // follow the order of first appearance.
        std::uint64_t iu = 0, iv = 0;
        const bool deferred = !affil && !opt_.record_interactions && people_.small_id(tokens_[0], iu) &&
                              people_.small_id(tokens_[1], iv);
        std::uint32_t u = 0, v = 0;
        if (!deferred) {
            drain();
            u = node(line, line_no, 0, people_);
            v = node(line, line_no, 1, second);
        }
        // Extra columns.
        std::optional<double> warmth;
        std::optional<timestamp> when;
        for (std::size_t k = 2; k < n; ++k) {
            const std::string_view t = tokens_[k];
            if (t.empty()) continue;  // "u,v,,t": an empty field is absent
            switch (opt_.columns[k - 2]) {
            case edge_column::weight: warmth = weight_at(line, line_no, k); break;
            case edge_column::timestamp: when = time_at(line, line_no, k); break;
            case edge_column::ignore: break;
            }
        }
        if (deferred) {
            defer(iu, iv, warmth ? *warmth : -1.0);
            return;
        }
        if (affil) {
            auto [slot, fresh] = pair_index_.try_emplace((std::uint64_t{u} << 32) | v, 0);
            (void)slot;
            if (fresh) pairs_.emplace_back(u, v);
            else ++rep_.duplicates;
            return;
        }
        if (u == v) { ++rep_.self_loops; return; }
        if (warmth) ++rep_.weighted;
        const std::uint32_t lo = u < v ? u : v, hi = u < v ? v : u;
        edges_.push_back(staged_edge{person_id(lo), person_id(hi), warmth ? *warmth : -1.0});
        if (opt_.record_interactions && when) interactions_.push_back(staged_interaction{u, v, *when});
    }

    /// Queues a plain tie between small ids (warmth < 0: none); when the queue is full, the
    /// oldest is interned and staged. The queue holds `queue_size` lines, so each lookup's
    /// prefetch has that many lines of parsing to arrive.
    void defer(std::uint64_t u, std::uint64_t v, double warmth) {
        if (queued_ == queue_size) {
            stage(queue_[queue_head_]);
            queue_head_ = (queue_head_ + 1) % queue_size;
            --queued_;
        }
        queue_[(queue_head_ + queued_) % queue_size] = queued_line{u, v, warmth};
        ++queued_;
    }

    /// Interns and stages every queued line, oldest first.
    void drain() {
        for (; queued_ > 0; --queued_) {
            stage(queue_[queue_head_]);
            queue_head_ = (queue_head_ + 1) % queue_size;
        }
        queue_head_ = 0;
    }

    struct queued_line {
        std::uint64_t u, v;
        double warmth;
    };

    /// The end of `data_line` for a queued line.
    void stage(const queued_line& x) {
        const std::uint32_t u = people_.intern_small(x.u), v = people_.intern_small(x.v);
        if (u == v) { ++rep_.self_loops; return; }
        if (x.warmth >= 0) ++rep_.weighted;
        const std::uint32_t lo = u < v ? u : v, hi = u < v ? v : u;
        edges_.push_back(staged_edge{person_id(lo), person_id(hi), x.warmth});
    }

    double weight_at(std::string_view line, std::size_t line_no, std::size_t k) {
        const std::string_view t = tokens_[k];
        const std::size_t at = offsets_[k];
        const char* expected = opt_.weight_scale ? "a weight that maps into (0,1]" : "a warmth in (0,1]";
        const auto w = parse_double(t);
        if (!w) fail(line, line_no, at, t, expected, "weight is not a number");
        if (!std::isfinite(*w)) fail(line, line_no, at, t, expected, std::isnan(*w) ? "weight is NaN" : "weight is infinite");
        if (!opt_.weight_scale) {
            if (!(*w > 0.0 && *w <= 1.0))
                fail(line, line_no, at, t, expected,
                     "weight is outside (0,1]: use weight_scale (and weight_offset) to map weights to warmth, "
                     "or mark the column edge_column::timestamp or ignore");
            return *w;
        }
        const double m = (*w + opt_.weight_offset) / *opt_.weight_scale;
        if (!(m > 0.0 && m <= 1.0))
            fail(line, line_no, at, t, expected,
                 "weight maps to warmth " + std::to_string(m) + ", outside (0,1] (weight_scale " +
                     std::to_string(*opt_.weight_scale) + ", weight_offset " + std::to_string(opt_.weight_offset) + ")");
        return m;
    }

    timestamp time_at(std::string_view line, std::size_t line_no, std::size_t k) {
        const std::string_view t = tokens_[k];
        std::optional<timestamp> ts;
        if (is_integer(t) && t.size() <= 12) {
            std::int64_t v = 0;
            for (char c : t) v = v * 10 + (c - '0');
            ts = from_unix(v);
        } else {
            ts = parse_timestamp(t);
        }
        if (!ts) fail(line, line_no, offsets_[k], t, timestamp_forms, "bad timestamp");
        if (opt_.not_after && *ts > *opt_.not_after)
            fail(line, line_no, offsets_[k], t,
                 "a time at or before " + date::format("%FT%TZ", *opt_.not_after) + " (edge_list_options::not_after)",
                 "future timestamp");
        return *ts;
    }

    std::string file_;
    const edge_list_options& opt_;
    std::uint64_t bytes_total_ = 0;
    std::uint64_t bytes_done_ = 0;
    std::uint64_t next_report_ = std::uint64_t{4} << 20;
    edge_list_report rep_;
    std::size_t line_ = 0;
    bool first_block_ = true;
    bool sep_known_ = false;
    bool header_decided_ = false;
    bool pending_ = false;
    bool bip_declared_ = false;
    std::string pending_text_;
    std::size_t pending_line_ = 0;
    std::vector<std::string_view> tokens_;
    std::vector<std::size_t> offsets_;
    token_interner people_;
    token_interner second_;
    std::vector<staged_edge> edges_;
    std::vector<staged_interaction> interactions_;
    flat_u64_map pair_index_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
    static constexpr std::size_t queue_size = 16;
    queued_line queue_[queue_size]{};
    std::size_t queue_head_ = 0, queued_ = 0;
};

/// Reads blocks from `read(buf, n)` (returns bytes read, 0 at the end) and feeds whole lines.
/// The buffer starts at 64 KiB (or `block_bytes` if smaller) and doubles after each full read
/// up to `block_bytes`, so a 20-byte upload does not pay for zeroing 8 MiB; a line longer than
/// the buffer grows it past `block_bytes`.
template <class Read>
void feed_blocks(edge_list_parser& p, Read&& read, std::size_t block_bytes = std::size_t{8} << 20) {
    if (block_bytes < 1) block_bytes = 1;
    std::vector<char> buf(std::min<std::size_t>(block_bytes, std::size_t{64} << 10));
    std::size_t have = 0;
    for (;;) {
        if (have == buf.size()) buf.resize(buf.size() * 2);  // a line longer than the buffer
        const std::size_t want = buf.size() - have;
        const std::size_t got = read(buf.data() + have, want);
        have += got;
        if (got == want && buf.size() < block_bytes) buf.resize(std::min(buf.size() * 2, block_bytes));
        if (got == 0) {
            p.feed(buf.data(), have, true);
            return;
        }
        std::size_t last = have;
        while (last > 0 && buf[last - 1] != '\n') --last;
        if (last == 0) continue;
        p.feed(buf.data(), last, false);
        std::memmove(buf.data(), buf.data() + last, have - last);
        have -= last;
    }
}

/// Ends the parse and commits into `net`, all-or-nothing: directly when the commit is atomic
/// (plain ties), else into a copy of `net` that is swapped in (O(size of net) extra).
inline edge_list_report finish_edge_list(network& net, edge_list_parser& p) {
    p.finish();
    if (p.commit_is_atomic()) {
        p.commit(net);
    } else {
        network work = net;
        p.commit(work);
        net.swap(work);
    }
    return std::move(p.report());
}

}  // namespace detail

/// Reads a SNAP / Konect style edge list from `path` into `net` (see the header comment
/// for the format and rules; docs/data-formats.md for each shared dataset's options).
/// Complexity: O(file size + people + ties) expected for plain ties (one network::add_bulk;
/// O(ties log ties) more when some node keys are already people of `net`); files with
/// recorded interactions or affiliations add O(size of `net`) for the copy of `net`.
/// Preconditions: none. Returns: counts (lines, ties, duplicates, self-loops, ...).
/// Throws: `invalid_argument` for bad options (default_warmth outside (0,1], weight_scale
/// not finite and > 0, weight_offset not finite); `parse_error` naming file, line, column
/// and text for a line with fewer than two fields, an empty node field, a node name that
/// is not UTF-8, a weight that is not a number / NaN / infinite / outside (0,1] (after
/// mapping), a bad or future timestamp, and (line 0) a file that cannot be read.
/// On any exception `net` is unchanged. Exact.
inline edge_list_report read_edge_list(network& net, const std::string& path, const edge_list_options& opt = {}) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status))
        throw parse_error(path, 0, 0, "", "a readable file", "read_edge_list: the path is a directory");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        throw parse_error(path, 0, 0, "", "a readable file",
                          "read_edge_list: cannot open the file (" + std::string(std::strerror(errno)) + ")");
    struct closer {
        std::FILE* f;
        ~closer() { std::fclose(f); }
    } guard{f};
    std::uint64_t size = 0;
    if (std::filesystem::is_regular_file(status)) {
        const auto s = std::filesystem::file_size(path, ec);
        if (!ec) size = s;
    }
    detail::edge_list_parser p(path, opt, size);
    detail::feed_blocks(p, [&](char* buf, std::size_t n) {
        const std::size_t got = std::fread(buf, 1, n, f);
        if (got == 0 && std::ferror(f))
            throw parse_error(path, 0, 0, "", "a readable file", "read_edge_list: read error");
        return got;
    });
    return detail::finish_edge_list(net, p);
}

/// Reads an edge list from a stream; `name` names it in errors. Same rules as the path overload.
/// Complexity, Preconditions, Returns, Throws: as `read_edge_list(network&, const std::string&, ...)`
/// (no "cannot open" error). Exact.
inline edge_list_report read_edge_list(network& net, std::istream& in, std::string_view name,
                                       const edge_list_options& opt = {}) {
    detail::edge_list_parser p(std::string(name), opt, 0);
    detail::feed_blocks(p, [&](char* buf, std::size_t n) {
        in.read(buf, static_cast<std::streamsize>(n));
        return static_cast<std::size_t>(in.gcount());
    });
    return detail::finish_edge_list(net, p);
}

}  // namespace kith::io
