/** Corpus: template syntax — text, trimming, comments, literals, variables, control flow, templates. */
import { NESTED_DATA, caseGroup } from './case-builder.js';

const g = caseGroup('syntax');
const { add } = g;

// Text, actions and whitespace trimming
add('plain text only');
add('');
add('{{ .username }}');
add('a {{- " b " -}} c');
add('a  \n\t {{- .username }}');
add('{{ .username -}}  \n  tail');
add('{{- .username -}}');
add('x {{- /* comment */ -}} y');
add('x {{/* comment */}} y');
add('{{/* multi\nline\ncomment */}}done');
add('{{- /* trimmed */}}  after');
add('{{-3}}');
add('{{ -3 }}');
add('{{- 3 -}}');
add('{{ "a" }}{{ "b" }}\n{{ "c" }}');
add('line1\n{{- if true }}\nyes\n{{- end }}\nline3');
// Literals
add('{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000_000 }}');
add('{{ 1.5 }} {{ 1e3 }} {{ 1.0 }} {{ .5 }} {{ 2. }} {{ 1e-7 }} {{ 123456789.0 }}');
add('{{ 0x1p-2 }} {{ 0x10.8p0 }}');
add(`{{ 'a' }} {{ '\\n' }} {{ '\\x41' }} {{ '\\u00e9' }} {{ 'é' }}`);
add('{{ "tab\\there" }} {{ "quote\\"d" }} {{ "\\u263A" }} {{ "\\101" }}');
add('{{ `raw \\n string` }}');
add('{{ true }} {{ false }} {{ nil }}');
add('{{ 9223372036854775807 }}');
add('{{ 9223372036854775808 }}');
add('{{ -9223372036854775808 }}');
add('{{ 18446744073709551615 }}');
add('{{ 1e400 }}');
add('{{ 08 }}');
add('{{ 1__0 }}');
add('{{ "unterminated }}');
add("{{ 'ab' }}");
// Fields, maps, missingkey=error
add('{{ .missing }}');
add('{{ .username.x }}');
add('{{ index . "my-key" }}');
add('{{ index . "missing" }}');
add('{{ .name }} {{ .count }} {{ .ratio }} {{ .big }} {{ .enabled }}', NESTED_DATA);
add('{{ .nothing }}', NESTED_DATA);
add('{{ .nothing.x }}', NESTED_DATA);
add('{{ .map.m.deep }} {{ .map.a }}', NESTED_DATA);
add('{{ .map.missing }}', NESTED_DATA);
add('{{ .list }} {{ .nums }} {{ .mixed }} {{ .map }} {{ .empty }} {{ .emptyList }}', NESTED_DATA);
add('{{ . }}', { b: '2', a: '1' });
add('{{ . }}', NESTED_DATA);
add('{{ . }}', null);
add('{{ .x }}', null);
add('{{ . }}', 'just a string');
add('{{ .count.x }}', NESTED_DATA);
add('{{ .list.x }}', NESTED_DATA);
add('{{ (index .list 0) }}', NESTED_DATA);
add('{{ .Method 1 }}', NESTED_DATA);
add('{{ .name 1 }}', NESTED_DATA);
// Variables
add('{{ $x := "v" }}{{ $x }}');
add('{{ $x := 1 }}{{ $x = 2 }}{{ $x }}');
add('{{ $ }}', { a: 'b' });
add('{{ $.username }}');
add('{{ $undefined }}');
add('{{ $x = 1 }}');
add('{{ with $x := .username }}{{ $x }}{{ end }}{{ $x }}');
add('{{ if $x := .username }}{{ $x }}{{ end }}');
add('{{ $a := "outer" }}{{ if true }}{{ $a := "inner" }}{{ $a }}{{ end }} {{ $a }}');
add('{{ $a := "outer" }}{{ if true }}{{ $a = "changed" }}{{ end }}{{ $a }}');
add('{{ $x := (print "a" "b") }}{{ $x }}');
add('{{ $x := 3 }}{{ $x.y }}');
add('{{ $m := .map }}{{ $m.a }}', NESTED_DATA);
// Pipelines and parentheses
add('{{ .username | printf "%s!" }}');
add('{{ "a" | printf "%s-%s" "b" }}');
add('{{ (printf "%d" 3) }}');
add('{{ printf "%s" (printf "%s" (printf "%s" "deep")) }}');
add('{{ .username | len | printf "%03d" }}');
add('{{ "x" | 3 }}');
add('{{ 3 | print }}');
add('{{ . | print }}', { a: 'b' });
add('{{ (.map).a }}', NESTED_DATA);
add('{{ (index .list 1) | print }}', NESTED_DATA);
add('{{ nil }}');
add('{{ print nil }}');
add('{{ nil | print }}');
add('{{ (nil).x }}');
add('{{ "a" "b" }}');
add('{{ .username "arg" }}');
add('{{ notafunction }}');
add('{{ env "HOME" }}');
add('{{ expandenv "$HOME" }}');
add('{{ getHostByName "example.com" }}');
// if / else if / else
add('{{ if .username }}yes{{ else }}no{{ end }}');
add('{{ if .empty }}yes{{ else }}no{{ end }}');
add('{{ if eq .port "5432" }}pg{{ else if eq .port "3306" }}mysql{{ else }}other{{ end }}');
add('{{ if false }}a{{ else if false }}b{{ else if true }}c{{ end }}');
add(
  '{{ if 0 }}t{{ else }}f{{ end }}{{ if 0.0 }}t{{ else }}f{{ end }}{{ if "" }}t{{ else }}f{{ end }}{{ if nil }}t{{ else }}f{{ end }}',
);
add(
  '{{ if .emptyList }}t{{ else }}f{{ end }}{{ if .empty }}t{{ else }}f{{ end }}{{ if .map }}t{{ else }}f{{ end }}',
  NESTED_DATA,
);
add('{{ if }}x{{ end }}');
add('{{ if true }}unclosed');
add('{{ end }}');
add('{{ else }}');
add('{{ if true }}{{ else }}{{ else }}{{ end }}');
// with
add('{{ with .username }}[{{ . }}]{{ end }}');
add('{{ with .empty }}[{{ . }}]{{ else }}none{{ end }}');
add('{{ with .map }}{{ .a }}{{ end }}', NESTED_DATA);
add('{{ with $v := .map.m }}{{ $v.deep }}{{ end }}', NESTED_DATA);
add('{{ with .nothing }}x{{ else }}nil{{ end }}', NESTED_DATA);
// range
add('{{ range .list }}<{{ . }}>{{ end }}', NESTED_DATA);
add('{{ range $i, $v := .list }}{{ $i }}={{ $v }};{{ end }}', NESTED_DATA);
add('{{ range $v := .nums }}{{ $v }}{{ end }}', NESTED_DATA);
add('{{ range $k, $v := .map }}{{ $k }}:{{ $v }} {{ end }}', NESTED_DATA);
add('{{ range $k, $v := . }}{{ $k }}={{ $v }}\n{{ end }}');
add('{{ range .emptyList }}x{{ else }}empty{{ end }}', NESTED_DATA);
add('{{ range .empty }}x{{ else }}empty map{{ end }}', NESTED_DATA);
add('{{ range .nothing }}x{{ else }}nil{{ end }}', NESTED_DATA);
add('{{ range .count }}x{{ end }}', NESTED_DATA);
add('{{ range .name }}x{{ end }}', NESTED_DATA);
add('{{ range .list }}{{ if eq . "a" }}{{ break }}{{ end }}{{ . }}{{ end }}', NESTED_DATA);
add('{{ range .list }}{{ if eq . "a" }}{{ continue }}{{ end }}{{ . }}{{ end }}', NESTED_DATA);
add('{{ break }}');
add('{{ range .list }}{{ break 1 }}{{ end }}', NESTED_DATA);
add('{{ range $i, $v, $w := .list }}{{ end }}', NESTED_DATA);
add('{{ range $x := .list }}{{ end }}{{ $x }}', NESTED_DATA);
add('{{ range .list }}{{ $.name }}{{ end }}', NESTED_DATA);
add('{{ range $i, $e := .mixed }}{{ $i }}:{{ $e }} {{ end }}', NESTED_DATA);
add('{{ range .list }}{{ range $.nums }}{{ . }}{{ end }}|{{ end }}', NESTED_DATA);
add(
  '{{ range $k, $v := .map }}{{ if eq $k "m" }}{{ range $k2, $v2 := $v }}{{ $k2 }}{{ end }}{{ end }}{{ end }}',
  NESTED_DATA,
);
// define / template / block
add('{{ define "t" }}T{{ . }}{{ end }}{{ template "t" "x" }}');
add('{{ define "t" }}T{{ end }}{{ template "t" }}');
add('{{ template "missing" }}');
add('{{ block "b" . }}default {{ .username }}{{ end }}');
add('{{ define "a" }}A{{ template "b" . }}{{ end }}{{ define "b" }}B{{ . }}{{ end }}{{ template "a" 1 }}');
add('{{ define "t" }}{{ $ }}{{ end }}{{ template "t" .username }}');
add('{{ define "t" }}one{{ end }}{{ define "t" }}two{{ end }}{{ template "t" }}');
add('{{ define "template" }}inner{{ end }}');
add('{{ define "template" }}inner{{ end }}outer');
add('{{ define "x" }}{{ end }}{{ template "x" }}ok');
add('{{ template "t" }}{{ define "t" }}late{{ end }}');
add('{{ define "t" }}{{ if . }}{{ . }}{{ template "t" "" }}{{ end }}{{ end }}{{ template "t" "once" }}');
add('{{ define "t" }}{{ .a }}{{ end }}{{ template "t" . }}', { a: 'field' });
add('{{ template "t" (dict "k" "v") }}{{ define "t" }}{{ .k }}{{ end }}');
add('{{ define "t" }}{{ $x }}{{ end }}');
add('{{ define "t" }}{{ break }}{{ end }}');
add('{{ if true }}{{ define "t" }}{{ end }}{{ end }}');
add('{{ template .username }}');
// Lexical and parse errors
add('{{');
add('{{ .username');
add('{{ .username }');
add('}}');
add('{{ ( }}');
add('{{ ) }}');
add('{{ "a" | }}');
add('{{ | "a" }}');
add('{{ .a..b }}');
add('{{ $x := }}');
add('{{ :x }}');
add('{{ @ }}');
add('{{ /* unclosed comment }}');
add('{{ /* x */ 1 }}');
add('{{ 3.x }}');
add('{{ "a".b }}');
add('{{ printf "%s" ');

// nil held as interface{} (map elements, range elements) versus untyped nil
add('{{ keys .nothing }}', NESTED_DATA);
add('{{ keys (.nothing) }}', NESTED_DATA);
add('{{ range .mixed }}{{ keys . }}{{ end }}', { mixed: [null] });
add('{{ range $v := .mixed }}{{ keys $v }}{{ end }}', { mixed: [null] });
add('{{ range .mixed }}{{ with . }}{{ keys . }}{{ end }}{{ end }}', { mixed: [null, { a: 1 }] });
add('{{ keys nil }} {{ keys (first (list nil)) }}');
add('{{ keys (first (list nil)) }}');
add('{{ $v := .nothing }}{{ keys $v }}', NESTED_DATA);

export const SYNTAX_CASES = g.cases;
