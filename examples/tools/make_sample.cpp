// make_sample.cpp -- deterministic generator for kith's bundled sample network
// (the CSV files in examples/data/).
//
// Usage:  kith_make_sample OUTDIR
//
// Writes people.csv, interactions.csv, ties.csv, groups.csv, group_themes.csv
// and events.csv into OUTDIR (created if missing).  The checked-in files are
// exactly this program's output; the ctest `sample_data_is_up_to_date`
// regenerates them and compares byte for byte.
//
// Design choices
// --------------
// * Self-contained C++17, standard library only (no kith headers), so the
//   sample can never silently change because the library changed.
// * Determinism across platforms and standard libraries:
//   - std::mt19937_64 (fully specified by the standard) is used for raw bits
//     only.  No std::*_distribution and no std::shuffle (both are
//     implementation-defined); uniform ints are `bits % n`, uniform doubles
//     are (bits >> 11) * 2^-53, exponential = -log(1-u), Pareto by inverse
//     transform, weighted picks by a linear/cumulative scan, shuffles by our
//     own Fisher-Yates.  Every phase has its own fixed-seed stream, so tuning
//     one phase does not perturb the others.
//   - Never two draws in one function call's arguments or one operator's
//     operands (their order is unspecified: GCC and Clang differ); every
//     draw is its own statement or sits behind a sequence point (?:, &&).
//   - Only ordered containers (vector, map, set) are iterated; doubles are
//     printed with "%.2f".  The few std::log/std::pow results only feed
//     continuous quantities (gaps, weights), never exact-integer boundaries.
// * The world: ~60 invented organisations (heavy-tailed sizes 3..200, every
//   org of size >= 10 has exactly one CEO and one CTO), 2,000 people (a few
//   independents with no organisation), names from first/last lists made
//   unique with a middle initial, 2-4 interest tags from 40.  Departments
//   and teams inside organisations make colleague ties dense within a team,
//   sparser within a department and rare across departments.
// * 20 communities (service club, sports, hobby, industry associations,
//   alumni, parents).  Membership prefers people whose interests match the
//   group; afterwards members usually pick up the group's main tag, so
//   interests correlate with groups.  ~30% of people are in no group.
// * Cross-organisation ties follow a Chung-Lu model with Pareto weights plus
//   six designated connectors (150+ contacts); group organisers and CEOs send
//   big-thread emails (participants 10..60) that add many weak ties.
// * Interactions: 2024-11-01 .. 2026-10-31 (UTC).  Every tie has a level
//   (weak: 1-2 contacts, occasional: 3-6, regular: every 1.5-3 months,
//   strong: every 2-4 weeks), an active window (some start late, often via
//   an `introduction`, some fade early), a channel mix by relation (colleague,
//   client, social, friend, acquaintance), office or leisure hours, optional
//   project bursts (6-12 messages in a week) and an initiator bias (15% of
//   ties are one-way).  About 20% of rows have an unknown initiator.
// * The protagonist p0001 Maya Chen (Account Executive, Lumen Software) is
//   hand-made: 62 contacts of varied warmth (strong, occasional, weak and five
//   cooling ties silent for 6+ months), exactly one group (the Thursday
//   basketball team), nobody at Northwind Robotics.  Its CTO Priya Raman is
//   reachable through designed introducers: Omar Haddad (3 hops, warm),
//   Robert Nguyen (2 hops, cooling), Diane Foster (2 hops, weak) and Sofia
//   Marquez (4 hops); generic ties may add further 3-hop alternatives but
//   never a new 2-hop one.  Maya's colleague Leo Martins has a private strong
//   tie to Northwind's CEO (ties.csv only, no interactions).
// * "SaaS Connect 2026": 300 attendees at 30 lunch tables of 10; Maya knows
//   exactly 15 of them and they sit at three tables (T05, T12, T21); Priya
//   sits at T17 among strangers.  Two smaller meetups have no tables.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

// ---------------------------------------------------------------- randomness

constexpr std::uint64_t kSeed = 0x6B6974685F763101ULL;

