// The browser form in generated Python: the same rules as the extension's core (src/signing/url.ts,
// src/signing/resource.ts), proven equal on test/fixtures/conformance/urls.json. Python source, ASCII only.

/** Needed by both kinds: the default ports, the refusal of unsafe text, percent-encoding. */
export const PYTHON_COMMON = String.raw`_SCHEME_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _refuse_unsafe(text: str, name: str) -> None:
    """Quotes, backslashes and control characters would change the policy's JSON: refused, as the extension does."""
    for index, character in enumerate(text):
        if character in "\"\\" or ord(character) < 0x20 or 0x7F <= ord(character) <= 0x9F:
            raise ValueError(f"{name} contains {character!r} at position {index}; percent-encode it or remove it")
    if "#" in text:
        raise ValueError(f"{name} has a fragment (#...): clients never send it, so remove it before signing")


def _percent_encode(text: str, escaped: str) -> str:
    """UTF-8 %XX for what a browser escapes; a lone surrogate becomes U+FFFD, as WHATWG URL parsing does."""
    out = []
    for character in text:
        if 0xD800 <= ord(character) <= 0xDFFF:
            character = "\ufffd"
        if ord(character) < 0x21 or ord(character) > 0x7E or character in escaped:
            out.append("".join(f"%{byte:02X}" for byte in character.encode("utf-8")))
        else:
            out.append(character)
    return "".join(out)
`;

/** browser_url and what it needs. */
export const PYTHON_URL = String.raw`_SIGNING_PARAMETERS = {"Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"}
_PATH_ESCAPED = ' "#<>?\x60{}^'
_QUERY_ESCAPED = " \"#<>'"


def _ipv4_number(part: str):
    """One part of an IPv4 address as WHATWG reads it (0x hex, leading-zero octal, decimal), or None."""
    base = 10
    if part[:2].lower() == "0x":
        part, base = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    digits = {10: "0123456789", 8: "01234567", 16: "0123456789abcdefABCDEF"}[base]
    if any(character not in digits for character in part):
        return None
    return int(part, base) if part else 0


def _ipv4(host: str):
    """The dotted-decimal form of a host WHATWG reads as an IPv4 address, or None when it is a domain."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    last = parts[-1]
    if not (last != "" and (last.isdigit() and last.isascii() or (last[:2].lower() == "0x" and all(c in "0123456789abcdefABCDEF" for c in last[2:])))):
        return None
    numbers = [_ipv4_number(part) if part != "" else None for part in parts]
    if len(parts) > 4 or None in numbers or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise ValueError(f"the host {host} is no valid IPv4 address")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ".".join(str((value >> shift) & 255) for shift in (24, 16, 8, 0))


def _ipv6(text: str) -> str:
    """An IPv6 literal as WHATWG writes it: lowercase hex, the first longest run of zeros as ::."""
    import ipaddress

    if "%" in text:
        raise ValueError(f"the IPv6 address [{text}] has a zone, which URLs cannot carry")
    packed = ipaddress.IPv6Address(text).packed
    pieces = [packed[i] << 8 | packed[i + 1] for i in range(0, 16, 2)]
    start, length = -1, 1
    index = 0
    while index < 8:
        run = index
        while run < 8 and pieces[run] == 0:
            run += 1
        if run - index > length:
            start, length = index, run - index
        index = max(run, index + 1)
    if start == -1:
        return ":".join(f"{piece:x}" for piece in pieces)
    return ":".join(f"{piece:x}" for piece in pieces[:start]) + "::" + ":".join(f"{piece:x}" for piece in pieces[start + length :])


def _host(text: str) -> str:
    """The host as a browser sends it: lowercase, IDNA (punycode) for non-ASCII, IP addresses in canonical form."""
    from urllib.parse import unquote

    if text.startswith("["):
        if not text.endswith("]"):
            raise ValueError(f"the host {text} is no valid IPv6 address")
        return f"[{_ipv6(text[1:-1])}]"
    domain = unquote(text, errors="replace")
    if not domain.isascii():
        # IDNA 2003 (Python's codec); browsers use UTS #46, which differs only for U+00DF, U+03C2 and the joiners.
        labels = domain.replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".").split(".")
        domain = ".".join(label.encode("idna").decode("ascii") if label else "" for label in labels)
    domain = domain.lower()
    if domain == "" or any(c in " <>@[]^|%/:?#\\" or ord(c) < 0x20 or ord(c) == 0x7F for c in domain):
        raise ValueError(f"the host {text} holds a character no host can hold")
    return _ipv4(domain) or domain


def _path(path: str) -> str:
    """Dot segments resolved and UTF-8 %XX escapes, as a browser sends the path; an empty path is /."""
    segments = path[1:].split("/") if path.startswith("/") else [path]
    out = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if out:
                out.pop()
            if last:
                out.append("")
        elif segment.lower() in (".", "%2e"):
            if last:
                out.append("")
        else:
            out.append(_percent_encode(segment, _PATH_ESCAPED))
    return "/" + "/".join(out)


def browser_url(url: str) -> str:
    """The URL exactly as a browser sends it (WHATWG URL): CloudFront checks the signature against that text.

    Scheme and host in lowercase (non-ASCII hosts in punycode), no default port, dot segments resolved, the
    path and query percent-encoded as browsers do, / for an empty path. A fragment is refused: it is never sent.
    """
    url = url.strip(" ")
    _refuse_unsafe(url, "url")
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in _SCHEME_PORTS:
        raise ValueError(f"url {url!r} is no http, https, ws or wss URL")
    rest = rest.lstrip("/")
    end = min((i for i in (rest.find("/"), rest.find("?")) if i != -1), default=len(rest))
    authority, rest = rest[:end], rest[end:]
    userinfo, at, hostport = authority.rpartition("@")
    if at and userinfo not in ("", ":"):
        raise ValueError("url contains a user name or password; clients do not send them, so remove them")
    bracket = hostport.rfind("]")
    colon_at = hostport.find(":", bracket + 1)
    host, port = (hostport, "") if colon_at == -1 else (hostport[:colon_at], hostport[colon_at + 1 :])
    if port and not (port.isascii() and port.isdigit() and int(port) <= 65535):
        raise ValueError(f"url has the port {port!r}, which is no port number")
    port = "" if not port or int(port) == _SCHEME_PORTS[scheme] else f":{int(port)}"
    path, question, query = rest.partition("?")
    query = _percent_encode(query, _QUERY_ESCAPED)
    reserved = sorted({pair.split("=", 1)[0] for pair in query.split("&")} & _SIGNING_PARAMETERS)
    if reserved:
        raise ValueError(f"url already has the query parameter {', '.join(reserved)}, which CloudFront reserves for signed URLs")
    return f"{scheme}://{_host(host)}{port}{_path(path)}{'?' + query if query else ''}"
`;

