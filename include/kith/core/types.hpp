// kith/core/types.hpp -- the value types of kith's data model.
//
// Design decisions: plain aggregates with `==`, no invariants that can go
// stale, no Boost. A `person` is what a CRM knows about someone; the `network`
// assigns the `person_id`. Interactions are the raw evidence; a `tie` is the
// derived relationship (warmth in (0,1] plus the evidence behind it). Warmth
// tiers exist for people to read: strong >= 0.7, occasional 0.4-0.7, weak < 0.4.
#pragma once

#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

/// How two people interacted. The order is part of the API (it indexes
/// `strength_policy::channel_weight` and `tie_evidence::count_by_channel`).
enum class channel : std::uint8_t {
    meeting,       ///< in person, one to one or a small meeting
    call,          ///< phone or video call
    message,       ///< chat or text message
    email,         ///< email
    event,         ///< met at an event, group session or game
    introduction,  ///< one introduced the other (or was introduced)
};

/// Number of `channel` values.
inline constexpr std::size_t channel_count = 6;

/// The lower-case name of a channel ("meeting", "call", ...).
/// Complexity: O(1).
constexpr std::string_view to_string(channel c) noexcept {
    constexpr std::array<std::string_view, channel_count> names{
        "meeting", "call", "message", "email", "event", "introduction"};
    const auto i = static_cast<std::size_t>(c);
    return i < channel_count ? names[i] : std::string_view("unknown");
}

/// The channel named `name` (exact, lower-case), or nullopt.
/// Complexity: O(1).
constexpr std::optional<channel> parse_channel(std::string_view name) noexcept {
    for (std::size_t i = 0; i < channel_count; ++i)
        if (to_string(static_cast<channel>(i)) == name) return static_cast<channel>(i);
    return std::nullopt;
}

/// Someone the CRM knows.
struct person {
    std::string key{};                     ///< the CRM's external id; unique in a network, non-empty
    std::string name{};                    ///< display name
    std::string organization{};            ///< employer's name; empty when unknown
    std::string title{};                   ///< job title
    std::vector<std::string> interests{};  ///< interest tags ("sailing", "ai", ...)

    friend bool operator==(const person& a, const person& b) {
        return a.key == b.key && a.name == b.name && a.organization == b.organization &&
               a.title == b.title && a.interests == b.interests;
    }
    friend bool operator!=(const person& a, const person& b) { return !(a == b); }
};

/// A company or institution; its members are the people whose
/// `person::organization` names it.
struct organization {
    std::string name{};
    friend bool operator==(const organization& a, const organization& b) { return a.name == b.name; }
    friend bool operator!=(const organization& a, const organization& b) { return !(a == b); }
};

/// A community people belong to: a service club, a sports team, a class, an
/// industry association. `themes` describe what it is about ("service", "yoga").
struct group {
    std::string name{};                 ///< unique in a network
    std::vector<std::string> themes{};  ///< theme tags
    friend bool operator==(const group& a, const group& b) { return a.name == b.name && a.themes == b.themes; }
    friend bool operator!=(const group& a, const group& b) { return !(a == b); }
};

/// A conference or meetup. Attendance (and the lunch table) is recorded in the network.
struct event {
    std::string name{};                ///< unique in a network
    std::optional<timestamp> when{};   ///< when it takes place, if known
    friend bool operator==(const event& a, const event& b) { return a.name == b.name && a.when == b.when; }
    friend bool operator!=(const event& a, const event& b) { return !(a == b); }
};

/// One recorded contact between two people.
struct interaction {
    person_id a{};                          ///< one side
    person_id b{};                          ///< the other side (must differ from `a`)
    timestamp when{};                     ///< when it happened
    kith::channel via = channel::meeting; ///< how
    std::optional<person_id> initiator{};   ///< who started it (a or b), if known
    std::uint32_t participants = 2;       ///< how many took part (2 = one to one; >= 2)

    friend bool operator==(const interaction& x, const interaction& y) {
        return x.a == y.a && x.b == y.b && x.when == y.when && x.via == y.via &&
               x.initiator == y.initiator && x.participants == y.participants;
    }
    friend bool operator!=(const interaction& x, const interaction& y) { return !(x == y); }
};

/// Who started an interaction, relative to the tie's (lower id, higher id) order.
enum class initiated_by : std::uint8_t { unknown, low, high };

