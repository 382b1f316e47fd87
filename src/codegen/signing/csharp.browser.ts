// The browser form in generated C#: the same rules as the extension's core (src/signing/url.ts,
// src/signing/resource.ts), proven equal on test/fixtures/conformance/urls.json (on Mono, in
// conformance.test.ts). Base class library only (IdnMapping, IPAddress). C# 7 source, ASCII only.

/** Needed by both kinds: the default ports, the refusal of unsafe text, percent-encoding. */
export const CSHARP_COMMON = String.raw`        static readonly Dictionary<string, int> SchemePorts = new Dictionary<string, int> { { "http", 80 }, { "https", 443 }, { "ws", 80 }, { "wss", 443 } };

        // Quotes, backslashes and control characters would change the policy's JSON: refused, as the extension does; so is
        // a fragment, which clients never send.
        static void RefuseUnsafe(string text, string name)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"' || c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "{0} contains U+{1:X4} at position {2}; percent-encode it or remove it", name, (int)c, i));
                }
            }
            if (text.Contains("#")) throw new ArgumentException(name + " has a fragment (#...): clients never send it, so remove it before signing");
        }

        // UTF-8 %XX for spaces, controls, non-ASCII and the characters in escaped, as browsers write them; a lone surrogate
        // becomes U+FFFD.
        static string PercentEncode(string text, string escaped)
        {
            var output = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 0x21 && c <= 0x7e && escaped.IndexOf(c) < 0)
                {
                    output.Append(c);
                    continue;
                }
                string character;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) character = text.Substring(i++, 2);
                else character = char.IsSurrogate(c) ? "\uFFFD" : c.ToString();
                foreach (var b in new UTF8Encoding(false).GetBytes(character)) output.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            return output.ToString();
        }
`;