/** browser_resource and what it needs. */
export const PYTHON_RESOURCE = String.raw`def _wildcard_matches(pattern: str, text: str) -> bool:
    """True when pattern (* any run of characters, ? exactly one) matches all of text, as CloudFront matches."""
    p = t = 0
    star, text_at_star = -1, 0
    while t < len(text):
        if p < len(pattern) and pattern[p] == "*":
            star, text_at_star = p, t
            p += 1
        elif p < len(pattern) and pattern[p] in ("?", text[t]):
            p += 1
            t += 1
        elif star != -1:
            p = star + 1
            text_at_star += 1
            t = text_at_star
        else:
            return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)


def _resource_authority(scheme: str, authority: str) -> str:
    """Host in lowercase, without the scheme's default port, as browsers send it."""
    port_at = authority.rfind(":")
    host = (authority if port_at == -1 else authority[:port_at]).lower()
    port = None if port_at == -1 else authority[port_at + 1 :]
    if host == "" or any(character in " <>^|%@[]" for character in host):
        raise ValueError(f"resource has the host {host!r}, which no URL a browser sends has")
    if port is None or "*" in port or "?" in port:
        return host if port is None else f"{host}:{port}"
    if not (port.isascii() and port.isdigit() and len(port) <= 5 and int(port) <= 65535):
        raise ValueError(f"resource has the port {port!r}, which is no port number")
    return host if int(port) == _SCHEME_PORTS.get(scheme) else f"{host}:{int(port)}"


def _resource_dots(path: str, complete: bool) -> str:
    """Dot segments removed before the first wildcard; the last segment counts only when the path ends there."""
    segments = path.split("/")[1:]
    out = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if last and not complete:
            out.append(segment)
        elif segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if out:
                out.pop()
            if last:
                out.append("")
        elif segment.lower() in (".", "%2e"):
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def browser_resource(resource: str) -> str:
    """The cookie policy's Resource as browsers write the URLs it is to match (wildcards * and ? kept).

    Scheme and host in lowercase, no default port, dot segments resolved before the first wildcard, and
    spaces, non-ASCII, < and > (in the path before a wildcard also the backtick, {, } and ^) as UTF-8 %XX.
    """
    if resource == "":
        raise ValueError("resource is empty")
    _refuse_unsafe(resource, "resource")
    scheme_end = resource.find("://")
    if scheme_end == -1:
        raise ValueError(f"resource {resource!r} has no scheme, such as https://")
    scheme = resource[:scheme_end].lower()
    if not any(_wildcard_matches(scheme, name) for name in _SCHEME_PORTS):
        raise ValueError(f"resource uses the scheme {scheme}; only http, https, ws and wss work")
    authority_end = resource.find("/", scheme_end + 3)
    authority = resource[scheme_end + 3 : None if authority_end == -1 else authority_end]
    if not authority.isascii():
        raise ValueError(f"resource has a non-ASCII host ({authority}); write it in its xn-- form")
    wildcard = min((i for i in (authority.find("*"), authority.find("?")) if i != -1), default=-1)
    host = _resource_authority(scheme, authority) if wildcard == -1 else authority[:wildcard].lower() + authority[wildcard:]
    rest = (resource[authority_end:]) if authority_end != -1 else ("/" if wildcard == -1 else "")
    at = min((i for i in (rest.find("*"), rest.find("?")) if i != -1), default=-1)
    path, tail = (rest, "") if at == -1 else (rest[:at], rest[at:])
    path = _resource_dots(path, at == -1) if path else ""
    return scheme + "://" + host + _percent_encode(path, "<>\x60{}^") + _percent_encode(tail, "<>")
`;
