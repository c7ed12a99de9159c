#!/usr/bin/env python3
"""Loads a rendered page in headless Chromium (selenium) and reports layout facts as JSON.

Usage: render_browser_check.py PAGE.html [SCREENSHOT_DIR]
Exit status 3 (and "SKIP ...") when selenium or chromium is not available.

For viewport widths 320, 390 and 1200: the page's scroll width against its client width (no
sideways page scrolling), the text a reader copies when selecting the first listing, the
computed ::before of a listing line and of the output, the first formula's rendered size; the
accessibility tree's role, name and text for the first listing and output (no line numbers, no
duplicated "Output" label);
then the dark scheme's body background and, for print media, whether navigation is hidden
and listings wrap.
"""
import json
import os
import sys

try:
    from selenium import webdriver
except Exception as error:  # pragma: no cover
    print("SKIP selenium unavailable:", error)
    sys.exit(3)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    print("SKIP chromium or chromedriver missing")
    sys.exit(3)

PROBE = """
const de = document.documentElement;
const code = document.querySelector('pre.listing code');
const sel = getSelection(); sel.removeAllRanges();
const range = document.createRange(); range.selectNodeContents(code); sel.addRange(range);
const copied = sel.toString(); sel.removeAllRanges();
const line = getComputedStyle(document.querySelector('pre.listing .line'), '::before');
const output = getComputedStyle(document.querySelector('pre.output'), '::before');
const math = document.querySelector('math').getBoundingClientRect();
const frac = document.querySelector('mfrac').getBoundingClientRect();
return {scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, copied: copied,
        lineNumber: line.content, lineSelect: line.userSelect || line.webkitUserSelect,
        outputLabel: output.content, mathHeight: math.height, mathWidth: math.width, fracHeight: frac.height,
        fontFamily: getComputedStyle(document.body).fontFamily};
"""

def accessible_text(driver, selectors):
    """Role, accessible name and the joined StaticText that assistive technology gets for the
    first element matching each selector (from Chromium's accessibility tree)."""
    document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    nodes = {node["nodeId"]: node for node in tree["nodes"]}
    found = {}
    for selector in selectors:
        node_id = driver.execute_cdp_cmd("DOM.querySelector",
                                         {"nodeId": document["root"]["nodeId"], "selector": selector})["nodeId"]
        partial = driver.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})
        root = partial["nodes"][0]
        texts = []

        def walk(identifier):
            node = nodes.get(identifier)
            if node is None:
                return
            if node.get("role", {}).get("value") == "StaticText":
                texts.append(node.get("name", {}).get("value", ""))
            for child in node.get("childIds", []):
                walk(child)

        walk(root["nodeId"])
        found[selector] = {"role": root.get("role", {}).get("value"), "name": root.get("name", {}).get("value"),
                           "text": "".join(texts)}
    return found


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
    options.add_argument(argument)
options.binary_location = CHROMIUM
driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
try:
    url = "file://" + os.path.abspath(sys.argv[1])
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    result = {}
    for width in (320, 390, 1200):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
        driver.get(url)
        result[str(width)] = driver.execute_script(PROBE)
        if shots:
            driver.save_screenshot(os.path.join(shots, "viewport-%d.png" % width))
    result["accessibility"] = accessible_text(driver, ["pre.listing", "pre.output"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    driver.get(url)
    result["dark"] = driver.execute_script(
        "return {background: getComputedStyle(document.body).backgroundColor,"
        " color: getComputedStyle(document.body).color,"
        " keyword: getComputedStyle(document.querySelector('.tok-kw')).color};")
    if shots:
        driver.execute_script("document.querySelector('pre.listing').scrollIntoView()")
        driver.save_screenshot(os.path.join(shots, "dark-1200.png"))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    driver.get(url)
    result["print"] = driver.execute_script(
        "return {nav: getComputedStyle(document.querySelector('.site-nav')).display,"
        " preWrap: getComputedStyle(document.querySelector('pre.listing')).whiteSpace,"
        " background: getComputedStyle(document.body).backgroundColor,"
        " breakInside: getComputedStyle(document.querySelector('table.matrix')).breakInside};")
    print(json.dumps(result, sort_keys=True))
finally:
    driver.quit()