class Rng {
public:
    explicit Rng(std::uint64_t phase) : engine_(kSeed + phase * 0x9E3779B97F4A7C15ULL) {}
    std::uint64_t bits() { return engine_(); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(bits() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    double uniform() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    double exponential(double mean) { return -std::log(1.0 - uniform()) * mean; }
    double pareto(double xmin, double alpha) { return xmin * std::pow(1.0 - uniform(), -1.0 / alpha); }
    template <class T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
    template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
    // Index i with probability w[i] / sum(w).
    std::size_t weighted(const std::vector<double>& w) {
        double total = 0;
        for (double x : w) total += x;
        double r = uniform() * total;
        std::size_t last = 0;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (w[i] <= 0) continue;
            if (r < w[i]) return i;
            r -= w[i];
            last = i;
        }
        return last;
    }

private:
    std::mt19937_64 engine_;
};

// Cumulative weights for many draws from the same distribution.
struct Cumulative {
    std::vector<double> cum;
    explicit Cumulative(const std::vector<double>& w) {
        double s = 0;
        for (double x : w) cum.push_back(s += x);
    }
    std::size_t draw(Rng& rng) const {
        const double r = rng.uniform() * cum.back();
        const auto it = std::upper_bound(cum.begin(), cum.end(), r);
        return std::min(static_cast<std::size_t>(it - cum.begin()), cum.size() - 1);
    }
};

// ---------------------------------------------------------------- calendar

constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

const std::int64_t kDay0 = days_from_civil(2024, 11, 1);  // first day of the window
constexpr int kDays = 730;                                // 2024-11-01 .. 2026-10-31

// 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday).
int weekday(std::int64_t epoch_day) { return static_cast<int>(((epoch_day % 7) + 11) % 7); }

std::string iso_date(std::int64_t epoch_day) {
    int y;
    unsigned m, d;
    civil_from_days(epoch_day, y, m, d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string iso_timestamp(std::int64_t unix_seconds) {
    const std::int64_t day = unix_seconds / 86400;
    const int sod = static_cast<int>(unix_seconds % 86400);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", iso_date(day).c_str(), sod / 3600, sod / 60 % 60, sod % 60);
    return buf;
}

// Window day (0-based) of a calendar date.
int wday(int y, unsigned m, unsigned d) { return static_cast<int>(days_from_civil(y, m, d) - kDay0); }

// ---------------------------------------------------------------- vocabulary

const std::vector<std::string> kFirstNames = {
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
    "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
    "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Margaret", "Anthony", "Sandra", "Mark", "Ashley",
    "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
    "Brian", "Amanda", "George", "Rebecca", "Timothy", "Stephanie", "Jason", "Laura", "Ryan", "Sharon",
    "Jacob", "Cynthia", "Nicholas", "Amy", "Eric", "Angela", "Jonathan", "Anna", "Justin", "Emma",
    "Brandon", "Nicole", "Benjamin", "Helen", "Samuel", "Samantha", "Wei", "Li", "Hiroshi", "Yuki",
    "Aarav", "Ananya", "Rohan", "Priyanka", "Arjun", "Kavya", "Mohammed", "Fatima", "Layla", "Ahmed",
    "Zainab", "Chidi", "Ngozi", "Kwame", "Amara", "Thabo", "Lerato", "Carlos", "Diego", "Valentina",
    "Mateo", "Camila", "Luis", "Isabella", "Javier", "Lucía", "Andrés", "Inés", "José", "Sebastián",
    "Pierre", "Chloé", "Lukas", "Hanna", "Søren", "Freya", "Björn", "Ingrid", "Zoë", "Renée",
    "Dmitri", "Anastasia", "Ivan", "Olga", "Giulia", "Marco", "Yusuf", "Mei", "Jun", "Min-jun",
    "Seo-yeon", "Ji-ho", "Thanh", "Linh", "Tariq", "Noor", "Elif", "Emre", "Kofi", "Efua",
    "Rafael", "Gabriela", "Tomás", "Ana", "Nikhil", "Sanjay", "Deepa", "Meera", "Kai", "Leilani",
    "Malia", "Aroha", "Siobhan", "Declan", "Niamh", "Liam", "Aoife", "Connor", "Maeve", "Finn",
    "Astrid", "Lars", "Elin", "Mateus", "Beatriz", "Jordan", "Taylor", "Morgan", "Casey", "Riley"};

const std::vector<std::string> kLastNames = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green",
    "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Roberts", "Patel", "Shah",
    "Gupta", "Iyer", "Reddy", "Kapoor", "Wang", "Zhang", "Liu", "Huang", "Tanaka", "Suzuki",
    "Sato", "Kim", "Park", "Choi", "Tran", "Pham", "Okafor", "Adeyemi", "Mensah", "Boateng",
    "Diallo", "Khoury", "Hassan", "Ali", "Yilmaz", "Demir", "Kowalski", "Nowak", "Novak", "Horvat",
    "Ivanova", "Petrov", "Müller", "Schmidt", "Fischer", "Weber", "Becker", "Rossi", "Russo", "Bianchi",
    "Ferrari", "Dubois", "Laurent", "Moreau", "Lefèvre", "Gómez", "Núñez", "Fernández", "Silva", "Santos",
    "Oliveira", "Costa", "Pereira", "Jensen", "Hansen", "Larsen", "Nilsson", "Johansson", "Virtanen", "O'Brien",
    "O'Connor", "Murphy", "Kelly", "Byrne", "Walsh", "MacLeod", "Stewart", "Fraser", "Cohen", "Levi",
    "Friedman", "Goldberg", "Rosen", "Nakamura", "Yamamoto", "Singh", "Kaur", "Mehta", "Das", "Bose",
    "Mukherjee", "Sharma", "Varma", "Castillo", "Vargas", "Mendoza", "Ortiz", "Ramos", "Reyes", "Cruz",
    "Morales", "Delgado", "Herrera", "Medina", "Aguilar", "Hughes", "Price", "Bennett", "Wood", "Barnes",
    "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Patterson", "Sanders", "Bryant",
    "Alexander", "Russell", "Griffin", "Hayes", "Myers", "Ford", "Hamilton", "Graham", "Sullivan", "Wallace"};

// 40 interest tags with popularity weights.
const std::vector<std::pair<std::string, double>> kTags = {
    {"sailing", 1.5},  {"running", 6},   {"yoga", 4},         {"volunteering", 3}, {"jazz", 2},
    {"chess", 2},      {"cycling", 4},   {"cooking", 7},      {"photography", 4},  {"gardening", 3},
    {"hiking", 6},     {"climbing", 2},  {"basketball", 3},   {"soccer", 3},       {"reading", 7},
    {"ai", 3},         {"robotics", 1},  {"fintech", 1},      {"saas", 1},         {"data", 2},
    {"startups", 2},   {"investing", 2}, {"travel", 8},       {"wine", 3},         {"coffee", 5},
    {"music", 5},      {"theater", 2},   {"film", 4},         {"golf", 2},         {"tennis", 3},
    {"swimming", 3},   {"skiing", 2},    {"surfing", 1.5},    {"writing", 2},      {"boardgames", 2},
    {"parenting", 3},  {"sustainability", 2}, {"mentoring", 2}, {"design", 2},     {"history", 2}};

enum Dept { kExec, kSales, kEng, kProduct, kMarketing, kSuccess, kOps, kDomain, kDeptCount };

struct Role {
    const char* title;
    Dept dept;
    double weight;
};

struct Industry {
    std::string name;
    bool partnership;  // small firms led by a "Managing Partner" instead of a CEO
    std::vector<Role> roles;
    const char* domain_leader;
};

const std::vector<Role> kSaasRoles = {
    {"Account Executive", kSales, 10}, {"Senior Account Executive", kSales, 4},
    {"Sales Development Representative", kSales, 8}, {"Sales Engineer", kSales, 3},
    {"Software Engineer", kEng, 14}, {"Senior Software Engineer", kEng, 9}, {"Staff Engineer", kEng, 2},
    {"Data Scientist", kEng, 3}, {"DevOps Engineer", kEng, 3}, {"QA Engineer", kEng, 2},
    {"Product Manager", kProduct, 4}, {"Senior Product Manager", kProduct, 2}, {"Product Designer", kProduct, 3},
    {"UX Researcher", kProduct, 1}, {"Marketing Manager", kMarketing, 3}, {"Content Strategist", kMarketing, 2},
    {"Growth Marketer", kMarketing, 2}, {"Customer Success Manager", kSuccess, 6},
    {"Support Specialist", kSuccess, 4}, {"Implementation Consultant", kSuccess, 2},
    {"Finance Manager", kOps, 1}, {"Recruiter", kOps, 1}, {"HR Business Partner", kOps, 1},
    {"Office Manager", kOps, 1}, {"Legal Counsel", kOps, 0.5}};

const std::vector<Industry> kIndustries = {
    {"saas", false, kSaasRoles, "Director of Operations"},
    {"analytics", false,
     {{"Data Scientist", kEng, 10}, {"Data Engineer", kEng, 6}, {"Software Engineer", kEng, 8},
      {"Analytics Consultant", kDomain, 6}, {"Account Executive", kSales, 5},
      {"Sales Development Representative", kSales, 3}, {"Product Manager", kProduct, 3},
      {"Product Designer", kProduct, 1}, {"Marketing Manager", kMarketing, 2}, {"Customer Success Manager", kSuccess, 4},
      {"Finance Manager", kOps, 1}, {"Recruiter", kOps, 1}, {"Office Manager", kOps, 1}},
     "Director of Analytics"},
    {"robotics", false,
     {{"Robotics Engineer", kEng, 10}, {"Mechanical Engineer", kEng, 8}, {"Controls Engineer", kEng, 5},
      {"Embedded Software Engineer", kEng, 6}, {"Software Engineer", kEng, 6}, {"QA Engineer", kEng, 3},
      {"Manufacturing Technician", kDomain, 6}, {"Supply Chain Manager", kOps, 2}, {"Procurement Manager", kOps, 2},
      {"Field Service Engineer", kSuccess, 4}, {"Account Executive", kSales, 3}, {"Sales Engineer", kSales, 2},
      {"Product Manager", kProduct, 3}, {"Marketing Manager", kMarketing, 2}, {"Finance Manager", kOps, 1},
      {"Recruiter", kOps, 1}},
     "Director of Manufacturing"},
    {"fintech", false,
     {{"Software Engineer", kEng, 12}, {"Senior Software Engineer", kEng, 6}, {"Data Scientist", kEng, 3},
      {"Risk Analyst", kDomain, 5}, {"Compliance Officer", kDomain, 3}, {"Product Manager", kProduct, 4},
      {"Account Executive", kSales, 4}, {"Sales Development Representative", kSales, 3},
      {"Customer Success Manager", kSuccess, 5}, {"Support Specialist", kSuccess, 4},
      {"Marketing Manager", kMarketing, 3}, {"Finance Manager", kOps, 2}, {"Legal Counsel", kOps, 1},
      {"Recruiter", kOps, 1}},
     "Chief Risk Officer"},
    {"consulting", true,
     {{"Consultant", kDomain, 12}, {"Senior Consultant", kDomain, 8}, {"Engagement Manager", kDomain, 4},
      {"Partner", kDomain, 2}, {"Analyst", kDomain, 8}, {"Business Development Manager", kSales, 2},
      {"Marketing Manager", kMarketing, 1}, {"Office Manager", kOps, 1}, {"Recruiter", kOps, 1}},
     "Managing Director"},
    {"vc", true,
     {{"Partner", kDomain, 3}, {"Principal", kDomain, 2}, {"Associate", kDomain, 3}, {"Analyst", kDomain, 2},
      {"Platform Manager", kMarketing, 1}, {"Office Manager", kOps, 1}},
     "General Partner"},
    {"law", true,
     {{"Partner", kDomain, 3}, {"Associate", kDomain, 5}, {"Paralegal", kDomain, 3}, {"Counsel", kDomain, 1},
      {"Office Manager", kOps, 1}},
     "Senior Partner"},
    {"nonprofit", false,
     {{"Program Manager", kDomain, 6}, {"Volunteer Coordinator", kDomain, 4}, {"Development Director", kDomain, 1},
      {"Grants Manager", kDomain, 2}, {"Outreach Coordinator", kMarketing, 3}, {"Finance Manager", kOps, 1},
      {"Operations Manager", kOps, 1}, {"IT Specialist", kEng, 1}},
     "Director of Programs"},
    {"health", false,
     {{"Physician", kDomain, 5}, {"Nurse Practitioner", kDomain, 5}, {"Clinical Operations Manager", kOps, 2},
      {"Data Analyst", kEng, 3}, {"Software Engineer", kEng, 4}, {"Product Manager", kProduct, 2},
      {"Account Executive", kSales, 2}, {"Customer Success Manager", kSuccess, 2},
      {"Billing Specialist", kOps, 3}, {"Research Scientist", kDomain, 2}, {"Marketing Manager", kMarketing, 1}},
     "Chief Medical Officer"},
    {"edu", false,
     {{"Professor", kDomain, 8}, {"Lecturer", kDomain, 6}, {"Research Scientist", kDomain, 4},
      {"Program Director", kDomain, 2}, {"Admissions Officer", kMarketing, 3}, {"IT Manager", kEng, 1},
      {"Software Engineer", kEng, 2}, {"Marketing Manager", kMarketing, 1}, {"Career Advisor", kSuccess, 2},
      {"Registrar", kOps, 1}, {"Finance Manager", kOps, 1}},
     "Dean"},
    {"retail", false,
     {{"Store Manager", kDomain, 4}, {"Buyer", kDomain, 3}, {"Operations Manager", kOps, 2},
      {"Marketing Manager", kMarketing, 2}, {"E-commerce Manager", kSales, 2}, {"Supply Chain Manager", kOps, 2},
      {"Customer Service Lead", kSuccess, 3}, {"Software Engineer", kEng, 1}},
     "Director of Stores"},
    {"media", false,
     {{"Producer", kDomain, 4}, {"Editor", kDomain, 4}, {"Journalist", kDomain, 3}, {"Account Manager", kSales, 4},
      {"Designer", kProduct, 4}, {"Marketing Manager", kMarketing, 3}, {"Events Manager", kMarketing, 2},
      {"Social Media Manager", kMarketing, 2}, {"Software Engineer", kEng, 2}},
     "Editor-in-Chief"},
    {"staffing", false,
     {{"Recruiter", kDomain, 8}, {"Senior Recruiter", kDomain, 4}, {"Account Manager", kSales, 4},
      {"Talent Partner", kSales, 3}, {"Sourcer", kDomain, 3}, {"Marketing Manager", kMarketing, 1},
      {"Operations Manager", kOps, 1}},
     "Director of Recruiting"},
    {"gov", false,
     {{"Policy Advisor", kDomain, 4}, {"Program Manager", kDomain, 4}, {"Analyst", kDomain, 4},
      {"Council Member", kDomain, 2}, {"Communications Officer", kMarketing, 2}, {"IT Manager", kEng, 1},
      {"Procurement Officer", kOps, 2}},
     "City Manager"},
    {"energy", false,
     {{"Electrical Engineer", kEng, 8}, {"Field Engineer", kDomain, 6}, {"Software Engineer", kEng, 5},
      {"Project Manager", kDomain, 4}, {"Account Executive", kSales, 3}, {"Sales Engineer", kSales, 2},
      {"Customer Success Manager", kSuccess, 3}, {"Procurement Manager", kOps, 2},
      {"Marketing Manager", kMarketing, 2}, {"Data Analyst", kEng, 2}},
     "Director of Field Operations"},
    {"design", true,
     {{"Architect", kDomain, 6}, {"Designer", kDomain, 6}, {"Project Manager", kDomain, 3},
      {"Account Manager", kSales, 2}, {"Office Manager", kOps, 1}},
     "Design Director"},
};

const Industry& industry(const std::string& name) {
    for (const auto& i : kIndustries)
        if (i.name == name) return i;
    std::cerr << "unknown industry " << name << "\n";
    std::exit(2);
}

const char* const kDeptLeader[kDeptCount] = {"", "Director, Sales", "Engineering Manager", "Head of Product",
                                             "Director of Marketing", "Director, Customer Success",
                                             "Operations Manager", ""};

struct OrgSpec {
    const char* name;
    const char* industry;
    int size;  // 0: drawn from the heavy-tailed distribution
};

// Index 0 and 1 are the protagonist's company and the target account.
const std::vector<OrgSpec> kOrgSpecs = {
    {"Lumen Software", "saas", 25},          {"Northwind Robotics", "robotics", 48},
    {"Bluefin Analytics", "analytics", 0},   {"Harborline Payments", "fintech", 0},
    {"Ironclad Automation", "robotics", 0},  {"Copperleaf Ventures", "vc", 7},
    {"Globex Cloud Systems", "saas", 200},   {"Brightpath Learning", "edu", 0},
    {"Quarry Data Labs", "analytics", 0},    {"Meridian Health Partners", "health", 0},
    {"Tidewater Logistics", "retail", 0},    {"Kestrel Robotics", "robotics", 0},
    {"Summit Ledger", "fintech", 0},         {"Pinecrest Capital", "vc", 6},
    {"Hartley, Stone & Partners", "law", 9}, {"Talent Bridge Staffing", "staffing", 0},
    {"Cobalt CRM", "saas", 0},               {"Signalhouse Media", "media", 0},
    {"Evergreen Food Bank", "nonprofit", 0}, {"Orbital Payments", "fintech", 0},
    {"Crestview Consulting Group", "consulting", 0}, {"Foxglove Security", "saas", 0},
    {"Beacon Street Bank", "fintech", 0},    {"Atlas Fabrication", "robotics", 0},
    {"Redwood Insights", "analytics", 0},    {"Silverline Insurance", "fintech", 0},
    {"Juniper Cloudworks", "saas", 0},       {"Harbor City Makers", "robotics", 5},
    {"Vantage Point Marketing", "media", 0}, {"Oakridge Medical Devices", "health", 0},
    {"Polaris Reasoning", "saas", 0},        {"Saltmarsh Studios", "design", 0},
    {"Keystone Payroll", "saas", 0},         {"Driftwood Coffee Roasters", "retail", 0},
    {"Granite Peak Partners", "vc", 4},      {"Lighthouse Legal Tech", "saas", 0},
    {"Cedar & Pine Architects", "design", 0}, {"Mosaic Health Analytics", "health", 0},
    {"Helios Grid Systems", "energy", 0},    {"Nimbus Robotics", "robotics", 0},
    {"Wrenfield Credit Union", "fintech", 0}, {"Clearwater Software", "saas", 0},
    {"Forge & Anvil Hardware", "retail", 0}, {"BrightSpark Events", "media", 0},
    {"Greenleaf Schools Foundation", "nonprofit", 0}, {"Quantum Leap Tutors", "edu", 3},
    {"Ridgeline Outdoor Co.", "retail", 0},  {"Sapphire Ridge Systems", "saas", 0},
    {"Tern Analytics", "analytics", 0},      {"Westbrook University", "edu", 120},
    {"City of Bayview", "gov", 0},           {"Alder Street Ventures", "vc", 5},
    {"Pelican Payments", "fintech", 0},      {"Amberly Hotels", "retail", 0},
    {"Marlowe & Finch Recruiting", "staffing", 0}, {"Skyward Drones", "robotics", 0},
    {"Riverbend Community Health", "health", 0}, {"Ostara Biotech", "health", 0},
    {"Halcyon Design Studio", "design", 3},  {"Trellis HR", "saas", 0},
    {"Copperline Telecom", "energy", 0}};

constexpr int kPeople = 2000;
constexpr int kIndependents = 25;

// ---------------------------------------------------------------- model

struct Person {
    std::string name;
    std::string title;
    int org = -1;
    Dept dept = kDomain;
    int team = -1;  // org-local team number
    std::vector<std::string> tags;
    double social = 1.0;  // Chung-Lu weight
    bool joiner = true;   // willing to join groups at all
    int ngroups = 0;
    bool story = false;   // hand-made: name/title/tags fixed
};

struct Org {
    std::string name;
    std::string industry;
    int size = 0;
    std::vector<int> members;  // person indices, in key order
};

struct Membership {
    int person;
    int since_day;  // epoch day, or INT32_MIN for unknown
};

struct Group {
    std::string name;
    std::string themes;
    std::string tag;  // main interest tag ("" if none)
    int capacity;
    std::vector<Membership> members;
    int organizer = -1;
};

enum Channel { kMeeting, kCall, kMessage, kEmail, kEvent, kIntroduction, kChannelCount };
const char* const kChannelNames[kChannelCount] = {"meeting", "call", "message", "email", "event", "introduction"};

enum Mix { kColleague, kClient, kSocial, kFriend, kAcquaintance, kMixCount };
// Channel weights per relation (meeting, call, message, email, event, introduction).
const double kMixWeights[kMixCount][kChannelCount] = {
    {35, 7, 35, 23, 0, 0},   // colleague
    {15, 30, 5, 50, 0, 0},   // client
    {22, 8, 30, 5, 35, 0},   // social (group co-members)
    {30, 22, 40, 4, 4, 0},   // friend
    {15, 15, 20, 45, 5, 0},  // acquaintance
};

struct Tie {
    int a = -1, b = -1;
    Mix mix = kAcquaintance;
    bool office = true;
    int start = 0, end = kDays;  // active window [start, end) in window days
    double gap = 0;              // mean days between contacts (Poisson)
    bool periodic = false;       // jittered periodic schedule instead of Poisson
    int fixed = 0;               // > 0: exactly this many contacts, uniform in the window
    double p_a = 0.5;            // probability that a initiates
    int bursts = 0;              // project bursts (6-12 messages within a week)
    bool intro = false;          // first contact is an introduction
    int event_max = 30;          // largest event attendance
    int forced_channel = -1;     // periodic ties: always this channel
};

struct Row {
    std::int64_t ts;
    int a, b;
    int channel;
    int initiator;  // -1 unknown
    int participants;
};

std::string key_of(int person) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "p%04d", person + 1);
    return buf;
}

