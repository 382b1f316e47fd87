// The browser form in generated Java: the same rules as the extension's core (src/signing/url.ts,
// src/signing/resource.ts), proven equal on test/fixtures/conformance/urls.json. JDK only (java.net.IDN,
// InetAddress for IPv6 literals). Java source, ASCII only; no backslash-u outside string literals.

/** Needed by both kinds: the default ports, the refusal of unsafe text, percent-encoding. */
export const JAVA_COMMON = String.raw`    static final Map<String, Integer> SCHEME_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443);

    /** Quotes, backslashes and control characters would change the policy's JSON: refused, as the extension does; so is a fragment, which clients never send. */
    static void refuseUnsafe(String text, String name) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s contains U+%04X at position %d; percent-encode it or remove it", name, (int) c, i));
            }
        }
        if (text.contains("#")) throw new IllegalArgumentException(name + " has a fragment (#...): clients never send it, so remove it before signing");
    }

    /** UTF-8 %XX for spaces, controls, non-ASCII and the characters in escaped, as browsers write them; a lone surrogate becomes U+FFFD. */
    static String percentEncode(String text, String escaped) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(point -> {
            int c = Character.getType(point) == Character.SURROGATE ? 0xFFFD : point;
            if (c >= 0x21 && c <= 0x7e && escaped.indexOf(c) < 0) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
            }
        });
        return out.toString();
    }
`;

