package main

// signOne for a streamCookies variant: each target taken as a playlist's URL, the generated signCookies
// over its folder (streamResource), as one Cookie header value (driver_test.go runs it over the corpus).

import (
	"crypto"
	"time"
)

func signOne(key crypto.Signer, playlistURL string, lifetime time.Duration) (string, error) {
	return cookieHeader(signCookies(key, streamResource(playlistURL), lifetime))
}
