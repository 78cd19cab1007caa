// Command template-oracle renders Go text/template cases with the function map ESO uses
// (sprig's TxtFuncMap minus env, expandenv and getHostByName, plus sha512sum and ESO's
// toYaml/fromYaml rebuilt on go-yaml v2 as sigs.k8s.io/yaml does) and
// missingkey=error. It reads one JSON batch on stdin and writes one JSON array on stdout,
// so a whole corpus costs a single process start.
package main

import (
	"bytes"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
	"time"

	"github.com/Masterminds/sprig"
	yaml "gopkg.in/yaml.v2"
)

type testCase struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data"`
}

type result struct {
	ID     string `json:"id"`
	OK     bool   `json:"ok"`
	Output string `json:"output"` // base64 of the rendered bytes
	Error  string `json:"error,omitempty"`
}

func funcMap() template.FuncMap {
	fm := sprig.TxtFuncMap()
	delete(fm, "env")
	delete(fm, "expandenv")
	delete(fm, "getHostByName")
	fm["sha512sum"] = func(input string) string {
		sum := sha512.Sum512([]byte(input))
		return hex.EncodeToString(sum[:])
	}
	fm["filterPEM"] = filterPEM
	fm["certSANs"] = certSANs
	fm["toYaml"] = toYAML
	fm["fromYaml"] = fromYAML
	return fm
}

// filterPEM keeps the PEM blocks of one type, as ESO's filterPEM does (junk before the first
// block is ignored; input with no matching block and undecodable rest is an error).
func filterPEM(pemType, input string) (string, error) {
	if i := strings.Index(input, "-----BEGIN"); i >= 0 {
		input = input[i:]
	}
	data := []byte(input)
	var out []byte
	var rest []byte
	for {
		var block *pem.Block
		block, rest = pem.Decode(data)
		data = rest
		if block == nil {
			break
		}
		if strings.EqualFold(block.Type, pemType) {
			out = append(out, pem.EncodeToMemory(block)...)
		}
	}
	if len(out) == 0 && len(rest) != 0 {
		return "", errors.New("error filtering pem: found junk")
	}
	return string(out), nil
}

// certSANs lists a certificate's DNS names, IPs, emails and URIs, as ESO's certSANs does.
func certSANs(input string) ([]string, error) {
	if i := strings.Index(input, "-----BEGIN"); i >= 0 {
		input = input[i:]
	}
	block, _ := pem.Decode([]byte(input))
	if block == nil {
		return nil, errors.New("failed to decode PEM block")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, err
	}
	sans := append([]string{}, cert.DNSNames...)
	for _, ip := range cert.IPAddresses {
		sans = append(sans, ip.String())
	}
	sans = append(sans, cert.EmailAddresses...)
	for _, u := range cert.URIs {
		sans = append(sans, u.String())
	}
	return sans, nil
}

// toYAML follows ESO's toYaml (sigs.k8s.io/yaml.Marshal: JSON first, then go-yaml v2).
func toYAML(v interface{}) string {
	j, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var obj interface{}
	if err := yaml.Unmarshal(j, &obj); err != nil {
		return ""
	}
	out, err := yaml.Marshal(obj)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(out), "\n")
}

// fromYAML follows ESO's fromYaml (sigs.k8s.io/yaml.Unmarshal into map[string]any via JSON).
func fromYAML(str string) map[string]interface{} {
	m := map[string]interface{}{}
	var obj interface{}
	if err := yaml.Unmarshal([]byte(str), &obj); err != nil {
		m["Error"] = "yaml error"
		return m
	}
	j, err := json.Marshal(jsonable(obj))
	if err != nil {
		m["Error"] = "json error"
		return m
	}
	if err := json.Unmarshal(j, &m); err != nil {
		m["Error"] = "not a map"
	}
	return m
}

func jsonable(v interface{}) interface{} {
	switch t := v.(type) {
	case map[interface{}]interface{}:
		out := map[string]interface{}{}
		for k, x := range t {
			out[fmt.Sprint(k)] = jsonable(x)
		}
		return out
	case []interface{}:
		for i, x := range t {
			t[i] = jsonable(x)
		}
		return t
	}
	return v
}

// decodeData mirrors the TypeScript rule: a top-level object whose values are all strings is
// ESO's map[string]string; anything else decodes like encoding/json into interface{}.
func decodeData(raw json.RawMessage) (interface{}, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var strs map[string]string
	if err := json.Unmarshal(raw, &strs); err == nil && strs != nil {
		return strs, nil
	}
	var v interface{}
	err := json.Unmarshal(raw, &v)
	return v, err
}

func render(fm template.FuncMap, c testCase) (res result) {
	res.ID = c.ID
	defer func() {
		if r := recover(); r != nil {
			res.OK = false
			res.Error = fmt.Sprintf("panic: %v", r)
		}
	}()
	name := c.Name
	if name == "" {
		name = "template"
	}
	data, err := decodeData(c.Data)
	if err != nil {
		res.Error = "bad data: " + err.Error()
		return
	}
	t, err := template.New(name).Option("missingkey=error").Funcs(fm).Parse(c.Template)
	if err != nil {
		res.Error = err.Error()
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		res.Error = err.Error()
		return
	}
	res.OK = true
	res.Output = base64.StdEncoding.EncodeToString(buf.Bytes())
	return
}

func main() {
	time.Local = time.UTC
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "cannot read cases:", err)
		os.Exit(2)
	}
	fm := funcMap()
	out := make([]result, 0, len(cases))
	for _, c := range cases {
		out = append(out, render(fm, c))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "cannot write results:", err)
		os.Exit(2)
	}
}