/** browserUrl and what it needs (imports java.net.IDN, java.net.InetAddress, java.net.URLDecoder). */
export const JAVA_URL = String.raw`    static final List<String> SIGNING_PARAMETERS = List.of("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm");

    /** One part of an IPv4 address as WHATWG reads it (0x hex, leading-zero octal, decimal), or -1. */
    static long ipv4Number(String part) {
        int radix = 10;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            part = part.substring(2);
            radix = 16;
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            part = part.substring(1);
            radix = 8;
        }
        if (part.isEmpty()) return 0;
        if (part.length() > 12) return -1;
        for (char c : part.toCharArray()) if (Character.digit(c, radix) < 0 || c > 0x7f) return -1;
        return Long.parseLong(part, radix);
    }

    /** The dotted-decimal form of a host WHATWG reads as an IPv4 address, or null for a domain. */
    static String ipv4(String host) {
        List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        String last = parts.get(parts.size() - 1);
        boolean number = !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
        if (last.toLowerCase(Locale.ROOT).startsWith("0x") && ipv4Number(last) >= 0) number = true;
        if (!number) return null;
        IllegalArgumentException bad = new IllegalArgumentException("the host " + host + " is no valid IPv4 address");
        if (parts.size() > 4) throw bad;
        long value = 0;
        for (int i = 0; i < parts.size(); i++) {
            long n = parts.get(i).isEmpty() ? -1 : ipv4Number(parts.get(i));
            if (n < 0) throw bad;
            if (i < parts.size() - 1) {
                if (n > 255) throw bad;
                value += n << (8 * (3 - i));
            } else {
                if (n >= 1L << (8 * (5 - parts.size()))) throw bad;
                value += n;
            }
        }
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }

    /** An IPv6 literal as WHATWG writes it: lowercase hex, the first longest run of zeros as ::. */
    static String ipv6(String text) throws Exception {
        if (!text.matches("[0-9A-Fa-f:.]+")) throw new IllegalArgumentException("the host [" + text + "] is no valid IPv6 address");
        byte[] bytes = InetAddress.getByName("[" + text + "]").getAddress(); // a literal: no DNS lookup
        int[] pieces = new int[8];
        if (bytes.length == 4) { // the JDK answers ::ffff:a.b.c.d with the IPv4 address
            pieces[5] = 0xffff;
            pieces[6] = (bytes[0] & 255) << 8 | (bytes[1] & 255);
            pieces[7] = (bytes[2] & 255) << 8 | (bytes[3] & 255);
        } else {
            for (int i = 0; i < 8; i++) pieces[i] = (bytes[2 * i] & 255) << 8 | (bytes[2 * i + 1] & 255);
        }
        int start = -1;
        int length = 1;
        for (int i = 0; i < 8;) {
            int run = i;
            while (run < 8 && pieces[run] == 0) run++;
            if (run - i > length) {
                start = i;
                length = run - i;
            }
            i = Math.max(run, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == start) {
                out.append(i == 0 ? "::" : ":");
                i += length - 1;
                continue;
            }
            out.append(Integer.toHexString(pieces[i])).append(i < 7 ? ":" : "");
        }
        return out.toString();
    }

    /** The host as a browser sends it: lowercase, IDNA (punycode) for non-ASCII, IP addresses in canonical form. */
    static String browserHost(String text) throws Exception {
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) throw new IllegalArgumentException("the host " + text + " is no valid IPv6 address");
            return "[" + ipv6(text.substring(1, text.length() - 1)) + "]";
        }
        String domain = text;
        try {
            domain = java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            domain = text;
        }
        if (!domain.chars().allMatch(c -> c < 0x80)) {
            // IDNA 2003 (java.net.IDN); browsers use UTS 46, which differs only for U+00DF, U+03C2 and the joiners.
            StringBuilder ascii = new StringBuilder();
            for (String label : domain.split("[.\u3002\uff0e\uff61]", -1)) {

                ascii.append(label.isEmpty() ? "" : IDN.toASCII(label, IDN.ALLOW_UNASSIGNED)).append('.');
            }
            domain = ascii.substring(0, ascii.length() - 1);
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.chars().anyMatch(c -> " <>@[]^|%/:?#\\".indexOf(c) >= 0 || c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the host " + text + " holds a character no host can hold");
        }
        String address = ipv4(domain);
        return address != null ? address : domain;
    }

    /** Dot segments resolved and UTF-8 %XX escapes, as a browser sends the path; an empty path is /. */
    static String browserPath(String path) {
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {path};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String lower = segments[i].toLowerCase(Locale.ROOT);
            if (lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                if (last) out.add("");
            } else if (lower.equals(".") || lower.equals("%2e")) {
                if (last) out.add("");
            } else {
                out.add(percentEncode(segments[i], " \"#<>?\140{}^"));
            }
        }
        return "/" + String.join("/", out);
    }

    /** The URL exactly as a browser sends it (WHATWG URL): scheme and host in lowercase (non-ASCII hosts in punycode),
     *  no default port, dot segments resolved, path and query percent-encoded as browsers do, / for an empty path.
     *  CloudFront checks the signature against the request's URL, so any other spelling is refused. */
    static String browserUrl(String url) throws Exception {
        url = url.replaceAll("^ +| +$", "");
        refuseUnsafe(url, "url");
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        Integer defaultPort = SCHEME_PORTS.get(scheme);
        if (defaultPort == null) throw new IllegalArgumentException("url " + url + " is no http, https, ws or wss URL");
        String rest = url.substring(colon + 1).replaceAll("^/+", "");
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) if (rest.indexOf(stop) >= 0) end = Math.min(end, rest.indexOf(stop));
        String authority = rest.substring(0, end);
        rest = rest.substring(end);
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            if (!userinfo.isEmpty() && !userinfo.equals(":")) throw new IllegalArgumentException("url contains a user name or password; clients do not send them, so remove them");
            hostPort = authority.substring(at + 1);
        }
        int colonAt = hostPort.indexOf(':', hostPort.lastIndexOf(']') + 1);
        String host = colonAt < 0 ? hostPort : hostPort.substring(0, colonAt);
        String port = colonAt < 0 ? "" : hostPort.substring(colonAt + 1);
        if (!port.isEmpty()) {
            if (!port.matches("[0-9]+") || port.replaceFirst("^0+(?=.)", "").length() > 5 || Integer.parseInt(port.replaceFirst("^0+(?=.)", "")) > 65535) {
                throw new IllegalArgumentException("url has the port " + port + ", which is no port number");
            }
            int number = Integer.parseInt(port.replaceFirst("^0+(?=.)", ""));
            port = number == defaultPort ? "" : ":" + number;
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : percentEncode(rest.substring(question + 1), " \"#<>'");
        List<String> reserved = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (SIGNING_PARAMETERS.contains(name)) reserved.add(name);
        }
        if (!reserved.isEmpty()) throw new IllegalArgumentException("url already has the query parameter " + String.join(", ", reserved) + ", which CloudFront reserves for signed URLs");
        return scheme + "://" + browserHost(host) + port + browserPath(path) + (query.isEmpty() ? "" : "?" + query);
    }
`;