/** BrowserUrl and what it needs (usings System.Net, System.Net.Sockets). */
export const CSHARP_URL = String.raw`        static readonly string[] SigningParameters = { "Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm" };

        // One part of an IPv4 address as WHATWG reads it (0x hex, leading-zero octal, decimal), or -1.
        static long Ipv4Number(string part)
        {
            var radix = 10;
            if (part.Length >= 2 && (part.StartsWith("0x", StringComparison.Ordinal) || part.StartsWith("0X", StringComparison.Ordinal)))
            {
                part = part.Substring(2);
                radix = 16;
            }
            else if (part.Length > 1 && part[0] == '0')
            {
                part = part.Substring(1);
                radix = 8;
            }
            if (part.Length == 0) return 0;
            if (part.Length > 12) return -1;
            long value = 0;
            foreach (var c in part)
            {
                var digit = "0123456789abcdef".IndexOf(char.ToLowerInvariant(c));
                if (digit < 0 || digit >= radix) return -1;
                value = value * radix + digit;
            }
            return value;
        }

        // The dotted-decimal form of a host WHATWG reads as an IPv4 address, or null for a domain.
        static string Ipv4(string host)
        {
            var parts = host.Split('.').ToList();
            if (parts.Count > 1 && parts[parts.Count - 1].Length == 0) parts.RemoveAt(parts.Count - 1);
            var last = parts[parts.Count - 1];
            var number = last.Length > 0 && last.All(c => c >= '0' && c <= '9');
            if (last.ToLowerInvariant().StartsWith("0x", StringComparison.Ordinal) && Ipv4Number(last) >= 0) number = true;
            if (!number) return null;
            var bad = new ArgumentException("the host " + host + " is no valid IPv4 address");
            if (parts.Count > 4) throw bad;
            long value = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                var n = parts[i].Length == 0 ? -1 : Ipv4Number(parts[i]);
                if (n < 0) throw bad;
                if (i < parts.Count - 1)
                {
                    if (n > 255) throw bad;
                    value += n << (8 * (3 - i));
                }
                else
                {
                    if (n >= 1L << (8 * (5 - parts.Count))) throw bad;
                    value += n;
                }
            }
            return string.Join(".", new[] { value >> 24 & 255, value >> 16 & 255, value >> 8 & 255, value & 255 });
        }

        // An IPv6 literal as WHATWG writes it: lowercase hex, the first longest run of zeros as ::.
        static string Ipv6(string text)
        {
            IPAddress address;
            if (!text.All(c => Uri.IsHexDigit(c) || c == ':' || c == '.') || !IPAddress.TryParse(text, out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new ArgumentException("the host [" + text + "] is no valid IPv6 address");
            }
            var bytes = address.GetAddressBytes();
            var pieces = new int[8];
            for (var i = 0; i < 8; i++) pieces[i] = bytes[2 * i] << 8 | bytes[2 * i + 1];
            int start = -1, length = 1;
            for (var i = 0; i < 8;)
            {
                var run = i;
                while (run < 8 && pieces[run] == 0) run++;
                if (run - i > length)
                {
                    start = i;
                    length = run - i;
                }
                i = Math.Max(run, i + 1);
            }
            Func<IEnumerable<int>, string> hex = list => string.Join(":", list.Select(piece => piece.ToString("x", CultureInfo.InvariantCulture)));
            if (start == -1) return hex(pieces);
            return hex(pieces.Take(start)) + "::" + hex(pieces.Skip(start + length));
        }

        // The host as a browser sends it: lowercase, IDNA (punycode) for non-ASCII, IP addresses in canonical form.
        static string BrowserHost(string text)
        {
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                if (!text.EndsWith("]", StringComparison.Ordinal)) throw new ArgumentException("the host " + text + " is no valid IPv6 address");
                return "[" + Ipv6(text.Substring(1, text.Length - 2)) + "]";
            }
            var domain = Uri.UnescapeDataString(text);
            if (domain.Any(c => c > 0x7f))
            {
                // IdnMapping: UTS 46 on .NET 5+ (ICU); older runtimes use IDNA 2003, which differs for U+00DF, U+03C2 and the joiners.
                var labels = domain.Split('.', '\u3002', '\uff0e', '\uff61');
                domain = string.Join(".", labels.Select(label => label.Length == 0 ? "" : new IdnMapping { AllowUnassigned = true }.GetAscii(label)));
            }
            domain = domain.ToLowerInvariant();
            if (domain.Length == 0 || domain.Any(c => " <>@[]^|%/:?#\\".IndexOf(c) >= 0 || c < 0x20 || c == 0x7f))
            {
                throw new ArgumentException("the host " + text + " holds a character no host can hold");
            }
            return Ipv4(domain) ?? domain;
        }

        // Dot segments resolved and UTF-8 %XX escapes, as a browser sends the path; an empty path is /.
        static string BrowserPath(string path)
        {
            var segments = path.StartsWith("/", StringComparison.Ordinal) ? path.Substring(1).Split('/') : new[] { path };
            var output = new List<string>();
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var lower = segments[i].ToLowerInvariant();
                if (lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e")
                {
                    if (output.Count > 0) output.RemoveAt(output.Count - 1);
                    if (last) output.Add("");
                }
                else if (lower == "." || lower == "%2e")
                {
                    if (last) output.Add("");
                }
                else
                {
                    output.Add(PercentEncode(segments[i], " \"#<>?\u0060{}^"));
                }
            }
            return "/" + string.Join("/", output);
        }

        // The URL exactly as a browser sends it (WHATWG URL): scheme and host in lowercase (non-ASCII hosts in punycode),
        // no default port, dot segments resolved, path and query percent-encoded as browsers do, / for an empty path.
        // CloudFront checks the signature against the request's URL, so any other spelling is refused.
        public static string BrowserUrl(string url)
        {
            url = url.Trim(' ');
            RefuseUnsafe(url, "url");
            var colon = url.IndexOf(':');
            var scheme = colon > 0 ? url.Substring(0, colon).ToLowerInvariant() : "";
            int defaultPort;
            if (!SchemePorts.TryGetValue(scheme, out defaultPort)) throw new ArgumentException("url " + url + " is no http, https, ws or wss URL");
            var rest = url.Substring(colon + 1).TrimStart('/');
            var end = rest.IndexOfAny(new[] { '/', '?' });
            if (end < 0) end = rest.Length;
            var authority = rest.Substring(0, end);
            rest = rest.Substring(end);
            var hostPort = authority;
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                var userinfo = authority.Substring(0, at);
                if (userinfo.Length > 0 && userinfo != ":") throw new ArgumentException("url contains a user name or password; clients do not send them, so remove them");
                hostPort = authority.Substring(at + 1);
            }
            var colonAt = hostPort.IndexOf(':', hostPort.LastIndexOf(']') + 1);
            var host = colonAt < 0 ? hostPort : hostPort.Substring(0, colonAt);
            var port = colonAt < 0 ? "" : hostPort.Substring(colonAt + 1);
            if (port.Length > 0)
            {
                var digits = port.TrimStart('0');
                int number;
                if (!port.All(c => c >= '0' && c <= '9') || digits.Length > 5 || !int.TryParse(digits.Length == 0 ? "0" : digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number > 65535)
                {
                    throw new ArgumentException("url has the port " + port + ", which is no port number");
                }
                port = number == defaultPort ? "" : ":" + number.ToString(CultureInfo.InvariantCulture);
            }
            var question = rest.IndexOf('?');
            var path = question < 0 ? rest : rest.Substring(0, question);
            var query = question < 0 ? "" : PercentEncode(rest.Substring(question + 1), " \"#<>'");
            var reserved = query.Split('&').Select(pair => pair.Split('=')[0]).Where(name => SigningParameters.Contains(name)).ToList();
            if (reserved.Count > 0) throw new ArgumentException("url already has the query parameter " + string.Join(", ", reserved) + ", which CloudFront reserves for signed URLs");
            return scheme + "://" + BrowserHost(host) + port + BrowserPath(path) + (query.Length == 0 ? "" : "?" + query);
        }
`;

