// kith/kith.hpp -- the umbrella header: includes every public kith header except
// <kith/io/json.hpp>, which needs nlohmann_json (include it yourself when you use it).
// Library code never includes this; include what you use.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/strength.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>

#include <kith/generate/generated_graph.hpp>
#include <kith/generate/random_graph.hpp>
#include <kith/generate/rmat.hpp>
#include <kith/generate/social.hpp>

#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>

#include <kith/metrics/brokerage.hpp>
#include <kith/metrics/health.hpp>

#include <kith/suggest/bridges.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>
#include <kith/suggest/reconnect.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <kith/io/csv.hpp>
#include <kith/io/dot.hpp>
#include <kith/io/edge_list.hpp>
#include <kith/io/gml.hpp>
#include <kith/io/load_progress.hpp>
#include <kith/io/node_names.hpp>
#include <kith/io/table.hpp>
