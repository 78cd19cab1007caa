/** Corpus: Go builtins — logic, len/index/slice, print family, escapers, comparisons, printf. */
import { NESTED_DATA, caseGroup } from './case-builder.js';

const g = caseGroup('builtins');
const { add } = g;
const N = NESTED_DATA;

// and / or / not
add('{{ and 1 2 }} {{ and 0 2 }} {{ and "" "x" }} {{ and "a" "b" "c" }}');
add('{{ or 0 "" "x" }} {{ or 0 "" }} {{ or nil 1 }} {{ or .empty .username }}');
add('{{ not 0 }} {{ not "x" }} {{ not nil }} {{ not .emptyList }}', N);
add('{{ and }}');
add('{{ not }}');
add('{{ and 1 .missing }}');
add('{{ or 1 .missing }}');
add('{{ and 0 .missing }}');
add('{{ "x" | and 1 }} {{ 0 | or "" }}');
add('{{ if and .username .password }}both{{ end }}');
// len / index / slice
add('{{ len .username }} {{ len .unicode }} {{ len "" }}');
add('{{ len .list }} {{ len .map }} {{ len .empty }}', N);
add('{{ len 3 }}');
add('{{ len nil }}');
add('{{ len .nothing }}', N);
add('{{ index .list 0 }} {{ index .list 2 }}', N);
add('{{ index .list 3 }}', N);
add('{{ index .list -1 }}', N);
add('{{ index .map "a" }} {{ index .map "m" "deep" }}', N);
add('{{ index .map "zz" }}', N);
add('{{ index . "username" }}{{ index . "nope" }}|');
add('{{ index "abc" 1 }}');
add('{{ index "abc" 3 }}');
add('{{ index .map 1 }}', N);
add('{{ index .list "0" }}', N);
add('{{ index nil 0 }}');
add('{{ index .count 0 }}', N);
add('{{ index .list 1.0 }}', N);
add('{{ index .list }}', N);
add('{{ slice "hello" 1 3 }} {{ slice "hello" 2 }} {{ slice "hello" }}');
add('{{ slice "hello" 3 1 }}');
add('{{ slice "hello" 0 9 }}');
add('{{ slice "hello" 1 2 3 }}');
add('{{ slice .list 1 }} {{ slice .nums 0 1 }}', N);
add('{{ slice .list 0 1 2 }}', N);
add('{{ slice 3 0 }}');
// print family
add('{{ print "a" "b" }} {{ print 1 2 }} {{ print "a" 1 "b" }} {{ print 1 "a" 2 }}');
add('{{ print }}|{{ println }}|{{ println "a" 1 }}');
add('{{ print .list .map }}', N);
add('{{ print true false nil 1.5 }}');
add('{{ print .mixed }}', N);
add('{{ println .nothing }}', N);
// escapers
add('{{ html "<a href=\\"x\\">&\'</a>" }}');
add('{{ js "it\'s \\"quoted\\" <tag> & = \\\\ \\n\\t" }}');
add('{{ js "é ✓ \\u2028" }}');
add('{{ urlquery "a b&c=d/é?" }}');
add('{{ html 1 "a" 2 }} {{ urlquery 1 2 }} {{ js nil }}');
add('{{ html nil }} {{ html }}');
add('{{ .password | urlquery }}');
add('{{ "\\x00" | html }}');
// comparisons
add('{{ eq 1 1 }} {{ eq 1 2 }} {{ eq "a" "a" }} {{ eq 1.5 1.5 }} {{ eq true true }}');
add('{{ eq 1 2 3 1 }} {{ eq "a" "b" "c" }}');
add('{{ eq 1 1.0 }}');
add('{{ eq 1 "1" }}');
add('{{ eq "a" }}');
add('{{ eq }}');
add('{{ eq .nothing nil }} {{ eq nil nil }} {{ eq .name nil }}', N);
add('{{ eq .list .list }}', N);
add('{{ eq .map nil }}', N);
add('{{ ne 1 2 }} {{ ne "a" "a" }}');
add('{{ ne 1 "a" }}');
add('{{ lt 1 2 }} {{ lt 2 1 }} {{ lt "a" "b" }} {{ lt 1.5 2.5 }} {{ le 2 2 }} {{ gt 3 2 }} {{ ge 2 3 }}');
add('{{ lt true false }}');
add('{{ lt 1 1.5 }}');
add('{{ lt nil 1 }}');
add('{{ lt .list .list }}', N);
add('{{ gt "b" "a" }} {{ ge "a" "a" }} {{ le "b" "a" }}');
add('{{ eq .count 3.0 }} {{ lt .count 4.0 }}', N);
add('{{ eq .count 3 }}', N);
add('{{ eq (len .username) 5 }} {{ lt (len .list) 10 }}', N);
add('{{ eq (index "a" 0) 97 }}');
add('{{ eq .port "5432" }} {{ ne .username "root" }}');
add('{{ eq "" .empty }}');
add('{{ if eq .username "admin" "root" }}privileged{{ end }}');
// call
add('{{ call .username }}');
add('{{ call nil }}');

