/** Corpus: every deterministic sprig function ESO keeps. */
import { NESTED_DATA, caseGroup } from './case-builder.js';

const g = caseGroup('sprig');
const { add } = g;
const N = NESTED_DATA;

// strings
add('{{ hello }}');
add('{{ "  padded \\n" | trim }}|{{ trim "\\u00a0x\\u2003" }}|');
add(
  '{{ upper .unicode }} {{ lower "ÀÉÎ Mixed" }} {{ title "hello wörld-foo_bar x.y" }} {{ untitle "Hello World" }}',
);
add('{{ substr 1 3 "hello" }} {{ substr -1 2 "hello" }} {{ substr 2 99 "hello" }} {{ substr 3 -1 "hello" }}');
add('{{ substr 4 2 "hello" }}');
add('{{ substr 0 9 "hello" | quote }}');
add('{{ repeat 3 "ab" }}|{{ repeat 0 "x" }}|');
add('{{ repeat -1 "x" }}');
add(
  '{{ trimAll "$" "$$5.00$" }} {{ trimall "ab" "abxba" }} {{ trimSuffix ".txt" "a.txt" }} {{ trimPrefix "v" "v1.2" }}',
);
add('{{ nospace " a b\\tc\\n" }} {{ initials "Hello big World" }} {{ swapcase "Hello World xY" }}');
add(
  '{{ snakecase "HTTPServerName" }} {{ snakecase "someWords here" }} {{ snakecase "already_snake" }} {{ snakecase "Number42Thing" }}',
);
add(
  '{{ camelcase "http_server_name" }} {{ camelcase "some-words here" }} {{ camelcase "__x" }} {{ camelcase "a" }}',
);
add('{{ kebabcase "FirstName" }} {{ kebabcase "someThing_else" }} {{ kebabcase "ABC123def" }}');
add('{{ wrap 10 "the quick brown fox jumps over the lazy dog" }}');
add('{{ wrapWith 5 "\\n\\t" "the quick brown fox" }}');
add('{{ wrap 5 "averyveryverylongword short" }}');
add(
  '{{ contains "ad" .username }} {{ hasPrefix "adm" .username }} {{ hasSuffix "in" .username }} {{ contains "zz" "abc" }}',
);
add('{{ quote "a" 1 nil "b\\"c" }} {{ squote "a" 1 nil }} {{ quote }}|{{ squote .list }}', N);
add('{{ cat "a" 1 nil "b" .list }}', N);
add('{{ indent 4 .multiline }}|{{ nindent 2 "x\\ny" }}');
add('{{ replace "o" "0" "foo boo" }} {{ replace "" "-" "abc" }} {{ replace "x" "y" "" }}');
add('{{ plural "one" "many" 1 }} {{ plural "one" "many" 2 }} {{ plural "one" "many" 0 }}');
add('{{ abbrev 5 "hello world" }} {{ abbrev 3 "hello" }} {{ abbrev 20 "short" }}');
add('{{ abbrevboth 5 10 "1234 5678 9123 4567" }} {{ abbrevboth 0 6 "abcdefghij" }}');
add('{{ trunc 5 "hello world" }} {{ trunc -5 "hello world" }} {{ trunc 50 "hi" }} {{ trunc -50 "hi" }}');
add('{{ join "," .list }} {{ join "-" .nums }} {{ join "+" .mixed }} {{ join "," "single" }}', N);
add('{{ join ", " (list "a" nil "b") }}');
add(
  '{{ split "," "a,b,c" }} {{ (split "," "a,b,c")._1 }} {{ splitList "," "a,b,c" }} {{ splitList "" "abc" }}',
);
add('{{ splitn "," 2 "a,b,c" }} {{ splitn "," 0 "a,b" }} {{ splitn "," -1 "a,b" }}');
add('{{ toStrings .mixed }} {{ toStrings "x" }} {{ toStrings nil }}', N);
add('{{ toString 1 }} {{ toString 1.5 }} {{ toString true }} {{ toString nil }} {{ toString .list }}', N);
add('{{ "foo" | repeat 2 | upper | quote }}');
add('{{ .unicode | upper | trunc 4 }}');
add('{{ sortAlpha .list }} {{ sortAlpha (list "b" "B" "a" 10 2) }} {{ sortAlpha "x" }}', N);
// encodings and hashes
add('{{ b64enc .password }} {{ b64enc "" }} {{ b64enc .unicode }}');
add('{{ b64dec .b64 }} {{ b64dec "aGk=" }} {{ "aGk" | b64dec }} {{ b64dec "a*b" }} {{ b64dec "aGk=x" }}');
add('{{ b64dec "aG\\nk=" }} {{ b64dec "aGk==" }} {{ b64dec "=" }} {{ b64dec "aGVs\\r\\nbG8=" }}');
add('{{ .password | b64enc | b64dec }}');
add(
  '{{ b32enc "a" }} {{ b32enc "ab" }} {{ b32enc "abc" }} {{ b32enc "abcd" }} {{ b32enc "abcde" }} {{ b32enc "abcdef" }}',
);
add('{{ b32enc "hello" }} {{ b32dec "NBSWY3DP" }} {{ b32dec "NBSWY3D" }} {{ b32dec "!!" }} {{ b32enc "" }}');
add('{{ sha1sum "abc" }} {{ sha256sum "abc" }} {{ sha512sum "abc" }}');
add('{{ adler32sum "Wikipedia" }} {{ adler32sum "" }}');
add('{{ sha256sum .unicode }}');
// conversion and maths
add(
  '{{ atoi "42" }} {{ atoi "-7" }} {{ atoi "x" }} {{ atoi "1.5" }} {{ atoi " 3" }} {{ atoi "99999999999999999999" }}',
);
add(
  '{{ int "42" }} {{ int 3.9 }} {{ int "3.00" }} {{ int "3.5" }} {{ int "0x1F" }} {{ int "010" }} {{ int true }} {{ int nil }}',
);
add(
  '{{ int64 "7" }} {{ float64 "1.5" }} {{ float64 "x" }} {{ float64 3 }} {{ float64 "1e3" }} {{ float64 "inf" }}',
);
add('{{ typeOf (int 1) }} {{ typeOf (int64 1) }} {{ typeOf (float64 1) }} {{ typeOf (atoi "1") }}');
add('{{ toDecimal "0777" }} {{ toDecimal 777 }} {{ toDecimal "8" }}');
add(
  '{{ add 1 2 3 }} {{ add }} {{ add "5" 1.9 }} {{ add1 9 }} {{ sub 10 3 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }} {{ div -7 2 }} {{ mod -7 3 }}',
);
add('{{ div 1 0 }}');
add('{{ mod 1 0 }}');
add('{{ add 9223372036854775807 1 }} {{ mul 4611686018427387904 4 }}');
add('{{ max 1 5 3 }} {{ min 4 2 8 }} {{ biggest 7 "9" }} {{ maxf 1.5 2.5 }} {{ minf 1.5 -2 }}');
add(
  '{{ add1f 1.5 }} {{ addf 1.1 2.2 }} {{ subf 5 1.5 0.5 }} {{ mulf 1.1 3 }} {{ divf 10 4 }} {{ divf 1 3 }} {{ divf 2 3 }}',
);
add('{{ divf 1 0 }}');
add(
  '{{ floor 1.7 }} {{ ceil 1.2 }} {{ round 1.2345 2 }} {{ round 1.5 0 }} {{ round 2.5 0 }} {{ round -1.5 0 }} {{ round 1.2345 2 0.3 }}',
);
add(
  '{{ until 5 }} {{ until -3 }} {{ until 0 }} {{ untilStep 0 10 3 }} {{ untilStep 10 0 -4 }} {{ untilStep 0 10 -1 }}',
);
add(
  '{{ seq 5 }} {{ seq -2 }} {{ seq 2 5 }} {{ seq 5 2 }} {{ seq 0 2 10 }} {{ seq 10 -3 0 }} {{ seq 1 2 }} {{ seq }}|',
);
add('{{ range until 3 }}{{ . }}{{ end }} {{ typeOf (until 2) }}');
add('{{ add .num 1 }} {{ mul .num "2" }}');
add('{{ repeat (add 1 2) "x" }}');
add('{{ repeat (int (add 1 2)) "x" }}');
// lists
add('{{ list 1 "a" nil true }} {{ tuple }} {{ typeOf (list) }}');
add('{{ append .list "d" }} {{ push .nums 4 }} {{ prepend .list "z" }} {{ mustAppend (list) 1 }}', N);
add('{{ append "notalist" 1 }}');
add('{{ mustPush nil 1 }}');
add(
  '{{ first .list }} {{ last .list }} {{ rest .list }} {{ initial .list }} {{ first (list) }}|{{ rest (list) }}|{{ last (list) }}|',
  N,
);
add('{{ reverse .list }} {{ uniq (list 1 1 "a" "a" 2) }} {{ compact (list 0 "" nil "x" 1 false) }}', N);
add(
  '{{ without .list "a" "c" }} {{ has "a" .list }} {{ has "q" .list }} {{ has 1 nil }} {{ mustHas 3 .nums }}',
  N,
);
add('{{ has 1 "abc" }}');
add('{{ slice .list 1 }} {{ slice .list 0 2 }} {{ slice .list }} {{ slice (list) }}|', N);
add('{{ slice .list 2 1 }}', N);
add('{{ concat .list .nums (list "x") }} {{ concat }}|', N);
add('{{ concat .list "x" }}', N);
add('{{ chunk 2 (list 1 2 3 4 5) }} {{ chunk 3 (list 1 2 3) }} {{ chunk 2 (list) }}');
add('{{ chunk 0 (list 1) }}');
add('{{ range $i, $c := chunk 2 .list }}{{ $i }}{{ $c }}{{ end }}', N);
add('{{ first "abc" }}');
add('{{ mustFirst 3 }}');
add('{{ reverse (splitList "/" "a/b/c") }} {{ uniq .nums }}', N);
// dicts
add('{{ dict "a" 1 "b" "two" }} {{ dict }} {{ dict "odd" }} {{ dict 1 2 }}');
add('{{ $d := dict "a" 1 }}{{ get $d "a" }}|{{ get $d "zz" }}|{{ hasKey $d "a" }} {{ hasKey $d "b" }}');
add('{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }} {{ unset $d "a" }} {{ $d }}');
add(
  '{{ $d := dict "a" 1 "b" 2 "c" 3 }}{{ pick $d "a" "c" "zz" }} {{ omit $d "a" }} {{ keys $d | sortAlpha }} {{ values (dict "only" 1) }}',
);
add('{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }}');
add('{{ keys . }}');
add('{{ pick . "username" }}');
add('{{ get .map "a" }} {{ hasKey .map "m" }} {{ keys .map | sortAlpha }}', N);
add(
  '{{ $a := dict "a" 1 "n" (dict "x" 1) }}{{ $b := dict "a" 2 "b" 3 "n" (dict "x" 9 "y" 2) }}{{ merge $a $b }}',
);
add(
  '{{ $a := dict "a" 1 "n" (dict "x" 1) }}{{ $b := dict "a" 2 "b" 3 "n" (dict "x" 9 "y" 2) }}{{ mergeOverwrite $a $b }}',
);
add('{{ $a := dict "a" "" "z" 0 }}{{ merge $a (dict "a" "filled" "z" 5) }}');
add(
  '{{ $a := dict "l" (list 1) }}{{ merge $a (dict "l" (list 2 3) "m" (list 4)) }} {{ mergeOverwrite (dict "l" (list 1)) (dict "l" (list 2)) }}',
);
add('{{ mustMerge (dict) (dict "a" 1) nil }}');
add('{{ deepCopy .map }} {{ deepCopy 3 }} {{ deepCopy nil }}', N);
add('{{ dig "m" "deep" "def" .map }} {{ dig "m" "nope" "def" .map }} {{ dig "zz" "def" .map }}', N);
add('{{ dig "a" "b" "def" .map }}', N);
add('{{ dig "a" .map }}', N);
add('{{ $d := dict "x" (list 1 2) }}{{ $d.x }} {{ index $d "x" 1 }}');
// defaults and flow
add(
  '{{ default "def" .empty }} {{ default "def" .username }} {{ default "def" 0 }} {{ default "def" false }} {{ default "def" nil }} {{ default "def" }}',
);
add('{{ .empty | default "fallback" }} {{ .username | default "fallback" }}');
add('{{ .missing | default "fallback" }}');
add(
  '{{ empty "" }} {{ empty 0 }} {{ empty .list }} {{ empty .emptyList }} {{ empty .empty }} {{ empty nil }} {{ empty 0.0 }} {{ empty false }}',
  N,
);
add('{{ coalesce "" 0 nil "first" "second" }} {{ coalesce "" nil }}|');
add('{{ all 1 "a" true }} {{ all 1 "" }} {{ any 0 "" "x" }} {{ any 0 "" }} {{ all }} {{ any }}');
add('{{ ternary "yes" "no" true }} {{ ternary "yes" "no" false }} {{ true | ternary 1 2 }}');
add('{{ ternary "a" "b" "true" }}');
add('{{ fail "boom" }}');
add('{{ if not .username }}{{ fail "username required" }}{{ end }}ok');
// reflection
add(
  '{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "s" }} {{ typeOf true }} {{ typeOf nil }} {{ typeOf .list }} {{ typeOf .map }} {{ typeOf . }}',
  N,
);
add('{{ typeOf . }} {{ typeOf (splitList "," "a") }} {{ typeOf (dict) }} {{ typeOf (split "," "a") }}');
add(
  '{{ kindOf 1 }} {{ kindOf "s" }} {{ kindOf .list }} {{ kindOf .map }} {{ kindOf nil }} {{ kindOf 1.5 }}',
  N,
);
add(
  '{{ typeIs "string" "x" }} {{ typeIs "int" 1.0 }} {{ typeIsLike "string" "x" }} {{ kindIs "map" . }} {{ kindIs "slice" .list }}',
  N,
);
add(
  '{{ deepEqual .list .list }} {{ deepEqual (list 1) (list 1) }} {{ deepEqual (list 1) (list 2) }} {{ deepEqual 1 1.0 }} {{ deepEqual (dict "a" 1) (dict "a" 1) }}',
  N,
);
// JSON
add('{{ toJson . }}');
add(
  '{{ toJson .map }} {{ toJson .list }} {{ toJson .mixed }} {{ toJson 1.5 }} {{ toJson "<&>" }} {{ toJson nil }}',
  N,
);
add('{{ toRawJson (dict "h" "<b>&</b>") }} {{ toJson (dict "h" "<b>&</b>") }}');
add('{{ toPrettyJson .map }}', N);
add('{{ toPrettyJson (dict) }} {{ toPrettyJson (list) }} {{ toPrettyJson (list 1 (dict "a" (list))) }}');
add('{{ toJson 12345678.0 }} {{ toJson 1e21 }} {{ toJson 1e-7 }} {{ toJson 0.1 }} {{ toJson 100 }}');
add(
  '{{ (fromJson .json).user }} {{ (fromJson .json).port }} {{ (fromJson .json).tags }} {{ (fromJson .json).nested.x }}',
);
add('{{ $j := fromJson .json }}{{ $j.nested.y }} {{ $j.nested.ok }} {{ typeOf $j.port }}');
add('{{ fromJson "not json" }} {{ fromJson "[1,2]" }} {{ fromJson "\\"s\\"" }} {{ fromJson "12345678" }}');
add('{{ mustFromJson "{bad" }}');
add('{{ fromJson .json | toJson }}');
add('{{ (fromJson "{\\"a\\":{\\"b\\":[1,{\\"c\\":\\"d\\"}]}}").a.b }}');
add('{{ toJson (fromJson "{\\"big\\":12345678901234567890}") }}');
add('{{ fromJson "{\\"a\\":1e400}" }}');
add('{{ mustToJson .map }} {{ mustToRawJson .list }} {{ mustToPrettyJson 1 }}', N);
add('{{ toJson "é\\u2028\\t\\u0001" }}');
// regex
add('{{ regexMatch "^[a-z]+$" .username }} {{ regexMatch "\\\\d" "abc" }} {{ regexMatch "(" "x" }}');
add('{{ mustRegexMatch "(" "x" }}');
add(
  '{{ regexFind "[0-9]+" "ab123cd456" }} {{ regexFindAll "[0-9]+" "ab123cd456" -1 }} {{ regexFindAll "[0-9]" "1a2b3" 2 }} {{ regexFindAll "x*" "axxb" -1 }}',
);
add('{{ regexFindAll "[0-9]" "abc" -1 }} {{ regexFindAll "a" "aaa" 0 }}');
add(
  '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }} {{ regexReplaceAll "(?P<first>\\\\w+)" "hi there" "<$first>" }}',
);
add(
  '{{ regexReplaceAll "" "abc" "-" }} {{ regexReplaceAll "x*" "abc" "-" }} {{ regexReplaceAll "b*" "abbbc" "X" }}',
);
add('{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }} {{ regexReplaceAll "(a)" "a" "$$1" }}');
add(
  '{{ regexSplit "z+" "pizza" -1 }} {{ regexSplit "z+" "pizza" 1 }} {{ regexSplit "" "abc" -1 }} {{ regexSplit "a" "" -1 }} {{ regexSplit ":" "a:b:c" 2 }}',
);
add('{{ regexQuoteMeta "1.5*[x]+(y)?{z}|^$\\\\" }}');
add(
  '{{ regexFind "(?i)HELLO" "say hello" }} {{ regexFind "é+" "aééb" }} {{ regexReplaceAll "\\\\s+" "a  b\\t\\nc" " " }}',
);
add('{{ regexFind "(" "x" }}');
add('{{ mustRegexReplaceAll "[" "x" "y" }}');
add('{{ regexReplaceAll "^(.*)@(.*)$" "user@host" "$2/$1" }} {{ regexReplaceAll "(a)(b)?" "a" "[$2]" }}');
// semver
add(
  '{{ semver "1.2.3" }} {{ (semver "v1.2.3-beta.1+build").Prerelease }} {{ (semver "1.2").Minor }} {{ (semver "1.2.3+meta").Metadata }}',
);
add(
  '{{ (semver "1.2.3").Major }} {{ (semver "2.0.0").GreaterThan (semver "1.9.9") }} {{ (semver "1.0.0").Compare (semver "1.0.0-rc1") }} {{ (semver "v1.2.3").Original }}',
);
add('{{ semver "not.a.version" }}');
add('{{ semver "01.2.3-01" }}');
add(
  '{{ semverCompare ">=1.2.3" "1.2.4" }} {{ semverCompare "^1.2" "1.9.0" }} {{ semverCompare "^1.2" "2.0.0" }} {{ semverCompare "~1.2.3" "1.2.9" }} {{ semverCompare "~1.2.3" "1.3.0" }}',
);
add(
  '{{ semverCompare "1.2.x" "1.2.7" }} {{ semverCompare "*" "5.0.0" }} {{ semverCompare ">1.0, <2.0" "1.5.0" }} {{ semverCompare "<1.0 || >=3.0" "3.1.0" }} {{ semverCompare "1.0 - 2.0" "1.5.0" }}',
);
add(
  '{{ semverCompare ">=1.0.0" "1.1.0-beta" }} {{ semverCompare ">=1.0.0-0" "1.1.0-beta" }} {{ semverCompare "^0.2.3" "0.2.9" }} {{ semverCompare "^0.2.3" "0.3.0" }} {{ semverCompare "!=1.2.3" "1.2.3" }}',
);
add('{{ semverCompare "bogus" "1.0.0" }}');
add('{{ semverCompare ">=1.0" "bogus" }}');
add(
  '{{ (semver "1.2.3").IncMajor }} {{ (semver "1.2.3-rc").IncPatch }} {{ (semver "1.2.3").IncMinor }} {{ (semver "1.2.3").LessThan (semver "1.10.0") }}',
);
// paths
add(
  '{{ base "/a/b/c.txt" }} {{ base "/" }} {{ base "" }} {{ base "a/b/" }} {{ dir "/a/b/c" }} {{ dir "c" }} {{ dir "/" }}',
);
add(
  '{{ clean "/a/../b/./c//" }} {{ clean "" }} {{ clean "../../x" }} {{ clean "a/.." }} {{ ext "x.tar.gz" }} {{ ext "noext" }} {{ ext "a.b/c" }} {{ isAbs "/x" }} {{ isAbs "x" }}',
);
add('{{ osBase "/a/b" }} {{ osDir "/a/b" }} {{ osClean "a//b" }} {{ osExt "f.go" }} {{ osIsAbs "/" }}');
// URLs
add('{{ urlParse "https://user:pa%20ss@example.com:8443/p/a%2Fth?q=1&r=2#frag" }}');
add(
  '{{ (urlParse "postgres://u@db:5432/app?sslmode=require").hostname }} {{ (urlParse "mailto:a@b.c").opaque }} {{ (urlParse "/just/path").path }}',
);
add('{{ urlParse "http://[::1]:80/x" }}');
add('{{ urlParse "http://bad host/" }}');
add(
  '{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/a b" "query" "x=1" "fragment" "f g") }}',
);
add('{{ urlJoin (dict "scheme" "postgres" "host" "db:5432" "path" "/app" "userinfo" "user:p@ss") }}');
add(
  '{{ urlJoin (dict "path" "a:b") }} {{ urlJoin (dict "opaque" "x@y" "scheme" "mailto") }} {{ urlJoin (dict) }}|',
);
add('{{ urlJoin (dict "host" 1) }}');
add('{{ urlParse .json }}');
// dates (deterministic forms only)
add('{{ toDate "2006-01-02" "2024-02-29" }}');
add('{{ toDate "2006-01-02 15:04:05" "2023-07-04 13:45:59" | date "Mon Jan 2 15:04:05 MST 2006" }}');
add(
  '{{ (toDate "2006-01-02T15:04:05Z07:00" "2023-07-04T13:45:59+02:00") | date "2006-01-02T15:04:05Z07:00" }}',
);
add('{{ toDate "2006-01-02" "not a date" }}');
add('{{ mustToDate "2006-01-02" "2024-13-01" }}');
add('{{ toDate "2006-01-02" "2024-02-30" }}');
add(
  '{{ $t := toDate "2006-01-02 15:04" "2021-12-31 23:59" }}{{ date "02/01/06 3:04PM .000 Monday January _2 __2 002 pm" $t }}',
);
add(
  '{{ $t := toDate "2006-01-02" "2024-03-10" }}{{ unixEpoch $t }} {{ $t.Unix }} {{ $t.Year }} {{ $t.YearDay }} {{ $t.Format "Jan 2" }}',
);
add(
  '{{ date "2006-01-02 15:04:05" 0 }} {{ date "2006" 1700000000 }} {{ htmlDate 86400 }} {{ htmlDateInZone 86400 "UTC" }}',
);
add(
  '{{ dateInZone "2006-01-02 15:04 MST" 1700000000 "America/New_York" }} {{ dateInZone "15:04 -07:00" 1700000000 "Asia/Kolkata" }} {{ dateInZone "15:04" 0 "Not/AZone" }}',
);
add(
  '{{ dateModify "1h30m" (toDate "2006-01-02" "2024-01-01") | date "2006-01-02 15:04" }} {{ dateModify "-24h" (toDate "2006-01-02" "2024-03-01") | date "2006-01-02" }} {{ dateModify "bogus" (toDate "2006-01-02" "2024-01-01") | date "2006" }}',
);
add('{{ mustDateModify "bogus" (toDate "2006-01-02" "2024-01-01") }}');
add('{{ dateModify "1h" "2024-01-01" }}');
add(
  '{{ duration "95" }} {{ duration 3600 }} {{ duration (int64 86461) }} {{ duration "x" }} {{ duration "-1" }}',
);
add(
  '{{ durationRound "2h10m" }} {{ durationRound "40s" }} {{ durationRound "800h" }} {{ durationRound (int64 5000000000) }} {{ durationRound "junk" }} {{ durationRound "9000h" }}',
);
add(
  '{{ (toDate "2006-01-02T15:04:05.999999999Z07:00" "2020-01-02T03:04:05.123456789Z") | date "05.000 05.999 05.999999999 05,00" }}',
);
add(
  '{{ toDate "Jan _2 2006" "Feb  3 2021" | date "2006-01-02" }} {{ toDate "January 2, 2006 3:04 PM" "March 7, 2020 11:30 AM" | date "15:04" }}',
);
add('{{ toDate "2006-01-02 MST" "2021-05-06 UTC" }}');
add('{{ toDate "02 Jan 06 15:04 -0700" "06 May 21 10:00 +0530" | date "2006-01-02 15:04 -07:00" }}');
add(
  '{{ (toDate "2006-01-02" "2024-03-10").UTC.Format "Monday" }} {{ (toDate "2006-01-02" "2024-03-10").Before (toDate "2006-01-02" "2025-01-01") }}',
);
// crypto with deterministic output
add(
  '{{ derivePassword 1 "long" "password" "user" "example.com" }} {{ derivePassword 2 "pin" "password" "user" "example.com" }} {{ derivePassword 1 "nope" "p" "u" "s" }}',
);
add(
  '{{ decryptAES "secretkey" (encryptAES "secretkey" "plain text") }} {{ encryptAES "k" "" }}|{{ decryptAES "k" "" }}|',
);
add('{{ decryptAES "k" "bm90IGxvbmcgZW5vdWdo" }}');
add('{{ decryptAES "k" "%%%" }}');
add('{{ len (bcrypt "pw") }} {{ hasPrefix "$2a$10$" (bcrypt "pw") }}');
add('{{ genPrivateKey "unknown" }}');
add(
  '{{ len uuidv4 }} {{ len (randAlphaNum 12) }} {{ len (randAlpha 5) }} {{ len (randNumeric 3) }} {{ len (randAscii 7) }} {{ len (randBytes 12) }} {{ randAlpha 0 }}|',
);
add('{{ len (shuffle "abcdef") }} {{ regexMatch "^[0-9]+$" (randNumeric 20) }}');
add('{{ randInt 5 6 }}');
add('{{ randInt 5 5 }}');

export const SPRIG_CASES = g.cases;
