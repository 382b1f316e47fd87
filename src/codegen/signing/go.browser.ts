// The browser form in generated Go: the same rules as the extension's core (src/signing/url.ts,
// src/signing/resource.ts), proven equal on test/fixtures/conformance/urls.json. Hosts map through
// golang.org/x/net/idna with WHATWG URL's options (UTS #46, nontransitional). Go source, gofmt-formatted.

/** Needed by both kinds: the default ports, the refusal of unsafe text, percent-encoding. */
export const GO_COMMON = String.raw`var schemePorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443"}

// refuseUnsafe refuses quotes, backslashes and control characters (they would change the policy's JSON),
// as the extension does, and a fragment, which clients never send.
func refuseUnsafe(text, name string) error {
	for index, r := range text {
		if r == '"' || r == '\\' || r < 0x20 || (r >= 0x7f && r <= 0x9f) {
			return fmt.Errorf("%s contains %q at position %d; percent-encode it or remove it", name, r, index)
		}
	}
	if strings.Contains(text, "#") {
		return fmt.Errorf("%s has a fragment (#...): clients never send it, so remove it before signing", name)
	}
	return nil
}

// percentEncode writes spaces, control characters, non-ASCII (as UTF-8) and the bytes in escaped as %XX,
// as browsers do. Invalid UTF-8 becomes U+FFFD first, as WHATWG URL parsing does.
func percentEncode(text, escaped string) string {
	var out strings.Builder
	for _, b := range []byte(strings.ToValidUTF8(text, "\uFFFD")) {
		if b < 0x21 || b > 0x7e || strings.IndexByte(escaped, b) >= 0 {
			fmt.Fprintf(&out, "%%%02X", b)
		} else {
			out.WriteByte(b)
		}
	}
	return out.String()
}
`;

