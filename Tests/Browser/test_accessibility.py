#!/usr/bin/env python3
"""Accessibility audit of built pages with axe-core in headless Chromium.

Usage: test_accessibility.py PAGE.html [PAGE.html ...]

axe-core comes from the PyPI package axe-selenium-python (it bundles axe.min.js; nothing is
fetched). Every page is audited against axe's WCAG 2 A/AA and best-practice rules in the light
and the dark color scheme, once more with the course navigation and the table of contents opened
(they are closed disclosures by default, and axe skips what is hidden), and pages with a quiz once
more after "Check score" with every answer wrong (a cell picked in every cell grid), so that the
verdicts, the result line and a picked cell are audited too. Any violation fails.

Navigation, checked in each lesson page: the skip links are the first things Tab reaches and lead
to existing targets; every <nav> landmark has its own label; opening a disclosure with the
keyboard (Enter on its summary) shows its links; and on a 375 x 667 phone screen the lesson's
title and the start of <main> are above the fold with the navigation closed.
"""
import os
import sys

import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"),
           encoding="utf-8").read()
RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"]}})
  .then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });
"""


def driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


def audit(d, label):
    d.execute_script(AXE)
    result = d.execute_async_script(RUN)
    if "error" in result:
        raise SystemExit(f"FAIL {label}: axe did not run: {result['error']}")
    violations = result["violations"]
    print(f"{'ok' if not violations else 'FAIL'}: {label}: {len(result['passes'])} rules pass, {len(violations)} violated")
    for v in violations:
        print(f"  {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:3]:
            print(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return len(violations)


def navigation(d, page):
    """Keyboard and small-screen checks of a lesson page's navigation; returns the failure count."""
    failures = 0

    def check(condition, message):
        nonlocal failures
        print(("ok: " if condition else "FAIL: ") + f"{page}: {message}")
        failures += 0 if condition else 1

    url = "file://" + os.path.abspath(page)
    d.set_window_size(1200, 1000)
    d.get(url)
    if not d.find_elements(By.CSS_SELECTOR, "nav.course"):
        return 0
    labels = [n.get_attribute("aria-label") or "" for n in d.find_elements(By.CSS_SELECTOR, "nav")]
    check(all(labels) and len(set(labels)) == len(labels), f"every nav has its own label {labels}")
    skips = d.find_elements(By.CSS_SELECTOR, "a.skip-link")
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = d.switch_to.active_element
    check(skips and first == skips[0] and first.is_displayed(), "Tab reaches the first skip link first, and shows it")
    for skip in skips:
        target = skip.get_attribute("href").split("#", 1)[1]
        check(bool(d.find_elements(By.ID, target)), f"skip link to #{target} has a target")
    for summary in d.find_elements(By.CSS_SELECTOR, "nav details > summary"):
        d.execute_script("arguments[0].focus()", summary)
        d.switch_to.active_element.send_keys(Keys.ENTER)
    links = d.find_elements(By.CSS_SELECTOR, "nav.course a, nav.toc a")
    check(links and all(link.is_displayed() for link in links), "Enter on each summary opens its links")
    current = d.find_elements(By.CSS_SELECTOR, "nav.course a[aria-current=page]")
    check(len(current) == 1, "exactly one current lesson in the course navigation")
    d.set_window_size(375, 667)
    d.get(url)
    height = d.execute_script("return window.innerHeight")
    h1 = d.execute_script("return document.querySelector('h1').getBoundingClientRect().bottom")
    main_top = d.execute_script("return document.querySelector('main').getBoundingClientRect().top")
    check(h1 < height / 2 and main_top < height,
          f"on a phone the title (bottom {h1:.0f}px) and the lesson (top {main_top:.0f}px) start above the fold ({height}px)")
    d.set_window_size(1200, 1000)
    return failures


def main(pages):
    d = driver()
    failures = 0
    try:
        d.get("about:blank")
        print(f"axe-core {d.execute_script(AXE + '; return axe.version;')}")
        for page in pages:
            url = "file://" + os.path.abspath(page)
            for scheme in ["light", "dark"]:
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                d.get(url)
                d.execute_script("try { localStorage.clear(); } catch (e) {}")
                d.refresh()
                failures += audit(d, f"{page} ({scheme})")
                summaries = d.find_elements(By.CSS_SELECTOR, "nav details > summary")
                if summaries:
                    for summary in summaries:
                        summary.click()
                    links = d.find_elements(By.CSS_SELECTOR, "nav.course a, nav.toc a")
                    if not all(link.is_displayed() for link in links):
                        failures += 1
                        print(f"FAIL: {page} ({scheme}): opened navigation still hides links")
                    failures += audit(d, f"{page} ({scheme}, navigation and contents open)")
                buttons = [b for b in d.find_elements(By.CSS_SELECTOR, "section.quiz button") if "Check" in b.text]
                if buttons:
                    for field in d.find_elements(By.CSS_SELECTOR, "section.question input[type=text]"):
                        field.send_keys("-12345")
                    for group in d.find_elements(By.CSS_SELECTOR, "section.question fieldset"):
                        group.find_elements(By.CSS_SELECTOR, "input[type=radio]")[0].click()
                    for grid in d.find_elements(By.CSS_SELECTOR, "table.cell-grid"):
                        grid.find_elements(By.CSS_SELECTOR, "td[role=gridcell]")[-1].click()
                    buttons[0].click()
                    failures += audit(d, f"{page} ({scheme}, after checking)")
        for page in pages:
            failures += navigation(d, page)
    finally:
        d.quit()
    if failures:
        raise SystemExit(f"FAIL: {failures} accessibility violations")
    print("ok: no accessibility violations")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