std::string csv(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string join(const std::vector<std::string>& v, char sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
bool has(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// ---------------------------------------------------------------- the world

class World {
public:
    std::vector<Person> people;
    std::vector<Org> orgs;
    std::vector<Group> groups;
    std::vector<Tie> ties;
    std::map<std::pair<int, int>, int> tie_index;
    std::vector<Row> rows;

    // Story cast (person indices).
    int maya = 0, priya = -1, marcus = -1, hannah = -1, felix = -1;
    int grace = -1, tom = -1, nadia = -1, kevin = -1, aisha = -1, leo = -1;
    int omar = -1, robert = -1, diane = -1, sofia = -1, ben = -1, cousin = -1;
    int hoops_colleague = -1, captain = -1;
    std::vector<int> teammates;       // basketball team without Maya
    std::vector<int> hoops_friends;   // two teammates Maya is friends with
    std::vector<int> clients;         // Maya's clients (12)
    std::vector<int> friends;         // regular friends (3)
    std::vector<int> cooling;         // cooling ties (5, Robert first)
    std::vector<int> weak;            // one-off contacts (6, Diane first)
    std::vector<int> connectors;
    std::set<int> maya_contacts;      // everyone Maya has interactions with
    std::set<int> priya_guard;        // must not get a generic tie to Priya

    void build_orgs();
    void build_people();
    void name_people();
    void cast_story();
    void assign_tags();
    void build_groups();
    void maya_ties();
    void story_ties();
    void colleague_ties();
    void group_ties();
    void cross_ties();
    void emit_all();
    void big_threads();
    void finish_rows();

    bool generic_ok(int u, int v) const {
        if (u == v || u == maya || v == maya) return false;
        if ((u == priya && priya_guard.count(v)) || (v == priya && priya_guard.count(u))) return false;
        if ((u == leo && v == marcus) || (u == marcus && v == leo)) return false;  // only a private tie
        return true;
    }
    bool add_tie(const Tie& t, bool generic = true) {
        if (generic && !generic_ok(t.a, t.b)) return false;
        if (t.a == t.b) return false;
        const auto k = std::minmax(t.a, t.b);
        if (tie_index.count(k)) return false;
        tie_index[k] = static_cast<int>(ties.size());
        ties.push_back(t);
        return true;
    }
    bool tied(int u, int v) const { return tie_index.count(std::minmax(u, v)) != 0; }

    int find_in_org(int org, const std::string& title) const {
        for (int p : orgs[static_cast<std::size_t>(org)].members)
            if (people[static_cast<std::size_t>(p)].title == title) return p;
        return -1;
    }
    int org_index(const std::string& name) const {
        for (std::size_t i = 0; i < orgs.size(); ++i)
            if (orgs[i].name == name) return static_cast<int>(i);
        std::cerr << "no org " << name << "\n";
        std::exit(2);
    }
    Person& P(int i) { return people[static_cast<std::size_t>(i)]; }
    const Person& P(int i) const { return people[static_cast<std::size_t>(i)]; }
    const std::string& industry_of(int p) const {
        static const std::string none = "independent";
        return P(p).org < 0 ? none : orgs[static_cast<std::size_t>(P(p).org)].industry;
    }
    int group_index(const std::string& name) const {
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (groups[i].name == name) return static_cast<int>(i);
        std::cerr << "no group " << name << "\n";
        std::exit(2);
    }
};

// Heavy-tailed organisation sizes: Pareto draws scaled (by bisection) so the
// clamped sizes add up to the head count, then +-1 fixes on random orgs.
void World::build_orgs() {
    Rng rng(1);
    const int target = kPeople - kIndependents;
    std::vector<double> raw;
    int fixed_sum = 0;
    for (const auto& s : kOrgSpecs) {
        raw.push_back(rng.pareto(1.0, 1.4));
        fixed_sum += s.size;
    }
    auto sizes_for = [&](double scale) {
        std::vector<int> sizes;
        for (std::size_t i = 0; i < kOrgSpecs.size(); ++i) {
            double x = scale * raw[i];
            if (x > 100.0) x = 100.0 + 60.0 * (1.0 - std::exp(-(x - 100.0) / 60.0));  // soft cap at 160
            sizes.push_back(kOrgSpecs[i].size ? kOrgSpecs[i].size : std::max(3, static_cast<int>(std::lround(x))));
        }
        return sizes;
    };
    auto total = [](const std::vector<int>& v) {
        int t = 0;
        for (int x : v) t += x;
        return t;
    };
    double lo = 0.1, hi = 1000.0;
    for (int it = 0; it < 100; ++it) {
        const double mid = 0.5 * (lo + hi);
        (total(sizes_for(mid)) < target ? lo : hi) = mid;
    }
    std::vector<int> sizes = sizes_for(lo);
    while (total(sizes) != target) {
        const bool grow = total(sizes) < target;
        const std::size_t i = rng.below(sizes.size());
        if (kOrgSpecs[i].size || (grow ? sizes[i] >= 160 : sizes[i] <= 3)) continue;
        sizes[i] += grow ? 1 : -1;
    }
    (void)fixed_sum;
    for (std::size_t i = 0; i < kOrgSpecs.size(); ++i) {
        Org o;
        o.name = kOrgSpecs[i].name;
        o.industry = kOrgSpecs[i].industry;
        o.size = sizes[i];
        orgs.push_back(o);
    }
}

// Roles for one organisation: executives by size, then departments by the
// industry's role weights, one leader per department of 6+.
std::vector<std::pair<std::string, Dept>> make_roles(Rng& rng, const Org& org) {
    const Industry& ind = industry(org.industry);
    std::vector<std::pair<std::string, Dept>> roles;
    const int n = org.size;
    if (n >= 10) {
        roles.push_back({"CEO", kExec});
        roles.push_back({"CTO", kExec});
        if (n >= 20) roles.push_back({"VP Sales", kExec}), roles.push_back({"VP Engineering", kExec});
        if (n >= 35) roles.push_back({"CFO", kExec}), roles.push_back({"VP Marketing", kExec});
        if (n >= 60) {
            roles.push_back({"COO", kExec});
            roles.push_back({"VP Product", kExec});
            roles.push_back({"VP Customer Success", kExec});
        }
        if (n >= 120) roles.push_back({"Chief People Officer", kExec}), roles.push_back({"General Counsel", kExec});
    } else if (ind.partnership) {
        roles.push_back({"Managing Partner", kExec});
    } else {
        roles.push_back({"CEO", kExec});
        if (n >= 6) roles.push_back({"CTO", kExec});
    }
    std::vector<double> w;
    for (const auto& r : ind.roles) w.push_back(r.weight);
    std::vector<std::pair<std::string, Dept>> rest;
    while (static_cast<int>(roles.size() + rest.size()) < n) {
        const Role& r = ind.roles[rng.weighted(w)];
        rest.push_back({r.title, r.dept});
    }
    // One leader per department with 6+ people.
    int count[kDeptCount] = {};
    for (const auto& r : rest) ++count[r.second];
    bool led[kDeptCount] = {};
    for (auto& r : rest) {
        if (count[r.second] >= 6 && !led[r.second]) {
            led[r.second] = true;
            const char* t = r.second == kDomain ? ind.domain_leader : kDeptLeader[r.second];
            r.first = t;
        }
    }
    for (const auto& r : rest) roles.push_back(r);
    return roles;
}

void World::build_people() {
    Rng rng(2);
    std::vector<Person> staged;
    for (std::size_t oi = 0; oi < orgs.size(); ++oi) {
        std::vector<std::pair<std::string, Dept>> roles;
        if (oi == 0) {  // Lumen Software, hand-made; Maya first
            roles = {{"Account Executive", kSales}, {"CEO", kExec}, {"CTO", kExec}, {"VP Sales", kExec},
                     {"Account Executive", kSales}, {"Account Executive", kSales},
                     {"Sales Development Representative", kSales}, {"Sales Development Representative", kSales},
                     {"Sales Engineer", kSales}, {"Head of Product", kProduct}, {"Product Manager", kProduct},
                     {"Product Designer", kProduct}, {"Engineering Manager", kEng},
                     {"Senior Software Engineer", kEng}, {"Senior Software Engineer", kEng},
                     {"Software Engineer", kEng}, {"Software Engineer", kEng}, {"Software Engineer", kEng},
                     {"Data Scientist", kEng}, {"Director of Marketing", kMarketing},
                     {"Content Strategist", kMarketing}, {"Director, Customer Success", kSuccess},
                     {"Customer Success Manager", kSuccess}, {"Operations Manager", kOps},
                     {"Finance Manager", kOps}};
        } else {
            roles = make_roles(rng, orgs[oi]);
        }
        for (const auto& r : roles) {
            Person p;
            p.title = r.first;
            p.dept = r.second;
            p.org = static_cast<int>(oi);
            staged.push_back(p);
        }
    }
    const std::vector<std::string> indep = {"Independent Consultant", "Freelance Designer", "Executive Coach",
                                            "Retired", "Graduate Student", "Angel Investor", "Freelance Writer"};
    for (int i = 0; i < kIndependents; ++i) {
        Person p;
        p.title = rng.pick(indep);
        p.dept = kDomain;
        staged.push_back(p);
    }
    // Keys: Maya is p0001, everyone else in random order.
    std::vector<std::size_t> order;
    for (std::size_t i = 1; i < staged.size(); ++i) order.push_back(i);
    rng.shuffle(order);
    order.insert(order.begin(), 0);
    for (std::size_t i : order) people.push_back(staged[i]);
    for (std::size_t i = 0; i < people.size(); ++i)
        if (people[i].org >= 0) orgs[static_cast<std::size_t>(people[i].org)].members.push_back(static_cast<int>(i));

    // Teams: split each department into teams of at most 8.
    for (auto& o : orgs) {
        int next_team = 0;
        for (int d = 0; d < kDeptCount; ++d) {
            std::vector<int> dm;
            for (int p : o.members)
                if (P(p).dept == d) dm.push_back(p);
            if (dm.empty()) continue;
            rng.shuffle(dm);
            const int nteams = (static_cast<int>(dm.size()) + 7) / 8;
            for (std::size_t i = 0; i < dm.size(); ++i) P(dm[i]).team = next_team + static_cast<int>(i) % nteams;
            next_team += nteams;
        }
    }
    // Chung-Lu weights: Pareto, boosted for outward-facing roles.
    for (auto& p : people) {
        double w = std::min(rng.pareto(1.0, 2.1), 20.0);
        if (p.dept == kSales || p.dept == kExec || p.dept == kSuccess) w *= 1.8;
        if (p.org < 0) w *= 1.5;
        p.social = w;
        p.joiner = rng.chance(0.8);
    }
}

void World::name_people() {
    Rng rng(3);
    std::set<std::string> used = {"Maya Chen",    "Priya Raman",   "Marcus Whitfield", "Hannah Lindqvist",
                                  "Felix Andersson", "Grace Holloway", "Tom Alvarez",   "Nadia Rahman",
                                  "Kevin Brooks", "Aisha Bello",   "Leo Martins",      "Omar Haddad",
                                  "Robert Nguyen", "Diane Foster", "Sofia Marquez",    "Ben Carter",
                                  "Lily Chen"};
    for (auto& p : people) {
        for (;;) {
            const std::string first = rng.pick(kFirstNames), last = rng.pick(kLastNames);
            std::string name = first + " " + last;
            if (used.count(name)) {
                const char initial = static_cast<char>('A' + rng.below(26));
                name = first + " " + std::string(1, initial) + ". " + last;
            }
            if (used.insert(name).second) {
                p.name = name;
                break;
            }
        }
    }
    // One nickname in quotes, to exercise CSV quoting.
    for (auto& p : people)
        if (p.name.rfind("Katherine ", 0) == 0 || p.name.rfind("James ", 0) == 0) {
            const std::size_t sp = p.name.find(' ');
            p.name = p.name.substr(0, sp) + (p.name[0] == 'K' ? " \"Kit\"" : " \"Jim\"") + p.name.substr(sp);
            break;
        }
}

void World::cast_story() {
    Rng rng(4);
    auto take = [&](int person, const char* name, const char* title) {
        P(person).name = name;
        if (title) P(person).title = title;
        P(person).story = true;
        return person;
    };
    const int lumen = 0, northwind = 1;
    auto lumen_title = [&](const std::string& t, int nth) {
        int seen = 0;
        for (int p : orgs[lumen].members)
            if (p != maya && P(p).title == t && seen++ == nth) return p;
        return -1;
    };
    take(maya, "Maya Chen", nullptr);
    P(maya).tags = {"yoga", "sailing", "volunteering", "ai"};
    grace = take(lumen_title("VP Sales", 0), "Grace Holloway", nullptr);
    tom = take(lumen_title("Account Executive", 0), "Tom Alvarez", nullptr);
    nadia = take(lumen_title("Account Executive", 1), "Nadia Rahman", nullptr);
    kevin = take(lumen_title("Sales Development Representative", 0), "Kevin Brooks", nullptr);
    aisha = take(lumen_title("Sales Development Representative", 1), "Aisha Bello", nullptr);
    leo = take(lumen_title("Sales Engineer", 0), "Leo Martins", nullptr);
    hoops_colleague = lumen_title("Software Engineer", 0);

    priya = take(find_in_org(northwind, "CTO"), "Priya Raman", nullptr);
    P(priya).tags = {"sailing", "robotics", "ai", "chess"};
    marcus = take(find_in_org(northwind, "CEO"), "Marcus Whitfield", nullptr);
    hannah = take(find_in_org(northwind, "VP Engineering"), "Hannah Lindqvist", nullptr);
    for (int p : orgs[northwind].members)
        if (P(p).dept == kProduct && felix < 0) felix = take(p, "Felix Andersson", "Director of Product");
    for (int p : orgs[northwind].members)  // no product department: promote an engineer
        if (P(p).dept == kEng && felix < 0 && !P(p).story) felix = take(p, "Felix Andersson", "Director of Product");
    P(felix).dept = kProduct;

    auto first_non_exec = [&](const char* org, Dept dept) {
        for (int p : orgs[static_cast<std::size_t>(org_index(org))].members)
            if (P(p).dept == dept && !P(p).story) return p;
        for (int p : orgs[static_cast<std::size_t>(org_index(org))].members)
            if (P(p).dept != kExec && !P(p).story) return p;
        return -1;
    };
    omar = take(first_non_exec("Ironclad Automation", kEng), "Omar Haddad", "Senior Robotics Engineer");
    robert = take(first_non_exec("Crestview Consulting Group", kDomain), "Robert Nguyen", "Partner");
    diane = take(find_in_org(org_index("Copperleaf Ventures"), "Managing Partner"), "Diane Foster", nullptr);
    sofia = take(first_non_exec("Bluefin Analytics", kOps), "Sofia Marquez", "Director of Revenue Operations");
    ben = take(first_non_exec("Harborline Payments", kEng), "Ben Carter", "Engineering Manager");

    // Connectors: Diane plus five outward-facing people elsewhere.
    connectors.push_back(diane);
    const std::vector<std::string> hubs = {"Talent Bridge Staffing", "Signalhouse Media", "Globex Cloud Systems",
                                           "BrightSpark Events", "Westbrook University"};
    for (const auto& h : hubs) {
        const Org& o = orgs[static_cast<std::size_t>(org_index(h))];
        std::vector<int> cand;
        for (int p : o.members)
            if (!P(p).story && P(p).dept != kExec && P(p).dept != kEng) cand.push_back(p);
        connectors.push_back(rng.pick(cand));
    }
    for (int c : connectors) {
        P(c).social = 110.0;
        P(c).joiner = true;
    }
    P(maya).social = 0;
}

void World::assign_tags() {
    Rng rng(5);
    std::vector<double> w;
    for (const auto& t : kTags) w.push_back(t.second);
    for (auto& p : people) {
        if (p.story && !p.tags.empty()) continue;
        const int n = rng.between(2, 4);
        const std::string& ind = p.org < 0 ? std::string() : orgs[static_cast<std::size_t>(p.org)].industry;
        std::string work;
        if (ind == "saas") work = rng.chance(0.5) ? "saas" : "ai";
        else if (ind == "robotics") work = "robotics";
        else if (ind == "fintech") work = rng.chance(0.6) ? "fintech" : "investing";
        else if (ind == "analytics") work = rng.chance(0.5) ? "data" : "ai";
        else if (ind == "vc") work = rng.chance(0.5) ? "investing" : "startups";
        if (!work.empty() && rng.chance(0.55)) p.tags.push_back(work);
        while (static_cast<int>(p.tags.size()) < n) {
            const std::string& t = kTags[rng.weighted(w)].first;
            if (!has(p.tags, t)) p.tags.push_back(t);
        }
    }
}

struct GroupSpec {
    const char* name;
    const char* themes;
    const char* tag;
    int capacity;
    const char* kind;  // hobby, service, assoc-saas, assoc-robotics, assoc-fintech, assoc-ai, alumni, parents,
                       // founders, team, wit
};

const std::vector<GroupSpec> kGroupSpecs = {
    {"Bayside Rotary Club", "service;community;volunteering", "volunteering", 110, "service"},
    {"Habitat for Humanity Build Crew", "volunteering;housing;community", "volunteering", 70, "service"},
    {"Thursday Night Hoops", "basketball;sports;teamwork", "basketball", 14, "team"},
    {"Harbor Running Club", "running;fitness;outdoors", "running", 120, "hobby"},
    {"Sunset Yoga Class", "yoga;wellness;mindfulness", "yoga", 40, "hobby"},
    {"Bayview Sailing Club", "sailing;outdoors;boating", "sailing", 85, "hobby"},
    {"Knight Moves Chess Club", "chess;strategy;boardgames", "chess", 45, "hobby"},
    {"Blue Note Jazz Society", "jazz;music;culture", "jazz", 75, "hobby"},
    {"Tuesday Book Club", "reading;books;writing", "reading", 20, "hobby"},
    {"SaaS Sales Guild", "saas;sales;networking", "saas", 120, "assoc-saas"},
    {"Robotics Industry Association", "robotics;automation;manufacturing", "robotics", 115, "assoc-robotics"},
    {"Fintech Forum", "fintech;payments;investing", "fintech", 110, "assoc-fintech"},
    {"AI Practitioners Meetup", "ai;data;machine-learning", "ai", 120, "assoc-ai"},
    {"Westbrook University Alumni Club", "alumni;networking;education", "", 120, "alumni"},
    {"Eastgate College Alumni", "alumni;networking;education", "", 100, "alumni"},
    {"Lincoln Elementary Parents' Association", "parenting;education;community", "parenting", 100, "parents"},
    {"Trailblazers Hiking Club", "hiking;outdoors;nature", "hiking", 100, "hobby"},
    {"Women in Tech Circle", "mentoring;careers;diversity", "mentoring", 80, "wit"},
    {"Spoke & Chain Cycling Club", "cycling;fitness;outdoors", "cycling", 90, "hobby"},
    {"Founders & Funders Breakfast", "startups;investing;networking", "startups", 50, "founders"}};

void World::build_groups() {
    Rng rng(6);
    for (const auto& s : kGroupSpecs) groups.push_back({s.name, s.themes, s.tag, s.capacity, {}, -1});
    const std::int64_t epoch_lo = days_from_civil(2012, 1, 1);
    const std::int64_t epoch_hi = kDay0 - 1;
    auto since = [&]() -> int {
        const double u = rng.uniform();
        if (u < 0.2) return INT32_MIN;  // unknown
        if (u < 0.34) return static_cast<int>(kDay0 + rng.between(0, kDays - 60));  // joined during the window
        return static_cast<int>(epoch_lo + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(epoch_hi - epoch_lo))));
    };
    auto add = [&](int g, int p, int since_day) {
        Group& G = groups[static_cast<std::size_t>(g)];
        for (const auto& m : G.members)
            if (m.person == p) return;
        G.members.push_back({p, since_day});
        ++P(p).ngroups;
    };
    const int northwind = 1;
    // Forced memberships.
    const int hoops = group_index("Thursday Night Hoops");
    add(hoops, maya, static_cast<int>(days_from_civil(2023, 9, 1)));
    add(hoops, omar, static_cast<int>(days_from_civil(2022, 1, 15)));
    add(hoops, hoops_colleague, static_cast<int>(days_from_civil(2023, 9, 1)));
    const int sailing = group_index("Bayview Sailing Club");
    add(sailing, priya, static_cast<int>(days_from_civil(2019, 4, 15)));
    add(sailing, robert, static_cast<int>(days_from_civil(2016, 5, 1)));
    const int ria = group_index("Robotics Industry Association");
    add(ria, priya, since());
    add(ria, hannah, since());
    add(ria, omar, since());
    add(ria, marcus, since());
    add(group_index("AI Practitioners Meetup"), priya, since());
    add(group_index("Women in Tech Circle"), priya, since());
    const int founders = group_index("Founders & Funders Breakfast");
    add(founders, diane, static_cast<int>(days_from_civil(2017, 3, 1)));
    add(group_index("SaaS Sales Guild"), diane, since());
    add(group_index("Fintech Forum"), diane, since());
    // Connectors organise the big groups.
    const std::vector<std::string> organised = {"Bayside Rotary Club", "Harbor Running Club", "SaaS Sales Guild",
                                                "Westbrook University Alumni Club", "AI Practitioners Meetup"};
    for (std::size_t i = 0; i < organised.size(); ++i) {
        const int g = group_index(organised[i]);
        add(g, connectors[i + 1], since());
        groups[static_cast<std::size_t>(g)].organizer = connectors[i + 1];
    }
    groups[static_cast<std::size_t>(founders)].organizer = diane;
    for (int c : connectors) {  // connectors are joiners: two more groups each
        for (int k = 0; k < 2; ++k) {
            const int g = static_cast<int>(rng.below(groups.size()));
            if (g != hoops) add(g, c, since());  // keep hubs off Maya's team
        }
    }
    // Fill remaining capacity by weighted draws without replacement.
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        Group& G = groups[gi];
        const std::string kind = kGroupSpecs[gi].kind;
        while (static_cast<int>(G.members.size()) < G.capacity) {
            std::vector<double> w(people.size(), 0.0);
            for (std::size_t pi = 0; pi < people.size(); ++pi) {
                const int p = static_cast<int>(pi);
                const Person& x = people[pi];
                if (p == maya || !x.joiner) continue;
                bool member = false;
                for (const auto& m : G.members) member = member || m.person == p;
                if (member) continue;
                const std::string& ind = industry_of(p);
                double v = 1.0;
                if (kind == "team") {
                    if (x.org == northwind || x.org == 0 || x.story) continue;
                    v = has(x.tags, "basketball") ? 10.0 : 0.5;
                } else if (kind == "assoc-saas") {
                    v = (ind == "saas" ? 4.0 : 0.3) * (x.dept == kSales || x.dept == kSuccess ? 4.0 : 0.5);
                } else if (kind == "assoc-robotics") {
                    v = ind == "robotics" ? 10.0 : (ind == "energy" ? 1.0 : 0.05);
                } else if (kind == "assoc-fintech") {
                    v = ind == "fintech" || ind == "vc" ? 10.0 : 0.1;
                } else if (kind == "assoc-ai") {
                    v = (x.dept == kEng ? 3.0 : 0.5) * (has(x.tags, "ai") || has(x.tags, "data") ? 5.0 : 1.0);
                } else if (kind == "founders") {
                    v = (x.dept == kExec || ind == "vc" || x.org < 0) ? 6.0 : 0.1;
                } else if (kind == "wit") {
                    v = (x.dept == kEng || x.dept == kProduct) ? 2.0 : 1.0;
                } else if (kind == "alumni" || kind == "parents") {
                    v = 1.0;
                } else {
                    v = 1.0;
                }
                if (!G.tag.empty() && has(x.tags, G.tag)) v *= 8.0;
                if (x.org == northwind && p != priya && (kind == "hobby" || kind == "service")) v *= 0.5;
                static const double penalty[] = {1.0, 0.2, 0.06, 0.02};
                v *= penalty[std::min(x.ngroups, 3)];
                w[pi] = v;
            }
            const int p = static_cast<int>(rng.weighted(w));
            add(static_cast<int>(gi), p, since());
        }
        if (G.organizer < 0) {
            std::vector<double> w;
            for (const auto& m : G.members) w.push_back(m.person == maya ? 0.0 : P(m.person).social);
            G.organizer = G.members[rng.weighted(w)].person;
        }
        std::sort(G.members.begin(), G.members.end(),
                  [](const Membership& x, const Membership& y) { return x.person < y.person; });
    }
    // Interests follow groups: members usually carry the group's main tag.
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& G = groups[gi];
        if (G.tag.empty()) continue;
        for (const auto& m : G.members) {
            Person& x = P(m.person);
            if (x.story || has(x.tags, G.tag) || !rng.chance(0.75)) continue;
            if (x.tags.size() < 4) {
                x.tags.push_back(G.tag);
            } else {
                x.tags[rng.below(x.tags.size())] = G.tag;
            }
        }
    }
    // The basketball team (Maya's only group).
    for (const auto& m : groups[static_cast<std::size_t>(hoops)].members)
        if (m.person != maya) teammates.push_back(m.person);
    captain = groups[static_cast<std::size_t>(hoops)].organizer;
}

