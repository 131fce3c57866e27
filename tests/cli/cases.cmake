# The kith command's tests (included by examples/kith_cli/CMakeLists.txt; see kith_cli_case there).
# Golden stdout files are in tests/cli/golden; regenerate with KITH_UPDATE_GOLDEN=1 ctest -L cli.

# --- a small edge list (tests/cli/data/small.txt): a-b-c-e (warm), a-d-e (lukewarm), x-y apart
kith_cli_case(path_json_edges ARGS path --edges @DATA@/small.txt --from a --to e --json STDOUT path_json_edges.json)
kith_cli_case(path_k_json_edges ARGS path --edges @DATA@/small.txt --from a --to e --k 3 --json STDOUT path_k_json_edges.json)
kith_cli_case(path_table_edges ARGS path --edges @DATA@/small.txt --from a --to e --k 2 STDOUT path_table_edges.txt)
kith_cli_case(path_max_hops ARGS path --edges @DATA@/small.txt --from a --to e --max-hops 2 --json STDOUT path_max_hops.json)
kith_cli_case(path_avoid ARGS path --edges @DATA@/small.txt --from a --to e --avoid b,d --json STDOUT path_avoid.json)
kith_cli_case(path_no_path_json ARGS path --edges @DATA@/small.txt --from a --to x --json STDOUT path_no_path.json)
kith_cli_case(path_no_path_table ARGS path --edges @DATA@/small.txt --from a --to x STDOUT path_no_path.txt)
kith_cli_case(path_unweighted_default_warmth ARGS path --edges @DATA@/unweighted.txt --from 1 --to 3 --default-warmth 0.6 --json
              STDOUT path_unweighted.json)
kith_cli_case(path_weight_scale ARGS path --edges @DATA@/ratings.csv --from 1 --to 3 --weight-scale 21 --weight-offset 11 --json
              STDOUT path_weight_scale.json)
kith_cli_case(convert_edges_to_edges ARGS convert --edges @DATA@/small.txt --to edges STDOUT convert_small.txt)
kith_cli_case(convert_edges_to_json ARGS convert --edges @DATA@/small.txt --to json STDOUT convert_small.json)
kith_cli_case(convert_edges_to_csv ARGS convert --edges @DATA@/small.txt --to csv --output @OUT@
              FILE @OUT@/ties.csv FILE_GOLDEN convert_small_ties.csv)
kith_cli_case(bench_small ARGS bench --edges @DATA@/small.txt --queries 20 --json)

# --- the bundled sample (examples/data): Maya Chen p0001
kith_cli_case(sample_path_org ARGS path --data @SAMPLE@ --from p0001 --to-org "Northwind Robotics" --k 3 --json
              STDOUT sample_path_org.json)
kith_cli_case(sample_path_explain ARGS path --data @SAMPLE@ --from p0001 --to-org "Northwind Robotics" --explain
              STDOUT sample_path_explain.txt)
kith_cli_case(sample_path_team ARGS path --data @SAMPLE@ --from-team p0001,p0002 --to p1985 --max-hops 3 --json
              STDOUT sample_path_team.json)
kith_cli_case(sample_path_dot ARGS path --data @SAMPLE@ --from p0001 --to-org "Northwind Robotics" --dot @OUT@/path.dot --neighbours 2
              FILE @OUT@/path.dot FILE_GOLDEN sample_path.dot)
kith_cli_case(sample_groups ARGS groups --data @SAMPLE@ --me p0001 --max 5 STDOUT sample_groups.txt)
kith_cli_case(sample_groups_json ARGS groups --data @SAMPLE@ --me p0001 --max 3 --json STDOUT sample_groups.json)
kith_cli_case(sample_plan_event ARGS plan-event --data @SAMPLE@ --me p0001 --event "SaaS Connect 2026" --cards 5
              STDOUT sample_plan_event.txt)
kith_cli_case(sample_plan_event_json ARGS plan-event --data @SAMPLE@ --me p0001 --event "SaaS Connect 2026" --cards 3 --json
              STDOUT sample_plan_event.json)

