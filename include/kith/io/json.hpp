// kith/io/json.hpp -- JSON for every kith result type (nlohmann/json), with person keys.
//
// Design decisions: results hold `person_id`s, which mean nothing outside one `network`; JSON is
// for other programs, so every person is written as its external key (the CRM's id) and read back
// through a snapshot's key index. That is why the writers take the snapshot the result came from
// (`to_json(s, result)`) instead of being nlohmann's ADL hooks; only the reports of the loaders,
// which hold no ids, also get the ADL pair (`nlohmann::json j = report;`). Readers are
// `from_json<T>(s, j)` and accept exactly what the writers produce (unknown fields are ignored,
// a missing or ill-typed field is an `invalid_argument` naming it). Field names are part of the
// API and documented in docs/cli.md; they never change meaning. Groups and events are written by
// name (names are unique in a network), organisations by name, timestamps as ISO 8601 UTC
// ("2025-03-01T09:00:00Z"), tiers and channels by their lower-case names, and a NaN or infinite
// number as null. Numbers are exact by default (nlohmann writes the shortest text that reads back
// to the same double, so `from_json(to_json(x)) == x`); `json_options::significant_digits` rounds
// them for people and golden files. The core never includes this header (it is the only kith
// header that needs nlohmann/json).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/io/csv.hpp>
#include <kith/io/detail/text.hpp>
#include <kith/io/edge_list.hpp>
#include <kith/metrics/brokerage.hpp>
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

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kith::io {

/// How results are written as JSON.
struct json_options {
    /// Round every floating-point number to this many significant digits (1..17); 0 (default)
    /// writes numbers exactly (shortest round-trip form), so reading them back gives equal values.
    int significant_digits = 0;
    /// Also write display names next to person keys ("name" fields). Default true.
    bool names = true;
};

namespace detail {

/// A finite double as JSON (rounded when asked); null for NaN and infinities.
inline nlohmann::json number(double x, const json_options& o) {
    if (!std::isfinite(x)) return nullptr;
    if (o.significant_digits <= 0 || o.significant_digits >= 17) return x;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", o.significant_digits, x);
    const double r = std::strtod(buf, nullptr);
    return r == 0.0 ? 0.0 : r;  // no "-0.0"
}

/// "YYYY-MM-DDTHH:MM:SSZ" for a timestamp (proleptic Gregorian, UTC).
inline std::string iso8601(timestamp t) {
    const std::int64_t s = to_unix(t);
    const std::int64_t z = day_number(t);
    const std::int64_t secs = s - z * 86400;
    const civil_date c = civil_from_days(z);
    const std::int64_t y = c.year;
    const unsigned m = c.month, d = c.day;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

/// The key of person `p` in `s`; unknown_person naming `fn` when `p` is not in the snapshot.
inline const std::string& key_of(const snapshot& s, person_id p, const char* fn) {
    auto v = s.find_vertex(p);
    if (!v) throw unknown_person(std::string(fn) + ": person id " + std::to_string(p.value()) + " is not in the snapshot");
    return s.person_at(*v).key;
}

/// The display name of person `p` (who must be in `s`).
inline const std::string& name_of(const snapshot& s, person_id p) { return s.person_at(*s.find_vertex(p)).name; }

/// An optional timestamp as ISO 8601 or null.
inline nlohmann::json time_or_null(const std::optional<timestamp>& t) {
    return t ? nlohmann::json(iso8601(*t)) : nlohmann::json();
}

/// An optional channel by name or null.
inline nlohmann::json channel_or_null(const std::optional<kith::channel>& c) {
    return c ? nlohmann::json(std::string(to_string(*c))) : nlohmann::json();
}

inline nlohmann::json keys_of(const snapshot& s, const std::vector<person_id>& ps, const char* fn) {
    nlohmann::json a = nlohmann::json::array();
    for (person_id p : ps) a.push_back(key_of(s, p, fn));
    return a;
}

/// Reading helpers: every failure is an invalid_argument naming the function and the field.
struct json_reader {
    const snapshot& s;
    const char* fn;

    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw invalid_argument(std::string(fn) + ": field '" + field + "' " + what);
    }
    const nlohmann::json& at(const nlohmann::json& j, const char* field) const {
        if (!j.is_object()) fail(field, "is read from a value that is not an object");
        auto it = j.find(field);
        if (it == j.end()) fail(field, "is missing");
        return *it;
    }
    bool has(const nlohmann::json& j, const char* field) const {
        return j.is_object() && j.contains(field) && !j.at(field).is_null();
    }
    double real(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (v.is_null()) return std::nan("");
        if (!v.is_number()) fail(field, "is not a number: " + v.dump());
        return v.get<double>();
    }
    template <class Int>
    Int integer(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (!v.is_number_integer() || (std::is_unsigned<Int>::value && v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() < 0))
            fail(field, "is not a non-negative integer: " + v.dump());
        return v.get<Int>();
    }
    bool boolean(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (!v.is_boolean()) fail(field, "is not true or false: " + v.dump());
        return v.get<bool>();
    }
    std::string text(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (!v.is_string()) fail(field, "is not a string: " + v.dump());
        return v.get<std::string>();
    }
    std::vector<std::string> texts(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (!v.is_array()) fail(field, "is not an array: " + v.dump());
        std::vector<std::string> out;
        for (const auto& x : v) {
            if (!x.is_string()) fail(field, "holds a value that is not a string: " + x.dump());
            out.push_back(x.get<std::string>());
        }
        return out;
    }
    const nlohmann::json& array(const nlohmann::json& j, const char* field) const {
        const auto& v = at(j, field);
        if (!v.is_array()) fail(field, "is not an array: " + v.dump());
        return v;
    }
    kith::tier tier_value(const nlohmann::json& j, const char* field) const {
        const std::string t = text(j, field);
        if (t == "strong") return tier::strong;
        if (t == "occasional") return tier::occasional;
        if (t == "weak") return tier::weak;
        fail(field, "is not strong, occasional or weak: '" + t + "'");
    }
    std::optional<kith::channel> channel_or_null(const nlohmann::json& j, const char* field) const {
        if (!has(j, field)) return std::nullopt;
        const std::string c = text(j, field);
        auto ch = parse_channel(c);
        if (!ch) fail(field, "is not a channel: '" + c + "'");
        return ch;
    }
    std::optional<timestamp> time_or_null(const nlohmann::json& j, const char* field) const {
        if (!has(j, field)) return std::nullopt;
        return time(j, field);
    }
    std::optional<double> real_or_null(const nlohmann::json& j, const char* field) const {
        if (!has(j, field)) return std::nullopt;
        return real(j, field);
    }
    person_id person(const std::string& key) const {
        auto v = s.find(key);
        if (!v) throw unknown_person(std::string(fn) + ": no person has key '" + key + "'");
        return s.id_of(*v);
    }
    person_id person(const nlohmann::json& j, const char* field) const { return person(text(j, field)); }
    std::vector<person_id> people(const nlohmann::json& j, const char* field) const {
        std::vector<person_id> out;
        for (const auto& k : texts(j, field)) out.push_back(person(k));
        return out;
    }
    timestamp time(const nlohmann::json& j, const char* field) const {
        const std::string t = text(j, field);
        auto ts = parse_timestamp(t);
        if (!ts) fail(field, "is not an ISO 8601 timestamp: '" + t + "'");
        return *ts;
    }
};

template <class T>
struct tag {};

} // namespace detail

// ------------------------------------------------------------------------------- paths

/// A warm path as JSON: `{"people": [keys], "names": [...], "warmth", "log_warmth",
/// "cost_units", "hops", "ties": [{"from", "to", "warmth", "tier"}]}` (names only with
/// `o.names`). Complexity: O(hops). Throws: `unknown_person` for a person not in `s`. Exact.
inline nlohmann::json to_json(const snapshot& s, const warm_path& p, const json_options& o = {}) {
    constexpr const char* fn = "to_json(warm_path)";
    nlohmann::json j;
    j["people"] = detail::keys_of(s, p.people, fn);
    if (o.names) {
        nlohmann::json names = nlohmann::json::array();
        for (person_id q : p.people) names.push_back(s.person_at(*s.find_vertex(q)).name);
        j["names"] = std::move(names);
    }
    j["warmth"] = detail::number(p.warmth, o);
    j["log_warmth"] = detail::number(p.log_warmth, o);
    j["cost_units"] = p.cost_units;
    j["hops"] = p.hops();
    nlohmann::json ties = nlohmann::json::array();
    for (std::size_t i = 0; i + 1 < p.people.size() && i < p.tie_warmth.size(); ++i) {
        nlohmann::json t;
        t["from"] = detail::key_of(s, p.people[i], fn);
        t["to"] = detail::key_of(s, p.people[i + 1], fn);
        t["warmth"] = detail::number(p.tie_warmth[i], o);
        t["tier"] = std::string(to_string(tier_of(p.tie_warmth[i])));
        ties.push_back(std::move(t));
    }
    j["ties"] = std::move(ties);
    return j;
}

/// One explained hop: `{"from", "to", "warmth", "tier", "last_interaction" (ISO or null),
/// "last_channel" (or null), "days_since_last" (or null), "interactions", "reciprocal", "manual",
/// "cooling", "shared_groups", "shared_organization" (or null), "mutual_contacts"}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const hop_explanation& h, const json_options& o = {}) {
    constexpr const char* fn = "to_json(hop_explanation)";
    nlohmann::json j;
    j["from"] = detail::key_of(s, h.from, fn);
    j["to"] = detail::key_of(s, h.to, fn);
    j["warmth"] = detail::number(h.warmth, o);
    j["tier"] = std::string(to_string(h.tier));
    j["last_interaction"] = h.last_interaction ? nlohmann::json(detail::iso8601(*h.last_interaction)) : nlohmann::json();
    j["last_channel"] = h.last_channel ? nlohmann::json(std::string(to_string(*h.last_channel))) : nlohmann::json();
    j["days_since_last"] = h.days_since_last ? nlohmann::json(*h.days_since_last) : nlohmann::json();
    j["interactions"] = h.interactions;
    j["reciprocal"] = h.reciprocal;
    j["manual"] = h.manual;
    j["cooling"] = h.cooling;
    j["shared_groups"] = h.shared_groups;
    j["shared_organization"] = h.shared_organization ? nlohmann::json(*h.shared_organization) : nlohmann::json();
    j["mutual_contacts"] = h.mutual_contacts;
    return j;
}