// printf verbs, flags, widths
add(
  '{{ printf "%d %5d %-5d| %05d %+d % d %x %X %o %O %b %c %q %U %#x %#o" 42 42 42 42 42 42 255 255 8 8 5 65 65 65 255 8 }}',
);
add(
  '{{ printf "%d" -42 }} {{ printf "%x" -255 }} {{ printf "%05d" -42 }} {{ printf "%.3d" 7 }} {{ printf "%8.3d|" 7 }} {{ printf "%.0d|" 0 }}',
);
add(
  '{{ printf "%f %.2f %8.3f %-8.2f| %e %E %.3e %g %G %.3g" 3.14159 3.14159 3.14159 3.14159 1234.5678 1234.5678 1234.5678 1234.5678 0.000012345 1234.5678 }}',
);
add('{{ printf "%v %v %v %v %v %v" 1.0 0.1 1e6 1e21 1e-5 123456789.0 }}');
add('{{ printf "%.0f %.0f %.0f %.0f %.1f %.1f" 0.5 1.5 2.5 -0.5 0.25 0.35 }}');
add('{{ printf "%+.2f % .2f %08.3f %-08.3f| %+08.2f" 3.14159 3.14159 -3.14159 3.14159 2.5 }}');
add('{{ printf "%#g %#.3g %#e %#.0f %#v" 1.0 2.0 1.5 3.0 1.0 }}');
add('{{ printf "%g %g %g %g" 100000.0 1000000.0 0.0001 0.00001 }}');
add(
  '{{ printf "%s %10s| %-10s| %.2s %q %x %X % x %#x" "hello" "hi" "hi" "hello" "say \\"hi\\"" "hi" "hi" "hi" "hi" }}',
);
add('{{ printf "%05s|%.1s|%5.1s|" "ab" "éx" "éx" }}');
add('{{ printf "%q %+q %#q %#q" "é\\n" "é" "back`tick" "plain" }}');
add('{{ printf "%t %v %5t|" true false true }}');
add('{{ printf "%v|%+v|%#v" .list .list .list }}', N);
add('{{ printf "%v|%#v" .map .map }}', N);
add('{{ printf "%#v %#v %#v %#v %#v" "s" 1 1.5 true nil }}');
add('{{ printf "%v %d %s" .mixed .nums .list }}', N);
add('{{ printf "%d" "str" }} {{ printf "%s" 42 }} {{ printf "%t" 1 }} {{ printf "%x" true }}');
add('{{ printf "%d %d" 1 }}');
add('{{ printf "%d" 1 2 "x" }}');
add('{{ printf "%!" }} {{ printf "%" }} {{ printf "100%%" }} {{ printf "%z" 1 }}');
add('{{ printf "%[2]d %[1]d" 1 2 }} {{ printf "%[3]d" 1 }} {{ printf "%[1]d %d" 5 6 }}');
add('{{ printf "%*d|%-*d|%.*f" 5 42 5 42 2 3.14159 }}');
add('{{ printf "%*d" "x" 1 }}');
add('{{ printf "%T %T %T %T %T %T %T" 1 1.5 "s" true nil .list .map }}', N);
add('{{ printf "%T" . }}');
add('{{ printf "%v" . }}');
add('{{ printf "%s" . }}', N);
add('{{ printf "%c%c%c" 72 105 9731 }}');
add('{{ printf "%U %#U" 9731 9731 }}');
add('{{ printf "%x" 1.5 }}');
add('{{ printf "%6.2v|" 3.14159 }}');
add('{{ printf "%v %v" 9223372036854775807 -9223372036854775807 }}');
add('{{ printf "%e %g" 0.0 0.0 }} {{ printf "%v" -0.0 }}');
add('{{ printf }}');
add('{{ printf 1 }}');
add('{{ printf "%s" .unicode }} {{ printf "%10s|" .unicode }} {{ printf "%-10.3s|" .unicode }}');
add('{{ printf "%s:%s@%s:%s" .username .password .host .port }}');
add('{{ printf "%s" nil }} {{ printf "%d" nil }} {{ printf "%v" nil }}');
add('{{ printf "%v" .nothing }} {{ printf "%s" .nothing }}', N);
add('{{ printf "%5.1f%%" 99.5 }}');
add('{{ printf "%.3v" "abcdef" }} {{ printf "%.10v" 3.14159265358979 }}');
add('{{ printf "%08b" 5 }} {{ printf "%o %#o %O" 64 64 64 }}');

export const BUILTIN_CASES = g.cases;