# --- bad input: exit 2, one line on stderr naming the file:line:column, the option or the value
kith_cli_case(bad_weight EXIT 2 ARGS path --edges @DATA@/bad_weight.txt --from a --to c
              STDERR "bad_weight.txt:3:5: read_edge_list: .*found '1.7'")
kith_cli_case(bad_csv EXIT 2 ARGS path --data @DATA@/bad_csv --from p1 --to p2
              STDERR "interactions.csv:3:[0-9]+: .*found 'yesterday'")
kith_cli_case(missing_file EXIT 2 ARGS path --edges @DATA@/no_such_file.txt --from a --to b
              STDERR "no_such_file.txt:0:0: read_edge_list: cannot open")
kith_cli_case(unknown_person EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to nobody
              STDERR "--to: no person has key 'nobody'")
kith_cli_case(unknown_avoid EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --avoid zz
              STDERR "--avoid: no person has key 'zz'")
kith_cli_case(unknown_org EXIT 2 ARGS path --data @SAMPLE@ --from p0001 --to-org "Nowhere Inc"
              STDERR "--to-org: no organisation is named 'Nowhere Inc'")
kith_cli_case(unknown_event EXIT 2 ARGS plan-event --data @SAMPLE@ --me p0001 --event "No Such Event"
              STDERR "--event: no event is named 'No Such Event'")
kith_cli_case(bad_hop_factor EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --hop-factor 1.5
              STDERR "--hop-factor: 1.5 is outside \\(0,1\\]")
kith_cli_case(bad_min_warmth EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --min-warmth -0.1
              STDERR "--min-warmth")
kith_cli_case(bad_k EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --k 0 STDERR "--k")
kith_cli_case(bad_now EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --now someday
              STDERR "--now: 'someday' is not a date")
kith_cli_case(no_input EXIT 2 ARGS path --from a --to e STDERR "--data DIR or --edges FILE")
kith_cli_case(both_inputs EXIT 2 ARGS path --data @SAMPLE@ --edges @DATA@/small.txt --from a --to e STDERR "excludes")
kith_cli_case(from_and_team EXIT 2 ARGS path --edges @DATA@/small.txt --from a --from-team a,b --to e STDERR "exactly one of --from")
kith_cli_case(no_subcommand EXIT 2 ARGS STDERR "subcommand")
kith_cli_case(unknown_option EXIT 2 ARGS path --edges @DATA@/small.txt --from a --to e --warp 9 STDERR "--warp")
kith_cli_case(convert_bad_format EXIT 2 ARGS convert --edges @DATA@/small.txt --to xml STDERR "--to")

# --- suggest and health on the bundled sample (Maya Chen p0001; Northwind's CEO p1423, Director of
# Product p0034, VP Marketing p2000)
kith_cli_case(sample_suggest_meet ARGS suggest --data @SAMPLE@ --me p0001 --kind meet --k 5 STDOUT sample_suggest_meet.txt)
kith_cli_case(sample_suggest_meet_json ARGS suggest --data @SAMPLE@ --me p0001 --kind meet --k 3 --json
              STDOUT sample_suggest_meet.json)
kith_cli_case(sample_suggest_grow ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goals p1423,p0034,p2000
              --goal-org "Northwind Robotics" --max-hops 3 --k 3 STDOUT sample_suggest_grow.txt)
kith_cli_case(sample_suggest_grow_json ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goals p1423,p0034,p2000
              --goal-org "Northwind Robotics" --max-hops 3 --k 3 --json STDOUT sample_suggest_grow.json)
kith_cli_case(sample_suggest_grow_org ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goal-org "Northwind Robotics"
              STDOUT sample_suggest_grow_org.txt)
kith_cli_case(sample_suggest_grow_org_full ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goal-org "Northwind Robotics"
              --target-warmth 1 STDOUT sample_suggest_grow_org_full.txt)