/// An explained path: `{"warmth", "log_warmth", "suggested_ask", "hops": [hop objects]}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const path_explanation& e, const json_options& o = {}) {
    nlohmann::json j;
    j["warmth"] = detail::number(e.warmth, o);
    j["log_warmth"] = detail::number(e.log_warmth, o);
    j["suggested_ask"] = e.suggested_ask;
    nlohmann::json hops = nlohmann::json::array();
    for (const auto& h : e.hops) hops.push_back(to_json(s, h, o));
    j["hops"] = std::move(hops);
    return j;
}

// ----------------------------------------------------------------------------- suggest

/// A group suggestion: `{"group" (name), "fit", "gain", "shared_interests", "members",
/// "known_members", "new_people", "new_organizations", "new_communities", "goals_opened" (keys)}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const group_suggestion& g, const json_options& o = {}) {
    nlohmann::json j;
    j["group"] = g.name;
    j["fit"] = detail::number(g.fit, o);
    j["gain"] = detail::number(g.gain, o);
    j["shared_interests"] = g.shared_interests;
    j["members"] = g.members;
    j["known_members"] = g.known_members;
    j["new_people"] = g.new_people;
    j["new_organizations"] = g.new_organizations;
    j["new_communities"] = g.new_communities;
    j["goals_opened"] = detail::keys_of(s, g.goals_opened, "to_json(group_suggestion)");
    return j;
}