// ---------------------------------------------------------------- tie levels

enum Level { kWeak, kOccasional, kRegular, kStrong };

Level draw_level(Rng& rng, double weak, double occasional, double regular) {
    const double u = rng.uniform();
    if (u < weak) return kWeak;
    if (u < weak + occasional) return kOccasional;
    if (u < weak + occasional + regular) return kRegular;
    return kStrong;
}

// A generic tie between a and b at a level, with a random active window.
Tie make_tie(Rng& rng, int a, int b, Mix mix, bool office, Level level, int earliest = 0) {
    Tie t;
    t.a = a;
    t.b = b;
    t.mix = mix;
    t.office = office;
    t.start = std::clamp(earliest, 0, kDays - 30);
    t.end = kDays;
    if (level != kWeak) {
        if (rng.chance(0.18)) t.start = std::max(t.start, rng.between(30, kDays - 120));  // a newer tie
        if (rng.chance(0.15)) t.end = rng.between(t.start + 90, std::max(t.start + 91, kDays - 120));  // faded
        t.end = std::min(t.end, kDays);
        t.intro = t.start >= 30 && rng.chance(0.35);
    }
    switch (level) {
    case kWeak: t.fixed = rng.between(1, 2); break;
    case kOccasional: t.fixed = rng.between(2, 5); break;
    case kRegular: t.gap = rng.uniform(60, 130); break;
    case kStrong: t.gap = rng.uniform(18, 35); break;
    }
    if ((level == kRegular || level == kStrong) && (mix == kColleague || mix == kClient) && rng.chance(0.25))
        t.bursts = 1 + static_cast<int>(rng.chance(0.3));
    const double u = rng.uniform();
    t.p_a = u < 0.075 ? 1.0 : (u < 0.15 ? 0.0 : rng.uniform(0.25, 0.75));
    return t;
}