/** browserURL and what it needs (imports net/netip, net/url, golang.org/x/net/idna). */
export const GO_URL = String.raw`var signingParameters = map[string]bool{"Expires": true, "Policy": true, "Signature": true, "Key-Pair-Id": true, "Hash-Algorithm": true}

// whatwgIDNA is the host mapping of WHATWG URL: UTS #46, nontransitional, no STD3 rules, no hyphen checks.
var whatwgIDNA = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false), idna.StrictDomainName(false), idna.CheckHyphens(false))

// ipv4Number reads one part of an IPv4 address as WHATWG does: 0x hex, leading-zero octal or decimal.
func ipv4Number(part string) (uint64, bool) {
	base := 10
	if len(part) >= 2 && (part[:2] == "0x" || part[:2] == "0X") {
		part, base = part[2:], 16
	} else if len(part) > 1 && part[0] == '0' {
		part, base = part[1:], 8
	}
	if part == "" {
		return 0, true
	}
	for _, r := range part {
		if !strings.ContainsRune("0123456789abcdefABCDEF"[:base+map[bool]int{true: 6, false: 0}[base == 16]], r) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(part, base, 64)
	return n, err == nil
}

// ipv4 returns the dotted-decimal form of a host that WHATWG reads as an IPv4 address ("" for a domain).
func ipv4(host string) (string, error) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	isNumber := last != "" && strings.Trim(last, "0123456789") == ""
	if _, ok := ipv4Number(last); strings.HasPrefix(strings.ToLower(last), "0x") && ok {
		isNumber = true
	}
	if !isNumber {
		return "", nil
	}
	bad := fmt.Errorf("the host %s is no valid IPv4 address", host)
	if len(parts) > 4 {
		return "", bad
	}
	var value uint64
	for index, part := range parts {
		n, ok := ipv4Number(part)
		if part == "" || !ok {
			return "", bad
		}
		if index < len(parts)-1 {
			if n > 255 {
				return "", bad
			}
			value += n << (8 * (3 - index))
		} else {
			if n >= 1<<(8*(5-len(parts))) {
				return "", bad
			}
			value += n
		}
	}
	return fmt.Sprintf("%d.%d.%d.%d", value>>24&255, value>>16&255, value>>8&255, value&255), nil
}

// ipv6 writes an IPv6 literal as WHATWG does: lowercase hex, the first longest run of zeros as ::.
func ipv6(text string) (string, error) {
	address, err := netip.ParseAddr(text)
	if err != nil || !address.Is6() || address.Zone() != "" {
		return "", fmt.Errorf("the host [%s] is no valid IPv6 address", text)
	}
	bytes := address.As16()
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(bytes[2*i])<<8 | uint16(bytes[2*i+1])
	}
	start, length := -1, 1
	for i := 0; i < 8; {
		run := i
		for run < 8 && pieces[run] == 0 {
			run++
		}
		if run-i > length {
			start, length = i, run-i
		}
		if run > i {
			i = run
		} else {
			i++
		}
	}
	hex := func(list []uint16) string {
		parts := make([]string, len(list))
		for i, piece := range list {
			parts[i] = strconv.FormatUint(uint64(piece), 16)
		}
		return strings.Join(parts, ":")
	}
	if start == -1 {
		return hex(pieces[:]), nil
	}
	return hex(pieces[:start]) + "::" + hex(pieces[start+length:]), nil
}

// browserHost is the host as a browser sends it: lowercase, IDNA (punycode) for non-ASCII, IP addresses in
// their canonical form.
func browserHost(text string) (string, error) {
	if strings.HasPrefix(text, "[") {
		if !strings.HasSuffix(text, "]") {
			return "", fmt.Errorf("the host %s is no valid IPv6 address", text)
		}
		address, err := ipv6(text[1 : len(text)-1])
		return "[" + address + "]", err
	}
	domain, err := url.PathUnescape(text)
	if err != nil {
		domain = text
	}
	domain = strings.ToValidUTF8(domain, "\uFFFD")
	if domain, err = whatwgIDNA.ToASCII(domain); err != nil {
		return "", fmt.Errorf("the host %s is no valid domain name: %v", text, err)
	}
	domain = strings.ToLower(domain)
	if domain == "" || strings.ContainsAny(domain, " <>@[]^|%/:?#\\\x7f") || strings.IndexFunc(domain, func(r rune) bool { return r < 0x20 }) >= 0 {
		return "", fmt.Errorf("the host %s holds a character no host can hold", text)
	}
	if address, err := ipv4(domain); address != "" || err != nil {
		return address, err
	}
	return domain, nil
}

// browserPath resolves dot segments and percent-encodes the path as a browser sends it; an empty path is /.
func browserPath(path string) string {
	segments := []string{path}
	if strings.HasPrefix(path, "/") {
		segments = strings.Split(path[1:], "/")
	}
	var out []string
	for index, segment := range segments {
		last := index == len(segments)-1
		switch strings.ToLower(segment) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case ".", "%2e":
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, percentEncode(segment, " \"#<>?\x60{}^"))
		}
	}
	return "/" + strings.Join(out, "/")
}

// browserURL is the URL exactly as a browser sends it (WHATWG URL): scheme and host in lowercase
// (non-ASCII hosts in punycode), no default port, dot segments resolved, path and query percent-encoded
// as browsers do, / for an empty path. CloudFront checks the signature against the request's URL, so any
// other spelling is refused.
func browserURL(raw string) (string, error) {
	raw = strings.Trim(raw, " ")
	if err := refuseUnsafe(raw, "url"); err != nil {
		return "", err
	}
	colon := strings.Index(raw, ":")
	scheme := ""
	if colon > 0 {
		scheme = strings.ToLower(raw[:colon])
	}
	defaultPort, ok := schemePorts[scheme]
	if !ok {
		return "", fmt.Errorf("url %q is no http, https, ws or wss URL", raw)
	}
	rest := strings.TrimLeft(raw[colon+1:], "/")
	end := strings.IndexAny(rest, "/?")
	if end == -1 {
		end = len(rest)
	}
	authority, rest := rest[:end], rest[end:]
	hostPort := authority
	if at := strings.LastIndex(authority, "@"); at != -1 {
		if userinfo := authority[:at]; userinfo != "" && userinfo != ":" {
			return "", errors.New("url contains a user name or password; clients do not send them, so remove them")
		}
		hostPort = authority[at+1:]
	}
	host, port := hostPort, ""
	if colonAt := strings.Index(hostPort[strings.LastIndex(hostPort, "]")+1:], ":"); colonAt != -1 {
		colonAt += strings.LastIndex(hostPort, "]") + 1
		host, port = hostPort[:colonAt], hostPort[colonAt+1:]
	}
	if port != "" {
		number, err := strconv.ParseUint(port, 10, 32)
		if err != nil || strings.Trim(port, "0123456789") != "" || number > 65535 {
			return "", fmt.Errorf("url has the port %q, which is no port number", port)
		}
		port = ":" + strconv.FormatUint(number, 10)
		if port == ":"+defaultPort {
			port = ""
		}
	}
	path, query, _ := strings.Cut(rest, "?")
	query = percentEncode(query, " \"#<>'")
	var reserved []string
	for _, pair := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(pair, "=")
		if signingParameters[name] {
			reserved = append(reserved, name)
		}
	}
	if len(reserved) > 0 {
		return "", fmt.Errorf("url already has the query parameter %s, which CloudFront reserves for signed URLs", strings.Join(reserved, ", "))
	}
	host, err := browserHost(host)
	if err != nil {
		return "", err
	}
	if query != "" {
		query = "?" + query
	}
	return scheme + "://" + host + port + browserPath(path) + query, nil
}
`;

