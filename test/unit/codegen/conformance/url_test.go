package main

// signOne for a URL variant: the generated signURL (driver_test.go runs it over the corpus).

import (
	"crypto"
	"time"
)

func signOne(key crypto.Signer, target string, lifetime time.Duration) (string, error) {
	return signURL(key, target, lifetime)
}