// ---------------------------------------------------------------- Maya

void World::maya_ties() {
    Rng rng(7);
    const int lumen = 0, northwind = 1;
    auto tie = [&](int other, Mix mix, bool office) {
        Tie t;
        t.a = maya;
        t.b = other;
        t.mix = mix;
        t.office = office;
        t.p_a = rng.uniform(0.35, 0.65);
        return t;
    };
    auto commit = [&](const Tie& t) {
        if (!add_tie(t, false)) {
            std::cerr << "duplicate Maya tie\n";
            std::exit(2);
        }
        maya_contacts.insert(t.b);
    };
    // Colleagues.
    {
        Tie t = tie(grace, kColleague, true);  // weekly 1:1
        t.periodic = true;
        t.gap = 7;
        t.forced_channel = kMeeting;
        t.p_a = 0.3;
        commit(t);
    }
    {
        Tie t = tie(tom, kColleague, true);
        t.gap = 5;
        t.bursts = 1;
        commit(t);
    }
    {
        Tie t = tie(kevin, kColleague, true);
        t.gap = 9;
        t.p_a = 0.2;  // the SDR books meetings for her
        commit(t);
    }
    {
        Tie t = tie(nadia, kColleague, true);
        t.gap = 16;
        commit(t);
    }
    {
        Tie t = tie(aisha, kColleague, true);
        t.gap = 21;
        t.p_a = 0.25;
        commit(t);
    }
    {
        Tie t = tie(leo, kColleague, true);
        t.gap = 24;
        t.bursts = 2;
        t.p_a = 0.8;
        commit(t);
    }
    for (int p : orgs[lumen].members) {
        if (p == maya || maya_contacts.count(p)) continue;
        Tie t = tie(p, kColleague, true);
        const std::string& title = P(p).title;
        if (title == "CEO" || title == "Head of Product") t.gap = 90;
        else if (title == "CTO") t.gap = 120;
        else if (P(p).dept == kSuccess) t.gap = 40;
        else if (title == "Product Manager" || title == "Director of Marketing") t.gap = 55;
        else t.fixed = rng.between(1, 3);  // engineers, ops: the odd message
        if (p == hoops_colleague) {
            t.fixed = 0;
            t.gap = 30;
            t.mix = kFriend;
        }
        commit(t);
    }
    // Basketball teammates.
    for (int p : teammates) {
        if (p != omar && p != hoops_colleague && hoops_friends.size() < 2) hoops_friends.push_back(p);
    }
    for (int p : teammates) {
        if (p == hoops_colleague) continue;
        Tie t = tie(p, kSocial, false);
        t.event_max = 14;
        if (p == omar) {
            t.mix = kFriend;
            t.gap = 6;
        } else if (has(hoops_friends, p)) {  // two more teammates are friends too
            t.mix = kFriend;
            t.gap = 20;
        } else {
            t.fixed = rng.between(1, 4);
            t.start = wday(2024, 11, 1);
        }
        commit(t);
    }
    // Pool for clients, friends, weak contacts: not Lumen, not Northwind, no story/connectors.
    std::vector<int> pool;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const int p = static_cast<int>(i);
        const Person& x = people[i];
        if (x.org == lumen || x.org == northwind || x.story || maya_contacts.count(p) || has(connectors, p)) continue;
        pool.push_back(p);
    }
    rng.shuffle(pool);
    auto take_from_pool = [&](auto pred) {
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (pred(pool[i])) {
                const int p = pool[i];
                pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
                return p;
            }
        std::cerr << "pool exhausted\n";
        std::exit(2);
    };
    // Clients: buyers at customer-type organisations.
    auto buyer = [&](int p) {
        const std::string& ind = industry_of(p);
        const Dept d = P(p).dept;
        return (ind == "saas" || ind == "analytics" || ind == "fintech" || ind == "health" || ind == "retail" ||
                ind == "media") &&
               (d == kExec || d == kOps || d == kSuccess || d == kMarketing || d == kProduct);
    };
    clients.push_back(sofia);
    while (clients.size() < 12) clients.push_back(take_from_pool(buyer));
    for (std::size_t i = 0; i < clients.size(); ++i) {
        Tie t = tie(clients[i], kClient, true);
        if (clients[i] == sofia) {
            t.gap = 60;
        } else if (i <= 3) {  // active deals: regular plus bursts
            t.gap = rng.uniform(20, 30);
            t.bursts = 1;
            t.p_a = 0.7;
        } else if (i <= 8) {
            t.gap = rng.uniform(60, 100);
            t.start = rng.between(0, 200);
        } else {
            t.fixed = rng.between(2, 4);
        }
        if (i == 5) {  // introduced by a colleague
            t.start = wday(2025, 6, 10);
            t.intro = true;
        }
        commit(t);
    }
    // Friends (active) and cooling ties (regular contact, then 6+ months of silence).
    for (int k = 0; k < 3; ++k) friends.push_back(take_from_pool([&](int p) { return P(p).org >= 2 || P(p).org < 0; }));
    for (int f : friends) {
        Tie t = tie(f, kFriend, false);
        t.gap = rng.uniform(18, 35);
        commit(t);
    }
    cooling.push_back(robert);
    for (int k = 0; k < 4; ++k) cooling.push_back(take_from_pool([&](int p) { return P(p).org >= 2; }));
    const int cooling_end[] = {wday(2026, 1, 5), wday(2025, 9, 20), wday(2025, 7, 1), wday(2026, 3, 15),
                               wday(2025, 11, 30)};
    for (std::size_t k = 0; k < cooling.size(); ++k) {
        Tie t = tie(cooling[k], k % 2 ? kClient : kFriend, k % 2 != 0);
        t.gap = k == 0 ? 13 : rng.uniform(10, 22);
        t.end = cooling_end[k];
        commit(t);
    }
    // Weak: one contact months ago.
    weak.push_back(diane);
    for (int k = 0; k < 5; ++k) weak.push_back(take_from_pool([&](int) { return true; }));
    for (std::size_t k = 0; k < weak.size(); ++k) {
        Tie t = tie(weak[k], kAcquaintance, true);
        t.fixed = 1;
        if (weak[k] == diane) {
            t.start = wday(2026, 1, 29);
            t.end = t.start + 1;
            t.p_a = 1.0;  // Maya wrote, Diane never answered
            t.forced_channel = kEmail;
        } else {
            t.start = rng.between(60, 540);
            t.end = t.start + 1;
        }
        commit(t);
    }
    // A private relative (ties.csv only): no interactions, never near Priya.
    cousin = take_from_pool([&](int p) { return P(p).org >= 2; });
    P(cousin).name = "Lily Chen";
    P(cousin).story = true;
    priya_guard = maya_contacts;
    priya_guard.insert(cousin);
    priya_guard.erase(robert);
    priya_guard.erase(diane);
}

