/** Corpus: templates in the style of ESO's documentation and common user manifests. */
import { caseGroup } from './case-builder.js';

const g = caseGroup('eso');
const { add } = g;

const REGISTRY = { registry: 'ghcr.io', username: 'robot$ci', password: 's3cr3t!"x' };
const DB = { username: 'app', password: 'p@ss/w:rd', host: 'pg.internal', port: '5432', database: 'orders' };
const CREDS = {
  credentials:
    '{"verifier":{"salt":"abc","localHash":"def"},"encCredentials":{"kid":"x","enc":"A256GCM"},"version":"2","deviceUuid":"u"}',
};

add(
  '{"auths":{"{{ .registry }}":{"username":"{{ .username }}","password":"{{ .password }}","auth":"{{ printf "%s:%s" .username .password | b64enc }}"}}}',
  REGISTRY,
);
add(
  '{{ dict "auths" (dict .registry (dict "username" .username "password" .password "auth" (printf "%s:%s" .username .password | b64enc))) | toJson }}',
  REGISTRY,
);
add('{{ .password | toJson }}', REGISTRY);
add('postgresql://{{ .username }}:{{ .password }}@{{ .host }}:{{ .port }}/{{ .database }}', DB);
add(
  'postgresql://{{ .username | urlquery }}:{{ .password | urlquery }}@{{ .host }}:{{ .port }}/{{ .database }}?sslmode=require',
  DB,
);
add(
  'jdbc:postgresql://{{ .host }}:{{ .port }}/{{ .database }}?user={{ .username }}&password={{ .password | urlquery }}',
  DB,
);
add('{{ .credentials | b64enc }}', CREDS);
add('{{ .credentials | b64enc | b64dec }}', CREDS);
add('{{ (.credentials | fromJson).version }}', CREDS);
add('[database]\nuser = {{ .username }}\npassword = "{{ .password }}"\nhost = {{ .host }}:{{ .port }}\n', DB);
add('{{- range $key, $value := . }}\n{{ $key }}={{ $value }}\n{{- end }}', DB);
add('{{ range $k, $v := . }}{{ $k | upper }}: {{ $v | quote }}\n{{ end }}', DB);
add('{{ .value | lower }}', { value: 'My-Secret-KEY' });
add('{{ .value | replace "-" "_" | upper }}', { value: 'db-password' });
add('{{ .value | trimPrefix "prod/" | replace "/" "_" }}', { value: 'prod/app/db' });
add('{{ regexReplaceAll "^app_(.*)$" .value "${1}" }}', { value: 'app_token' });
add('{{ .value | camelcase }}', { value: 'service_account_key' });
add('{{ index . "tls.crt" | b64dec }}', { 'tls.crt': 'LS0tLS1CRUdJTg==' });
add('{{ .username | sha256sum }}', DB);
add('{{ .mysecret | toString | upper }}', { mysecret: 'lowercase' });
add('{{ .mysecret | upper }}', { mysecret: 'lowercase' });
add('{{ printf "%s" .mysecret }}', { mysecret: 'value' });
add('{{ .config | fromJson | toPrettyJson }}', { config: '{"b":[1,2],"a":{"x":"y"}}' });
add('{{ $c := .config | fromJson }}{{ $c.a.x }}-{{ index $c.b 1 }}', { config: '{"b":[1,2],"a":{"x":"y"}}' });
add('{{- if eq .env "prod" }}replicas: 3{{ else }}replicas: 1{{ end }}', { env: 'prod' });
add('user={{ .username }}\npass={{ .password }}\n', DB);
add('{{ .apikey | trim | b64enc }}', { apikey: '  key-with-spaces  \n' });
add('{{ .data | b64dec | fromJson | toJson }}', { data: 'eyJhIjoxfQ==' });
add('{{ .missingkey }}', DB);
add('{{ .password | default "changeme" }}', { password: '' });
add('{{ index . "my.dotted.key" }}', { 'my.dotted.key': 'dotted' });
add('{{ .my.dotted.key }}', { 'my.dotted.key': 'dotted' });
add('{{ .host | quote }}: {{ .port | atoi | add 1 }}', DB);
add('{{ printf "%s:%s" .username .password | b64enc | quote }}', DB);
add('amqp://{{ .username }}:{{ .password }}@{{ .host }}:5672/{{ .vhost | default "%2F" }}', {
  ...DB,
  vhost: '',
});
add('{{ range $i, $e := splitList "," .hosts }}{{ if $i }},{{ end }}{{ $e | trim }}:{{ $.port }}{{ end }}', {
  hosts: 'a, b,c',
  port: '9042',
});
add('{{ .yaml | indent 2 }}', { yaml: 'a: 1\nb: 2' });
add('config:\n{{ .yaml | nindent 2 }}', { yaml: 'a: 1\nb: 2' });
add('{{ .token | trunc 8 }}…', { token: 'abcdefghijklmnop' });

// ESO's toYaml / fromYaml (the oracle rebuilds them on go-yaml v2 as sigs.k8s.io/yaml does)
const Y = {
  j: '{"b":[1,2.5,"yes","x: y","multi\\nline",null,true,"2024-01-02","0x1F","~","-"],"a":{"k10":1,"k9":null,"on":true,"k2":{}},"e":[]}',
};
add('{{ toYaml (fromJson .j) }}', Y);
add('{{ toYaml . }}', {
  b: 'two',
  a: 'one',
  'c d': '#hash',
  e: ': colon',
  f: "it's",
  g: '@at',
  h: '  lead',
  i: 'trail ',
});
add(
  '{{ toYaml (list 1 "a" (dict "k" (list))) }}|{{ toYaml "scalar" }}|{{ toYaml 1.5 }}|{{ toYaml nil }}|{{ toYaml (dict) }}',
);
add('{{ toYaml (dict "a10" 1 "a9" 2 "b" 3 "A" 4 "_" 5 "1" 6 "a" 7) }}');
add('{{ fromYaml .y }}', { y: 'a: 1\nb: [x, yes, on, ~]\nc: {d: 1.5, e: null}\nf: "str"\n1: one\ntrue: t' });
add('{{ (fromYaml .y).a.b }} {{ typeOf (fromYaml .y).n }}', { y: 'a:\n  b: deep\nn: 3' });
add('{{ fromYaml "" }} {{ fromYaml "plain" | len }} {{ fromYaml "- a" | len }}');
add('{{ .config | fromYaml | toJson }}', { config: 'server:\n  port: 8080\n  hosts:\n  - a\n  - b\n' });

export const ESO_DOC_CASES = g.cases;
