#!/usr/bin/env bash
# test_admin.sh — the administration pages through the real binary over HTTP (curl on a loopback
# port): users and roles, units, settings with effective dates, providers with their R-071
# status, and finance's F-skatt check. Each page answers with its h1; each form saves (303 and the
# result visible) and refuses (422, the Swedish reason and rule, the typed values kept — never a
# password); hostile input comes back escaped or refused; a POST without the CSRF token is 403;
# a role without CAP_ADMIN gets 403 (R-133).
# Needs INSATS_BIN (tools/run_tests.sh sets it) and curl. Uses a free port in 8151–8159.
set -u
cd "$(dirname "$0")/../.."
source tests/cli/tap.sh

source tests/web/web_lib.sh
web_start 30 8151

A="$tmp/admin.jar"
login admin
is "$code" 303 "admin logs in"

# ---- every page answers with its h1 ----
pages=("/admin|<h1>Administration</h1>"
  "/admin/anvandare|<h1>Användare</h1>"
  "/admin/anvandare/ny|<h1>Ny användare</h1>"
  "/admin/anvandare/1|Hanna Handläggare (demo)</h1>"
  "/admin/enheter|<h1>Enheter</h1>"
  "/admin/installningar|<h1>Inställningar</h1>"
  "/admin/installningar/andra?namn=contact_days|<h1>Inställningen contact_days</h1>"
  "/admin/anordnare|<h1>Utförare</h1>"
  "/admin/anordnare/ny|<h1>Ny utförare</h1>"
  "/admin/anordnare/1|Assistans Exempel AB (demo)</h1>")
for pg in "${pages[@]}"; do
  get "${pg%%|*}" "$A"
  [ "$code" = 200 ] && has "${pg#*|}" && [ "$(grep -c '<h1' "$body")" = 1 ]
  ok $? "GET ${pg%%|*}: 200 with one h1"
done
get /admin "$A"
has 'href="/admin/anvandare"' && has 'href="/admin/enheter"' && has 'href="/admin/installningar"' &&
  has 'href="/admin/anordnare"' && has 'aria-current="page">Administration'
ok $? "the overview links every admin page and marks Administration in the menu"
get /admin/anvandare "$A"
has '<th scope="col">Roll</th>' && has '<td>handlaggare</td>' && has 'administratör' &&
  has 'Myndighetsenheten LSS' && has 'aktivt'
ok $? "the user list shows username, role in Swedish, unit and whether the account is active"
get /admin/installningar/andra?namn=finns_inte "$A"
is "$code" 404 "an unknown setting is 404"
get /admin/anordnare/9999 "$A"
is "$code" 404 "an unknown provider is 404"
get /admin/anvandare/9999 "$A"
is "$code" 404 "an unknown user is 404"

# ---- R-133: roles without CAP_ADMIN are refused ----
H="$tmp/handlaggare.jar"
login handlaggare
is "$code" 303 "handlaggare logs in"
for p in /admin /admin/anvandare /admin/anvandare/ny /admin/enheter /admin/installningar \
  /admin/installningar/andra?namn=contact_days /admin/anordnare /admin/anordnare/1 \
  /ekonomi/anordnare; do
  get "$p" "$H"
  is "$code" 403 "R-133: handläggare gets 403 on $p"
done
post /admin/enheter "$H" --data-urlencode "name=Smygenheten" -d kind=executing
is "$code" 403 "R-133: handläggare cannot POST a unit (403)"
post /admin/anvandare/ny "$H" -d username=smyg -d full_name=Smyg -d role=admin \
  -d password=ettlangtlosenord -d password2=ettlangtlosenord
is "$code" 403 "R-133: handläggare cannot add an administrator (403)"
get / "$H"
lacks 'href="/admin"'
ok $? "handläggare's menu has no Administration link"
get /admin "$tmp/nobody.jar"
[ "$code" = 303 ] && [[ "$loc" == */login ]]
ok $? "not logged in: /admin goes to the login page"