void World::story_ties() {
    Rng rng(8);
    auto mk = [&](int a, int b, Mix mix, bool office, double gap, double p_a) {
        Tie t;
        t.a = a;
        t.b = b;
        t.mix = mix;
        t.office = office;
        t.gap = gap;
        t.p_a = p_a;
        if (!add_tie(t, false)) {
            std::cerr << "duplicate story tie\n";
            std::exit(2);
        }
    };
    mk(hannah, priya, kColleague, true, 6, 0.5);     // VP Engineering <-> CTO
    mk(marcus, priya, kColleague, true, 8, 0.5);     // CEO <-> CTO
    mk(felix, priya, kColleague, true, 15, 0.6);     // Director of Product <-> CTO
    mk(robert, priya, kFriend, false, 10, 0.5);      // sailing partners
    mk(diane, priya, kClient, true, 30, 0.7);        // board member
    mk(diane, marcus, kClient, true, 25, 0.6);
    mk(omar, hannah, kFriend, false, 12, 0.5);       // former colleagues
    mk(ben, felix, kFriend, true, 35, 0.5);          // former colleagues
    {
        Tie t;  // Sofia <-> Ben: occasional
        t.a = sofia;
        t.b = ben;
        t.mix = kAcquaintance;
        t.fixed = 4;
        t.p_a = 0.5;
        add_tie(t, false);
    }
    (void)rng;
}

// ---------------------------------------------------------------- generic ties