/** BrowserResource and what it needs. */
export const CSHARP_RESOURCE = String.raw`        // True when pattern (* any run of characters, ? exactly one) matches all of text, as CloudFront matches.
        static bool WildcardMatches(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, textAtStar = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    textAtStar = t;
                }
                else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    p++;
                    t++;
                }
                else if (star != -1)
                {
                    p = star + 1;
                    t = ++textAtStar;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        // Host in lowercase, without the scheme's default port, as browsers send it.
        static string ResourceAuthority(string scheme, string authority)
        {
            var portAt = authority.LastIndexOf(':');
            var host = (portAt < 0 ? authority : authority.Substring(0, portAt)).ToLowerInvariant();
            if (host.Length == 0 || host.Any(c => " <>^|%@[]".IndexOf(c) >= 0)) throw new ArgumentException("resource has the host " + host + ", which no URL a browser sends has");
            if (portAt < 0) return host;
            var port = authority.Substring(portAt + 1);
            if (port.Contains("*") || port.Contains("?")) return host + ":" + port;
            int number;
            if (port.Length == 0 || port.Length > 5 || !port.All(c => c >= '0' && c <= '9') || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number > 65535)
            {
                throw new ArgumentException("resource has the port " + port + ", which is no port number");
            }
            int defaultPort;
            return SchemePorts.TryGetValue(scheme, out defaultPort) && number == defaultPort ? host : host + ":" + number.ToString(CultureInfo.InvariantCulture);
        }

        // Dot segments removed before the first wildcard; the last segment counts only when the path ends there.
        static string ResourceDots(string path, bool complete)
        {
            var segments = path.Substring(1).Split('/');
            var output = new List<string>();
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var lower = segments[i].ToLowerInvariant();
                if (last && !complete)
                {
                    output.Add(segments[i]);
                }
                else if (lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e")
                {
                    if (output.Count > 0) output.RemoveAt(output.Count - 1);
                    if (last) output.Add("");
                }
                else if (lower == "." || lower == "%2e")
                {
                    if (last) output.Add("");
                }
                else
                {
                    output.Add(segments[i]);
                }
            }
            return "/" + string.Join("/", output);
        }

        // The cookie policy's Resource as browsers write the URLs it is to match (wildcards * and ? kept): scheme and host
        // in lowercase, no default port, dot segments resolved before the first wildcard, and spaces, non-ASCII, < and >
        // (in the path before a wildcard also the backtick, {, } and ^) as UTF-8 %XX.
        public static string BrowserResource(string resource)
        {
            if (resource.Length == 0) throw new ArgumentException("resource is empty");
            RefuseUnsafe(resource, "resource");
            var schemeEnd = resource.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0) throw new ArgumentException("resource " + resource + " has no scheme, such as https://");
            var scheme = resource.Substring(0, schemeEnd).ToLowerInvariant();
            if (!SchemePorts.Keys.Any(name => WildcardMatches(scheme, name))) throw new ArgumentException("resource uses the scheme " + scheme + "; only http, https, ws and wss work");
            var authorityEnd = resource.IndexOf('/', schemeEnd + 3);
            var authority = resource.Substring(schemeEnd + 3, (authorityEnd < 0 ? resource.Length : authorityEnd) - schemeEnd - 3);
            if (authority.Any(c => c > 0x7f)) throw new ArgumentException("resource has a non-ASCII host (" + authority + "); write it in its xn-- form");
            var wildcard = authority.IndexOfAny(new[] { '*', '?' });
            var host = wildcard < 0 ? ResourceAuthority(scheme, authority) : authority.Substring(0, wildcard).ToLowerInvariant() + authority.Substring(wildcard);
            var rest = authorityEnd >= 0 ? resource.Substring(authorityEnd) : wildcard < 0 ? "/" : "";
            var at = rest.IndexOfAny(new[] { '*', '?' });
            var path = at < 0 ? rest : rest.Substring(0, at);
            var tail = at < 0 ? "" : rest.Substring(at);
            return scheme + "://" + host + PercentEncode(path.Length == 0 ? "" : ResourceDots(path, at < 0), "<>\u0060{}^") + PercentEncode(tail, "<>");
        }
`;
