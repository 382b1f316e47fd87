package main

// Runs this generated signing program over the conformance corpus (conformance.test.ts): the job's
// targets, each signed by signOne (url_test.go, cookies_test.go or streamCookies_test.go, copied next to
// this file for the variant's kind), the answers written as JSON.

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

func TestConformance(t *testing.T) {
	var job struct {
		Now      int64    `json:"now"`
		Lifetime int64    `json:"lifetime"`
		Targets  []string `json:"targets"`
	}
	data, err := os.ReadFile(os.Getenv("CONFORMANCE_JOB"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &job); err != nil {
		t.Fatal(err)
	}
	now = func() time.Time { return time.Unix(job.Now, 0) }
	key, err := loadSigner(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	outputs := []string{}
	for _, target := range job.Targets {
		signed, err := signOne(key, target, time.Duration(job.Lifetime)*time.Second)
		if err != nil {
			signed = "ERROR " + err.Error()
		}
		outputs = append(outputs, signed)
	}
	answer, _ := json.Marshal(outputs)
	if err := os.WriteFile(os.Getenv("CONFORMANCE_ANSWER"), answer, 0o600); err != nil {
		t.Fatal(err)
	}
}

// cookieHeader writes signed cookies as one Cookie header value, as the generated program prints them.
func cookieHeader(cookies [][2]string, err error) (string, error) {
	parts := make([]string, 0, len(cookies))
	for _, cookie := range cookies {
		parts = append(parts, cookie[0]+"="+cookie[1])
	}
	return strings.Join(parts, "; "), err
}