void World::colleague_ties() {
    Rng rng(9);
    for (const auto& o : orgs) {
        const auto& m = o.members;
        const int n = static_cast<int>(m.size());
        auto exec_owner = [&](Dept d) {
            const char* want = d == kSales      ? "VP Sales"
                               : d == kEng      ? "VP Engineering"
                               : d == kProduct  ? "VP Product"
                               : d == kMarketing ? "VP Marketing"
                               : d == kSuccess  ? "VP Customer Success"
                               : d == kOps      ? "COO"
                                                : "CEO";
            for (int p : m)
                if (P(p).title == want) return p;
            for (int p : m)
                if (P(p).title == (d == kEng || d == kProduct ? "CTO" : "CEO")) return p;
            return -1;
        };
        auto is_leader = [&](int p) {
            const std::string& t = P(p).title;
            return t == kDeptLeader[P(p).dept] || t == industry(o.industry).domain_leader || t == "Director of Product";
        };
        for (int i = 0; i < n; ++i) {
            for (int j = i + 1; j < n; ++j) {
                const int a = m[static_cast<std::size_t>(i)], b = m[static_cast<std::size_t>(j)];
                const Person &x = P(a), &y = P(b);
                double p;
                Level lv;
                if (n <= 8) {
                    p = 0.75;
                    lv = draw_level(rng, 0.4, 0.4, 0.15);
                } else if (x.dept == kExec && y.dept == kExec) {
                    p = 0.8;
                    lv = draw_level(rng, 0.2, 0.45, 0.28);
                } else if (x.dept == y.dept && x.team == y.team) {
                    p = 0.3;
                    lv = draw_level(rng, 0.5, 0.38, 0.1);
                } else if (x.dept == y.dept && (is_leader(a) || is_leader(b))) {
                    p = 0.65;
                    lv = draw_level(rng, 0.4, 0.42, 0.15);
                } else if ((x.dept == kExec && (a == exec_owner(y.dept) && (is_leader(b) || rng.chance(0.25)))) ||
                           (y.dept == kExec && (b == exec_owner(x.dept) && (is_leader(a) || rng.chance(0.25))))) {
                    p = 0.65;
                    lv = draw_level(rng, 0.4, 0.42, 0.15);
                } else if (x.dept == y.dept) {
                    p = std::min(0.2, 1.5 / n);
                    lv = draw_level(rng, 0.7, 0.27, 0.03);
                } else {
                    p = std::min(0.08, 1.0 / n);
                    lv = draw_level(rng, 0.8, 0.2, 0.0);
                }
                if (!rng.chance(p)) continue;
                Tie t = make_tie(rng, a, b, kColleague, true, lv);
                add_tie(t);
            }
        }
    }
}

void World::group_ties() {
    Rng rng(10);
    for (const auto& G : groups) {
        const int n = static_cast<int>(G.members.size());
        const double p = std::min(0.35, 2.0 / (n - 1));
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                if (!rng.chance(p)) continue;
                const Membership &x = G.members[static_cast<std::size_t>(i)], &y = G.members[static_cast<std::size_t>(j)];
                int earliest = 0;
                for (int s : {x.since_day, y.since_day})
                    if (s != INT32_MIN) earliest = std::max(earliest, static_cast<int>(s - kDay0));
                const Level lv = draw_level(rng, 0.5, 0.33, 0.12);
                Tie t = make_tie(rng, x.person, y.person, lv == kStrong ? kFriend : kSocial, false, lv, earliest);
                t.event_max = std::min(40, n);
                add_tie(t);
            }
    }
}

// Chung-Lu: endpoints drawn proportionally to the social weights.
void World::cross_ties() {
    Rng rng(11);
    std::vector<double> w;
    for (const auto& p : people) w.push_back(p.social);
    const Cumulative cum(w);
    int made = 0;
    while (made < 2300) {
        const int a = static_cast<int>(cum.draw(rng)), b = static_cast<int>(cum.draw(rng));
        if (a == b || (P(a).org >= 0 && P(a).org == P(b).org) || tied(a, b)) continue;
        const Person &x = P(a), &y = P(b);
        const bool seller = x.dept == kSales || x.dept == kSuccess || y.dept == kSales || y.dept == kSuccess;
        const Mix mix = seller && rng.chance(0.7) ? kClient : (rng.chance(0.3) ? kFriend : kAcquaintance);
        const Level lv = draw_level(rng, 0.58, 0.3, 0.09);
        Tie t = make_tie(rng, a, b, mix, mix != kFriend, lv);
        if (add_tie(t)) ++made;
    }
}

// ---------------------------------------------------------------- interactions

class Emitter {
public:
    Emitter(World& w, Rng& rng) : w_(w), rng_(rng) {}

    // Timestamp on window day d: office hours on a weekday, or leisure hours.
    std::int64_t when(int d, bool office, int channel) {
        std::int64_t day = kDay0 + std::clamp(d, 0, kDays - 1);
        const int wd = weekday(day);
        if (office && (wd == 0 || wd == 6) && rng_.chance(0.95)) {
            std::int64_t moved = wd == 0 ? day + 1 : day - 1;
            if (moved < kDay0 || moved >= kDay0 + kDays) moved = wd == 0 ? day - 2 : day + 2;
            day = moved;
        }
        const int wd2 = weekday(day);
        int hour, minute;
        if (office) {
            hour = rng_.between(8, 17);
        } else if (wd2 == 0 || wd2 == 6) {
            hour = rng_.between(9, 19);
        } else {
            hour = rng_.between(17, 21);
        }
        if (channel == kMeeting || channel == kEvent) minute = 15 * rng_.between(0, 3);
        else minute = rng_.between(0, 59);
        return day * 86400 + hour * 3600 + minute * 60;
    }

    int participants(int channel, int event_max) {
        switch (channel) {
        case kMeeting: return rng_.chance(0.2) ? rng_.between(3, 6) : 2;
        case kCall: return rng_.chance(0.1) ? rng_.between(3, 4) : 2;
        case kMessage: return rng_.chance(0.12) ? rng_.between(3, 8) : 2;
        case kEmail: return rng_.chance(0.25) ? rng_.between(3, 9) : 2;
        case kEvent: return rng_.between(std::min(6, event_max), std::max(6, event_max));
        default: return 3;
        }
    }

    void emit(const Tie& t, int d, int channel) {
        Row r;
        r.channel = channel;
        r.ts = when(d, t.office, channel);
        r.participants = participants(channel, t.event_max);
        const bool a_first = rng_.chance(t.p_a);
        bool known;
        if (channel == kIntroduction) known = false;
        else if (channel == kEvent) known = rng_.chance(0.5);
        else known = rng_.chance(0.79);
        const int init = a_first ? t.a : t.b;
        const int other = a_first ? t.b : t.a;
        if (known) {
            r.a = init;
            r.b = other;
            r.initiator = init;
        } else {
            const bool swap = rng_.chance(0.5);
            r.a = swap ? t.b : t.a;
            r.b = swap ? t.a : t.b;
            r.initiator = -1;
        }
        w_.rows.push_back(r);
    }

    int channel_for(const Tie& t) {
        if (t.forced_channel >= 0) return t.forced_channel;
        std::vector<double> w(kMixWeights[t.mix], kMixWeights[t.mix] + kChannelCount);
        return static_cast<int>(rng_.weighted(w));
    }

    void run(const Tie& t) {
        const std::size_t before = w_.rows.size();
        const int span = std::max(1, t.end - t.start);
        int first_day = -1;
        std::vector<int> days;
        if (t.fixed > 0) {
            for (int i = 0; i < t.fixed; ++i) days.push_back(t.start + static_cast<int>(rng_.below(static_cast<std::size_t>(span))));
        } else if (t.periodic) {
            for (double x = t.start + rng_.uniform() * t.gap; x < t.end; x += t.gap * rng_.uniform(0.85, 1.15))
                days.push_back(static_cast<int>(x));
        } else if (t.gap > 0) {
            for (double x = t.start + rng_.exponential(t.gap); x < t.end; x += rng_.exponential(t.gap))
                days.push_back(static_cast<int>(x));
        }
        if (days.empty()) days.push_back(t.start + static_cast<int>(rng_.below(static_cast<std::size_t>(span))));
        std::sort(days.begin(), days.end());
        first_day = days.front();
        for (std::size_t i = 0; i < days.size(); ++i) {
            const int ch = (i == 0 && t.intro) ? static_cast<int>(kIntroduction) : channel_for(t);
            emit(t, days[i], ch);
        }
        for (int b = 0; b < t.bursts; ++b) {
            const int lo = std::max(t.start, first_day);
            const int d0 = lo + static_cast<int>(rng_.below(static_cast<std::size_t>(std::max(1, t.end - lo - 7))));
            const int k = rng_.between(6, 12);
            for (int i = 0; i < k; ++i) {
                const int d = d0 + rng_.between(0, 6);
                emit(t, d, rng_.chance(0.7) ? kMessage : kEmail);
            }
        }
        (void)before;
    }

private:
    World& w_;
    Rng& rng_;
};

void World::emit_all() {
    Rng rng(12);
    Emitter e(*this, rng);
    for (const auto& t : ties) e.run(t);
}

// Big-thread emails: CEOs to their organisation (10..60 people), department
// leaders in large organisations, group organisers to their members.
void World::big_threads() {
    Rng rng(13);
    Emitter e(*this, rng);
    auto thread_ok = [&](int s, int r) {
        if (s == maya || r == maya) return maya_contacts.count(s == maya ? r : s) != 0;
        return generic_ok(s, r);
    };
    auto send = [&](int sender, std::vector<int> recipients, int day, bool office) {
        rng.shuffle(recipients);
        if (recipients.size() > 59) recipients.resize(59);
        int participants = static_cast<int>(recipients.size()) + 1;
        participants = std::min(60, participants + (rng.chance(0.3) ? rng.between(1, 4) : 0));
        Tie t;
        t.office = office;
        const std::int64_t ts = e.when(day, office, kEmail);
        for (int r : recipients) {
            if (r == sender || !thread_ok(sender, r)) continue;
            rows.push_back({ts, sender, r, kEmail, sender, participants});
        }
    };
    for (const auto& o : orgs) {
        const int n = static_cast<int>(o.members.size());
        if (n < 10) continue;
        const int ceo = find_in_org(static_cast<int>(&o - &orgs[0]), "CEO");
        if (n <= 60) {
            const int k = rng.between(1, 2);
            for (int i = 0; i < k; ++i) send(ceo, o.members, rng.between(0, kDays - 1), true);
        } else {
            for (int d = kSales; d < kDeptCount; ++d) {
                std::vector<int> dm;
                int lead = -1;
                for (int p : o.members)
                    if (P(p).dept == d) {
                        dm.push_back(p);
                        if (P(p).title == kDeptLeader[d] || P(p).title == industry(o.industry).domain_leader) lead = p;
                    }
                if (dm.size() < 10 || lead < 0) continue;
                const int k = rng.between(1, 2);
                for (int i = 0; i < k; ++i) send(lead, dm, rng.between(0, kDays - 1), true);
            }
        }
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& G = groups[gi];
        if (G.members.size() < 10) continue;
        const bool team = gi == static_cast<std::size_t>(group_index("Thursday Night Hoops"));
        const int k = team ? 20 : rng.between(1, 3);
        for (int i = 0; i < k; ++i) {
            const int day = team ? i * 36 + rng.between(0, 10) : rng.between(0, kDays - 1);
            std::vector<int> rec;
            for (const auto& m : G.members) {
                const bool joined = m.since_day == INT32_MIN || m.since_day - kDay0 <= day;
                if (joined && (team || rng.chance(0.5))) rec.push_back(m.person);
            }
            send(G.organizer, rec, day, false);
        }
    }
}