/// Talking points: `{"shared_interests", "shared_groups", "mutual_contacts" (keys), "question"}`.
inline nlohmann::json to_json(const snapshot& s, const talking_points& t, const json_options& = {}) {
    nlohmann::json j;
    j["shared_interests"] = t.shared_interests;
    j["shared_groups"] = t.shared_groups;
    j["mutual_contacts"] = detail::keys_of(s, t.mutual_contacts, "to_json(talking_points)");
    j["question"] = t.question;
    return j;
}

/// One person to meet at an event: `{"person" (key), "name", "gain", "new_people",
/// "new_organizations", "new_communities", "goal_credits", "talking_points"}`.
inline nlohmann::json to_json(const snapshot& s, const event_pick& p, const json_options& o = {}) {
    nlohmann::json j;
    j["person"] = detail::key_of(s, p.who, "to_json(event_pick)");
    j["name"] = p.name;
    j["gain"] = detail::number(p.gain, o);
    j["new_people"] = p.new_people;
    j["new_organizations"] = p.new_organizations;
    j["new_communities"] = p.new_communities;
    j["goal_credits"] = p.goal_credits;
    j["talking_points"] = to_json(s, p.talk, o);
    return j;
}

/// An event plan: `{"value", "attendees", "strangers", "known", "picks": [pick objects]}`.
inline nlohmann::json to_json(const snapshot& s, const event_plan& p, const json_options& o = {}) {
    nlohmann::json j;
    j["value"] = detail::number(p.value, o);
    j["attendees"] = p.attendees;
    j["strangers"] = p.strangers;
    j["known"] = p.known;
    nlohmann::json picks = nlohmann::json::array();
    for (const auto& x : p.picks) picks.push_back(to_json(s, x, o));
    j["picks"] = std::move(picks);
    return j;
}

/// A lunch table: `{"table", "value", "strangers", "known", "seated_strangers" (keys)}`.
inline nlohmann::json to_json(const snapshot& s, const table_choice& t, const json_options& o = {}) {
    nlohmann::json j;
    j["table"] = t.table;
    j["value"] = detail::number(t.value, o);
    j["strangers"] = t.strangers;
    j["known"] = t.known;
    j["seated_strangers"] = detail::keys_of(s, t.seated_strangers, "to_json(table_choice)");
    return j;
}

/// One mutual contact of a person to meet: `{"person" (key), "name", "my_warmth",
/// "their_warmth"}` (name only with `o.names`). Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const mutual_contact& m, const json_options& o = {}) {
    nlohmann::json j;
    j["person"] = detail::key_of(s, m.who, "to_json(mutual_contact)");
    if (o.names) j["name"] = detail::name_of(s, m.who);
    j["my_warmth"] = detail::number(m.my_warmth, o);
    j["their_warmth"] = detail::number(m.their_warmth, o);
    return j;
}

/// A person to meet: `{"person" (key), "name", "score", "mutual_count", "mutuals": [mutual
/// objects], "shared_interests", "shared_groups", "shared_organization" (or null)}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const person_suggestion& p, const json_options& o = {}) {
    nlohmann::json j;
    j["person"] = detail::key_of(s, p.who, "to_json(person_suggestion)");
    if (o.names) j["name"] = detail::name_of(s, p.who);
    j["score"] = detail::number(p.score, o);
    j["mutual_count"] = p.mutual_count;
    nlohmann::json mutuals = nlohmann::json::array();
    for (const auto& m : p.mutuals) mutuals.push_back(to_json(s, m, o));
    j["mutuals"] = std::move(mutuals);
    j["shared_interests"] = p.shared_interests;
    j["shared_groups"] = p.shared_groups;
    j["shared_organization"] = p.shared_organization.empty() ? nlohmann::json() : nlohmann::json(p.shared_organization);
    return j;
}

/// A goal of `suggest_ties_to_grow`: `{"name", "people" (keys)}`. Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const growth_goal& g, const json_options& = {}) {
    nlohmann::json j;
    j["name"] = g.name;
    j["people"] = detail::keys_of(s, g.people, "to_json(growth_goal)");
    return j;
}

/// The gain on one goal: `{"goal" (index into the goals), "warmth_before", "warmth_after"}`.
/// Throws nothing. Exact.
inline nlohmann::json to_json(const snapshot&, const goal_gain& g, const json_options& o = {}) {
    nlohmann::json j;
    j["goal"] = g.goal;
    j["warmth_before"] = detail::number(g.warmth_before, o);
    j["warmth_after"] = detail::number(g.warmth_after, o);
    return j;
}

