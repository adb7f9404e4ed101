"""Writes BenchmarkDotNet JSON results as one markdown table into docs/performance.md (between the bench-results markers).

Each library row is shown with the baseline of its own class and parameters, measured in the same run, and the ratios
of the medians and of the allocations. Usage: results-table.py JOB COMMIT DOC RESULT.json...
"""
import datetime
import json
import platform
import re
import sys

BASELINES = {"RawHttpClient", "PriceOnly", "SerializeDto", "Floor"}
BEGIN, END = "<!-- bench-results:begin -->", "<!-- bench-results:end -->"


def time_text(ns):
    return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.2f} µs" if ns >= 1e3 else f"{ns:.0f} ns"


def size_text(b):
    return f"{b / 1024:.1f} KB" if b >= 1024 else f"{b} B"


def title(b):
    return b["MethodTitle"].strip("'").replace("|", "/")


def main(job, commit, doc, paths):
    rows, host = [], None
    for path in paths:
        data = json.load(open(path, encoding="utf-8"))
        host = data["HostEnvironmentInfo"]
        groups = {}
        for b in data["Benchmarks"]:
            groups.setdefault((b["Type"], b["Parameters"]), []).append(b)
        for (kind, params), items in sorted(groups.items(), key=lambda g: (g[0][0], [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", g[0][1])])):
            base = next((b for b in items if b["Method"] in BASELINES), None)
            for b in items:
                if b is base or base is None:
                    continue
                median, base_median = b["Statistics"]["Median"], base["Statistics"]["Median"]
                alloc, base_alloc = b["Memory"]["BytesAllocatedPerOperation"], base["Memory"]["BytesAllocatedPerOperation"]
                rows.append(f"| {kind} | {params or '–'} | {title(b)} | {time_text(median)} | {size_text(alloc)} | {title(base)} | "
                            f"{time_text(base_median)} | {size_text(base_alloc)} | **{median / base_median:.2f}** | "
                            f"{alloc / base_alloc:.2f} (+{size_text(alloc - base_alloc)}) |")
    machine = (f"{host['ProcessorName']}, {host['LogicalCoreCount']} logical cores, {host['OsVersion']}, "
               f"{host['RuntimeVersion'].split(' (')[0]}, {platform.machine()}")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    table = "\n".join([
        BEGIN,
        f"Machine: {machine}. Date: {now}. Commit: `{commit}`. Job: `{job}` (in-process). Times are medians.",
        "",
        "| Class | Parameters | Measured | Median | Allocated | Baseline | Baseline median | Baseline allocated | Ratio | Alloc ratio (extra) |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        END,
    ])
    text = open(doc, encoding="utf-8").read()
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + table + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Latest run (bench/run.sh)\n\n" + table + "\n"
    open(doc, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