/// One interaction as stored on a tie (the two people are implicit):
/// the raw input of the strength model.
struct tie_event {
    timestamp when{};
    kith::channel via = channel::meeting;
    initiated_by initiator = initiated_by::unknown;
    std::uint32_t participants = 2;
    friend bool operator==(const tie_event& x, const tie_event& y) {
        return x.when == y.when && x.via == y.via && x.initiator == y.initiator && x.participants == y.participants;
    }
    friend bool operator!=(const tie_event& x, const tie_event& y) { return !(x == y); }
};

/// Who may route through a tie. A private tie is usable (and visible) only by
/// its owner; everyone else's queries behave as if it did not exist.
struct visibility {
    std::optional<person_id> private_to{};  ///< nullopt = public
    bool is_public() const noexcept { return !private_to.has_value(); }
    /// Whether `asker` may see the tie (nullopt asker = an anonymous query: public ties only).
    bool visible_to(std::optional<person_id> asker) const noexcept {
        return !private_to || (asker && *asker == *private_to);
    }
    friend bool operator==(const visibility& a, const visibility& b) { return a.private_to == b.private_to; }
    friend bool operator!=(const visibility& a, const visibility& b) { return !(a == b); }
};

/// Warmth tiers, for people to read.
enum class tier : std::uint8_t { weak, occasional, strong };

/// Lower bound (inclusive) of the occasional tier.
inline constexpr double occasional_threshold = 0.4;
/// Lower bound (inclusive) of the strong tier.
inline constexpr double strong_threshold = 0.7;

/// The tier of a warmth: strong >= 0.7, occasional [0.4, 0.7), weak < 0.4. Complexity: O(1).
constexpr tier tier_of(double warmth) noexcept {
    return warmth >= strong_threshold ? tier::strong : warmth >= occasional_threshold ? tier::occasional : tier::weak;
}

/// "strong", "occasional" or "weak".
constexpr std::string_view to_string(tier t) noexcept {
    return t == tier::strong ? "strong" : t == tier::occasional ? "occasional" : "weak";
}

/// What the warmth of a tie rests on. Counts and times cover interactions at
/// or before the time the evidence was computed.
struct tie_evidence {
    std::array<std::uint32_t, channel_count> count_by_channel{};  ///< interactions per channel
    std::optional<timestamp> first{};        ///< first interaction
    std::optional<timestamp> last{};         ///< last interaction
    std::optional<kith::channel> last_channel;  ///< channel of the last interaction
    std::uint32_t initiated_by_low = 0;    ///< interactions started by the lower-id person
    std::uint32_t initiated_by_high = 0;   ///< interactions started by the higher-id person
    std::optional<double> usual_gap_days{};  ///< mean gap between distinct contact days, >= 1 (needs >= 2 days)
    bool cooling = false;                  ///< silent for longer than the policy's cooling factor x usual gap
    bool manual = false;                   ///< warmth comes from a manual override

    /// Total number of interactions.
    std::uint32_t interactions() const noexcept {
        std::uint32_t n = 0;
        for (auto c : count_by_channel) n += c;
        return n;
    }
    /// Both people have started at least one interaction.
    bool reciprocal() const noexcept { return initiated_by_low > 0 && initiated_by_high > 0; }

    friend bool operator==(const tie_evidence& x, const tie_evidence& y) {
        return x.count_by_channel == y.count_by_channel && x.first == y.first && x.last == y.last &&
               x.last_channel == y.last_channel && x.initiated_by_low == y.initiated_by_low &&
               x.initiated_by_high == y.initiated_by_high && x.usual_gap_days == y.usual_gap_days &&
               x.cooling == y.cooling && x.manual == y.manual;
    }
    friend bool operator!=(const tie_evidence& x, const tie_evidence& y) { return !(x == y); }
};

/// A relationship between two people as seen at some time `now`.
/// `a` < `b` always (ties are undirected; the lower id comes first).
struct tie {
    person_id a{};
    person_id b{};
    double warmth = 0;                    ///< in (0,1]; 1 = would do anything for me
    tie_evidence evidence{};
    std::optional<double> manual_warmth{};  ///< the override, when one was set
    kith::visibility visibility{};

    kith::tier tier() const noexcept { return tier_of(warmth); }
    /// The other end of the tie from `p` (precondition: p is a or b).
    person_id other(person_id p) const noexcept { return p == a ? b : a; }

    friend bool operator==(const tie& x, const tie& y) {
        return x.a == y.a && x.b == y.b && x.warmth == y.warmth && x.evidence == y.evidence &&
               x.manual_warmth == y.manual_warmth && x.visibility == y.visibility;
    }
    friend bool operator!=(const tie& x, const tie& y) { return !(x == y); }
};

} // namespace kith