/// A tie worth growing: `{"contact" (key), "name", "warmth", "tier", "last_interaction" (ISO or
/// null), "last_channel" (or null), "score", "goals_opened", "gains": [gain objects],
/// "new_in_reach"}`. Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const tie_growth& g, const json_options& o = {}) {
    nlohmann::json j;
    j["contact"] = detail::key_of(s, g.contact, "to_json(tie_growth)");
    if (o.names) j["name"] = detail::name_of(s, g.contact);
    j["warmth"] = detail::number(g.warmth, o);
    j["tier"] = std::string(to_string(g.tier));
    j["last_interaction"] = detail::time_or_null(g.last_interaction);
    j["last_channel"] = detail::channel_or_null(g.last_channel);
    j["score"] = detail::number(g.score, o);
    j["goals_opened"] = g.goals_opened;
    nlohmann::json gains = nlohmann::json::array();
    for (const auto& x : g.gains) gains.push_back(to_json(s, x, o));
    j["gains"] = std::move(gains);
    j["new_in_reach"] = g.new_in_reach;
    return j;
}

/// A circle: `{"type": "organization"|"group", "name"}`. Throws nothing. Exact.
inline nlohmann::json to_json(const circle& c, const json_options& = {}) {
    nlohmann::json j;
    j["type"] = c.type == circle::kind::organization ? "organization" : "group";
    j["name"] = c.name;
    return j;
}

/// A bridge to meet: `{"person" (key), "name", "opens": [circle objects], "introducer" (key),
/// "introducer_name", "constraint_before", "constraint_after", "effective_size_before",
/// "effective_size_after"}` (names only with `o.names`). Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const bridge_suggestion& b, const json_options& o = {}) {
    constexpr const char* fn = "to_json(bridge_suggestion)";
    nlohmann::json j;
    j["person"] = detail::key_of(s, b.who, fn);
    if (o.names) j["name"] = detail::name_of(s, b.who);
    nlohmann::json opens = nlohmann::json::array();
    for (const auto& c : b.opens) opens.push_back(to_json(c, o));
    j["opens"] = std::move(opens);
    j["introducer"] = detail::key_of(s, b.introducer, fn);
    if (o.names) j["introducer_name"] = detail::name_of(s, b.introducer);
    j["constraint_before"] = detail::number(b.constraint_before, o);
    j["constraint_after"] = detail::number(b.constraint_after, o);
    j["effective_size_before"] = detail::number(b.effective_size_before, o);
    j["effective_size_after"] = detail::number(b.effective_size_after, o);
    return j;
}

/// A cooling tie to revive: `{"contact" (key), "name", "warmth", "tier", "last_interaction"
/// (ISO), "last_channel" (or null), "silent_days", "usual_gap_days", "people_depending"}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const reconnect_suggestion& r, const json_options& o = {}) {
    nlohmann::json j;
    j["contact"] = detail::key_of(s, r.contact, "to_json(reconnect_suggestion)");
    if (o.names) j["name"] = detail::name_of(s, r.contact);
    j["warmth"] = detail::number(r.warmth, o);
    j["tier"] = std::string(to_string(r.tier));
    j["last_interaction"] = detail::iso8601(r.last_interaction);
    j["last_channel"] = detail::channel_or_null(r.last_channel);
    j["silent_days"] = detail::number(r.silent_days, o);
    j["usual_gap_days"] = detail::number(r.usual_gap_days, o);
    j["people_depending"] = r.people_depending;
    return j;
}

// ----------------------------------------------------------------------------- metrics

/// Brokerage measures: `{"constraint", "effective_size", "efficiency", "degree"}` (NaN -> null).
inline nlohmann::json to_json(const brokerage& b, const json_options& o = {}) {
    nlohmann::json j;
    j["constraint"] = detail::number(b.constraint, o);
    j["effective_size"] = detail::number(b.effective_size, o);
    j["efficiency"] = detail::number(b.efficiency, o);
    j["degree"] = b.degree;
    return j;
}

/// Network health: `{"contacts", "strong", "occasional", "weak", "reach_2", "reach_3",
/// "organization_diversity", "community_diversity", "constraint" (or null), "effective_size"
/// (or null), "cooling"}` ("contacts" = strong + occasional + weak, not read back).
/// Throws nothing. Exact.
inline nlohmann::json to_json(const network_health& h, const json_options& o = {}) {
    nlohmann::json j;
    j["contacts"] = h.contacts();
    j["strong"] = h.strong;
    j["occasional"] = h.occasional;
    j["weak"] = h.weak;
    j["reach_2"] = h.reach_2;
    j["reach_3"] = h.reach_3;
    j["organization_diversity"] = detail::number(h.organization_diversity, o);
    j["community_diversity"] = detail::number(h.community_diversity, o);
    j["constraint"] = h.constraint ? detail::number(*h.constraint, o) : nlohmann::json();
    j["effective_size"] = h.effective_size ? detail::number(*h.effective_size, o) : nlohmann::json();
    j["cooling"] = h.cooling;
    return j;
}