# ---- CSRF ----
post_nocsrf /admin/enheter "$A" --data-urlencode "name=Utan token" -d kind=executing
is "$code" 403 "a POST without the CSRF token is refused (403)"
post_nocsrf /admin/enheter "$A" -d csrf=fel --data-urlencode "name=Fel token" -d kind=executing
is "$code" 403 "a POST with a wrong CSRF token is refused (403)"
get /admin/enheter "$A"
lacks "Utan token" && lacks "Fel token"
ok $? "neither unit was added"

# ---- users ----
post /admin/anvandare/ny "$A" -d username=nina.ny --data-urlencode "full_name=Nina Ny" \
  --data-urlencode "title=LSS-handläggare" -d role=officer \
  --data-urlencode "unit=Myndighetsenheten LSS" -d password=hemligtlosen1 -d password2=hemligtlosen2
is "$code" 422 "passwords that differ are refused (422)"
has "Lösenorden är inte lika" && has 'href="#f-password2"' && has 'aria-invalid="true"'
ok $? "… with the reason tied to the repeat field"
has 'name="username"' && hasre 'name="username"[^>]*value="nina.ny"' &&
  hasre 'name="full_name"[^>]*value="Nina Ny"' && hasre 'name="title"[^>]*value="LSS-handläggare"' &&
  hasre '<option value="Myndighetsenheten LSS" selected>'
ok $? "… keeping username, name, title and unit as typed"
lacks "hemligtlosen1" && lacks "hemligtlosen2"
ok $? "… and never echoing a password"

post /admin/anvandare/ny "$A" -d username=nina.ny --data-urlencode "full_name=Nina Ny" \
  -d role=unit_manager -d password=kort1234 -d password2=kort1234
is "$code" 422 "a password shorter than 12 characters is refused (422)"
has "Lösenordet måste vara minst 12 tecken" && hasre 'name="full_name"[^>]*value="Nina Ny"' &&
  hasre '<option value="unit_manager" selected>' && lacks "kort1234"
ok $? "… with the reason, the typed fields kept and the password not echoed"

post /admin/anvandare/ny "$A" -d username="Nina Ny" --data-urlencode "full_name=Nina Ny" \
  -d role=officer -d password=ettlangtlosenord -d password2=ettlangtlosenord
[ "$code" = 422 ] && has "Användarnamnet ska vara 2–32 tecken"
ok $? "a username with capitals and a space is refused with the rule for usernames"
post /admin/anvandare/ny "$A" -d username=admin --data-urlencode "full_name=Dubblett" \
  -d role=officer -d password=ettlangtlosenord -d password2=ettlangtlosenord
[ "$code" = 422 ] && has "upptaget"
ok $? "a username that is taken is refused (422)"

post /admin/anvandare/ny "$A" -d username=nina.ny --data-urlencode "full_name=Nina Ny" \
  --data-urlencode "title=LSS-handläggare" -d role=officer \
  --data-urlencode "unit=Myndighetsenheten LSS" -d password=hemligtlosen1 -d password2=hemligtlosen1
