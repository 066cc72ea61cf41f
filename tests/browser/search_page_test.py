#!/usr/bin/env python3
"""Browser test of the search page: headless Chromium driven through chromedriver's W3C WebDriver
HTTP protocol (standard library only). Starts `newssearch serve` over an index of the bundled
corpus plus an article carrying markup, types a query, checks highlighted results, narrows them
with an entity chip, and checks the article's <script> never runs. Stops everything it started.

usage: search_page_test.py NEWSSEARCH_BINARY CORPUS_RAW_DIR [--chromium PATH] [--chromedriver PATH]
Exit 0: passed; 1: failed; 77: skipped (no chromium or chromedriver here).
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
SCRIPT_ARTICLE = (
    "Embassy statement on the zanzibarquokka treaty <script>document.title='pwned'</script>\n"
    "Source: example.test\n\n"
    "The embassy statement about the zanzibarquokka treaty read: <script>document.title='pwned';"
    "window.pwned=1</script> and then <img src=x onerror=\"window.pwned=2\"> before it ended. "
    "Sergey Lavrov did not comment.\n\n"
    "A second paragraph repeats that the zanzibarquokka treaty stands.\n"
)


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def wait_until(what, check, timeout=20):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.1)
    raise Failure("timed out waiting for " + what + " (last: " + repr(last) + ")")


class WebDriver:
    def __init__(self, base):
        self.base = base
        self.session = None

    def call(self, method, path, body=None):
        status, reply = http(method, self.base + "/session/" + self.session + path, body)
        if status != 200:
            raise Failure(f"WebDriver {method} {path}: {status} {reply}")
        return reply["value"]

    def start(self, chromium, profile):
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile]
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "pageLoadStrategy": "normal",
            "timeouts": {"script": 10000, "pageLoad": 20000, "implicit": 0},
            "goog:chromeOptions": {"binary": chromium, "args": args}}}}
        status, reply = http("POST", self.base + "/session", capabilities, timeout=60)
        if status != 200:
            raise Failure(f"cannot start a browser session: {status} {reply}")
        self.session = reply["value"]["sessionId"]

    def quit(self):
        if self.session:
            try:
                http("DELETE", self.base + "/session/" + self.session, timeout=15)
            except OSError:
                pass
            self.session = None

    def go(self, url):
        self.call("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        return self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def type(self, css, text):
        self.call("POST", "/element/" + self.find(css) + "/value", {"text": text})

    def click(self, css):
        self.call("POST", "/element/" + self.find(css) + "/click", {})

    def js_async(self, script, *args):
        return self.call("POST", "/execute/async", {"script": script, "args": list(args)})

    def cdp(self, command, params):
        return self.call("POST", "/goog/cdp/execute", {"cmd": command, "params": params})

    def viewport(self, width, height):
        """Sets the page's viewport (what a phone or a desktop window shows)."""
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def screenshot(self, path):
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("GET", "/screenshot")))

    def back(self):
        self.call("POST", "/back", {})

    def refresh(self):
        self.call("POST", "/refresh", {})

    def key(self, keys):
        """Sends keys to the focused element."""
        actions = [{"type": "keyDown", "value": k} for k in keys] + [{"type": "keyUp", "value": k} for k in keys]
        self.call("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})


def results_state(driver):
    return driver.js("""
        const list = document.getElementById('results');
        return {state: list.dataset.state || '',
                ids: [...list.querySelectorAll('li.result')].map(li => li.dataset.articleId),
                marks: list.querySelectorAll('mark').length,
                search: window.location.search};""")


def run(args, work):
    # The index: the bundled corpus and the markup article.
    extra = os.path.join(work, "extra")
    os.makedirs(extra)
    with open(os.path.join(extra, "script_article.txt"), "w", encoding="utf-8") as f:
        f.write(SCRIPT_ARTICLE)
    db = os.path.join(work, "db")
    subprocess.run([args.binary, "index", "--db", db, args.corpus, extra], check=True, timeout=120,
                   stdout=subprocess.DEVNULL)

    processes = []
    driver = None
    try:
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        processes.append(subprocess.Popen([args.binary, "serve", "--db", db, "--port", str(port),
                                           "--threads", "2"], stdout=log, stderr=log))
        site = f"http://127.0.0.1:{port}"
        wait_until("the service", lambda: http("GET", site + "/healthz", timeout=2)[0] == 200)

        driver_port = free_port()
        processes.append(subprocess.Popen([args.chromedriver, f"--port={driver_port}"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        base = f"http://127.0.0.1:{driver_port}"
        wait_until("chromedriver", lambda: http("GET", base + "/status", timeout=2)[1]["value"]["ready"])
        driver = WebDriver(base)
        driver.start(args.chromium, os.path.join(work, "profile"))

        driver.go(site + "/")
        wait_until("the page script", lambda: driver.js("return document.getElementById('results').dataset.state") == "empty")

        # Type-ahead: a few letters offer completions.
        driver.type("#q", "Lav")
        suggestions = wait_until("suggestions", lambda: driver.js(
            "const l = document.getElementById('suggestions');"
            "return !l.hidden && [...l.querySelectorAll('li .text')].map(e => e.textContent);"))
        if not any(s.lower().startswith("lavrov") or "Lavrov" in s for s in suggestions):
            raise Failure("no Lavrov completion among " + repr(suggestions))

        # A query: highlighted results.
        driver.type("#q", "rov\uE007")  # completes "Lavrov", then Enter
        first = wait_until("results for Lavrov", lambda: (
            lambda s: s if s["state"] == "done" and "q=Lavrov" in s["search"] and s["ids"] else None)(results_state(driver)))
        if first["marks"] == 0:
            raise Failure("results have no <mark> highlights")
        print(f"query Lavrov: {len(first['ids'])} results, {first['marks']} highlights")

        # An entity chip narrows the list: pick one that does not cover every result.
        chips = driver.js("return [...document.querySelectorAll('#results .chip[data-entity]:not([disabled])')]"
                          ".map(c => c.dataset.entity);")
        chosen = None
        for key in dict.fromkeys(chips):
            query = urllib.parse.urlencode({"q": "Lavrov", "entity": key, "limit": 10})
            status, body = http("GET", site + "/api/search?" + query)
            if status == 200 and 0 < len(body["hits"]) < len(first["ids"]):
                chosen, expected = key, [hit["article_id"] for hit in body["hits"]]
                break
        if not chosen:
            raise Failure("no entity chip narrows the results: " + repr(chips))
        driver.click(f"#results .chip[data-entity='{chosen}']")
        narrowed = wait_until("narrowed results", lambda: (
            lambda s: s if s["state"] == "done" and "entity=" + chosen in s["search"] else None)(results_state(driver)))
        if narrowed["ids"] != expected:
            raise Failure(f"after the {chosen} chip: {narrowed['ids']}, expected {expected}")
        active = driver.js("return [...document.querySelectorAll('#filters .chip')].length;")
        if active != 1:
            raise Failure("the active entity filter is not shown")
        print(f"chip {chosen}: {len(narrowed['ids'])} results")

        # The markup article: shown as text, never run.
        driver.go(site + "/?q=zanzibarquokka")
        wait_until("the markup article", lambda: results_state(driver)["ids"] == ["script_article"])
        page = driver.js("""return {title: document.title, pwned: typeof window.pwned,
                                    elements: document.querySelectorAll('#results script, #results img').length,
                                    text: document.getElementById('results').textContent};""")
        if page["title"] == "pwned" or page["pwned"] != "undefined" or page["elements"] != 0:
            raise Failure("article markup ran or was inserted as HTML: " + repr(page))
        if "<script>" not in page["text"] or "onerror=" not in page["text"]:
            raise Failure("article markup is not shown as text: " + repr(page["text"][:300]))
        # The error handler of an injected image would run asynchronously: give it the chance.
        time.sleep(0.5)
        if driver.js("return typeof window.pwned;") != "undefined" or driver.js("return document.title;") == "pwned":
            raise Failure("article markup ran")
        print("markup article: shown as text, nothing ran")

        # Its article view: the whole text, marked, and still never run.
        driver.click("#results li.result h2 a")
        wait_until("the markup article's view",
                   lambda: driver.js("return document.getElementById('article').dataset.state") == "done")
        time.sleep(0.5)
        view = driver.js("""const a = document.getElementById('article');
                            return {title: document.title, pwned: typeof window.pwned,
                                    elements: a.querySelectorAll('script, img').length,
                                    marks: a.querySelectorAll('mark').length, text: a.textContent,
                                    url: location.pathname + location.search};""")
        if view["title"] == "pwned" or view["pwned"] != "undefined" or view["elements"] != 0:
            raise Failure("article markup ran or was inserted as HTML in the article view: " + repr(view))
        if "<script>" not in view["text"] or "onerror=" not in view["text"] or view["marks"] < 2:
            raise Failure("the article view does not show the markup as text with marks: " + repr(view))
        if view["url"] != "/article/script_article?q=zanzibarquokka":
            raise Failure("the article view's address is " + view["url"])
        print("markup article view: shown as text, marked, nothing ran")
    finally:
        if driver:
            driver.quit()
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("corpus")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    for tool in (args.chromium, args.chromedriver):
        if not shutil.which(tool):
            print("skipped: " + tool + " is not installed (scripts/install-deps --test)")
            return 77
    work = tempfile.mkdtemp(prefix="newssearch-browser-")
    try:
        run(args, work)
    except (Failure, subprocess.SubprocessError) as error:
        print("FAILED: " + str(error), file=sys.stderr)
        log = os.path.join(work, "serve.log")
        if os.path.exists(log):
            print(open(log).read()[-3000:], file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