/// A tie whose tier changed: `{"contact" (key), "name", "before" (tier), "after" (tier)}`.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const tier_change& t, const json_options& o = {}) {
    nlohmann::json j;
    j["contact"] = detail::key_of(s, t.contact, "to_json(tier_change)");
    if (o.names) j["name"] = detail::name_of(s, t.contact);
    j["before"] = std::string(to_string(t.before));
    j["after"] = std::string(to_string(t.after));
    return j;
}

/// How a network grew: `{"before": health, "after": health, "change": {every health field:
/// after - before (null when either is null)}, "new_contacts" (keys), "lost_contacts" (keys),
/// "warmer": [tier changes], "cooler": [tier changes]}`. `s` resolves the people (the later
/// snapshot: a lost contact must still be a person there). "change" is not read back.
/// Throws: `unknown_person`. Exact.
inline nlohmann::json to_json(const snapshot& s, const network_growth& g, const json_options& o = {}) {
    constexpr const char* fn = "to_json(network_growth)";
    nlohmann::json j;
    j["before"] = to_json(g.before, o);
    j["after"] = to_json(g.after, o);
    nlohmann::json change;
    const nlohmann::json b = to_json(g.before), a = to_json(g.after);  // exact
    for (auto it = a.begin(); it != a.end(); ++it) {
        const nlohmann::json& x = b.at(it.key());
        if (it->is_null() || x.is_null()) change[it.key()] = nullptr;
        else if (it->is_number_unsigned() && x.is_number_unsigned())
            change[it.key()] = static_cast<std::int64_t>(it->get<std::uint64_t>()) - static_cast<std::int64_t>(x.get<std::uint64_t>());
        else change[it.key()] = detail::number(it->get<double>() - x.get<double>(), o);
    }
    j["change"] = std::move(change);
    j["new_contacts"] = detail::keys_of(s, g.new_contacts, fn);
    j["lost_contacts"] = detail::keys_of(s, g.lost_contacts, fn);
    nlohmann::json warmer = nlohmann::json::array(), cooler = nlohmann::json::array();
    for (const auto& t : g.warmer) warmer.push_back(to_json(s, t, o));
    for (const auto& t : g.cooler) cooler.push_back(to_json(s, t, o));
    j["warmer"] = std::move(warmer);
    j["cooler"] = std::move(cooler);
    return j;
}

// --------------------------------------------------------------------------- snapshot

/// A whole snapshot as JSON (the `convert --to json` format): `{"taken_at", "people": [{"key",
/// "name", "organization", "title", "interests"}], "ties": [{"a", "b", "warmth", "private_to"}]
/// (each tie once, a < b in vertex order; private_to a key or null), "groups": [{"name",
/// "themes", "members" (keys)}], "events": [{"name", "when" (or null), "attendees": [{"person",
/// "table"}]}]}`. Complexity: O(V + E + memberships). Throws nothing. Exact.
inline nlohmann::json to_json(const snapshot& s, const json_options& o = {}) {
    nlohmann::json j;
    j["taken_at"] = detail::iso8601(s.taken_at());
    nlohmann::json people = nlohmann::json::array();
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        const person& p = s.person_at(v);
        people.push_back({{"key", p.key}, {"name", p.name}, {"organization", p.organization},
                          {"title", p.title}, {"interests", p.interests}});
    }
    j["people"] = std::move(people);
    nlohmann::json ties = nlohmann::json::array();
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        // The adjacency is sorted by cost; emit each tie once, in (a, b) order.
        std::vector<std::pair<std::uint32_t, snapshot::arc_index>> out;
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a)
            if (s.arc_target(a) > v) out.emplace_back(s.arc_target(a), a);
        std::sort(out.begin(), out.end());
        for (const auto& [w, a] : out) {
            nlohmann::json t;
            t["a"] = s.person_at(v).key;
            t["b"] = s.person_at(w).key;
            t["warmth"] = detail::number(s.arc_warmth(a), o);
            t["private_to"] = s.arc_is_private(a) ? nlohmann::json(s.person_at(s.arc_owner(a)).key) : nlohmann::json();
            ties.push_back(std::move(t));
        }
    }
    j["ties"] = std::move(ties);
    nlohmann::json groups = nlohmann::json::array();
    for (std::uint32_t g = 0; g < s.group_count(); ++g) {
        nlohmann::json members = nlohmann::json::array();
        for (auto v : s.group_members(g)) members.push_back(s.person_at(v).key);
        groups.push_back({{"name", s.group_at(g).name}, {"themes", s.group_at(g).themes}, {"members", std::move(members)}});
    }
    j["groups"] = std::move(groups);
    nlohmann::json events = nlohmann::json::array();
    for (std::uint32_t e = 0; e < s.event_count(); ++e) {
        nlohmann::json att = nlohmann::json::array();
        for (const auto& a : s.event_attendees(e)) att.push_back({{"person", s.person_at(a.who).key}, {"table", a.table}});
        const auto& ev = s.event_at(e);
        events.push_back({{"name", ev.name},
                          {"when", ev.when ? nlohmann::json(detail::iso8601(*ev.when)) : nlohmann::json()},
                          {"attendees", std::move(att)}});
    }
    j["events"] = std::move(events);
    return j;
}

/// A list of results as a JSON array (each element as `to_json(s, x, o)`).
template <class T>
nlohmann::json to_json(const snapshot& s, const std::vector<T>& xs, const json_options& o = {}) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& x : xs) a.push_back(to_json(s, x, o));
    return a;
}

// ---------------------------------------------------------------------------- readers

