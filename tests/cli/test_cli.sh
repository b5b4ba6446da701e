# test_cli.sh — the binary's dispatch: help, version, unknown commands, the policy table.
source tests/cli/tap.sh

out=$("$INSATS_BIN" help); rc=$?
ok $rc "insats help exits 0"
echo "$out" | grep -q 'calc' ; ok $? "help lists the calc command"

"$INSATS_BIN" no-such-command >/dev/null 2>&1
is $? 2 "an unknown command exits 2"
"$INSATS_BIN" calc no-such-thing >/dev/null 2>&1
is $? 2 "an unknown calc subcommand exits 2"
"$INSATS_BIN" calc help | grep -q 'eligibility'
ok $? "calc help lists every subcommand"

out=$("$INSATS_BIN" calc params)
echo "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).params;
  const c=p.find(x=>x.name==="contact_days"); process.exit(c && c.default===14 && c.rule==="R-040" ? 0 : 1)})'
ok $? "R-040: calc params lists contact_days with the seed default 14 and its rule"
"$INSATS_BIN" calc params extra >/dev/null 2>&1
is $? 2 "calc params refuses arguments"
done_testing
