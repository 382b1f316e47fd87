package main

// Runs this generated streamCookies program over the conformance corpus (conformance.test.ts): each URL taken
// as a playlist, signCookies over its folder (streamResource).

import (
	"context"
	"encoding/json"
	"os"
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
		cookies, err := signCookies(key, streamResource(target), time.Duration(job.Lifetime)*time.Second)
		signed := ""
		for i, cookie := range cookies {
			if i > 0 {
				signed += "; "
			}
			signed += cookie[0] + "=" + cookie[1]
		}
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