namespace detail {

inline warm_path read(const json_reader& r, const nlohmann::json& j, tag<warm_path>) {
    warm_path p;
    p.people = r.people(j, "people");
    for (const auto& t : r.array(j, "ties")) p.tie_warmth.push_back(r.real(t, "warmth"));
    if (p.people.empty()) r.fail("people", "is empty");
    if (p.tie_warmth.size() != p.people.size() - 1)
        r.fail("ties", "has " + std::to_string(p.tie_warmth.size()) + " entries for " +
                           std::to_string(p.people.size()) + " people");
    p.cost_units = r.integer<std::uint64_t>(j, "cost_units");
    p.log_warmth = r.real(j, "log_warmth");
    p.warmth = r.real(j, "warmth");
    return p;
}

inline hop_explanation read(const json_reader& r, const nlohmann::json& j, tag<hop_explanation>) {
    hop_explanation h;
    h.from = r.person(j, "from");
    h.to = r.person(j, "to");
    h.warmth = r.real(j, "warmth");
    h.tier = r.tier_value(j, "tier");
    h.last_interaction = r.time_or_null(j, "last_interaction");
    h.last_channel = r.channel_or_null(j, "last_channel");
    if (r.has(j, "days_since_last")) {
        const auto& v = r.at(j, "days_since_last");
        if (!v.is_number_integer()) r.fail("days_since_last", "is not an integer: " + v.dump());
        h.days_since_last = v.get<std::int64_t>();
    }
    h.interactions = r.integer<std::uint32_t>(j, "interactions");
    h.reciprocal = r.boolean(j, "reciprocal");
    h.manual = r.boolean(j, "manual");
    h.cooling = r.boolean(j, "cooling");
    h.shared_groups = r.texts(j, "shared_groups");
    if (r.has(j, "shared_organization")) h.shared_organization = r.text(j, "shared_organization");
    h.mutual_contacts = r.integer<std::size_t>(j, "mutual_contacts");
    return h;
}

inline path_explanation read(const json_reader& r, const nlohmann::json& j, tag<path_explanation>) {
    path_explanation e;
    e.warmth = r.real(j, "warmth");
    e.log_warmth = r.real(j, "log_warmth");
    e.suggested_ask = r.text(j, "suggested_ask");
    for (const auto& h : r.array(j, "hops")) e.hops.push_back(read(r, h, tag<hop_explanation>{}));
    return e;
}

inline group_suggestion read(const json_reader& r, const nlohmann::json& j, tag<group_suggestion>) {
    group_suggestion g;
    g.name = r.text(j, "group");
    auto id = r.s.find_group(g.name);
    if (!id) throw invalid_argument(std::string(r.fn) + ": no group is named '" + g.name + "'");
    g.group = group_id(*id);
    g.fit = r.real(j, "fit");
    g.gain = r.real(j, "gain");
    g.shared_interests = r.texts(j, "shared_interests");
    g.members = r.integer<std::size_t>(j, "members");
    g.known_members = r.integer<std::size_t>(j, "known_members");
    g.new_people = r.integer<std::size_t>(j, "new_people");
    g.new_organizations = r.texts(j, "new_organizations");
    g.new_communities = r.texts(j, "new_communities");
    g.goals_opened = r.people(j, "goals_opened");
    return g;
}

inline talking_points read(const json_reader& r, const nlohmann::json& j, tag<talking_points>) {
    talking_points t;
    t.shared_interests = r.texts(j, "shared_interests");
    t.shared_groups = r.texts(j, "shared_groups");
    t.mutual_contacts = r.people(j, "mutual_contacts");
    t.question = r.text(j, "question");
    return t;
}

inline event_pick read(const json_reader& r, const nlohmann::json& j, tag<event_pick>) {
    event_pick p;
    p.who = r.person(j, "person");
    p.name = r.text(j, "name");
    p.gain = r.real(j, "gain");
    p.new_people = r.integer<std::size_t>(j, "new_people");
    p.new_organizations = r.integer<std::size_t>(j, "new_organizations");
    p.new_communities = r.integer<std::size_t>(j, "new_communities");
    p.goal_credits = r.integer<std::size_t>(j, "goal_credits");
    p.talk = read(r, r.at(j, "talking_points"), tag<talking_points>{});
    return p;
}

inline event_plan read(const json_reader& r, const nlohmann::json& j, tag<event_plan>) {
    event_plan p;
    p.value = r.real(j, "value");
    p.attendees = r.integer<std::size_t>(j, "attendees");
    p.strangers = r.integer<std::size_t>(j, "strangers");
    p.known = r.integer<std::size_t>(j, "known");
    for (const auto& x : r.array(j, "picks")) p.picks.push_back(read(r, x, tag<event_pick>{}));
    return p;
}

inline table_choice read(const json_reader& r, const nlohmann::json& j, tag<table_choice>) {
    table_choice t;
    t.table = r.text(j, "table");
    t.value = r.real(j, "value");
    t.strangers = r.integer<std::size_t>(j, "strangers");
    t.known = r.integer<std::size_t>(j, "known");
    t.seated_strangers = r.people(j, "seated_strangers");
    return t;
}

inline brokerage read(const json_reader& r, const nlohmann::json& j, tag<brokerage>) {
    brokerage b;
    b.constraint = r.real(j, "constraint");
    b.effective_size = r.real(j, "effective_size");
    b.efficiency = r.real(j, "efficiency");
    b.degree = r.integer<std::size_t>(j, "degree");
    return b;
}

inline mutual_contact read(const json_reader& r, const nlohmann::json& j, tag<mutual_contact>) {
    mutual_contact m;
    m.who = r.person(j, "person");
    m.my_warmth = r.real(j, "my_warmth");
    m.their_warmth = r.real(j, "their_warmth");
    return m;
}

inline person_suggestion read(const json_reader& r, const nlohmann::json& j, tag<person_suggestion>) {
    person_suggestion p;
    p.who = r.person(j, "person");
    p.score = r.real(j, "score");
    p.mutual_count = r.integer<std::size_t>(j, "mutual_count");
    for (const auto& m : r.array(j, "mutuals")) p.mutuals.push_back(read(r, m, tag<mutual_contact>{}));
    p.shared_interests = r.texts(j, "shared_interests");
    p.shared_groups = r.texts(j, "shared_groups");
    if (r.has(j, "shared_organization")) p.shared_organization = r.text(j, "shared_organization");
    else (void)r.at(j, "shared_organization");
    return p;
}

inline growth_goal read(const json_reader& r, const nlohmann::json& j, tag<growth_goal>) {
    growth_goal g;
    g.name = r.text(j, "name");
    g.people = r.people(j, "people");
    return g;
}

inline goal_gain read(const json_reader& r, const nlohmann::json& j, tag<goal_gain>) {
    goal_gain g;
    g.goal = r.integer<std::size_t>(j, "goal");
    g.warmth_before = r.real(j, "warmth_before");
    g.warmth_after = r.real(j, "warmth_after");
    return g;
}

inline tie_growth read(const json_reader& r, const nlohmann::json& j, tag<tie_growth>) {
    tie_growth g;
    g.contact = r.person(j, "contact");
    g.warmth = r.real(j, "warmth");
    g.tier = r.tier_value(j, "tier");
    (void)r.at(j, "last_interaction");
    (void)r.at(j, "last_channel");
    g.last_interaction = r.time_or_null(j, "last_interaction");
    g.last_channel = r.channel_or_null(j, "last_channel");
    g.score = r.real(j, "score");
    g.goals_opened = r.integer<std::size_t>(j, "goals_opened");
    for (const auto& x : r.array(j, "gains")) g.gains.push_back(read(r, x, tag<goal_gain>{}));
    g.new_in_reach = r.integer<std::size_t>(j, "new_in_reach");
    return g;
}

inline circle read(const json_reader& r, const nlohmann::json& j, tag<circle>) {
    circle c;
    const std::string t = r.text(j, "type");
    if (t == "organization") c.type = circle::kind::organization;
    else if (t == "group") c.type = circle::kind::group;
    else r.fail("type", "is not organization or group: '" + t + "'");
    c.name = r.text(j, "name");
    return c;
}

inline bridge_suggestion read(const json_reader& r, const nlohmann::json& j, tag<bridge_suggestion>) {
    bridge_suggestion b;
    b.who = r.person(j, "person");
    for (const auto& c : r.array(j, "opens")) b.opens.push_back(read(r, c, tag<circle>{}));
    b.introducer = r.person(j, "introducer");
    b.constraint_before = r.real(j, "constraint_before");
    b.constraint_after = r.real(j, "constraint_after");
    b.effective_size_before = r.real(j, "effective_size_before");
    b.effective_size_after = r.real(j, "effective_size_after");
    return b;
}

inline reconnect_suggestion read(const json_reader& r, const nlohmann::json& j, tag<reconnect_suggestion>) {
    reconnect_suggestion x;
    x.contact = r.person(j, "contact");
    x.warmth = r.real(j, "warmth");
    x.tier = r.tier_value(j, "tier");
    x.last_interaction = r.time(j, "last_interaction");
    (void)r.at(j, "last_channel");
    x.last_channel = r.channel_or_null(j, "last_channel");
    x.silent_days = r.real(j, "silent_days");
    x.usual_gap_days = r.real(j, "usual_gap_days");
    x.people_depending = r.integer<std::size_t>(j, "people_depending");
    return x;
}

inline network_health read(const json_reader& r, const nlohmann::json& j, tag<network_health>) {
    network_health h;
    h.strong = r.integer<std::size_t>(j, "strong");
    h.occasional = r.integer<std::size_t>(j, "occasional");
    h.weak = r.integer<std::size_t>(j, "weak");
    h.reach_2 = r.integer<std::size_t>(j, "reach_2");
    h.reach_3 = r.integer<std::size_t>(j, "reach_3");
    h.organization_diversity = r.real(j, "organization_diversity");
    h.community_diversity = r.real(j, "community_diversity");
    (void)r.at(j, "constraint");
    (void)r.at(j, "effective_size");
    h.constraint = r.real_or_null(j, "constraint");
    h.effective_size = r.real_or_null(j, "effective_size");
    h.cooling = r.integer<std::size_t>(j, "cooling");
    return h;
}

inline tier_change read(const json_reader& r, const nlohmann::json& j, tag<tier_change>) {
    tier_change t;
    t.contact = r.person(j, "contact");
    t.before = r.tier_value(j, "before");
    t.after = r.tier_value(j, "after");
    return t;
}

inline network_growth read(const json_reader& r, const nlohmann::json& j, tag<network_growth>) {
    network_growth g;
    g.before = read(r, r.at(j, "before"), tag<network_health>{});
    g.after = read(r, r.at(j, "after"), tag<network_health>{});
    g.new_contacts = r.people(j, "new_contacts");
    g.lost_contacts = r.people(j, "lost_contacts");
    for (const auto& t : r.array(j, "warmer")) g.warmer.push_back(read(r, t, tag<tier_change>{}));
    for (const auto& t : r.array(j, "cooler")) g.cooler.push_back(read(r, t, tag<tier_change>{}));
    return g;
}

template <class T>
std::vector<T> read(const json_reader& r, const nlohmann::json& j, tag<std::vector<T>>) {
    if (!j.is_array()) throw invalid_argument(std::string(r.fn) + ": expected an array, found " + std::string(j.type_name()));
    std::vector<T> out;
    for (const auto& x : j) out.push_back(read(r, x, tag<T>{}));
    return out;
}

} // namespace detail