/** browserResource and what it needs. */
export const JAVA_RESOURCE = String.raw`    /** True when pattern (* any run of characters, ? exactly one) matches all of text, as CloudFront matches. */
    static boolean wildcardMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                textAtStar = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (star != -1) {
                p = star + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }

    /** Host in lowercase, without the scheme's default port, as browsers send it. */
    static String resourceAuthority(String scheme, String authority) {
        int portAt = authority.lastIndexOf(':');
        String host = (portAt < 0 ? authority : authority.substring(0, portAt)).toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.chars().anyMatch(c -> " <>^|%@[]".indexOf(c) >= 0)) throw new IllegalArgumentException("resource has the host " + host + ", which no URL a browser sends has");
        if (portAt < 0) return host;
        String port = authority.substring(portAt + 1);
        if (port.contains("*") || port.contains("?")) return host + ":" + port;
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) throw new IllegalArgumentException("resource has the port " + port + ", which is no port number");
        int number = Integer.parseInt(port);
        return number == SCHEME_PORTS.getOrDefault(scheme, -1) ? host : host + ":" + number;
    }

    /** Dot segments removed before the first wildcard; the last segment counts only when the path ends there. */
    static String resourceDots(String path, boolean complete) {
        String[] segments = path.substring(1).split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String lower = segments[i].toLowerCase(Locale.ROOT);
            if (last && !complete) {
                out.add(segments[i]);
            } else if (lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                if (last) out.add("");
            } else if (lower.equals(".") || lower.equals("%2e")) {
                if (last) out.add("");
            } else {
                out.add(segments[i]);
            }
        }
        return "/" + String.join("/", out);
    }

    /** The cookie policy's Resource as browsers write the URLs it is to match (wildcards * and ? kept): scheme and host
     *  in lowercase, no default port, dot segments resolved before the first wildcard, and spaces, non-ASCII, < and >
     *  (in the path before a wildcard also the backtick, {, } and ^) as UTF-8 %XX. */
    static String browserResource(String resource) {
        if (resource.isEmpty()) throw new IllegalArgumentException("resource is empty");
        refuseUnsafe(resource, "resource");
        int schemeEnd = resource.indexOf("://");
        if (schemeEnd < 0) throw new IllegalArgumentException("resource " + resource + " has no scheme, such as https://");
        String scheme = resource.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (SCHEME_PORTS.keySet().stream().noneMatch(name -> wildcardMatches(scheme, name))) {
            throw new IllegalArgumentException("resource uses the scheme " + scheme + "; only http, https, ws and wss work");
        }
        int authorityEnd = resource.indexOf('/', schemeEnd + 3);
        String authority = resource.substring(schemeEnd + 3, authorityEnd < 0 ? resource.length() : authorityEnd);
        if (authority.chars().anyMatch(c -> c > 0x7f)) throw new IllegalArgumentException("resource has a non-ASCII host (" + authority + "); write it in its xn-- form");
        int wildcard = -1;
        for (int i = 0; i < authority.length() && wildcard < 0; i++) if (authority.charAt(i) == '*' || authority.charAt(i) == '?') wildcard = i;
        String host = wildcard < 0 ? resourceAuthority(scheme, authority) : authority.substring(0, wildcard).toLowerCase(Locale.ROOT) + authority.substring(wildcard);
        String rest = authorityEnd >= 0 ? resource.substring(authorityEnd) : wildcard < 0 ? "/" : "";
        int at = -1;
        for (int i = 0; i < rest.length() && at < 0; i++) if (rest.charAt(i) == '*' || rest.charAt(i) == '?') at = i;
        String path = at < 0 ? rest : rest.substring(0, at);
        String tail = at < 0 ? "" : rest.substring(at);
        return scheme + "://" + host + percentEncode(path.isEmpty() ? "" : resourceDots(path, at < 0), "<>\140{}^") + percentEncode(tail, "<>");
    }
`;