/** browserResource and what it needs. */
export const GO_RESOURCE = String.raw`// wildcardMatches tells whether pattern (* any run of characters, ? exactly one) matches all of text, as
// CloudFront matches.
func wildcardMatches(pattern, text string) bool {
	p, t, star, textAtStar := 0, 0, -1, 0
	for t < len(text) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, textAtStar = p, t
			p++
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == text[t]):
			p++
			t++
		case star != -1:
			p = star + 1
			textAtStar++
			t = textAtStar
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// resourceAuthority is the host in lowercase, without the scheme's default port, as browsers send it.
func resourceAuthority(scheme, authority string) (string, error) {
	portAt := strings.LastIndex(authority, ":")
	host, port := authority, ""
	if portAt != -1 {
		host, port = authority[:portAt], authority[portAt+1:]
	}
	host = strings.ToLower(host)
	if host == "" || strings.ContainsAny(host, " <>^|%@[]") {
		return "", fmt.Errorf("resource has the host %q, which no URL a browser sends has", host)
	}
	if portAt == -1 {
		return host, nil
	}
	if strings.ContainsAny(port, "*?") {
		return host + ":" + port, nil
	}
	number, err := strconv.Atoi(port)
	if err != nil || port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" || number > 65535 {
		return "", fmt.Errorf("resource has the port %q, which is no port number", port)
	}
	if strconv.Itoa(number) == schemePorts[scheme] {
		return host, nil
	}
	return host + ":" + strconv.Itoa(number), nil
}

// resourceDots removes dot segments before the first wildcard; the last segment counts only when the path
// ends there.
func resourceDots(path string, complete bool) string {
	segments := strings.Split(path, "/")[1:]
	var out []string
	for index, segment := range segments {
		last := index == len(segments)-1
		lower := strings.ToLower(segment)
		switch {
		case last && !complete:
			out = append(out, segment)
		case lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case lower == "." || lower == "%2e":
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, segment)
		}
	}
	return "/" + strings.Join(out, "/")
}

// browserResource is the cookie policy's Resource as browsers write the URLs it is to match (wildcards *
// and ? kept): scheme and host in lowercase, no default port, dot segments resolved before the first
// wildcard, and spaces, non-ASCII, < and > (in the path before a wildcard also the backtick, {, } and ^)
// as UTF-8 %XX.
func browserResource(resource string) (string, error) {
	if resource == "" {
		return "", errors.New("resource is empty")
	}
	if err := refuseUnsafe(resource, "resource"); err != nil {
		return "", err
	}
	schemeEnd := strings.Index(resource, "://")
	if schemeEnd == -1 {
		return "", fmt.Errorf("resource %q has no scheme, such as https://", resource)
	}
	scheme := strings.ToLower(resource[:schemeEnd])
	known := false
	for name := range schemePorts {
		known = known || wildcardMatches(scheme, name)
	}
	if !known {
		return "", fmt.Errorf("resource uses the scheme %s; only http, https, ws and wss work", scheme)
	}
	authorityEnd := strings.Index(resource[schemeEnd+3:], "/")
	authority, rest := resource[schemeEnd+3:], ""
	if authorityEnd != -1 {
		authority, rest = resource[schemeEnd+3:schemeEnd+3+authorityEnd], resource[schemeEnd+3+authorityEnd:]
	}
	if strings.IndexFunc(authority, func(r rune) bool { return r > 0x7f }) >= 0 {
		return "", fmt.Errorf("resource has a non-ASCII host (%s); write it in its xn-- form", authority)
	}
	host := authority
	if wildcard := strings.IndexAny(authority, "*?"); wildcard != -1 {
		host = strings.ToLower(authority[:wildcard]) + authority[wildcard:]
	} else {
		var err error
		if host, err = resourceAuthority(scheme, authority); err != nil {
			return "", err
		}
		if authorityEnd == -1 {
			rest = "/"
		}
	}
	path, tail := rest, ""
	if at := strings.IndexAny(rest, "*?"); at != -1 {
		path, tail = rest[:at], rest[at:]
	}
	if path != "" {
		path = resourceDots(path, tail == "")
	}
	return scheme + "://" + host + percentEncode(path, "<>\x60{}^") + percentEncode(tail, "<>"), nil
}
`;