/// Reads back what `to_json(s, x)` (or `to_json(x)`) wrote, for T in warm_path, hop_explanation,
/// path_explanation, group_suggestion, talking_points, event_pick, event_plan, table_choice,
/// brokerage, mutual_contact, person_suggestion, growth_goal, goal_gain, tie_growth, circle,
/// bridge_suggestion, reconnect_suggestion, network_health, tier_change, network_growth, and
/// `std::vector` of those. Person keys are resolved in `s`, groups by name.
/// Complexity: O(size of j) expected. Preconditions: none.
/// Returns: the value; `from_json<T>(s, to_json(s, x)) == x` for exact (unrounded) JSON.
/// Throws: `invalid_argument` naming the field when one is missing or has the wrong type (or a
/// group name is unknown), `unknown_person` for an unknown person key. Exact.
template <class T>
T from_json(const snapshot& s, const nlohmann::json& j) {
    const detail::json_reader r{s, "from_json"};
    return detail::read(r, j, detail::tag<T>{});
}

// ------------------------------------------------------------------------ load reports

/// A CSV load report as JSON (nlohmann ADL hook): `{"people", "interactions", "ties",
/// "private_ties", "groups", "memberships", "group_themes", "events", "attendances", "files",
/// "warnings"}`. Throws nothing. Exact.
inline void to_json(nlohmann::json& j, const load_report& r) {
    j = nlohmann::json{{"people", r.people}, {"interactions", r.interactions}, {"ties", r.ties},
                       {"private_ties", r.private_ties}, {"groups", r.groups}, {"memberships", r.memberships},
                       {"group_themes", r.group_themes}, {"events", r.events}, {"attendances", r.attendances},
                       {"files", r.files}, {"warnings", r.warnings}};
}

