#!/usr/bin/env python3
"""Browser test of the search page as a product, on real news: an index of BBC News articles
(two categories, given their source with `index --source "BBC News"`) and dated Reuters-21578
records. In headless Chromium through chromedriver (standard library only, helpers shared with
search_page_test.py) it opens a result as an article with the query's words marked, narrows by a
category facet and by a timeline bar and sees the counts change, reloads a narrowed address and
gets the same page, goes Back to the previous query, finds no pager on a single page, sees a
spelling correction announced, saves screenshots (1280 and 400 pixels wide: home, results,
article) and runs axe-core on the home, results and article pages (no serious or critical
violations). axe-core comes from npm into NODE_PREFIX/node_modules; without it (no npm, no
network) that part is skipped with a message.

usage: search_page_product_test.py NEWSSEARCH_BINARY BBC_DIR REUTERS_DIR ARTIFACT_DIR NODE_PREFIX
($NEWSSEARCH_SHARED_DATA, when set, replaces BBC_DIR and REUTERS_DIR by its bbc/ and reuters21578/.)
Exit 0: passed; 1: failed; 77: skipped (no chromium, chromedriver or data here).
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

from search_page_test import Failure, WebDriver, free_port, http, wait_until

BBC_CATEGORIES = {"business": 100, "politics": 100}
REUTERS_FILES = ["reut2-000.sgm", "reut2-005.sgm", "reut2-010.sgm", "reut2-015.sgm", "reut2-020.sgm"]
REUTERS_RECORDS_PER_FILE = 50


def make_inputs(args, work):
    """~200 BBC files in their category folders and ~250 Reuters records from five months."""
    bbc = os.path.join(work, "bbc")
    for category, count in BBC_CATEGORIES.items():
        os.makedirs(os.path.join(bbc, category))
        names = sorted(os.listdir(os.path.join(args.bbc, category)))[:count]
        for name in names:
            shutil.copy(os.path.join(args.bbc, category, name), os.path.join(bbc, category, name))
    # One story twice: a copy of the first politics article, for the copies of a story.
    first = sorted(os.listdir(os.path.join(bbc, "politics")))[0]
    shutil.copy(os.path.join(bbc, "politics", first), os.path.join(bbc, "politics", "copy-" + first))
    reuters = os.path.join(work, "reuters")
    os.makedirs(reuters)
    for name in REUTERS_FILES:
        with open(os.path.join(args.reuters, name), "rb") as f:
            data = f.read()
        records = data.split(b"</REUTERS>")[:REUTERS_RECORDS_PER_FILE]
        with open(os.path.join(reuters, name), "wb") as f:
            f.write(b"</REUTERS>".join(records) + b"</REUTERS>\n")
    return bbc, reuters


def axe_source(prefix):
    """axe-core's script, installed with npm under `prefix` when missing; None when it cannot be."""
    path = os.path.join(prefix, "node_modules", "axe-core", "axe.min.js")
    if not os.path.exists(path):
        npm = shutil.which("npm")
        if not npm:
            print("axe: skipped, npm is not installed (scripts/install-deps --test installs it)")
            return None
        try:
            subprocess.run([npm, "install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund",
                            "axe-core@4"], check=True, timeout=120,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (subprocess.SubprocessError, OSError) as error:
            print("axe: skipped, axe-core could not be installed from npm (" + str(error) + ")")
            return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_axe(driver, axe, page):
    """No serious or critical axe-core violation on the page as it is now."""
    if axe is None:
        return
    if not driver.js("return typeof window.axe === 'object';"):
        # WebDriver scripts are not subject to the page's Content-Security-Policy.
        driver.js(axe + "\nwindow.axe = axe; return true;")
    result = driver.js_async("""
        const done = arguments[arguments.length - 1];
        window.axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    others = [v["id"] + " (" + str(v["impact"]) + ")" for v in result if v not in bad]
    print(f"axe {page}: {len(bad)} serious/critical" + (", also: " + ", ".join(others) if others else ""))
    if bad:
        raise Failure(f"axe-core on the {page} page: " + repr(bad))


def state(driver):
    return driver.js("""
        const list = document.getElementById('results');
        const status = document.getElementById('status').textContent;
        const m = status.match(/of (?:about )?(\\d+)/);
        return {state: list.dataset.state || '', total: m ? Number(m[1]) : null, status,
                ids: [...list.querySelectorAll('li.result')].map(li => li.dataset.articleId),
                marks: list.querySelectorAll('mark').length,
                url: window.location.pathname + window.location.search,
                pager: !document.getElementById('pager').hidden,
                notices: [...document.querySelectorAll('#notices .notice')].map(n => n.textContent)};""")


def wait_results(driver, what, check=lambda s: True):
    return wait_until(what, lambda: (lambda s: s if s["state"] == "done" and check(s) else None)(state(driver)))


def shots(driver, artifacts, name):
    """The whole page (up to 2400 pixels down) at 1280 and at 400 pixels wide."""
    for width, label in ((1280, "desktop"), (400, "400px")):
        driver.viewport(width, 800)
        time.sleep(0.2)
        height = min(2400, driver.js("return document.documentElement.scrollHeight;"))
        driver.viewport(width, height)
        time.sleep(0.3)
        driver.screenshot(os.path.join(artifacts, f"{name}-{label}.png"))
    driver.viewport(1280, 1000)


def run(args, work):
    bbc, reuters = make_inputs(args, work)
    db = os.path.join(work, "db")
    subprocess.run([args.binary, "index", "--quiet", "--db", db, "--source", "BBC News", bbc], check=True,
                   timeout=120, stdout=subprocess.DEVNULL)
    subprocess.run([args.binary, "index", "--quiet", "--db", db, reuters], check=True, timeout=120,
                   stdout=subprocess.DEVNULL)
    os.makedirs(args.artifacts, exist_ok=True)
    axe = axe_source(args.node_prefix)

    processes = []
    driver = None
    try:
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        processes.append(subprocess.Popen([args.binary, "serve", "--db", db, "--port", str(port), "--threads", "2"],
                                          stdout=log, stderr=log))
        site = f"http://127.0.0.1:{port}"
        wait_until("the service", lambda: http("GET", site + "/healthz", timeout=2)[0] == 200)
        driver_port = free_port()
        processes.append(subprocess.Popen([args.chromedriver, f"--port={driver_port}"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        base = f"http://127.0.0.1:{driver_port}"
        wait_until("chromedriver", lambda: http("GET", base + "/status", timeout=2)[1]["value"]["ready"])
        driver = WebDriver(base)
        driver.start(args.chromium, os.path.join(work, "profile"))
        driver.viewport(1280, 1000)

        # Home: nothing but the box; no pager, no facets.
        driver.go(site + "/")
        wait_until("the home page", lambda: driver.js("return document.getElementById('results').dataset.state") == "empty")
        home = driver.js("""return {pager: !document.getElementById('pager').hidden,
                                    pagerLinks: document.querySelectorAll('#pager a, #pager button').length,
                                    facets: !document.getElementById('facets').hidden};""")
        if home["pager"] or home["pagerLinks"] or home["facets"]:
            raise Failure("the home page shows a pager or facets: " + repr(home))
        shots(driver, args.artifacts, "home")
        check_axe(driver, axe, "home")

        # A query over both sets: results with the BBC source named, facets and a timeline.
        driver.type("#q", "market\uE007")
        market = wait_results(driver, "results for market", lambda s: "q=market" in s["url"] and s["ids"])
        if not market["marks"]:
            raise Failure("results have no highlights")
        if not market["pager"]:
            raise Failure("no pager for " + str(market["total"]) + " results")
        metas = driver.js("return [...document.querySelectorAll('#results .meta')].map(m => m.textContent);")
        if not any("BBC News" in m for m in metas):
            raise Failure("no hit names BBC News as its source: " + repr(metas))
        facets = driver.js("""return [...document.querySelectorAll('#facets .facet h2')].map(h => h.textContent);""")
        for group in ("Category", "Source", "Articles per month"):
            if group not in facets:
                raise Failure(f"no {group} facet beside the results: {facets}")
        print(f"market: {market['total']} results, facets {facets}")
        shots(driver, args.artifacts, "results")
        # On a phone the facets come after the results: their own picture.
        driver.viewport(400, 1000)
        driver.js("document.getElementById('facets').scrollIntoView();")
        time.sleep(0.3)
        driver.screenshot(os.path.join(args.artifacts, "facets-400px.png"))
        driver.js("window.scrollTo(0, 0);")
        driver.viewport(1280, 1000)
        check_axe(driver, axe, "results")

        # Narrow by a category facet: the count changes to the facet's count.
        link = driver.js("""const a = [...document.querySelectorAll('#facet-category ~ ul a.facet-value, '
                            + '[aria-labelledby=facet-category] a.facet-value')][0];
                            return a && {name: a.firstChild.textContent, count: Number(a.querySelector('.count').textContent.replace(/[^0-9]/g, ''))};""")
        if not link:
            raise Failure("no category facet value to click")
        # With the keyboard: the skip link leads to the facets, Tab to a value, Enter narrows.
        driver.js("document.getElementById('skip-to-facets').focus();")
        driver.key(["\uE007"])
        if driver.js("return document.activeElement.id;") != "facets":
            raise Failure("the skip link does not lead to the facets")
        driver.key(["\uE004"])  # Tab: the timeline's first bar is a tab stop
        if not driver.js("return document.activeElement.classList.contains('bar-link');"):
            raise Failure("Tab from the facets does not reach a timeline bar: " +
                          repr(driver.js("return document.activeElement.outerHTML.slice(0, 200);")))
        driver.js("document.querySelector('[aria-labelledby=facet-category] a.facet-value').focus();")
        driver.key(["\uE007"])
        narrowed = wait_results(driver, "narrowed by category", lambda s: "category=" in s["url"])
        if driver.js("return document.activeElement.id;") != "status":
            raise Failure("after narrowing, the focus is not on the new result count")
        if narrowed["total"] != link["count"] or narrowed["total"] == market["total"]:
            raise Failure(f"category {link['name']}: {narrowed['total']} results, the facet said {link['count']} "
                          f"(of {market['total']})")
        chips = driver.js("return [...document.querySelectorAll('#filters .chip')].map(c => c.textContent);")
        if not any(link["name"] in c for c in chips):
            raise Failure("the category filter is not shown as a removable chip: " + repr(chips))
        print(f"category {link['name']}: {narrowed['total']} results")

        # Reload the narrowed address: the same page.
        driver.refresh()
        reloaded = wait_results(driver, "the reloaded page", lambda s: True)
        if reloaded["ids"] != narrowed["ids"] or reloaded["url"] != narrowed["url"]:
            raise Failure(f"reloading {narrowed['url']} gave {reloaded['url']} {reloaded['ids']}")

        # Another query, then Back: the query before, as it was.
        driver.type("#q", "\uE009a\uE009\uE017oil\uE007")  # Ctrl+A, Delete, "oil", Enter
        wait_results(driver, "results for oil", lambda s: "q=oil" in s["url"])
        driver.back()
        wait_results(driver, "the category page again", lambda s: "q=market" in s["url"] and "category=" in s["url"])
        # Back again: the previous query, as it was.
        driver.back()
        back = wait_results(driver, "the page before", lambda s: "category=" not in s["url"])
        if back["ids"] != market["ids"] or back["total"] != market["total"]:
            raise Failure(f"Back gave {back['url']} {back['ids']}, not {market['ids']}")

        # The timeline: a bar narrows to its month, and the count changes.
        bar = driver.js("""const bars = [...document.querySelectorAll('#facets .bar-link')];
                           bars.sort((a, b) => b.getAttribute('aria-label').localeCompare(a.getAttribute('aria-label')));
                           const a = bars.find(b => !/: 0 articles/.test(b.getAttribute('aria-label')));
                           return a && {period: a.dataset.period, label: a.getAttribute('aria-label')};""")
        if not bar:
            raise Failure("no timeline bar")
        driver.click(f"#facets .bar-link[data-period='{bar['period']}']")
        dated = wait_results(driver, "narrowed by month", lambda s: "since=" + bar["period"] in s["url"])
        expected = int(re.search(r": (\d+) article", bar["label"]).group(1))
        if dated["total"] != expected or dated["total"] == market["total"]:
            raise Failure(f"bar {bar['label']}: {dated['total']} results (of {market['total']})")
        values = driver.js("return [document.getElementById('since').value, document.getElementById('until').value];")
        if values != [bar["period"], bar["period"]]:
            raise Failure("the date range inputs do not show the bar's month: " + repr(values))
        print(f"timeline {bar['label']}: {dated['total']} results")

        # Sort: newest first puts dates in descending order.
        driver.go(site + "/?q=market&sort=newest")
        newest = wait_results(driver, "newest first")
        dates = driver.js("return [...document.querySelectorAll('#results .meta')].map(m => (m.textContent.match(/\\d{4}-\\d{2}-\\d{2}/) || [''])[0]).filter(Boolean);")
        if dates != sorted(dates, reverse=True) or not dates:
            raise Failure("newest first is not in date order: " + repr(dates))

        # One page of results: no pager at all (and nothing of it to Tab to).
        driver.go(site + "/?q=" + urllib.parse.quote("Blair election"))
        few = wait_results(driver, "a short result list", lambda s: True)
        if few["total"] is None or few["total"] > 10:
            driver.go(site + "/?q=" + urllib.parse.quote('"Labour manifesto"'))
            few = wait_results(driver, "a short result list")
        if few["pager"] or driver.js("return document.querySelectorAll('#pager a, #pager button').length;"):
            raise Failure(f"a pager for one page of {few['total']} results")

        # A misspelled word: the correction is announced in the live region.
        driver.go(site + "/?q=parliment")
        corrected = wait_results(driver, "the corrected search", lambda s: s["ids"])
        if not any("parliament" in n.lower() for n in corrected["notices"]):
            raise Failure("no notice of the correction: " + repr(corrected))
        live = driver.js("return document.getElementById('notices').getAttribute('aria-live');")
        if live != "polite":
            raise Failure("notices are not in a live region")
        print("parliment: " + " | ".join(corrected["notices"]))

        # An article: opened from a result, the query's words marked, entity chips, more like this.
        driver.go(site + "/?q=" + urllib.parse.quote("Blair"))
        blair = wait_results(driver, "results for Blair", lambda s: s["ids"])
        driver.click("#results li.result h2 a")
        wait_until("the article view", lambda: driver.js("return document.getElementById('article').dataset.state") == "done")
        article = driver.js("""return {url: location.pathname + location.search, id: document.getElementById('article').dataset.articleId,
                                        title: document.getElementById('article-title').textContent,
                                        marks: document.querySelectorAll('#article-body mark').length,
                                        meta: document.getElementById('article-meta').textContent,
                                        chips: document.querySelectorAll('#article-entity-list a.chip').length,
                                        focused: document.activeElement && document.activeElement.id};""")
        if article["id"] != blair["ids"][0] or not article["url"].startswith("/article/") or "q=Blair" not in article["url"]:
            raise Failure("the result did not open its article: " + repr(article))
        if not article["marks"] or "BBC News" not in article["meta"] or not article["chips"]:
            raise Failure("the article view lacks highlights, source or entity chips: " + repr(article))
        wait_until("more like this", lambda: driver.js("return !document.getElementById('more-like').hidden;"))
        print(f"article {article['id']}: {article['marks']} highlights, {article['chips']} entity chips")
        shots(driver, args.artifacts, "article")
        check_axe(driver, axe, "article")
        # Its address works on its own (reload) and Back returns to the results.
        driver.refresh()
        wait_until("the reloaded article", lambda: driver.js("return document.getElementById('article').dataset.articleId") == article["id"])
        driver.back()
        again = wait_results(driver, "the results again", lambda s: "q=Blair" in s["url"])
        if again["ids"] != blair["ids"]:
            raise Failure("Back from the article did not return to the results")
        # An entity chip of the article searches for that entity.
        driver.go(site + article["url"])
        wait_until("the article", lambda: driver.js("return document.getElementById('article').dataset.state") == "done")
        key = driver.js("return document.querySelector('#article-entity-list a.chip').dataset.entity;")
        driver.click("#article-entity-list a.chip")
        by_entity = wait_results(driver, "the entity's articles", lambda s: "entity=" + key in s["url"])
        if not by_entity["ids"]:
            raise Failure("the entity chip found nothing")
        # One story once: a story's copy is folded under its hit, and its article view lists it.
        first = sorted(os.listdir(os.path.join(bbc, "politics")))[0]
        copy_id = "politics/copy-" + os.path.splitext(first)[0]
        original_id = "politics/" + os.path.splitext(first)[0]
        with open(os.path.join(bbc, "politics", first), encoding="utf-8", errors="replace") as f:
            headline = f.readline().strip()
        driver.go(site + "/?q=" + urllib.parse.quote(headline))
        story = wait_results(driver, "the story's results", lambda s: s["ids"])
        folded = driver.js("""return [...document.querySelectorAll('#results li.result')].map(li =>
                                [li.dataset.articleId, [...li.querySelectorAll('details.copies a')].map(a => a.textContent)]);""")
        hits_of_story = [entry for entry in folded if entry[0] in (original_id, copy_id)]
        if len(hits_of_story) != 1 or not hits_of_story[0][1]:
            raise Failure("the story and its copy are not one hit with the copy folded under it: " + repr(folded))
        driver.go(site + "/article/" + urllib.parse.quote(original_id, safe=""))
        wait_until("the article's copies", lambda: driver.js("return !document.getElementById('article-copies').hidden;"))
        listed = driver.js("return [...document.querySelectorAll('#article-copies-list a')].map(a => a.textContent);")
        if listed != [copy_id]:
            raise Failure("the article view does not list its copy: " + repr(listed))
        print(f"copies: {hits_of_story[0][0]} folds {hits_of_story[0][1]}; its article view lists {listed}")
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
    parser.add_argument("bbc")
    parser.add_argument("reuters")
    parser.add_argument("artifacts")
    parser.add_argument("node_prefix")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    # As the other tests on the shared data: $NEWSSEARCH_SHARED_DATA, when set, says where it is.
    shared = os.environ.get("NEWSSEARCH_SHARED_DATA")
    if shared:
        args.bbc, args.reuters = os.path.join(shared, "bbc"), os.path.join(shared, "reuters21578")
    for tool in (args.chromium, args.chromedriver):
        if not shutil.which(tool):
            print("skipped: " + tool + " is not installed (scripts/install-deps --test)")
            return 77
    for folder in (args.bbc, args.reuters):
        if not os.path.isdir(folder):
            print("skipped: no data at " + folder)
            return 77
    work = tempfile.mkdtemp(prefix="newssearch-browser-")
    started = time.monotonic()
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
    print(f"passed in {time.monotonic() - started:.1f} s; screenshots in {args.artifacts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