void World::finish_rows() {
    std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        if (x.ts != y.ts) return x.ts < y.ts;
        if (x.a != y.a) return x.a < y.a;
        if (x.b != y.b) return x.b < y.b;
        if (x.channel != y.channel) return x.channel < y.channel;
        if (x.initiator != y.initiator) return x.initiator < y.initiator;
        return x.participants < y.participants;
    });
    // Drop exact collisions (same pair, same second).
    std::vector<Row> out;
    std::set<std::tuple<std::int64_t, int, int>> seen;
    for (const auto& r : rows) {
        const auto k = std::make_tuple(r.ts, std::min(r.a, r.b), std::max(r.a, r.b));
        if (seen.insert(k).second) out.push_back(r);
    }
    rows.swap(out);
}

// ---------------------------------------------------------------- events & manual ties

struct EventRow {
    std::string event;
    int person;
    std::string table;
};

struct ManualTie {
    int a, b;
    double warmth;
    int owner;  // -1 public
};

std::vector<std::set<int>> adjacency(const World& w) {
    std::vector<std::set<int>> adj(w.people.size());
    for (const auto& r : w.rows) {
        adj[static_cast<std::size_t>(r.a)].insert(r.b);
        adj[static_cast<std::size_t>(r.b)].insert(r.a);
    }
    return adj;
}

std::vector<EventRow> make_events(World& w, const std::vector<std::set<int>>& adj) {
    Rng rng(14);
    std::vector<EventRow> out;
    const std::string conf = "SaaS Connect 2026";
    const auto& maya_adj = adj[static_cast<std::size_t>(w.maya)];
    std::set<int> two_hop;
    for (int c : maya_adj)
        for (int x : adj[static_cast<std::size_t>(c)])
            if (x != w.maya && !maya_adj.count(x)) two_hop.insert(x);

    std::map<int, std::string> seat;
    std::map<std::string, int> used;
    auto sit = [&](int p, int table) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "T%02d", table);
        seat[p] = buf;
        ++used[buf];
    };
    // Maya and the 15 attendees she knows, at three tables.
    sit(w.maya, 5);
    for (int p : {w.grace, w.tom, w.nadia, w.kevin, w.clients[1], w.clients[2]}) sit(p, 5);
    for (int i = 3; i <= 7; ++i) sit(w.clients[static_cast<std::size_t>(i)], 12);
    sit(w.diane, 21);
    sit(w.friends[0], 21);
    sit(w.friends[1], 21);
    sit(w.hoops_friends[0], 21);
    sit(w.priya, 17);
    // Other attendees: strangers to Maya, leaning to SaaS people and her 2-hop circle.
    std::vector<double> weight(w.people.size(), 0.0);
    for (std::size_t i = 0; i < w.people.size(); ++i) {
        const int p = static_cast<int>(i);
        if (p == w.maya || maya_adj.count(p) || seat.count(p) || p == w.cousin) continue;
        const Person& x = w.people[i];
        const std::string& ind = w.industry_of(p);
        double v = 0.3;
        if (ind == "saas" || ind == "analytics") v += 2.0;
        if (x.dept == kSales || x.dept == kSuccess || x.dept == kMarketing || x.dept == kExec) v += 1.5;
        if (two_hop.count(p)) v *= 2.5;
        weight[i] = v;
    }
    std::vector<int> others;
    while (seat.size() + others.size() < 300) {
        const int p = static_cast<int>(rng.weighted(weight));
        weight[static_cast<std::size_t>(p)] = 0;
        others.push_back(p);
    }
    std::vector<int> free_seats;
    for (int t = 1; t <= 30; ++t) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "T%02d", t);
        for (int k = used[buf]; k < 10; ++k) free_seats.push_back(t);
    }
    rng.shuffle(free_seats);
    for (std::size_t i = 0; i < others.size(); ++i) sit(others[i], free_seats[i]);
    for (const auto& s : seat) out.push_back({conf, s.first, s.second});

    // Two smaller meetups without tables.
    auto meetup = [&](const std::string& name, const std::string& group, int size) {
        const Group& G = w.groups[static_cast<std::size_t>(w.group_index(group))];
        std::vector<int> cand;
        for (const auto& m : G.members)
            if (m.person != w.maya) cand.push_back(m.person);
        rng.shuffle(cand);
        cand.resize(std::min<std::size_t>(cand.size(), static_cast<std::size_t>(size)));
        std::sort(cand.begin(), cand.end());
        for (int p : cand) out.push_back({name, p, ""});
    };
    meetup("AI Founders Breakfast", "AI Practitioners Meetup", 40);
    meetup("Fintech Forum Winter Meetup", "Fintech Forum", 25);
    return out;
}

std::vector<ManualTie> make_manual_ties(World& w) {
    Rng rng(15);
    std::vector<ManualTie> out;
    std::set<std::pair<int, int>> used;
    auto add = [&](int a, int b, double warmth, int owner) {
        if (!used.insert(std::minmax(a, b)).second) return false;
        out.push_back({a, b, warmth, owner});
        return true;
    };
    auto random_warmth = [&] { return std::round(rng.uniform(0.1, 0.95) * 100.0) / 100.0; };
    // Public overrides.
    add(w.maya, w.cooling[2], 0.70, -1);  // "still close, just busy"
    add(w.maya, w.clients[10], 0.15, -1);  // a difficult client
    while (out.size() < 10) {
        const Tie& t = w.ties[rng.below(w.ties.size())];
        if (t.a == w.maya || t.b == w.maya || t.a == w.priya || t.b == w.priya) continue;
        add(t.a, t.b, random_warmth(), -1);
    }
    // Private ties of Maya's colleagues (no interactions behind them).
    auto at_org = [&](const char* org, Dept dept) {
        for (int p : w.orgs[static_cast<std::size_t>(w.org_index(org))].members)
            if (w.P(p).dept == dept && !w.P(p).story) return p;
        return -1;
    };
    add(w.leo, w.marcus, 0.90, w.leo);  // college friends; Northwind's CEO
    add(w.grace, at_org("Bluefin Analytics", kExec), 0.80, w.grace);
    add(w.tom, at_org("Harborline Payments", kExec), 0.85, w.tom);
    add(w.nadia, at_org("Globex Cloud Systems", kSales), 0.60, w.nadia);
    add(w.kevin, at_org("Cobalt CRM", kSales), 0.45, w.kevin);
    add(w.aisha, at_org("Summit Ledger", kMarketing), 0.70, w.aisha);
    add(w.maya, w.cousin, 1.00, w.maya);
    // Other people's private ties: half on existing ties, half hidden.
    while (out.size() < 30) {
        int a, b;
        if (out.size() % 2) {
            const Tie& t = w.ties[rng.below(w.ties.size())];
            a = t.a;
            b = t.b;
        } else {
            a = static_cast<int>(rng.below(w.people.size()));
            b = static_cast<int>(rng.below(w.people.size()));
        }
        if (a == b || a == w.maya || b == w.maya || a == w.priya || b == w.priya || w.P(a).org == 1 ||
            w.P(b).org == 1)
            continue;
        const double warmth = random_warmth();
        add(a, b, warmth, rng.chance(0.5) ? a : b);
    }
    for (auto& m : out)
        if (m.a > m.b) std::swap(m.a, m.b);
    std::sort(out.begin(), out.end(), [](const ManualTie& x, const ManualTie& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    return out;
}

// ---------------------------------------------------------------- output

class Writer {
public:
    Writer(const std::filesystem::path& dir, const char* name) : path_(dir / name), out_(path_, std::ios::binary) {
        if (!out_) {
            std::cerr << "kith_make_sample: cannot write " << path_.string() << "\n";
            std::exit(1);
        }
    }
    void line(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out_ << ',';
            out_ << csv(fields[i]);
        }
        out_ << '\n';
    }
    ~Writer() {
        out_.flush();
        if (!out_) {
            std::cerr << "kith_make_sample: error writing " << path_.string() << "\n";
            std::exit(1);
        }
    }

private:
    std::filesystem::path path_;
    std::ofstream out_;
};

std::string fixed2(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: kith_make_sample OUTDIR\n";
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        std::cerr << "kith_make_sample: cannot create " << dir.string() << ": " << ec.message() << "\n";
        return 1;
    }

    World w;
    w.build_orgs();
    w.build_people();
    w.name_people();
    w.cast_story();
    w.assign_tags();
    w.build_groups();
    w.maya_ties();
    w.story_ties();
    w.colleague_ties();
    w.group_ties();
    w.cross_ties();
    w.emit_all();
    w.big_threads();
    w.finish_rows();
    const auto adj = adjacency(w);
    const auto events = make_events(w, adj);
    const auto manual = make_manual_ties(w);

    {
        Writer f(dir, "people.csv");
        f.line({"key", "name", "organization", "title", "interests"});
        for (std::size_t i = 0; i < w.people.size(); ++i) {
            const Person& p = w.people[i];
            f.line({key_of(static_cast<int>(i)), p.name, p.org < 0 ? "" : w.orgs[static_cast<std::size_t>(p.org)].name,
                    p.title, join(p.tags, ';')});
        }
    }
    {
        Writer f(dir, "interactions.csv");
        f.line({"a", "b", "timestamp", "channel", "initiator", "participants"});
        for (const auto& r : w.rows)
            f.line({key_of(r.a), key_of(r.b), iso_timestamp(r.ts), kChannelNames[r.channel],
                    r.initiator < 0 ? "" : key_of(r.initiator), std::to_string(r.participants)});
    }
    {
        Writer f(dir, "ties.csv");
        f.line({"a", "b", "warmth", "private_to"});
        for (const auto& m : manual)
            f.line({key_of(m.a), key_of(m.b), fixed2(m.warmth), m.owner < 0 ? "" : key_of(m.owner)});
    }
    {
        Writer f(dir, "groups.csv");
        f.line({"group", "person", "since"});
        for (const auto& g : w.groups)
            for (const auto& m : g.members)
                f.line({g.name, key_of(m.person), m.since_day == INT32_MIN ? "" : iso_date(m.since_day)});
    }
    {
        Writer f(dir, "group_themes.csv");
        f.line({"group", "themes"});
        for (const auto& g : w.groups) f.line({g.name, g.themes});
    }
    {
        Writer f(dir, "events.csv");
        f.line({"event", "person", "table"});
        for (const auto& e : events) f.line({e.event, key_of(e.person), e.table});
    }
    return 0;
}