/// Reads a CSV load report (nlohmann ADL hook). Throws: nlohmann's `json::exception` for a
/// missing or ill-typed field (the hook's contract). Exact.
inline void from_json(const nlohmann::json& j, load_report& r) {
    j.at("people").get_to(r.people);
    j.at("interactions").get_to(r.interactions);
    j.at("ties").get_to(r.ties);
    j.at("private_ties").get_to(r.private_ties);
    j.at("groups").get_to(r.groups);
    j.at("memberships").get_to(r.memberships);
    j.at("group_themes").get_to(r.group_themes);
    j.at("events").get_to(r.events);
    j.at("attendances").get_to(r.attendances);
    j.at("files").get_to(r.files);
    j.at("warnings").get_to(r.warnings);
}

/// An edge-list load report as JSON (nlohmann ADL hook): `{"lines", "edges", "comments",
/// "blank_lines", "header_skipped", "separator" (" " or ","), "people", "ties", "duplicates",
/// "self_loops", "weighted", "interactions", "groups", "memberships", "events", "attendances",
/// "warnings"}`. Throws nothing. Exact.
inline void to_json(nlohmann::json& j, const edge_list_report& r) {
    j = nlohmann::json{{"lines", r.lines}, {"edges", r.edges}, {"comments", r.comments},
                       {"blank_lines", r.blank_lines}, {"header_skipped", r.header_skipped},
                       {"separator", std::string(1, r.separator)}, {"people", r.people}, {"ties", r.ties},
                       {"duplicates", r.duplicates}, {"self_loops", r.self_loops}, {"weighted", r.weighted},
                       {"interactions", r.interactions}, {"groups", r.groups}, {"memberships", r.memberships},
                       {"events", r.events}, {"attendances", r.attendances}, {"warnings", r.warnings}};
}

/// Reads an edge-list load report (nlohmann ADL hook). Throws: nlohmann's `json::exception` for a
/// missing or ill-typed field. Exact.
inline void from_json(const nlohmann::json& j, edge_list_report& r) {
    j.at("lines").get_to(r.lines);
    j.at("edges").get_to(r.edges);
    j.at("comments").get_to(r.comments);
    j.at("blank_lines").get_to(r.blank_lines);
    j.at("header_skipped").get_to(r.header_skipped);
    const std::string sep = j.at("separator").get<std::string>();
    r.separator = sep.empty() ? ' ' : sep[0];
    j.at("people").get_to(r.people);
    j.at("ties").get_to(r.ties);
    j.at("duplicates").get_to(r.duplicates);
    j.at("self_loops").get_to(r.self_loops);
    j.at("weighted").get_to(r.weighted);
    j.at("interactions").get_to(r.interactions);
    j.at("groups").get_to(r.groups);
    j.at("memberships").get_to(r.memberships);
    j.at("events").get_to(r.events);
    j.at("attendances").get_to(r.attendances);
    j.at("warnings").get_to(r.warnings);
}

} // namespace kith::io
