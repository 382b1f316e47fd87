# Runs generated Python signing modules over the conformance corpus in one process (conformance.test.ts).
# stdin: {"now": epoch seconds, "lifetime": seconds, "variants": [{"id", "file", "kind"}], "urls": [...], "resources": [...]}
# (url and streamCookies variants are given the URLs, cookies variants the resources)
# stdout: {"<id>": [signed URL, Cookie header value, or "ERROR <message>" per entry]}
import importlib.util
import json
import sys
import time

job = json.load(sys.stdin)
time.time = lambda: job["now"]  # the fixed clock; the modules read time.time() when they sign
results = {}
for variant in job["variants"]:
    spec = importlib.util.spec_from_file_location("sign_" + variant["id"].replace("-", "_"), variant["file"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    outputs = []
    for target in job["resources"] if variant["kind"] == "cookies" else job["urls"]:
        try:
            if variant["kind"] == "url":
                outputs.append(module.sign_url(target, job["lifetime"]))
            else:
                # streamCookies: the target is a playlist's URL, the cookies cover its folder.
                resource = module.stream_resource(target) if variant["kind"] == "streamCookies" else target
                outputs.append("; ".join(f"{name}={value}" for name, value in module.sign_cookies(resource, job["lifetime"]).items()))
        except Exception as error:  # noqa: BLE001 - every refusal is an answer here
            outputs.append(f"ERROR {error}")
    results[variant["id"]] = outputs
json.dump(results, sys.stdout)
