// Command template-oracle renders Go text/template cases with the function map ESO uses
// (sprig's TxtFuncMap minus env, expandenv and getHostByName, plus sha512sum) and
// missingkey=error. It reads one JSON batch on stdin and writes one JSON array on stdout,
// so a whole corpus costs a single process start.
package main

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"text/template"
	"time"

	"github.com/Masterminds/sprig"
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
	return fm
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
