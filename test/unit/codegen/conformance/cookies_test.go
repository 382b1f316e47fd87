package main

// signOne for a cookies variant: the generated signCookies, as one Cookie header value (driver_test.go
// runs it over the corpus).

import (
	"crypto"
	"time"
)

func signOne(key crypto.Signer, resource string, lifetime time.Duration) (string, error) {
	return cookieHeader(signCookies(key, resource, lifetime))
}