kith_cli_case(sample_suggest_bridge ARGS suggest --data @SAMPLE@ --me p0001 --kind bridge --k 5 STDOUT sample_suggest_bridge.txt)
kith_cli_case(sample_suggest_bridge_json ARGS suggest --data @SAMPLE@ --me p0001 --kind bridge --k 3 --json
              STDOUT sample_suggest_bridge.json)
kith_cli_case(sample_suggest_reconnect ARGS suggest --data @SAMPLE@ --me p0001 --kind reconnect --k 5
              STDOUT sample_suggest_reconnect.txt)
kith_cli_case(sample_suggest_reconnect_json ARGS suggest --data @SAMPLE@ --me p0001 --kind reconnect --k 3 --json
              STDOUT sample_suggest_reconnect.json)
kith_cli_case(sample_suggest_meet_exclude ARGS suggest --data @SAMPLE@ --me p0001 --kind meet --k 3 --exclude p0070,p1985 --json
              STDOUT sample_suggest_meet_exclude.json)
kith_cli_case(sample_health ARGS health --data @SAMPLE@ --me p0001 STDOUT sample_health.txt)
kith_cli_case(sample_health_json ARGS health --data @SAMPLE@ --me p0001 --json STDOUT sample_health.json)
kith_cli_case(sample_health_compare ARGS health --data @SAMPLE@ --me p0001 --compare-to 2026-04-01 STDOUT sample_health_compare.txt)
kith_cli_case(sample_health_compare_json ARGS health --data @SAMPLE@ --me p0001 --compare-to 2026-04-01 --json
              STDOUT sample_health_compare.json)
# an edge list works too (no groups, organisations or interaction history)
kith_cli_case(suggest_meet_edges ARGS suggest --edges @DATA@/small.txt --me a --kind meet --json STDOUT suggest_meet_edges.json)

# --- suggest and health: bad input, exit 2 and one line
kith_cli_case(suggest_unknown_kind EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind befriend STDERR "--kind: befriend not in")
kith_cli_case(suggest_unknown_person EXIT 2 ARGS suggest --data @SAMPLE@ --me nobody --kind meet
              STDERR "--me: no person has key 'nobody'")
kith_cli_case(suggest_unknown_goal EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goals p1423,zz
              STDERR "--goals: no person has key 'zz'")
kith_cli_case(suggest_unknown_goal_org EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goal-org "Nowhere Inc"
              STDERR "--goal-org: no organisation is named 'Nowhere Inc'")
kith_cli_case(suggest_grow_without_goals EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind grow
              STDERR "--goals A,B,... and/or --goal-org NAME")
kith_cli_case(suggest_goals_without_grow EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind meet --goals p1423
              STDERR "--goals and --goal-org need --kind grow")
kith_cli_case(suggest_max_hops_without_grow EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind bridge --max-hops 2
              STDERR "--max-hops needs --kind grow")
kith_cli_case(suggest_no_kind EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 STDERR "--kind")
kith_cli_case(suggest_bad_target_warmth EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind grow --goals p1423 --target-warmth 0
              STDERR "--target-warmth: 0 is outside \\(0,1\\]")
kith_cli_case(suggest_as_other EXIT 2 ARGS suggest --data @SAMPLE@ --me p0001 --kind meet --as p0002
              STDERR "--as must be the --me person")
kith_cli_case(health_unknown_person EXIT 2 ARGS health --data @SAMPLE@ --me nobody STDERR "--me: no person has key 'nobody'")
kith_cli_case(health_bad_compare_date EXIT 2 ARGS health --data @SAMPLE@ --me p0001 --compare-to spring
              STDERR "--compare-to: 'spring' is not a date")
kith_cli_case(health_compare_not_before EXIT 2 ARGS health --data @SAMPLE@ --me p0001 --now 2026-06-01 --compare-to 2026-07-01
              STDERR "--compare-to: 2026-07-01 is not before --now \\(2026-06-01\\)")
kith_cli_case(health_as_other EXIT 2 ARGS health --data @SAMPLE@ --me p0001 --as p0002 STDERR "--as must be the --me person")
kith_cli_case(health_edges_json ARGS health --edges @DATA@/small.txt --me a --json STDOUT health_edges.json)
