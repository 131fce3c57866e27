// kith/kith.hpp -- the umbrella header: includes every public kith header.
// Library code never includes this; include what you use.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/strength.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>