[ "$code" = 303 ] && [[ "$loc" =~ /admin/anvandare/[0-9]+\?klart=sparat$ ]]
ok $? "a new user is added (303 to the user's page)"
nina=${loc#"$BASE"}
nina=${nina%%\?*}
get "$nina?klart=sparat" "$A"
has "<h1>Nina Ny</h1>" && has "Uppgifterna är sparade." && has "<dd>nina.ny</dd>" &&
  has "<dd>handläggare</dd>" && has "<dd>Myndighetsenheten LSS</dd>" && lacks "hemligtlosen1"
ok $? "the user's page shows the new user, the role in Swedish and the unit"
get /admin/anvandare "$A"
has ">Nina Ny</a>"
ok $? "the list shows the new user"
login nina.ny hemligtlosen1
is "$code" 303 "the new user logs in with the password set"
get / "$tmp/nina.ny.jar"
[ "$code" = 200 ] && has "Nina Ny"
ok $? "… and sees Mitt arbete under her name"

post "$nina/status" "$A" -d disabled=1
is "$code" 303 "the account is turned off (303)"
get "$nina" "$A"
has "avstängt" && has "Aktivera kontot"
ok $? "the user's page says the account is off and offers to turn it on"
login nina.ny hemligtlosen1
is "$code" 422 "a turned-off account cannot log in"
post "$nina/status" "$A" -d disabled=0
is "$code" 303 "the account is turned on again (303)"

post "$nina/losenord" "$A" -d password=nyttlosenord12 -d password2=nyttlosenord13
[ "$code" = 422 ] && has "Lösenorden är inte lika" && lacks "nyttlosenord12"
ok $? "a new password typed differently twice is refused, not echoed"
post "$nina/losenord" "$A" -d password=kort -d password2=kort
[ "$code" = 422 ] && has "minst 12 tecken"
ok $? "a new password that is too short is refused"
post "$nina/losenord" "$A" -d password=nyttlosenord12 -d password2=nyttlosenord12
is "$code" 303 "a new password is set (303)"
login nina.ny nyttlosenord12
is "$code" 303 "the user logs in with the new password"
login nina.ny hemligtlosen1
is "$code" 422 "… and no longer with the old one"

# ---- units ----
post /admin/enheter "$A" --data-urlencode "name=Korttidsboendet Lärkan" -d kind=executing
[ "$code" = 303 ] && [[ "$loc" == */admin/enheter?klart=sparat ]]
ok $? "a unit is added (303)"
get /admin/enheter "$A"
has "Korttidsboendet Lärkan</th><td>verkställande enhet"
ok $? "the list shows the new unit and its kind in Swedish"
post /admin/enheter "$A" --data-urlencode "name=Korttidsboendet Lärkan" -d kind=authority
[ "$code" = 422 ] && has "Det finns redan en enhet som heter" && lacks "UNIQUE" &&
  hasre '<option value="authority" selected>'
ok $? "a unit name that exists is refused in words (422), the kind kept"
post /admin/enheter "$A" --data-urlencode "name=" -d kind=executing
[ "$code" = 422 ] && has "Enhetens namn måste anges"
ok $? "a unit without a name is refused (422)"
get /admin/anvandare/ny "$A"
has '<option value="Korttidsboendet Lärkan">'
ok $? "the new unit can be chosen for a user"

# ---- settings: effective dates ----
post /admin/installningar "$A" -d name=contact_days -d value=10 -d valid_from=2027-01-01 \
  --data-urlencode "note=Nämndbeslut 2026-11-20 § 12"
[ "$code" = 303 ] && [[ "$loc" == */admin/installningar/andra?namn=contact_days\&klart=sparat ]]
ok $? "R-040: contact_days changed from a future date (303 to the setting's page)"
get "/admin/installningar/andra?namn=contact_days" "$A"
has '<dd id="galler-i-dag">14 dagar</dd>'
ok $? "R-040: the old value (14 dagar) is in force today"
has "<td>2027-01-01</td><td>10 dagar</td><td><span class=\"state-due_soon\">kommande</span>" &&
  has "Nämndbeslut 2026-11-20 § 12" && has "Ada Administratör (demo)"
ok $? "R-040: the history shows the new value from 2027-01-01 as coming, with note and who"
has "behåller det värde som gällde då"
ok $? "the page says that earlier cases keep the earlier value"
get /admin/installningar "$A"
grep -F 'id="p-contact_days"' "$body" | grep -qF '<td>14 dagar</td><td>14 dagar</td><td><ul><li>från 2027-01-01: 10 dagar'
ok $? "R-040: the settings list shows today's value, the default and the coming change"
hasre '<tr id="p-fskatt_check_max_age_days">.*R-071' && hasre 'R-0(20|32|33|35|41|50|12|72|73|80|85|87)'
ok $? "the list shows every parameter with its rule"

post /admin/installningar "$A" -d name=plan_days -d value=30 -d valid_from=2026-11-23
is "$code" 303 "R-041: plan_days changed from today (303)"
get "/admin/installningar/andra?namn=plan_days" "$A"
has '<dd id="galler-i-dag">30 dagar</dd>' && has '<span class="state-met">gäller nu</span>'
ok $? "R-041: a value from today is in force today"

post /admin/installningar "$A" -d name=contact_days -d value=500 -d valid_from=2027-02-01 \
  --data-urlencode "note=För långt"
[ "$code" = 422 ] && has "mellan 1 och 90" && has "(R-040)" && has 'href="#f-value"'
ok $? "R-040: a value out of range is refused (422) with the rule, tied to the value field"
hasre 'name="value"[^>]*value="500"' && hasre 'name="valid_from"[^>]*value="2027-02-01"' &&
  has ">För långt</textarea>"
ok $? "R-040: … keeping the typed value, date and note"
post /admin/installningar "$A" -d name=contact_days -d value=tio -d valid_from=2027-02-01
[ "$code" = 422 ] && has "Värdet måste vara ett heltal" && hasre 'name="value"[^>]*value="tio"'
ok $? "a value that is not a number is refused (422), kept as typed"
post /admin/installningar "$A" -d name=contact_days -d value=20 -d valid_from=
[ "$code" = 422 ] && has "Ange från vilket datum värdet gäller" && has 'href="#f-valid_from"'
ok $? "a value without a date is refused (422)"
post /admin/installningar "$A" -d name=contact_days -d value=20 -d valid_from=2027-02-30
[ "$code" = 422 ] && has "ÅÅÅÅ-MM-DD"
ok $? "an impossible date is refused (422)"
post /admin/installningar "$A" -d name=review_date_required_pa -d value=0 -d valid_from=2027-01-01
is "$code" 303 "R-033: a yes/no setting is changed from a future date"
get "/admin/installningar/andra?namn=review_date_required_pa" "$A"
has '<dd id="galler-i-dag">ja</dd>' && has '<td>2027-01-01</td><td>nej</td>'
ok $? "R-033: yes in force today, no from 2027-01-01"
post /admin/installningar "$A" -d name=finns_inte -d value=1 -d valid_from=2027-01-01
is "$code" 404 "an unknown setting cannot be posted (404)"

# ---- providers (R-071) ----
post /admin/anordnare/ny "$A" --data-urlencode "name=Assistansbolaget Test AB" \
  -d orgnr=556001-0001 -d kind=company
[ "$code" = 422 ] && has "Kontrollsiffran" && has 'href="#f-orgnr"'
ok $? "an invalid orgnr is refused (422) with the reason at the field"
hasre 'name="name"[^>]*value="Assistansbolaget Test AB"' &&
  hasre 'name="orgnr"[^>]*value="556001-0001"' && hasre '<option value="company" selected>'
ok $? "… keeping name, orgnr and kind as typed"
post /admin/anordnare/ny "$A" --data-urlencode "name=Assistansbolaget Test AB" \
  -d orgnr=5560160680 -d kind=company
[ "$code" = 303 ] && [[ "$loc" =~ /admin/anordnare/[0-9]+\?klart=sparat$ ]]
ok $? "R-071: a private provider without a permit is recorded (303)"
prov=${loc#"$BASE"}
prov=${prov%%\?*}
get "$prov" "$A"
has "Kan inte få ersättning" && has "Inget tillstånd från IVO är registrerat" && has "(R-071)" &&
  has "F-skatt har inte kontrollerats" && has "<dd>556016-0680</dd>"
ok $? "R-071: its page says it cannot be paid: no IVO permit, F-skatt not checked"
get /admin/anordnare "$A"
grep -F "Assistansbolaget Test AB" -A1 "$body" | grep -qF "Inget tillstånd från IVO"
ok $? "R-071: the list shows the reason beside the provider"
post /admin/anordnare/ny "$A" --data-urlencode "name=X AB" -d orgnr=5560160680 -d kind=company
[ "$code" = 422 ] && has "Det finns redan en utförare med detta nummer"
ok $? "a second provider with the same orgnr is refused (422)"
post /admin/anordnare/ny "$A" --data-urlencode "name=Egen regi" -d orgnr=212000-0142 -d kind=municipal
[ "$code" = 422 ] && has 'href="#f-unit_id"'
ok $? "a municipal provider without its unit is refused at the unit field"
post /admin/anordnare/ny "$A" --data-urlencode "name=Egen regi" -d orgnr=5560160680 -d kind=company \
  -d permit_from=2026-13-01 -d ivo_permit_no=IVO-1
[ "$code" = 422 ] && has 'href="#f-permit_from"' && hasre 'name="permit_from"[^>]*value="2026-13-01"'
ok $? "a malformed permit date is refused at its field, kept as typed"

post "$prov" "$A" --data-urlencode "name=Assistansbolaget Test AB" -d orgnr=5560160680 \
  -d kind=company --data-urlencode "ivo_permit_no=IVO 8.1-4711" -d permit_from=2026-01-01 \
  -d permit_to=2025-12-31
[ "$code" = 422 ] && has "Tillståndet kan inte upphöra innan det börjar gälla" && has "(R-071)" &&
  hasre 'name="ivo_permit_no"[^>]*value="IVO 8.1-4711"'
ok $? "R-071: a permit ending before it starts is refused, the typed permit kept"
post "$prov" "$A" --data-urlencode "name=Assistansbolaget Test AB" -d orgnr=5560160680 \
  -d kind=company --data-urlencode "ivo_permit_no=IVO 8.1-4711" -d permit_from=2026-01-01
is "$code" 303 "R-071: the permit is recorded (303)"
get "$prov" "$A"
has "IVO 8.1-4711, från 2026-01-01" && has "F-skatt har inte kontrollerats" && lacks "Inget tillstånd"
ok $? "R-071: with a permit it still cannot be paid until F-skatt is checked"
post "$prov/fskatt" "$A" -d checked_on=2026-12-01
[ "$code" = 422 ] && has "kan inte ligga i framtiden" && has 'href="#f-checked_on"' &&
  hasre 'name="checked_on"[^>]*value="2026-12-01"'
ok $? "R-071: an F-skatt check in the future is refused at its field, kept as typed"
post "$prov/fskatt" "$A" -d checked_on=2026-11-23
is "$code" 303 "R-071: the F-skatt check is recorded (303)"
get "$prov" "$A"
has '<div class="box" id="status-text"><span class="state-met">Kan få ersättning</span>' &&
  has "<dd>2026-11-23</dd>"
ok $? "R-071: with permit and a recent F-skatt check it may be paid"

# finance records F-skatt checks too (R-071), under its own routes
E="$tmp/ekonom.jar"
login ekonom
is "$code" 303 "ekonom logs in"
get /ekonomi/anordnare "$E"
[ "$code" = 200 ] && has "<h1>Utförare och F-skatt</h1>" && has 'href="/ekonomi/anordnare/2"' &&
  lacks 'href="/admin/anordnare/ny"'
ok $? "R-071: finance sees the providers and their status, without the admin's add link"
get /ekonomi/anordnare/2 "$E"
[ "$code" = 200 ] && has 'action="/ekonomi/anordnare/2/fskatt"' && lacks 'id="andra"'
ok $? "R-071: finance's provider page has the F-skatt form but no edit form"
post /ekonomi/anordnare/2/fskatt "$E" -d checked_on=2026-11-22
is "$code" 303 "R-071: finance records an F-skatt check (303)"
get /ekonomi/anordnare/2 "$E"
has "<dd>2026-11-22</dd>" && has "Kan få ersättning"
ok $? "R-071: … and the provider may then be paid"
get /admin/anordnare "$E"
is "$code" 403 "finance gets 403 on the admin provider pages"
get /admin/anvandare "$E"
is "$code" 403 "finance gets 403 on user administration"

# ---- hostile input ----
xss='<script>alert(1)</script>'
post /admin/anvandare/ny "$A" -d username=elak.anv --data-urlencode "full_name=$xss \"Citat\" '); DROP TABLE app_user;--" \
  --data-urlencode "title=$xss" -d role=auditor -d password=ettlangtlosenord -d password2=ettlangtlosenord
is "$code" 303 "a user named with markup, quotes and SQL is stored as text"
get /admin/anvandare "$A"
has "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Citat&quot; &#39;); DROP TABLE app_user;--" &&
  has "Nina Ny"
ok $? "… and listed escaped, with every other user still there"
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
post /admin/anvandare/ny "$A" -d username=lang.anv --data-urlencode "full_name=$long" \
  -d role=auditor -d password=ettlangtlosenord -d password2=ettlangtlosenord
[ "$code" = 422 ] && has "Namn får vara högst 120 tecken" && has "value=\"$long\""
ok $? "a 5000-character name is refused with a message, the text kept"
post /admin/enheter "$A" --data-urlencode "name=$xss \"'); DROP TABLE unit;--" -d kind=finance
is "$code" 303 "a unit named with markup and SQL is stored as text"
get /admin/enheter "$A"
has "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;); DROP TABLE unit;--</th>" && has "Assistansenheten"
ok $? "… and listed escaped, the other units still there"
post /admin/enheter "$A" --data-urlencode "name=$long" -d kind=finance
[ "$code" = 422 ] && has "högst 120 tecken"
ok $? "a 5000-character unit name is refused with a message"
post /admin/enheter "$A" --data-urlencode $'name=Ogiltig \xff\xfe UTF-8' -d kind=finance
if [ "$code" = 303 ]; then get /admin/enheter "$A"; fi
! grep -q $'\xff' "$body" && { [ "$code" = 422 ] || has "Ogiltig �� UTF-8"; }
ok $? "invalid UTF-8 in a unit name is refused or shown as replacement characters"
post /admin/installningar "$A" -d name=contact_days -d value=12 -d valid_from=2027-03-01 \
  --data-urlencode "note=$xss \"'); DROP TABLE setting;--"
is "$code" 303 "a setting note with markup and SQL is stored as text"
get "/admin/installningar/andra?namn=contact_days" "$A"
has "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;); DROP TABLE setting;--"
ok $? "… and shown escaped in the history"
post /admin/installningar "$A" -d name=contact_days --data-urlencode "value=$xss" -d valid_from=2027-03-01
[ "$code" = 422 ] && has 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
ok $? "markup as a setting's value is refused, shown escaped"
post /admin/anordnare/ny "$A" --data-urlencode "name=$xss" --data-urlencode "orgnr=$xss" -d kind=company
[ "$code" = 422 ] && has 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
ok $? "markup as a provider's orgnr is refused, the typed text shown escaped"
post /admin/anordnare/ny "$A" --data-urlencode $'name=Bolag \xff AB' -d orgnr=556036-0793 -d kind=company
! grep -q $'\xff' "$body" && { [ "$code" = 422 ] || [ "$code" = 303 ]; }
ok $? "invalid UTF-8 in a provider's name is refused or stored harmlessly"
post /admin/anordnare/ny "$A" --data-urlencode "name=$long" -d orgnr=556036-0793 -d kind=company
[ "$code" = 422 ] && has 'href="#f-name"'
ok $? "a 5000-character provider name is refused at the name field"
post /admin/anvandare/ny "$A" --data-urlencode "username=$xss" --data-urlencode "full_name=X" \
  --data-urlencode "role=$xss" --data-urlencode "unit=$xss" -d password=ettlangtlosenord \
  -d password2=ettlangtlosenord
[ "$code" = 422 ] && has 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
ok $? "markup as username, role and unit is refused, shown escaped"

! grep -q '<script>alert' "$tmp/all.html"
ok $? "no page ever contained the hostile markup unescaped"
! grep -q $'\xff' "$tmp/all.html"
ok $? "no page ever contained invalid UTF-8"

kill -0 "$pid" 2>/dev/null
ok $? "the server is still running"

done_testing
