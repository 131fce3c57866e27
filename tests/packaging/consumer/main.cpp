// A user's program: include the umbrella header, add a person, find them again.
#include <kith/kith.hpp>

int main() {
    kith::network net;
    auto id = net.add_person(kith::person{"k1", "Ann"});
    return net.contains(id) ? 0 : 1;
}
